/**
 * Comparison keys of names: when two written names of a body or a law are the same name.
 * One rule for grouping (the mentions of one text) and resolution (the documents of the
 * corpus), so the same law is one document at both steps, written out or abbreviated.
 *
 * Keys are only compared (and slugged into the ids of laws known by name), never shown.
 */
import { memoize } from '../pipeline/memo.ts';
import { referenceData } from '../reference/load.ts';
import { expandAbbreviations, type AbbreviationIndex } from './abbreviations.ts';
import { foldText } from './fold.ts';
import { foldedWords } from './words.ts';

/** The repository's abbreviations (data/reference and the user's content/reference). */
function defaultIndex(): AbbreviationIndex {
  return referenceData().abbreviationIndex;
}

/** Words of a folded text: abbreviations expanded, "và" dropped. */
function keyWords(folded: string, index: AbbreviationIndex): string {
  return expandAbbreviations(foldedWords(folded), index)
    .filter((word) => word && word !== 'va')
    .join(' ');
}

/**
 * Key of a name or an issuer: lower case, no diacritics, abbreviations expanded, "và" and
 * punctuation dropped. "Luật Giáo dục quốc phòng và an ninh" and "Luật GDQP-AN" give the same
 * key; so do "UBND tỉnh Tây Ninh" and "Ủy ban nhân dân tỉnh Tây Ninh".
 *
 * @param name Name as written.
 * @returns Words separated by one space.
 */
export const nameKey = memoize(function nameKey(name: string): string {
  return keyWords(foldText(name), defaultIndex());
});

/**
 * Identity of a law cited by its title (the scorer's `name_key`): `nameKey` after a part in
 * brackets and a trailing "năm YYYY", year or "số …" are dropped. "Luật Ngân sách Nhà nước năm
 * 2015", "Luật NSNN" and "Luật ngân sách nhà nước" give "luat ngan sach nha nuoc".
 *
 * @param title Title as written.
 * @param index Abbreviations (default: the repository's).
 * @returns Words separated by one space.
 */
export function lawTitleKey(title: string, index?: AbbreviationIndex): string {
  if (!index) return lawTitleKeyOnce(title);
  return keyWords(lawTitleCore(title), index);
}

const lawTitleKeyOnce = memoize((title: string) => keyWords(lawTitleCore(title), defaultIndex()));

/** The folded title without brackets and its trailing year or number. */
function lawTitleCore(title: string): string {
  return foldText(title)
    .replace(/\(.*?\)/g, ' ')
    .trim()
    .replace(/\b((nam )?\d{4}|so \d.*)$/, ' ');
}
