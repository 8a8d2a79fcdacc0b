/** The Vietnamese messages of the OCR reader, in one place so their wording stays consistent. */
import type { IngestMessage } from '../../../model.ts';

export const INSTALL_COMMAND = 'apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils';

type Kind = 'ảnh quét' | 'PDF bản quét';

const warning = (file: string, code: string, message: string): IngestMessage => ({ file, level: 'warning', code, message });

export function unavailableMessage(file: string, kind: Kind, reason: string): string {
  return `Tệp “${file}” là ${kind} nên cần nhận dạng chữ (OCR), nhưng máy này chưa đọc được bản quét: ${reason}. Cài bằng lệnh: ${INSTALL_COMMAND}`;
}

export function offMessage(file: string, kind: Kind): string {
  return `Tệp “${file}” là ${kind}; nhận dạng chữ (OCR) đang tắt nên chưa đọc được nội dung.`;
}

export function tooLargeMessage(file: string, width: number, height: number, maxPixels: number): string {
  return `Tệp “${file}” (ảnh quét) quá lớn để OCR: ${width} × ${height} điểm ảnh, vượt giới hạn ${Math.round(maxPixels / 1e6)} triệu điểm ảnh. Hãy quét lại ở 300 dpi.`;
}

export function tooManyFramesMessage(file: string, frames: number, maxPages: number): string {
  return `Tệp “${file}” (ảnh TIFF) có ${frames} trang, vượt giới hạn ${maxPages} trang cho một tệp OCR. Hãy tách thành nhiều tệp.`;
}

export function corruptImageMessage(file: string): string {
  return `Tệp “${file}” (ảnh quét) hỏng hoặc không đọc được: phần đầu tệp không phải ảnh PNG, JPEG hay TIFF hợp lệ.`;
}

export function failedMessage(file: string, kind: Kind, reason: 'timeout' | 'failed' | 'missing'): string {
  return reason === 'timeout'
    ? `Tệp “${file}” (${kind}): OCR quá thời gian cho phép nên đã dừng; không đọc được nội dung.`
    : `Tệp “${file}” (${kind}): OCR không đọc được tệp (ảnh hỏng hoặc định dạng không hỗ trợ).`;
}

export function brokenPdfMessage(file: string): string {
  return `Tệp “${file}” (PDF bản quét) hỏng: không đếm được số trang để OCR.`;
}

export function ocrNotice(file: string, engine: string, confidence: number | null, pages: number): IngestMessage {
  const level = confidence === null ? 'không rõ' : `${confidence.toFixed(1).replace('.', ',')}%`;
  return warning(
    file,
    'ocr',
    `Tệp “${file}” là bản quét: chữ được nhận dạng bằng OCR (${engine}, ${pages} trang), độ tin cậy trung bình ${level}. Số, ngày và tên riêng có thể sai; hãy đối chiếu với bản gốc.`,
  );
}

export function lowConfidenceWarning(file: string, confidence: number): IngestMessage {
  return warning(
    file,
    'ocr-low-confidence',
    `Tệp “${file}”: độ tin cậy OCR thấp (${confidence.toFixed(1).replace('.', ',')}%), văn bản nhận dạng có thể có nhiều lỗi.`,
  );
}

export function truncatedWarning(file: string, pages: number, maxPages: number): IngestMessage {
  return warning(
    file,
    'ocr-truncated',
    `Tệp “${file}” có ${pages} trang; chỉ OCR ${maxPages} trang đầu, các trang sau không được đọc.`,
  );
}

export function downscaledWarning(file: string, pages: readonly number[], dpi: number): IngestMessage {
  return warning(
    file,
    'ocr-downscaled',
    `Tệp “${file}”: trang ${pages.join(', ')} khổ quá lớn, đã OCR ở độ phân giải thấp hơn (từ ${dpi} dpi) nên có thể kém chính xác.`,
  );
}

export function pageFailedWarning(file: string, pages: readonly number[], reason: 'timeout' | 'failed'): IngestMessage {
  const why = reason === 'timeout' ? 'quá thời gian cho phép' : 'không nhận dạng được';
  return warning(file, 'ocr-page-failed', `Tệp “${file}”: trang ${pages.join(', ')} ${why}; văn bản thiếu các trang đó.`);
}

export function fileTimeoutWarning(file: string, done: number, total: number): IngestMessage {
  return warning(file, 'ocr-timeout', `Tệp “${file}”: OCR quá thời gian cho cả tệp, chỉ đọc được ${done}/${total} trang.`);
}

export function multipleDocumentsWarning(file: string, starts: readonly number[]): IngestMessage {
  return warning(
    file,
    'multiple-documents',
    `Tệp “${file}” có vẻ chứa nhiều văn bản: trang ${starts.join(', ')} bắt đầu một văn bản khác (có Quốc hiệu và dòng “Số:” ở đầu trang). Nên tách mỗi văn bản thành một tệp.`,
  );
}
