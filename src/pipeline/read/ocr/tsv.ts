/**
 * Tesseract's TSV output → text lines and word confidences.
 *
 * The TSV has one row per layout element (level 1 page, 2 block, 3 paragraph, 4 line,
 * 5 word) with its box and, for words, a confidence 0–100. Lines are rebuilt from the
 * block/paragraph/line numbers of the words. A Vietnamese header is a borderless
 * two-column table (organ | national motto, Số | place and date), and Tesseract often
 * returns both cells as one line; a gap of several letter heights between two words is a
 * column gap, never a word space, so the line is cut there and each cell becomes a line
 * of its own, left cell first (the order a PDF export gives).
 */
import { cleanHandwrittenFields } from './handwriting.ts';

export interface OcrWord {
  page: number;
  block: number;
  paragraph: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

export interface OcrPageText {
  /** Lines of the page, in Tesseract's reading order, without page breaks. */
  lines: string[];
  /** Confidence of every recognised word, for the mean. */
  confidences: number[];
}

/**
 * A horizontal gap wider than this many times the line's letter height separates two
 * columns: word spaces, even in justified lines, stay under one height; the gap between
 * the organ and the motto measured 2.8 heights on a real scan.
 */
const COLUMN_GAP_HEIGHTS = 2;

/** Printed labels followed by a field left blank for handwriting. */
const BLANK_FIELD_LABEL = /^(?:ngày|tháng|Số:?)$/iu;

/** A word this much smaller than its line's letters, recognised with low confidence, is a speck of dirt. */
const SPECK_HEIGHT_RATIO = 0.4;
const SPECK_CONFIDENCE = 60;

/**
 * Words that are only table borders or scanner noise ("|", "___"): not text. Dashes stay:
 * they are list markers ("- Như trên;") and the motto's separators.
 */
const NOISE_WORD = /^[|_¦~=]+$/u;

/** Underscores glued to a word are the rule drawn under a header cell ("_ỦY"). */
const EDGE_RULES = /^[_|]+|[_|]+$/gu;

/** Every word of a line under this confidence: the line is noise. */
const NOISE_LINE_CONFIDENCE = 35;

/** What a digital-signature box says. */
const STAMP = /Ký bởi|Thời gian ký|Người ký|\b\d{1,2}:\d{2}:\d{2}\s*\+0?7:?00\b|@[\p{L}\d.-]+\.(?:gov\.)?vn\b|\.gov\.vn\b/u;
const STAMP_MAX_LINES = 8;

/** Parse the TSV rows of words (level 5); header and other levels are skipped. */
function parseTsvWords(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.replace(/\r$/u, '').split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const numbers = cells.slice(1, 11).map(Number);
    if (numbers.some((value) => !Number.isFinite(value))) continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    const [page, block, paragraph, line, , left, top, width, height, confidence] = numbers as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    words.push({ page, block, paragraph, line, left, top, width, height, confidence, text });
  }
  return words;
}

/**
 * Text of each page in the TSV (a multi-page TIFF gives several), in page order.
 *
 * @param tsv Tesseract's `tsv` output for one image.
 */
export function tsvToPages(tsv: string): OcrPageText[] {
  const byPage = new Map<number, OcrWord[]>();
  for (const word of parseTsvWords(tsv)) {
    const list = byPage.get(word.page);
    if (list) list.push(word);
    else byPage.set(word.page, [word]);
  }
  if (byPage.size === 0) return [{ lines: [], confidences: [] }];
  return [...byPage.keys()].sort((a, b) => a - b).map((page) => pageText(byPage.get(page)!));
}

function pageText(words: readonly OcrWord[]): OcrPageText {
  const lines: { block: number; text: string }[] = [];
  const confidences: number[] = [];
  let current: OcrWord[] = [];
  const flush = (): void => {
    for (const segment of splitColumns(current).map(cleanHandwrittenFields)) {
      // A line Tesseract doubts in every word is a seal, a signature or a smudge, not text.
      if (segment.every((word) => word.confidence < NOISE_LINE_CONFIDENCE)) continue;
      const text = segment
        .map((word) => word.text)
        .join(' ')
        .normalize('NFC');
      if (text !== '') lines.push({ block: segment[0]!.block, text });
    }
    current = [];
  };
  for (const word of words) {
    const previous = current.at(-1);
    if (previous && !sameLine(previous, word)) flush();
    const text = word.text.replace(EDGE_RULES, '');
    if (text === '' || NOISE_WORD.test(text)) continue;
    current.push({ ...word, text });
    if (word.confidence >= 0) confidences.push(word.confidence);
  }
  flush();
  return { lines: stampsLast(lines), confidences };
}

/**
 * A digital-signature box ("Ký bởi: …", "Thời gian ký: 13/11/2025", an e-mail, a time
 * "16:41:00 +07:00") is printed over the top of signed scans; read first, it would pass
 * for the issuing organ. Tesseract gives it a block of its own, which goes to the end of
 * the page, as the PDF reader does with the stamps of text PDFs.
 */
function stampsLast(lines: readonly { block: number; text: string }[]): string[] {
  const blocks = new Map<number, string[]>();
  for (const line of lines) blocks.set(line.block, [...(blocks.get(line.block) ?? []), line.text]);
  const stamps = new Set(
    [...blocks].filter(([, text]) => text.length <= STAMP_MAX_LINES && STAMP.test(text.join('\n'))).map(([block]) => block),
  );
  return [...lines.filter((line) => !stamps.has(line.block)), ...lines.filter((line) => stamps.has(line.block))].map(
    (line) => line.text,
  );
}

function sameLine(a: OcrWord, b: OcrWord): boolean {
  return a.block === b.block && a.paragraph === b.paragraph && a.line === b.line;
}

/** Cut one line at column gaps (see the module comment). */
function splitColumns(words: readonly OcrWord[]): OcrWord[][] {
  const letterHeight = median(words.map((word) => word.height));
  const line = words.filter((word) => !(word.height < SPECK_HEIGHT_RATIO * letterHeight && word.confidence < SPECK_CONFIDENCE));
  if (line.length === 0) return [];
  const segments: OcrWord[][] = [[line[0]!]];
  for (let index = 1; index < line.length; index += 1) {
    const previous = line[index - 1]!;
    const word = line[index]!;
    const gap = word.left - (previous.left + previous.width);
    // A form's blank ("Số:      /UBND", "ngày      tháng 12") is a wide gap inside one field.
    if (gap > COLUMN_GAP_HEIGHTS * letterHeight && !BLANK_FIELD_LABEL.test(previous.text)) segments.push([word]);
    else segments.at(-1)!.push(word);
  }
  return segments;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Mean of the confidences, rounded to one decimal, or null when no word was recognised. */
export function meanConfidence(confidences: readonly number[]): number | null {
  if (confidences.length === 0) return null;
  const sum = confidences.reduce((total, value) => total + value, 0);
  return Math.round((sum / confidences.length) * 10) / 10;
}
