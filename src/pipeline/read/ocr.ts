/**
 * OCR of scanned documents with Debian's Tesseract (`tesseract-ocr`, `tesseract-ocr-vie`)
 * and poppler's pdftoppm: `readImage` for .png/.jpg/.tif files, `ocrPdf` for PDFs whose
 * text layer is missing or garbage (called by the PDF reader). The work is in `ocr/`:
 * commands and availability, the header size check, the cache, TSV → lines, messages.
 */
import { createOcr, type PagesOcr } from './ocr/engine.ts';
import type { Reader, ReaderOutput, ReadOptions } from './reader.ts';

const ocr = createOcr();

/** Reader of .png/.jpg/.tif scans (format 'image'). */
export const readImage: Reader = (bytes, file, options) => ocr.readImage(bytes, file, options);

/**
 * OCR a PDF that has no text layer (or a garbage one); origin.format is 'pdf-scan'.
 *
 * @param pageCount Pages as the PDF reader counted them, or null when unknown (pdfinfo counts).
 */
export function ocrPdf(bytes: Uint8Array, file: string, options: ReadOptions, pageCount: number | null): Promise<ReaderOutput> {
  return ocr.ocrPdf(bytes, file, options, pageCount);
}

/**
 * OCR only the given pages of a PDF (1-based): those of a text PDF without a text layer.
 *
 * @returns Each page's lines and the confidence, or why OCR could not run.
 */
export function ocrPdfPages(bytes: Uint8Array, file: string, options: ReadOptions, pages: readonly number[]): Promise<PagesOcr> {
  return ocr.ocrPdfPages(bytes, file, options, pages);
}

/** Whether Tesseract with Vietnamese, pdftoppm and pdfinfo are installed (asked once per process). */
export function tesseractAvailable(): Promise<{ ok: boolean; reason?: string }> {
  return ocr.tesseractAvailable();
}

export { createOcr, type PagesOcr } from './ocr/engine.ts';
