/**
 * The Word 97–2003 (.doc) reader: word-extractor's raw stories (doc/extract.ts, in a worker
 * with time and heap limits), Word's control characters turned into lines (doc/controls.ts),
 * tab-stop column layouts turned into cells (doc/tab-columns.ts), and text typed in TCVN3 or
 * VNI fonts converted to Unicode.
 *
 * The body comes first, then footnotes, endnotes and text boxes, each paragraph on a line.
 * Running page headers and footers are left out: they repeat on every page ("Mẫu 01", page
 * numbers) and are not part of the document's own text.
 *
 * word-extractor gives no font names, so legacy text is found by its words: the document as a
 * whole decides (legacy-encoding's detectLegacyEncoding), and a paragraph already in Unicode
 * inside a legacy document is left alone, as is a lone legacy paragraph in a Unicode one
 * unless its own evidence is strong.
 */
import type { IngestMessage, SourceOrigin } from '../../model.ts';
import { storyToLines } from './doc/controls.ts';
import { extractDocStories, type DocFailure, type DocStories } from './doc/extract.ts';
import { splitTabColumns } from './doc/tab-columns.ts';
import { convertLegacyLines, upperCaseFontRun } from './doc/legacy-lines.ts';
import type { LegacyEncoding } from './legacy-encoding.ts';
import { readerError, type Reader } from './reader.ts';

const READER = 'word-extractor';

export const readDoc: Reader = async (bytes, file) => {
  const origin: SourceOrigin = { format: 'doc', reader: READER, pageCount: null, conversions: [], ocr: null };
  const extraction = await extractDocStories(bytes);
  if (!extraction.ok)
    return readerError(file, origin, `doc-${extraction.failure.kind}`, failureMessage(file, extraction.failure));

  const rawLines = storiesToLines(extraction.stories);
  const { lines, encoding } = convertLegacyLines(rawLines);
  const cells = splitTabColumns(lines);
  const text = tidy(encoding === 'tcvn3' ? cells.map(upperCaseFontRun) : cells);
  if (text.replace(/[\s\f]/g, '') === '') {
    return readerError(
      file,
      origin,
      'doc-empty',
      `Tệp Word “${file}” không có chữ nào trong nội dung (có thể chỉ có hình ảnh hoặc bản quét).`,
    );
  }
  const messages: IngestMessage[] = [];
  if (encoding !== null) {
    origin.conversions.push(encoding);
    messages.push(legacyFontMessage(file, encoding));
  }
  return { text, origin, messages };
};

/** Body, then each note and text box (their paragraphs one per line). */
function storiesToLines(stories: DocStories): string[] {
  const lines = storyToLines(stories.body);
  for (const story of [stories.footnotes, stories.endnotes, stories.textboxes]) {
    const storyLines = storyToLines(story).filter((line) => line.trim() !== '');
    if (storyLines.length > 0) lines.push('', ...storyLines);
  }
  return lines;
}

/**
 * Trim each line, keep at most one empty line in a row and one page break in a row (none at
 * the start or end), drop C1 control characters left by undefined cp1252 bytes, NFC.
 */
function tidy(lines: string[]): string {
  const out: string[] = [];
  const isBlank = (line: string | undefined): boolean => line === '' || line === '\f';
  for (const line of lines) {
    const trimmed = line
      .replace(/[\u0080-\u009f]/gu, '')
      .replace(/[ \u00a0]+$/u, '')
      .replace(/^[ \u00a0]+/u, '')
      .replace(/ {2,}/g, ' ');
    if (trimmed === '' && (out.length === 0 || isBlank(out[out.length - 1]))) continue;
    if (trimmed === '\f') {
      while (out[out.length - 1] === '') out.pop();
      if (out.length === 0 || out[out.length - 1] === '\f') continue;
    }
    out.push(trimmed);
  }
  while (out.length > 0 && isBlank(out[out.length - 1])) out.pop();
  return `${out.join('\n').normalize('NFC')}\n`;
}

function legacyFontMessage(file: string, encoding: LegacyEncoding): IngestMessage {
  const name = encoding === 'tcvn3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)';
  return {
    file,
    level: 'warning',
    code: `legacy-encoding-${encoding}`,
    message: `Tệp Word “${file}” gõ bằng phông chữ cũ ${name}; đã chuyển sang Unicode. Hãy kiểm tra lại dấu tiếng Việt (chữ hoa gõ bằng phông chữ hoa như .VnTimeH có thể thành chữ thường).`,
  };
}

function failureMessage(file: string, failure: DocFailure): string {
  switch (failure.kind) {
    case 'not-word':
      return `Tệp “${file}” là tệp Office dạng cũ (OLE) nhưng không phải văn bản Word${otherOfficeKind(failure.streams)}; không đọc được nội dung văn bản.`;
    case 'encrypted':
      return `Tệp Word “${file}” được đặt mật khẩu (mã hóa); không đọc được. Hãy mở bằng Word, bỏ mật khẩu rồi lưu lại.`;
    case 'old-format':
      return `Tệp “${file}” là văn bản Word 6.0/95 (định dạng quá cũ, nFib ${failure.nFib}); chưa đọc được. Hãy mở bằng Word và lưu lại ở dạng .docx.`;
    case 'timeout':
      return `Tệp Word “${file}” đọc quá lâu và đã bị dừng (tệp có thể bị hỏng).`;
    case 'too-large':
      return `Tệp Word “${file}” cần quá nhiều bộ nhớ để đọc và đã bị dừng (tệp có thể bị hỏng).`;
    case 'corrupt':
      return `Tệp Word “${file}” bị hỏng hoặc không đầy đủ (bị cắt ngang); không đọc được nội dung.`;
  }
}

/** Name the Office format an OLE file really is, from its streams. */
function otherOfficeKind(streams: string[]): string {
  if (streams.some((name) => name === 'Workbook' || name === 'Book')) return ' (đây là bảng tính Excel .xls)';
  if (streams.some((name) => name === 'PowerPoint Document')) return ' (đây là bản trình chiếu PowerPoint .ppt)';
  if (streams.some((name) => name.startsWith('__substg1.0_') || name.startsWith('__properties_version1.0'))) {
    return ' (đây là thư Outlook .msg)';
  }
  return '';
}
