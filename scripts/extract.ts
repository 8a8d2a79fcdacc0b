/**
 * `npm run -s extract -- FILE...`: print one JSON array with, per input file, its document
 * metadata and the distinct documents it cites.
 *
 * Contract (used by checks outside the project): stdout holds only the JSON; warnings go to
 * stderr; a file that cannot be read or parsed still gets its element with `errors`; the exit
 * code is non-zero only when no file could be processed.
 */
import { extract } from '../src/pipeline/extract.ts';
import { numberKey } from '../src/pipeline/extract/number.ts';
import { groupCitations } from '../src/pipeline/group.ts';
import { toDocumentId } from '../src/pipeline/ids.ts';
import { readSource } from '../src/pipeline/read.ts';
import type { Citation, DocDate, NormalizedText, ParsedPlan, SourceText } from '../src/model.ts';

/** Document part of one output element. */
interface DocumentOut {
  id: string;
  type: string | null;
  number: string | null;
  date: string | null;
  place: string | null;
  issuer: string | null;
  title: string | null;
}

/** One cited document in the output. */
interface CitationOut {
  id: string;
  type: string | null;
  number: string | null;
  name: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  relation: string;
  inCorpus: boolean;
  mentions: { offset: number; length: number; text: string }[];
}

/** One element of the printed array. */
interface FileOut {
  file: string;
  document: DocumentOut;
  citations: CitationOut[];
  errors: string[];
}

type NormalizeFn = (text: string, file: string) => NormalizedText;
type ParseFn = (input: { file: string; sha256: string; normalized: NormalizedText }) => ParsedPlan;

/**
 * Load a sibling stage if it exists yet (helpers write them concurrently); a variable
 * specifier keeps the type check independent of their presence.
 */
async function loadStage<T>(path: string, name: string): Promise<T | null> {
  try {
    const module = (await import(path)) as Record<string, unknown>;
    const stage = module[name];
    return typeof stage === 'function' ? (stage as T) : null;
  } catch {
    return null;
  }
}

/** Fallback normalization: NFC, CRLF → LF, no asterisks. */
function basicNormalize(text: string): NormalizedText {
  return { text: text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\*/g, ' '), emphasis: [], messages: [] };
}

