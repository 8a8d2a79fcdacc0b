/**
 * Shared types of the pipeline: read → normalize → parse → extract → resolve → emit.
 *
 * Each stage takes the previous stage's data and returns new data; only `read` and `emit`
 * touch the disk. Spans (`start`/`end`) always point into `NormalizedText.text`.
 */

/** A message about one input file, shown in the ingest report and on /kiem-tra/. */
export interface IngestMessage {
  /** Source file path as given (relative to the sources folder when read by the build). */
  file: string;
  level: 'error' | 'warning';
  /** Stable machine code, e.g. `empty-file`, `legacy-encoding`, `no-header`. */
  code: string;
  /** Human-readable Vietnamese message that names the problem. */
  message: string;
}

/** Output of `read`: the decoded text of one file, or why it could not be decoded. */
export interface SourceText {
  /** Path as given. */
  file: string;
  /** Decoded text (not yet normalized), or null when the file could not be decoded. */
  text: string | null;
  /** Detected encoding: `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`… */
  encoding: string | null;
  /** SHA-256 (hex) of the raw bytes. */
  sha256: string;
  byteLength: number;
  messages: IngestMessage[];
  /**
   * What the file was and how its text was got (set by `readSource`; absent on text decoded
   * directly with `decodeSource`, which means a plain-text file).
   */
  origin?: SourceOrigin;
}

/** File formats the readers recognise, by content (magic bytes first, extension as a hint). */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'odt' | 'doc' | 'pdf' | 'pdf-scan' | 'image';

/** How one file's text was obtained: shown in the ingest report and on the document's page. */
export interface SourceOrigin {
  format: SourceFormat;
  /** The reader that produced the text, e.g. "docx (XML)", "word-extractor", "pdfjs", "tesseract". */
  reader: string;
  /** Pages (PDF, scans), or null when the format has no fixed pages (.docx, .txt). */
  pageCount: number | null;
  /** Conversions applied, in Vietnamese-neutral codes: "tcvn3", "vni", "windows-1258", "mojibake". */
  conversions: string[];
  /** OCR details when the text came from images, else null. */
  ocr: OcrInfo | null;
}

export interface OcrInfo {
  engine: string;
  /** Mean word confidence 0–100 as Tesseract reports it, or null when unknown. */
  confidence: number | null;
  /** Pages recognised. */
  pages: number;
}

/** An inline emphasis range recovered from the export's Markdown-like asterisks. */
export interface EmphasisSpan {
  start: number;
  end: number;
  kind: 'strong' | 'emphasis';
}

/** Output of `normalize`: clean text, one block (paragraph or line) per line. */
export interface NormalizedText {
  /** NFC text; blocks separated by a single "\n"; no page-number residue; no asterisks. */
  text: string;
  emphasis: EmphasisSpan[];
  messages: IngestMessage[];
}

/** A calendar date that may be partial (a draft "ngày tháng 02 năm 2025"). */
export interface DocDate {
  /** ISO form: "2024-04-11", or "2025-02" / "2025" when partial. */
  iso: string;
  partial: boolean;
}

export interface Signer {
  /** e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" joined as "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH". */
  position: string | null;
  name: string | null;
}

/** Metadata of a document in the corpus. */
export interface DocumentMeta {
  /** Stable, ASCII, collision-free slug (see `toDocumentId`). */
  id: DocumentId;
  /** Loại văn bản: "Kế hoạch", "Công văn", "Quyết định"… */
  type: string | null;
  /** Số ký hiệu normalized ("1062/KH-UBND"), null when left blank. */
  number: string | null;
  place: string | null;
  date: DocDate | null;
  /** Cơ quan ban hành, e.g. "UBND tỉnh Tây Ninh". */
  issuer: string | null;
  /** Trích yếu. */
  title: string | null;
  /** "Kính gửi" list. */
  recipients: string[];
  /** "Nơi nhận" list. */
  distribution: string[];
  signer: Signer | null;
  /**
   * Where the number came from when not from the header: 'file-name' for a scan whose
   * handwritten number OCR could not read, named by that number (`parse/file-name-number.ts`).
   */
  numberSource?: 'file-name';
}

