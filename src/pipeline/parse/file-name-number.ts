/**
 * The number of a scan whose number field could not be read, taken from its file name.
 *
 * An office prints a letter with the number left blank ("Số:     /UBND-KSTTHC"), writes the
 * number in by hand after signing, scans it, and names the scan by that number ("275.pdf",
 * "493 TB.pdf", "phutho-stttt-cv-275-2011-scan.pdf"). Tesseract reads the printed code and not
 * the handwriting (the "275" of phutho-stttt-cv-275-2011-scan.pdf, cropped and re-read as one
 * line or word of digits, psm 7, 8 and 13, thresholded or not, came back empty), so the header
 * has the code and no digits. Then, and
 * only for an OCR'd text, the digits are taken from the file name when the name holds exactly
 * one standalone number that is not a year; anything else (two numbers, a date, a register
 * number beside the document's) leaves the number unknown. The result says where the number
 * came from, and the page and the report say so too.
 */

import type { SourceOrigin } from '../../model.ts';

/**
 * Whether a whole text was read by OCR (a scanned PDF or an image): then a blank number field
 * is unreadable handwriting. A text PDF with a few scanned pages keeps its own header.
 */
export function readByOcr(origin: SourceOrigin | undefined): boolean {
  return origin?.ocr != null && origin.format !== 'pdf';
}

/** A year in a file name ("…-2011-scan", "_2025"): never a document's number. */
function isYear(digits: string): boolean {
  const value = Number(digits);
  return digits.length === 4 && value >= 1945 && value <= 2100;
}

/**
 * The one standalone number of a file name, if there is exactly one besides years.
 *
 * @param file Path or name of the file.
 * @returns The digits as written ("07", "275"), or null.
 */
export function fileNameNumber(file: string): string | null {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/\.[A-Za-z0-9]{1,5}$/u, '');
  const numbers = base.split(/[^\p{L}\p{N}]+/u).filter((token) => /^\d+$/u.test(token) && !isYear(token));
  if (numbers.length !== 1) return null;
  const [digits] = numbers;
  return digits && digits.length <= 5 && Number(digits) > 0 ? digits : null;
}

/**
 * The number of a scan whose printed code survived and whose digits did not.
 *
 * @param file The scan's file name.
 * @param code The code of the blank number field ("/STTTT-CNTT", "-HD/BTCTU").
 * @returns "275/STTTT-CNTT", or null when the name does not give one number.
 */
export function numberFromFileName(file: string, code: string): string | null {
  if (!/^[/-][\p{Lu}Đ]/u.test(code)) return null;
  const digits = fileNameNumber(file);
  return digits ? `${digits}${code}` : null;
}
