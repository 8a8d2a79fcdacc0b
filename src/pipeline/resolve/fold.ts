/**
 * Folding of numbers, names and issuers into comparison keys.
 *
 * Keys are only compared, never shown: display forms are chosen from what the texts write.
 */
import { foldDiacritics } from '../ids.ts';
import { memoize } from '../memo.ts';

/**
 * Fold a số ký hiệu for comparison: no spaces, one kind of dash, ASCII upper case.
 * "111/2013/TT- BTC" → "111/2013/TT-BTC"; "21/2019/NĐ-CP" and "21/2019/ND-CP" → "21/2019/ND-CP".
 *
 * @param number Number as written.
 * @returns Folded key.
 */
export const foldNumber = memoize(function foldNumber(number: string): string {
  return foldDiacritics(number)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^số/i, '')
    .toUpperCase();
});

/**
 * The code tokens after the running number: "21/2019/ND-CP" → ["2019", "ND", "CP"],
 * "46-CT/TW" → ["CT", "TW"], "1584/UBND-NCPC" → ["UBND", "NCPC"].
 *
 * @param folded A number folded by `foldNumber`.
 * @returns Tokens in order.
 */
export function numberTokens(folded: string): string[] {
  return folded
    .replace(/^\d+/, '')
    .split(/[-/.]+/)
    .filter(Boolean);
}

/**
 * The year a number carries ("21/2019/NĐ-CP" → "2019"), or null for per-year numbers
 * like "07/CT-UBND" or per-term numbers like "46-CT/TW".
 *
 * @param folded A number folded by `foldNumber`.
 * @returns Four-digit year or null.
 */
export function numberYear(folded: string): string | null {
  const match = /^\d+\/((?:19|20)\d{2})\//.exec(folded);
  return match?.[1] ?? null;
}

/** Abbreviations expanded before names are compared ("Luật NSNN" = "Luật Ngân sách nhà nước"). */
const nameAbbreviations: readonly (readonly [RegExp, string])[] = [
  [/\bnsnn\b/g, 'ngan sach nha nuoc'],
  [/\bbhyt\b/g, 'bao hiem y te'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bqp\s*-?\s*an\b/g, 'quoc phong an ninh'],
  [/\bgdqp\b/g, 'giao duc quoc phong'],
  [/\bdqtv\b/g, 'dan quan tu ve'],
  [/\bnvqs\b/g, 'nghia vu quan su'],
];

/**
 * Fold a document name or issuer for comparison: lower case, no diacritics, abbreviations
 * expanded, "và" and punctuation dropped. "Luật Giáo dục quốc phòng và an ninh" and
 * "Luật Giáo dục quốc phòng an ninh" fold to the same key.
 *
 * @param name Name as written.
 * @returns Folded key (words separated by one space).
 */
export const foldName = memoize(function foldName(name: string): string {
  let folded = foldDiacritics(name.normalize('NFC')).toLowerCase();
  for (const [pattern, replacement] of nameAbbreviations) {
    folded = folded.replace(pattern, replacement);
  }
  return folded
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && word !== 'va')
    .join(' ');
});

/**
 * Roman numeral of a Party congress term stated in an issuer: "Ban Bí thư (khóa XII)" → "XII".
 *
 * @param issuer Issuer as written, or null.
 * @returns The term or null.
 */
export function congressTerm(issuer: string | null): string | null {
  if (!issuer) return null;
  // Folding first accepts both accent placements, "khóa" and "khoá".
  const match = /\bkhoa\s+([IVXLC]+)\b/i.exec(foldDiacritics(issuer));
  return match?.[1]?.toUpperCase() ?? null;
}