export type Block =
  | { kind: 'heading'; level: number; marker: string; text: string; start: number; end: number; anchor: string }
  | { kind: 'paragraph'; text: string; start: number; end: number }
  | { kind: 'bullet'; marker: string; text: string; start: number; end: number };

/** Output of `parse`. */
export interface ParsedPlan {
  file: string;
  sha256: string;
  meta: DocumentMeta;
  /** Span of the body (after header, before signature / Nơi nhận) in `text`. */
  body: { start: number; end: number };
  blocks: Block[];
  text: string;
  emphasis: EmphasisSpan[];
  messages: IngestMessage[];
  /** What the source file was (format, reader, pages, OCR); absent for plain text read directly. */
  origin?: SourceOrigin;
}

/** How a plan relates to what it cites, from the lead phrase. */
export type Relation = 'can-cu' | 'thuc-hien' | 'dan-chieu';

/** Relation stated between two cited documents. */
export type DocRelation =
  | 'sua-doi'
  | 'thuc-hien'
  | 'huong-dan'
  | 'quy-dinh-chi-tiet'
  | 'ban-hanh-kem-theo'
  | 'phe-duyet'
  | 'thay-the'
  | 'bai-bo'
  | 'het-hieu-luc'
  | 'dinh-chi'
  | 'dinh-chinh'
  | 'hop-nhat';

/** One occurrence of a citation in a text (eyecite's "citation"): never the cited thing itself. */
export interface Mention {
  /** Span in the normalized text. */
  start: number;
  end: number;
  /** Exact text of the span. */
  text: string;
  kind: 'numbered' | 'party' | 'named-law' | 'short-ref';
  /** Type word as written ("Nghị định", "Thông tư liên tịch", "Luật"), or null. */
  docType: string | null;
  /** Số ký hiệu with stray spaces removed, or null for named laws. */
  number: string | null;
  /** Title of a named law ("Luật Quốc phòng"), else null. */
  name: string | null;
  date: DocDate | null;
  issuer: string | null;
  subject: string | null;
  relation: Relation;
  /** Relations to other mentions in the same sentence (index into the mention list). */
  links: { relation: DocRelation; target: number }[];
  /**
   * How the text itself acts on the mentioned document ("Quyết định này … thay thế Quyết định
   * số …": `thay-the`); absent when it states nothing.
   */
  self?: DocRelation;
}

/** Branded id of a document node: created only by `toDocumentId`. */
export type DocumentId = string & { readonly __brand: 'DocumentId' };

/**
 * A distinct document cited by one text: all mentions of it in that text, merged
 * (fullest number, date, issuer, subject). Produced per file by `groupCitations`.
 */
export interface Citation {
  /** Identity inside one text: folded number ("N:21/2019/ND-CP") or folded law name ("L:luat quoc phong"). */
  key: string;
  docType: string | null;
  /** Number as written at its fullest mention, spaces removed. */
  number: string | null;
  name: string | null;
  /** Fullest date found. */
  date: DocDate | null;
  /** Every distinct date the mentions give (a conflict when more than one full date). */
  dates: DocDate[];
  issuer: string | null;
  subject: string | null;
  /** Strongest relation of the plan to it: can-cu > thuc-hien > dan-chieu. */
  relation: Relation;
  relations: Relation[];
  mentions: Mention[];
}

/** Issuer levels of nodes, in legend order: colours, filters and counts use them. */
export const ISSUER_LEVELS = [
  'dang-trung-uong',
  'dang-dia-phuong',
  'quoc-hoi',
  'chinh-phu',
  'bo-nganh',
  'tinh',
  'huyen',
  'xa',
  'quan-doi',
  'khac',
] as const;

/** Issuer level of a node. */
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];

/** Every relation an edge of the graph can carry, plan → cited first, in legend order. */
export const EDGE_RELATIONS = [
  'can-cu',
  'thuc-hien',
  'dan-chieu',
  'sua-doi',
  'huong-dan',
  'ban-hanh-kem-theo',
  'phe-duyet',
  'thay-the',
  'quy-dinh-chi-tiet',
  'bai-bo',
  'het-hieu-luc',
  'dinh-chi',
  'dinh-chinh',
  'hop-nhat',
] as const satisfies readonly (Relation | DocRelation)[];