/** Fallback header reading: the "Số:" line and the "ngày … tháng … năm …" line. */
function basicMeta(text: string): Pick<DocumentOut, 'number' | 'date' | 'place'> {
  const head = text.slice(0, 1500);
  const number = /(?:^|\n)\s*Số\s*:?\s*(\d{1,5}(?:\s*\/\s*\d{4})?\s*[/-]\s*[A-ZĐ][^\s,;]*)/u.exec(head)?.[1];
  const date = /(?:^|\n)\s*([\p{L} .]+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(head);
  return {
    number: number ? number.replace(/\s+/g, '') : null,
    date: date ? `${date[4]}-${String(date[3]).padStart(2, '0')}-${String(date[2]).padStart(2, '0')}` : null,
    place: date?.[1]?.trim() ?? null,
  };
}

/** Per-file state between reading and printing. */
interface Processed {
  out: FileOut;
  citations: Citation[];
  place: string | null;
  /** Whether the text was decoded and extraction ran (errors may still be reported). */
  ok: boolean;
}

/** Read, normalize, parse and extract one file; never throws. */
async function processFile(file: string, normalize: NormalizeFn | null, parse: ParseFn | null): Promise<Processed> {
  const out: FileOut = {
    file,
    document: { id: toDocumentId(file), type: null, number: null, date: null, place: null, issuer: null, title: null },
    citations: [],
    errors: [],
  };
  let source: SourceText;
  try {
    source = await readSource(file);
  } catch (error) {
    out.errors.push(`Không đọc được tệp: ${(error as Error).message}`);
    return { out, citations: [], place: null, ok: false };
  }
  for (const message of source.messages) {
    if (message.level === 'error') out.errors.push(message.message);
    else process.stderr.write(`${file}: ${message.message}\n`);
  }
  if (source.text === null) {
    if (out.errors.length === 0) out.errors.push('Không giải mã được nội dung tệp.');
    return { out, citations: [], place: null, ok: false };
  }
  let normalized: NormalizedText;
  try {
    normalized = normalize ? normalize(source.text, file) : basicNormalize(source.text);
  } catch (error) {
    out.errors.push(`Lỗi chuẩn hóa văn bản: ${(error as Error).message}`);
    normalized = basicNormalize(source.text);
  }
  let ownNumber: string | null = null;
  let ownIssuer: string | null = null;
  let parsedOk = false;
  if (parse) {
    try {
      const plan = parse({ file, sha256: source.sha256, normalized });
      const meta = plan.meta;
      out.document = {
        id: meta.id, type: meta.type, number: meta.number, date: meta.date?.iso ?? null,
        place: meta.place, issuer: meta.issuer, title: meta.title,
      };
      // A header the parser could not number still must not cite itself.
      ownNumber = meta.number ?? basicMeta(normalized.text).number;
      ownIssuer = meta.issuer;
      parsedOk = true;
    } catch (error) {
      out.errors.push(`Lỗi phân tích văn bản: ${(error as Error).message}`);
    }
  }
  if (!parsedOk) {
    const meta = basicMeta(normalized.text);
    out.document = { ...out.document, ...meta };
    ownNumber = meta.number;
  }
  let citations: Citation[] = [];
  try {
    citations = groupCitations(extract(normalized.text, { ownNumber, ownIssuer }));
  } catch (error) {
    out.errors.push(`Lỗi trích xuất trích dẫn: ${(error as Error).message}`);
    return { out, citations: [], place: out.document.place, ok: false };
  }
  return { out, citations, place: out.document.place, ok: true };
}

/** ISO string of a date, or null. */
function iso(date: DocDate | null): string | null {
  return date?.iso ?? null;
}

/** Folded place for comparing "UBND tỉnh Tây Ninh" with a place "Tây Ninh". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Whether a citation is another input file: same number; for a number without a year also
 * the same place (named in the cited issuer, else the citing file's own place).
 */
function inCorpus(citation: Citation, self: Processed, all: Processed[]): boolean {
  if (!citation.number) return false;
  const key = numberKey(citation.number);
  const hasYear = /\/\d{4}\//.test(citation.number);
  return all.some((other) => {
    if (other === self || !other.out.document.number) return false;
    if (numberKey(other.out.document.number) !== key) return false;
    if (hasYear) return true;
    const place = other.place ? fold(other.place) : null;
    if (!place) return true;
    if (citation.issuer && fold(citation.issuer).includes(place)) return true;
    return self.place !== null && fold(self.place) === place;
  });
}

/** Entry point. */
async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((argument) => argument !== '--');
  if (files.length === 0) {
    process.stderr.write('Cách dùng: npm run -s extract -- TỆP...\n');
    process.exitCode = 2;
    return;
  }
  const normalize = await loadStage<NormalizeFn>('../src/pipeline/normalize.ts', 'normalize');
  const parse = await loadStage<ParseFn>('../src/pipeline/parse.ts', 'parse');
  const processed: Processed[] = [];
  for (const file of files) {
    processed.push(await processFile(file, normalize, parse));
  }
  for (const item of processed) {
    item.out.citations = item.citations.map((citation) => ({
      id: toDocumentId(citation.number ? citation.docType : null, citation.number ?? citation.name),
      type: citation.docType,
      number: citation.number,
      name: citation.name,
      date: iso(citation.date),
      issuer: citation.issuer,
      subject: citation.subject,
      relation: citation.relation,
      inCorpus: inCorpus(citation, item, processed),
      mentions: citation.mentions.map((mention) => ({
        offset: mention.start,
        length: mention.end - mention.start,
        text: mention.text,
      })),
    }));
  }
  process.stdout.write(JSON.stringify(processed.map((item) => item.out), null, 2) + '\n');
  if (!processed.some((item) => item.ok)) process.exitCode = 1;
}

await main();
