/**
 * Keys of số ký hiệu: the one rule by which two written numbers are the same number,
 * used by extraction (a plan's own number), grouping, resolution, the reference data and
 * the search's number index alike.
 *
 * Bundle-safe (no Node imports): the search page reads number keys too.
 */
import { memoize } from '../pipeline/memo.ts';
import { DASHES, foldDiacritics } from './fold.ts';

/**
 * The comparison key of a số ký hiệu: no diacritics (Đ → D), one kind of dash, no spaces,
 * upper case, a leading "Số"/"Số:" dropped (the scorer's `num_key` without its "N:").
 * "21/2019/NĐ-CP", "21/2019/ND-CP", "21 /2019/NĐ– CP" and "số 21/2019/NĐ-CP" → "21/2019/ND-CP".
 *
 * @param number Number as written.
 * @returns Key.
 */
export const numberKey = memoize(function numberKey(number: string): string {
  return foldDiacritics(number).replace(DASHES, '-').replace(/\s+/g, '').toUpperCase().replace(/^SO:?/, '');
});

/**
 * The key two numbers of the same document share: `numberKey`, and the "PL-" that ordinances
 * dropped in 2012 but texts still write left out ("04/2012/PL-UBTVQH13" = "04/2012/UBTVQH13").
 * Resolution and the reference data identify documents by it.
 *
 * @param number Number as written.
 * @returns Key.
 */
export function documentNumberKey(number: string): string {
  return numberKey(number).replace(/\/PL-(?=UBTVQH)/, '/');
}

/**
 * The code tokens after the running number: "21/2019/ND-CP" → ["2019", "ND", "CP"],
 * "46-CT/TW" → ["CT", "TW"], "1584/UBND-NCPC" → ["UBND", "NCPC"].
 *
 * @param key A number key (`numberKey`).
 * @returns Tokens in order.
 */
export function numberTokens(key: string): string[] {
  return key
    .replace(/^\d+/, '')
    .split(/[-/.]+/)
    .filter(Boolean);
}

/**
 * The year a number carries ("21/2019/NĐ-CP" → "2019"), or null for per-year numbers
 * like "07/CT-UBND" or per-term numbers like "46-CT/TW".
 *
 * @param key A number key (`numberKey`).
 * @returns Four-digit year or null.
 */
export function numberYear(key: string): string | null {
  const match = /^\d+\/((?:19|20)\d{2})\//.exec(key);
  return match?.[1] ?? null;
}
