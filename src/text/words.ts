/**
 * Words of a title or name as comparison sees them.
 *
 * Bundle-safe (no Node imports).
 */
import { foldWord } from './fold.ts';

/** Letters and digits, "&" joining parts ("CN&ĐMST", "KH&CN"). */
export const WORD = /[\p{L}\d]+(?:&[\p{L}\d]+)*/gu;

/**
 * Connectives left out when titles are compared: "và" (the scorer drops it too) and "vào",
 * which texts often mistype as "và" ("vốn nhà nước đầu tư và sản xuất, kinh doanh").
 */
export const CONNECTIVES: ReadonlySet<string> = new Set(['va', 'vao']);

/**
 * The folded words of a text, in order, punctuation dropped.
 *
 * @param text Text as written ("Luật KH, CN&ĐMST").
 * @returns Folded words (["luat", "kh", "cn&dmst"]).
 */
export function foldedWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((match) => foldWord(match[0]));
}
