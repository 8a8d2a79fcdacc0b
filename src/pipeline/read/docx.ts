/**
 * The Word (.docx) and OpenDocument (.odt) reader: the zip is opened with hard size caps
 * (docx/zip.ts), only the text-bearing XML parts are inflated and parsed without entity
 * expansion (docx/xml.ts), and the body is walked in document order into lines
 * (docx/body-text.ts), list numbers computed from numbering.xml, footnotes and endnotes
 * after the body. Page headers and footers are left out: they repeat on every page.
 */
import type { SourceOrigin } from '../../model.ts';
import { BodyWriter, NoteNumbers, type BodyContext, type NoteKind } from './docx/body-text.ts';
import { formatNumber, Numbering } from './docx/numbering.ts';
import { readOdt } from './docx/odt.ts';
import { legacyFontMessage } from './docx/legacy-text.ts';
import { readWordParts } from './docx/package.ts';
import { Styles } from './docx/styles.ts';
import { child, childrenNamed, ownText, parseXml, XmlError, type XmlElement } from './docx/xml.ts';
import { ZipError, ZipParts } from './docx/zip.ts';
import { readerError, type Reader, type ReaderOutput } from './reader.ts';

export const readDocx: Reader = async (bytes, file) => {
  const fallbackOrigin: SourceOrigin = { format: 'docx', reader: 'docx (XML)', pageCount: null, conversions: [], ocr: null };
  let zip: ZipParts;
  try {
    zip = new ZipParts(bytes);
  } catch (error) {
    return failure(file, fallbackOrigin, error);
  }
  const isOdt = !zip.has('word/document.xml') && !zip.has('_rels/.rels') && zip.has('content.xml');
  const origin: SourceOrigin = isOdt ? { ...fallbackOrigin, format: 'odt', reader: 'odt (XML)' } : fallbackOrigin;
  try {
    return isOdt ? readOdt(zip, file, origin) : readWord(zip, file, origin);
  } catch (error) {
    return failure(file, origin, error);
  }
};

function readWord(zip: ZipParts, file: string, origin: SourceOrigin): ReaderOutput {
  const parts = readWordParts(zip);
  if (!parts) {
    return readerError(
      file,
      origin,
      'docx-no-document',
      `Không đọc được tệp “${file}”: đây là tệp nén (zip) nhưng không có phần nội dung văn bản Word (word/document.xml), nên không phải tệp .docx hợp lệ.`,
    );
  }
  const styles = new Styles(parts.styles);
  const body = child(parts.document, 'w:body');
  if (!body) {
    return readerError(
      file,
      origin,
      'docx-no-body',
      `Không đọc được tệp “${file}”: phần ${parts.documentName} không có thân văn bản (w:body).`,
    );
  }
  const context: BodyContext = {
    styles,
    numbering: new Numbering(parts.numbering, styles),
    notes: new NoteNumbers(noteFormats(body)),
    conversions: new Set(),
  };
  const writer = new BodyWriter(context);
  writer.blocks(body);
  const lines = [
    ...writer.lines,
    ...noteLines(context, 'footnote', parts.footnotes),
    ...noteLines(context, 'endnote', parts.endnotes),
  ];
  const conversions = [...context.conversions].sort();
  return {
    text: joinLines(lines),
    origin: { ...origin, pageCount: pageCountOf(zip), conversions },
    messages: conversions.map((encoding) => legacyFontMessage(file, encoding)),
  };
}

/**
 * The notes the body cited, in citation order, each first line prefixed with its mark as the
 * body shows it ("[1] …"). Notes cited only from other notes follow as they are met.
 */
function noteLines(context: BodyContext, kind: NoteKind, part: XmlElement | null): string[] {
  if (!part) return [];
  const byId = new Map<string, XmlElement>();
  for (const note of childrenNamed(part, kind === 'footnote' ? 'w:footnote' : 'w:endnote')) {
    const type = note.attributes['w:type'];
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const id = note.attributes['w:id'];
    if (id !== undefined) byId.set(id, note);
  }
  const lines: string[] = [];
  const order = context.notes.order[kind];
  for (let index = 0; index < order.length; index++) {
    const id = order[index]!;
    const note = byId.get(id);
    if (!note) continue;
    const writer = new BodyWriter(context);
    writer.blocks(note);
    const noteText = writer.lines.filter((line) => line !== '\f');
    if (noteText.length === 0) continue;
    noteText[0] = `[${context.notes.markOf(kind, id)}] ${noteText[0]}`;
    lines.push(...noteText);
  }
  return lines;
}

/** Footnote/endnote number formats from the body's section properties (Word's defaults: 1, 2… and i, ii…). */
function noteFormats(body: XmlElement): Record<NoteKind, (index: number) => string> {
  const sectPr = child(body, 'w:sectPr');
  const formatOf = (properties: XmlElement | undefined, fallback: string): ((index: number) => string) => {
    const format = child(properties, 'w:numFmt')?.attributes['w:val'] ?? fallback;
    const start = Number.parseInt(child(properties, 'w:numStart')?.attributes['w:val'] ?? '1', 10);
    const first = Number.isFinite(start) ? start : 1;
    return (index) => formatNumber(first + index, format) || String(first + index);
  };
  return {
    footnote: formatOf(child(sectPr, 'w:footnotePr'), 'decimal'),
    endnote: formatOf(child(sectPr, 'w:endnotePr'), 'lowerRoman'),
  };
}

/** Pages as Word last counted them (docProps/app.xml), or null. */
function pageCountOf(zip: ZipParts): number | null {
  try {
    const bytes = zip.read('docProps/app.xml');
    if (!bytes) return null;
    const pages = child(parseXml(bytes), 'Pages');
    const count = pages ? Number.parseInt(ownText(pages), 10) : Number.NaN;
    return Number.isFinite(count) && count > 0 ? count : null;
  } catch {
    // Page count is a nicety; a broken app.xml does not make the text unreadable.
    return null;
  }
}

/** Lines → text, with no page break at either end and never two in a row. */
function joinLines(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '\f' && (kept.length === 0 || kept[kept.length - 1] === '\f')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '\f') kept.pop();
  return kept.join('\n').normalize('NFC');
}

function failure(file: string, origin: SourceOrigin, error: unknown): ReaderOutput {
  const kind = origin.format === 'odt' ? 'OpenDocument (.odt)' : 'Word (.docx)';
  if (error instanceof ZipError) {
    const hint = error.code === 'zip-encrypted' ? ' Hãy mở tệp, bỏ mật khẩu rồi lưu lại.' : '';
    return readerError(file, origin, error.code, `Không đọc được tệp “${file}” (${kind}): ${error.reason}.${hint}`);
  }
  if (error instanceof XmlError) {
    return readerError(
      file,
      origin,
      'xml-malformed',
      `Không đọc được tệp “${file}” (${kind}): nội dung XML không hợp lệ (${error.message}). Hãy mở tệp bằng Word và lưu lại.`,
    );
  }
  return readerError(
    file,
    origin,
    'docx-unreadable',
    `Không đọc được tệp “${file}” (${kind}): ${(error as Error).message ?? String(error)}.`,
  );
}
