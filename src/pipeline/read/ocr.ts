/**
 * OCR of scanned documents (images and PDFs without a usable text layer) with Debian's
 * Tesseract. Work in progress: the signatures are final, the bodies are being filled in.
 */
import { plainOrigin, readerError, type Reader, type ReaderOutput, type ReadOptions } from './reader.ts';

/** Reader of .png/.jpg/.tif scans (format 'image'). */
export const readImage: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('image', 'tesseract'), 'ocr-unavailable', `Chưa đọc được tệp “${file}” (ảnh quét).`);

/**
 * OCR a PDF that has no text layer (or a garbage one); called by the PDF reader.
 * Returns origin.format 'pdf-scan'.
 *
 * @param pageCount Pages as the PDF reader counted them, or null when unknown (then pdfinfo counts).
 */
export async function ocrPdf(
  _bytes: Uint8Array,
  file: string,
  _options: ReadOptions,
  pageCount: number | null,
): Promise<ReaderOutput> {
  return readerError(file, plainOrigin('pdf-scan', 'tesseract', pageCount), 'ocr-unavailable', `Chưa đọc được tệp “${file}” (PDF bản quét).`);
}

/** Whether Tesseract with Vietnamese and pdftoppm are installed (cached per process). */
export async function tesseractAvailable(): Promise<{ ok: boolean; reason?: string }> {
  return { ok: false, reason: 'chưa cài đặt' };
}
