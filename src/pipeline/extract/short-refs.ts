/**
 * Short references: a type word and the bare leading number of a document ("Thông tư số 124",
 * "Quy định 377", "Chỉ thị số 45", "Đề án 06").
 */
import { TYPE_ALTERNATION } from '../glossary.ts';
import { foldDiacritics } from '../ids.ts';

/** A short reference candidate. */
export interface ShortRefMatch {
  start: number;
  end: number;
  /** Type word as written. */
  docType: string;
  /** Bare number as written ("124", "06"). */
  digits: string;
}

/**
 * Type word, optional "số", bare digits not continued by a code ("/", "-") or a letter.
 * The type needs a capital: lower-case "kế hoạch 5 năm" is prose.
 */
const SHORT_REF = new RegExp(
  `(?<![\\p{L}\\d])(${TYPE_ALTERNATION})\\s+(?:số\\s+)?(\\d{1,4})(?![\\d\\p{L}]|\\s?[/\\-–]\\s?[\\p{L}\\d]|[.,]\\d)`,
  'giu',
);

/** Units and words after a bare number that make it a count, not a number ("Kế hoạch 5 năm"). */
const COUNT_AFTER = /^\s*(?:năm|tháng|ngày|tuần|lần|giai\s+đoạn|bước|nội\s+dung|nhiệm\s+vụ|điều|%|người|đơn\s+vị|tỷ|triệu|ha\b|km)/iu;

/**
 * Find short reference candidates.
 *
 * @param text Normalized text.
 */
export function matchShortRefs(text: string): ShortRefMatch[] {
  const found: ShortRefMatch[] = [];
  for (const match of text.matchAll(SHORT_REF)) {
    const docType = match[1] ?? '';
    const digits = match[2] ?? '';
    const end = match.index + match[0].length;
    if (COUNT_AFTER.test(text.slice(end, end + 20))) continue;
    found.push({ start: match.index, end, docType: docType.replace(/\s+/g, ' '), digits });
  }
  return found;
}

/** Folded type word for comparing a short reference with a full mention. */
export function typeKey(docType: string | null): string {
  return docType ? foldDiacritics(docType).toLowerCase().replace(/\s+/g, ' ') : '';
}

/** Leading digits of a number without leading zeros ("06/KH-UBND" → "6"). */
export function leadingDigits(number: string): string {
  return (/^\d+/.exec(number)?.[0] ?? '').replace(/^0+(?=\d)/, '');
}

/** Whether a bare number could be a year rather than a document number. */
export function looksLikeYear(digits: string): boolean {
  const value = Number(digits);
  return digits.length === 4 && value >= 1945 && value <= 2100;
}
