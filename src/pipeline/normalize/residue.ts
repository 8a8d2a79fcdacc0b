/**
 * Export residue: page numbers, stamps and stray marks that the conversion to text left
 * between or after paragraphs. None of it is part of the document, so it never reaches
 * the normalized text.
 */

/** A page number alone on its line: "20", "- 3 -", "Trang 4", "2/10". */
const PAGE_NUMBER =
  /^(?:(?:Trang|trang|TRANG|Page)\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/** A document-system stamp: "Hệ số 72 CVUB". */
const STAMP = /^Hệ số\s+\d{1,6}(?:\s+\p{Lu}{2,12})?$/u;

/** Typist initials on their own line, as the export writes them: "/*lsc*", "*ĐKT*". */
const TYPIST_LINE = /^\/?\s*\*[^*\s]{1,12}\*$/u;

/** Ellipsis lines are kept: in forms they stand for text to fill in. */
const ELLIPSIS_ONLY = /^[.…]+$/u;

/** Typist initials after the closing sentence: "…Kế hoạch này. /*lsc*", "… / *ĐKT*". */
const TRAILING_TYPIST = /\s*\/\s*\*[^*\s]{1,12}\*$/u;

/** A stray slash after a full stop or colon: "…thực hiện. /", "Nơi nhận: /". */
const TRAILING_SLASH = /([.:;])\s*\/$/u;

/**
 * Markdown underline/bold markers "__" of the crawl ("__Nơi nhận: __"): only at a line or
 * word edge, so text such as `window.__x` or `a__b` keeps its underscores. Longer runs of
 * underscores are fill-in blanks of forms and stay.
 */
const DOUBLE_UNDERSCORE = /(?<=^|\s)__(?!_)|(?<!_)__(?=\s|$)/gu;

/** What a residue line is; `separator` lines ("-------") also end a block. */
export type ResidueKind = 'page-number' | 'stamp' | 'typist' | 'separator';

/**
 * Classify a whole line as residue.
 *
 * @param line Cleaned line (spaces collapsed, trimmed).
 * @param alone Whether the line is a paragraph of its own (blank lines or text edges
 *   around it): only then can a bare number be a page number and not a table cell.
 * @returns The kind of residue, or null when the line is content.
 */
export function residueKind(line: string, alone: boolean): ResidueKind | null {
  if (alone && PAGE_NUMBER.test(line)) return 'page-number';
  if (STAMP.test(line)) return 'stamp';
  if (TYPIST_LINE.test(line)) return 'typist';
  if (!/[\p{L}\p{N}]/u.test(line) && !ELLIPSIS_ONLY.test(line)) return 'separator';
  return null;
}

/**
 * Remove residue at the end of a content line.
 *
 * @param line Cleaned line.
 * @returns The line without trailing typist initials or stray slash.
 */
export function stripTrailingResidue(line: string): string {
  // Every line of every plan comes here and almost none has residue: each pattern runs only
  // when the characters it needs are there (the typist pattern, tried at every space, was a
  // measurable share of normalizing a large corpus).
  let stripped = line.includes('__') ? line.replace(DOUBLE_UNDERSCORE, '') : line;
  if (stripped.endsWith('*')) stripped = stripped.replace(TRAILING_TYPIST, '');
  if (stripped.endsWith('/')) stripped = stripped.replace(TRAILING_SLASH, '$1');
  return (stripped.includes('  ') ? stripped.replace(/ {2,}/gu, ' ') : stripped).trim();
}
