/**
 * A PDF whose text layer is missing or unusable is a scan: its pages go to OCR
 * (`ocrPdf`, Tesseract). The signature stamp found in the file's text (signing tools add
 * one as text even to scans) is kept after the OCR text, as for text PDFs, and the reason
 * the file was taken for a scan is said when OCR cannot run.
 */
import type { IngestMessage } from '../../../model.ts';
import { ocrPdf } from '../ocr.ts';
import type { ReaderOutput, ReadOptions } from '../reader.ts';

export interface ScanContext {
  /** Signature stamps found in the file's text, as lines ready for the text's end. */
  stampLines: string[];
  /** Messages of the text read so far (pages left out…). */
  messages: IngestMessage[];
  /** Whether there was a text layer at all (an unusable one, then). */
  hadTextLayer: boolean;
}

/** Read a scanned PDF through OCR. */
export async function readScan(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions,
  pageCount: number,
  context: ScanContext,
): Promise<ReaderOutput> {
  const output = await ocrPdf(bytes, file, options, pageCount);
  const messages = [...context.messages, ...output.messages];
  if (output.text === null) {
    // OCR off or unavailable: the message says so; add why the file needed it.
    const why = context.hadTextLayer
      ? 'lớp chữ có sẵn trong tệp không dùng được: chữ nhận dạng sai hoặc lỗi phông'
      : 'tệp không có lớp chữ';
    messages.push({
      file,
      level: 'warning',
      code: 'pdf-is-scan',
      message: `Tệp “${file}” là PDF bản quét (${why}); cần nhận dạng chữ (OCR) để đọc.`,
    });
    return { ...output, messages };
  }
  const text = context.stampLines.length > 0 ? [output.text, ...context.stampLines].join('\n') : output.text;
  return { ...output, text, messages };
}
