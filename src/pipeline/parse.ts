/**
 * `parse`: metadata and body structure of one normalized text.
 *
 * Pure: no disk, no clock. Never throws; whatever cannot be read is left null
 * and reported as a message.
 */
import type { DocumentMeta, IngestMessage, NormalizedText, ParsedPlan } from '../model.ts';
import { numberFromFileName } from './parse/file-name-number.ts';
import { completeOwnDate } from './parse/own-date.ts';
import { readCaption } from './parse/caption.ts';
import { typeOfNumber } from './parse/doc-types.ts';
import { documentId } from './parse/document-id.ts';
import { readHeader } from './parse/header.ts';
import { segmentHeader } from './parse/header-segments.ts';
import { findIssuer } from './parse/issuer.ts';
import { passingDate } from './parse/passing-date.ts';
import { splitLines } from './parse/lines.ts';
import { readEndMatter } from './parse/signature.ts';
import { signingBodyIssuer } from './parse/signing-body.ts';
import { readBlocks } from './parse/structure.ts';

/** Input of `parse`: one normalized file. */
export interface ParseInput {
  /** Source file path, as given by `read`. */
  file: string;
  /** SHA-256 of the raw bytes. */
  sha256: string;
  normalized: NormalizedText;
  /**
   * Whether the text was read by OCR: a blank number field is then a handwritten number
   * Tesseract could not read (not a draft), and the file name may give it.
   */
  ocr?: boolean;
}

/**
 * Read a document's metadata (type, number, place, date, issuer, title,
 * recipients, distribution, signer) and split its body into blocks.
 *
 * @param input File name, hash and normalized text.
 * @returns The parsed plan; spans point into `normalized.text`.
 */
export function parse(input: ParseInput): ParsedPlan {
  const { file, sha256, normalized } = input;
  const text = normalized.text;
  // One header field per line, however the source laid the header out.
  const lines = segmentHeader(splitLines(text));
  const header = readHeader(lines);
  const end = readEndMatter(lines, header.bodyStart);
  const bodyLines = lines.slice(header.bodyStart, Math.max(header.bodyStart, end.start));

  // A header lost by the crawl: the appendix caption "(Kèm theo Hướng dẫn số …)" still names the
  // document. Only when the header has no number line (a blank "Số:" is a draft, not a loss).
  const caption = header.hasNumberLine ? null : readCaption(text);
  // A scan's handwritten number Tesseract could not read: the file name may hold it.
  const fromName =
    input.ocr && header.hasNumberLine && header.number === null && header.numberCode
      ? numberFromFileName(file, header.numberCode)
      : null;
  const number = header.number ?? fromName ?? caption?.number ?? null;
  const type =
    header.type ??
    caption?.type ??
    (header.hasSubjectLine || header.hasAddressee ? 'Công văn' : null) ??
    (header.numberCode ? typeOfNumber(header.numberCode) : null);
  // A law has no date line: "Luật này được Quốc hội … thông qua ngày 15 tháng 6 năm 2018" at its end.
  const date = completeOwnDate(text, number, header.date ?? caption?.date ?? passingDate(type, text));
  const headerNamesOrgan = header.organLines.length > 0 || header.authorityLines.length > 0;
  const found = (headerNamesOrgan ? null : caption?.issuer) ?? findIssuer(header, text);
  // "BAN CHẤP HÀNH TRUNG ƯƠNG" heads Bộ Chính trị and Ban Bí thư documents too: "T/M BAN BÍ THƯ" tells.
  const issuer = signingBodyIssuer(found, end.signer, text) ?? found;
  const meta: DocumentMeta = {
    id: documentId({
      type,
      number,
      issuer,
      date,
      title: header.title,
      draft: header.hasNumberLine && number === null,
      sha256,
    }),
    type,
    number,
    place: header.place,
    date,
    issuer,
    title: header.title,
    recipients: header.recipients,
    distribution: end.distribution,
    signer: end.signer,
    ...(fromName ? { numberSource: 'file-name' as const } : {}),
  };

  const firstBody = bodyLines[0];
  const lastBody = bodyLines[bodyLines.length - 1];
  const headerEnd = lines[header.bodyStart - 1]?.end ?? 0;
  const body = firstBody && lastBody ? { start: firstBody.start, end: lastBody.end } : { start: headerEnd, end: headerEnd };

  const messages: IngestMessage[] = [...normalized.messages];
  const hasHeader = header.hasNumberLine || header.date !== null || header.type !== null;
  if (!hasHeader) {
    messages.push({
      file,
      level: 'warning',
      code: 'no-header',
      message: `Không nhận ra phần đầu văn bản (số, loại văn bản, ngày tháng) trong tệp ${file}.`,
    });
  }
  // The office's final Word file before the văn thư filled in the number or the day.
  const blankNumber = header.hasNumberLine && number === null;
  if (fromName) {
    messages.push({
      file,
      level: 'warning',
      code: 'number-from-file-name',
      message: `Số văn bản trên bản quét ${file} không đọc được (có thể viết tay); đã lấy số ${fromName} từ tên tệp. Hãy đối chiếu với bản gốc.`,
    });
  }
  if (blankNumber || date?.partial) {
    messages.push({
      file,
      level: 'warning',
      code: 'draft',
      message: `Văn bản chưa có số/ngày (bản dự thảo hoặc bản chưa vào sổ) trong tệp ${file}: ${
        blankNumber ? 'số để trống' : 'đã có số'
      }, ${date?.partial ? 'ngày tháng để trống' : 'đã có ngày'}.`,
    });
  }
  if (bodyLines.length === 0 && lines.length > 0) {
    messages.push({
      file,
      level: 'warning',
      code: 'no-body',
      message: `Tệp ${file} chỉ có phần đầu văn bản, không có nội dung.`,
    });
  }

  return {
    file,
    sha256,
    meta,
    body,
    blocks: readBlocks(bodyLines),
    text,
    emphasis: normalized.emphasis,
    messages,
  };
}
