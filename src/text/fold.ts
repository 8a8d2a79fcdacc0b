/**
 * Folding of Vietnamese text: the one place that says how tone and vowel marks, đ/Đ, case and
 * dashes are set aside before two texts are compared.
 *
 * Bundle-safe (no Node imports): the browser's search and graph pages import it too.
 */
import { memoize } from '../pipeline/memo.ts';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Fold Vietnamese text to ASCII: strip tone and vowel marks, map đ/Đ to d/D. Case is kept.
 * (đ has no Unicode decomposition, so NFD alone leaves it.)
 *
 * @param text Text as written ("Nghị định").
 * @returns Folded text ("Nghi dinh").
 */
export function foldDiacritics(text: string): string {
  // Plain ASCII has nothing to fold (most numbers and many names): skip the NFD pass.
  if (ASCII.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Dashes that texts use in place of "-" (hyphen, en and em dashes, minus). */
export const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Fold text for comparison: no diacritics (đ → d), lower case, one kind of dash.
 *
 * @param text Text as written ("Nghị định 21/2019/NĐ–CP").
 * @returns Folded text ("nghi dinh 21/2019/nd-cp").
 */
export function foldText(text: string): string {
  return foldDiacritics(text.normalize('NFC')).replace(DASHES, '-').toLowerCase();
}

/**
 * Fold one word for comparison: no diacritics, lower case. Memoized: the same few thousand
 * words recur in every text.
 *
 * @param word Word as written ("HĐND").
 * @returns Folded word ("hdnd").
 */
export const foldWord = memoize(function foldWord(word: string): string {
  return foldDiacritics(word).toLowerCase();
});
