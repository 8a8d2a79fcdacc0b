/**
 * Short references: a type word and the bare leading number of a document ("Thông tư số 124",
 * "Quy định 377", "Chỉ thị số 45", "Đề án 06").
 */
import { TYPE_ALTERNATION } from '../glossary.ts';
import { foldDiacritics } from '../../text/fold.ts';

/** A short reference candidate. */
export interface ShortRefMatch {
  start: number;
  end: number;
  /** Type word as written. */
  docType: string;
  /** Bare number as written ("124", "06"). */
  digits: string;
}

/** Bare digits not continued by a code ("/", "-"), a letter or a decimal part. */
const BARE_DIGITS = /\d{1,4}(?![\d\p{L}]|\s?[/\-–]\s?[\p{L}\d]|[.,]\d)/gu;

/**
 * Type word and optional "số" right before the digits. The type needs a capital in the
 * caller: lower-case "kế hoạch 5 năm" is prose.
 */
const TYPE_BEFORE = new RegExp(`(?:^|[^\\p{L}\\d])(${TYPE_ALTERNATION})\\s+(?:số\\s+)?$`, 'iu');

/** Units and words after a bare number that make it a count, not a number ("Kế hoạch 5 năm"). */
const COUNT_AFTER =
  /^\s*(?:năm|tháng|ngày|tuần|lần|giai\s+đoạn|bước|nội\s+dung|nhiệm\s+vụ|điều|%|người|đơn\s+vị|tỷ|triệu|ha\b|km)/iu;

/**
 * Find short reference candidates. Scans digit runs (rare) and looks back for a type word,
 * rather than trying the type alternation at every position.
 *
 * @param text Normalized text.
 */
export function matchShortRefs(text: string): ShortRefMatch[] {
  const found: ShortRefMatch[] = [];
  for (const match of text.matchAll(BARE_DIGITS)) {
    const start = match.index;
    const previous = text.charAt(start - 1);
    if (!/\s/.test(previous)) continue;
    const end = start + match[0].length;
    const window = text.slice(Math.max(0, start - 40), start);
    const type = TYPE_BEFORE.exec(window);
    if (!type?.[1]) continue;
    if (COUNT_AFTER.test(text.slice(end, end + 20))) continue;
    // "… Kế hoạch\n10. Tổ chức …": digits opening a line with "." or ")" are a list marker.
    if (/\n[ \t]*$/.test(text.slice(Math.max(0, start - 10), start)) && /^[.)]/.test(text.charAt(end))) continue;
    // The match may begin with the one boundary character before the type word.
    const typeOffset = type.index + (type[0].startsWith(type[1]) ? 0 : 1);
    found.push({
      start: start - window.length + typeOffset,
      end,
      docType: type[1].replace(/\s+/g, ' '),
      digits: match[0],
    });
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
