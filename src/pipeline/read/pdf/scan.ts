/**
 * A PDF whose text layer is missing or unusable is a scan: its pages go to OCR.
 *
 * The OCR reader (`ocrPdf` in ../ocr.ts) is being written alongside; until it is there, a
 * scan is reported as needing OCR. The signature stamp found in the file (signing tools
 * add one as text even to scans) is kept with the result.
 */
import type { IngestMessage } from '../../../model.ts';
import { readerError, type ReaderOutput, type ReadOptions } from '../reader.ts';

export interface ScanContext {
  /** Signature stamps found in the file's text, each as its lines. */
  stamps: string[][];
  /** Messages of the text read so far (pages left out…). */
  messages: IngestMessage[];
  /** Whether there was a text layer at all (an unusable one, then). */
  hadTextLayer: boolean;
}

/** Read a scanned PDF. */
export async function readScan(
  _bytes: Uint8Array,
  file: string,
  _options: ReadOptions,
  pageCount: number,
  context: ScanContext,
): Promise<ReaderOutput> {
  const why = context.hadTextLayer ? 'lớp chữ có sẵn trong tệp không dùng được: chữ nhận dạng sai hoặc lỗi phông' : 'tệp không có lớp chữ';
  return readerError(
    file,
    { format: 'pdf-scan', reader: 'pdfjs', pageCount, conversions: [], ocr: null },
    'scan-needs-ocr',
    `Tệp “${file}” là PDF bản quét (${why}); cần nhận dạng chữ (OCR) để đọc.`,
    context.messages,
  );
}
