/**
 * Recognisers for single header lines: separators, the national or Party
 * motto, "Số …", "Nơi, ngày …", "V/v …", "Kính gửi".
 */
import { foldDiacritics } from '../../text/fold.ts';

/** "-------", "_____", "*****": rules drawn under the organ and the motto. */
export function isSeparator(text: string): boolean {
  return /^[-_=*.~–—\s]{3,}$/u.test(text);
}

/** Lines of the national motto (or the Party's "ĐẢNG CỘNG SẢN VIỆT NAM"), split or whole. */
export function isMotto(text: string): boolean {
  const folded = foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return /^(cong hoa xa hoi( chu nghia viet nam)?|chu nghia viet nam|doc lap tu do hanh phuc|dang cong san( viet nam)?|viet nam)$/.test(
    folded,
  );
}

/**
 * A motto whose end a scan's recognition garbled or cut ("Độc lập - Tự do - HạnÌp phú", "CỘNG HÒA
 * XÃ HỘI CHỦ N"). Test it after `mottoLineCount`, which takes a motto split over lines whole.
 */
export function isGarbledMotto(text: string): boolean {
  const folded = foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return text.length <= 60 && /^(?:cong hoa xa hoi chu|doc lap tu do|dang cong san viet)\b/.test(folded);
}

/** The mottos, folded: the national one (two parts) and the Party's. */
const MOTTOS = ['cong hoa xa hoi chu nghia viet nam', 'doc lap tu do hanh phuc', 'dang cong san viet nam'];

/** Fold a line for motto matching: no marks, lower case, letters and single spaces only. */
function foldMotto(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * How many lines from `texts[0]` on make up one motto, however the crawl split it
 * ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"), or 0 when they do not. The lines must join to a
 * whole motto, so a lone "XÃ HỘI" of an organ name ("BẢO HIỂM" / "XÃ HỘI") is not taken.
 *
 * @param texts The line under test and the few after it.
 */
export function mottoLineCount(texts: readonly string[]): number {
  let joined = '';
  for (let count = 1; count <= Math.min(texts.length, 4); count++) {
    const part = foldMotto(texts[count - 1] ?? '');
    if (!part) return 0;
    joined = joined ? `${joined} ${part}` : part;
    if (MOTTOS.includes(joined)) return count;
    if (!MOTTOS.some((motto) => motto.startsWith(`${joined} `))) return 0;
  }
  return 0;
}

/** Result of reading a "Số" line. */
export interface NumberLine {
  /** Normalized số ký hiệu, or null when the number itself is blank ("Số: /KH-UBND"). */
  number: string | null;
  /** The whole normalized code, kept even when the number is blank ("/KH-UBND"). */
  code: string;
}

/**
 * Read "Số: 1062 /KH-UBND", "Số 1584/UBND-NCPC", "Số 45-HD/BTCTW", "Số: /KH-UBND".
 *
 * @param text A line, or a "Số:" line joined with the next one.
 * @returns The number, or null when the line is not a number line.
 */
export function readNumberLine(text: string): NumberLine | null {
  // "Luật số: 28/2018/QH14": a law names its kind before the label.
  const match = /^(?:Luật\s+số|Số)\s*(?:[:.]\s*|\s+|(?=\/))(.*)$/u.exec(text);
  if (!match) return null;
  const rest = (match[1] ?? '').replace(/\s*([/-])\s*/g, '$1');
  const code = joinSpacedCode(rest, /^[\p{L}\d.-]*\/[\p{L}\d.&/-]*[\p{L}\d]/u.exec(rest)?.[0]);
  if (!code || code.length > 48) return null;
  const beforeSlash = code.slice(0, code.indexOf('/'));
  const blank = !/\d/.test(beforeSlash.split('-')[0] ?? '');
  return { number: blank ? null : code, code };
}

/**
 * A code whose letters a crawl spaced out ("3210/QĐ-U B ND"): short capital fragments after a
 * code that ends in one or two letters belong to it ("3210/QĐ-UBND").
 */
function joinSpacedCode(rest: string, code: string | undefined): string | undefined {
  if (!code) return code;
  let joined = code;
  let tail = rest.slice(code.length);
  for (;;) {
    const last = /[^-/]*$/u.exec(joined)?.[0] ?? '';
    const next = /^\s([\p{Lu}]{1,3})(?=\s|$)/u.exec(tail);
    if (!next?.[1] || last.length > 2 || !/\p{Lu}$/u.test(last)) return joined;
    joined += next[1];
    tail = tail.slice(next[0].length);
  }
}

/** Whether a line is "Số" / "Số:" alone, with the number on the next line. */
export function isBareNumberLabel(text: string): boolean {
  return /^(?:Luật\s+số|Số)\s*:?$/u.test(text);
}

/** A "Tây Ninh, ngày …" line: the place, and the text from "ngày". */
export function readPlaceDate(text: string): { place: string; rest: string } | null {
  const match = /^([^,\d]{2,40}?)\s*,\s*(ngày\b.*)$/iu.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const place = match[1].replace(/^[\s*_]+|[\s*_]+$/g, '');
  if (!place || /^(ngày|căn cứ|thực hiện)/iu.test(place)) return null;
  return { place, rest: match[2] };
}

/** "V/v nâng cao …" → "nâng cao …", else null. */
export function readSubject(text: string): string | null {
  const match = /^V\/v\b\s*:?\s*(.*)$/iu.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** "Kính gửi: Sở Tư pháp" → "Sở Tư pháp" ("" when the list follows), else null. */
export function readAddressee(text: string): string | null {
  const match = /^[_*\s]*Kính\s+gửi[_*\s]*:?\s*(.*)$/iu.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** A list item line: "- Bộ Quốc phòng;", "+ …", "• …". */
export function readListItem(text: string): string | null {
  const match = /^[-+•–*]\s*(.*)$/u.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** Drop the separators a list item ends with: "Bộ Quốc phòng;" → "Bộ Quốc phòng". */
export function trimItem(text: string): string {
  return text.replace(/[\s;,.]+$/u, '').trim();
}
