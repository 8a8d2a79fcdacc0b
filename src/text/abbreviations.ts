/**
 * Abbreviations inside names and law titles ("NSNN" = "ngân sách nhà nước", "KH, CN&ĐMST" =
 * "khoa học, công nghệ và đổi mới sáng tạo"): one table for extraction, grouping and
 * resolution, read from `data/reference/abbreviations.tsv` (and a user's
 * `content/reference/abbreviations.tsv`) by the reference loader and indexed here.
 *
 * Pure: the rows come in, an index goes out; `compare.ts` uses the repository's table.
 */
import { foldedWords } from './words.ts';

/** One abbreviation as a row gives it. */
export interface AbbreviationRow {
  abbreviation: string;
  expansion: string;
}

/** An indexed abbreviation. */
export interface AbbreviationEntry {
  /** Its folded words ("KH, CN&ĐMST" → ["kh", "cn&dmst"]). */
  words: string[];
  /** The expansion as written, for display. */
  expansion: string;
  /** The expansion's folded words, connectives included. */
  keys: string[];
}

/** Abbreviations by their first folded word, longest first. */
export type AbbreviationIndex = ReadonlyMap<string, readonly AbbreviationEntry[]>;

/**
 * Index abbreviations by their first word. An abbreviation of several words ("KH, CN&ĐMST")
 * matches its words in order whatever the punctuation between them.
 *
 * @param rows Abbreviations and their expansions.
 * @returns The index.
 */
export function indexAbbreviations(rows: readonly AbbreviationRow[]): AbbreviationIndex {
  const index = new Map<string, AbbreviationEntry[]>();
  for (const { abbreviation, expansion } of rows) {
    const words = foldedWords(abbreviation);
    if (words.length === 0) continue;
    const entry = { words, expansion, keys: foldedWords(expansion) };
    const list = index.get(words[0]!) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(words[0]!, list);
  }
  return index;
}

/**
 * The longest abbreviation that `words` start at `at`, given a test of which words may be
 * part of one (for text as written: capitals only).
 *
 * @param words Folded words.
 * @param at Index of the first word.
 * @param index Abbreviations.
 * @param usable Whether the word at an index may be part of an abbreviation.
 * @returns The entry, or undefined.
 */
export function abbreviationAt(
  words: readonly string[],
  at: number,
  index: AbbreviationIndex,
  usable: (wordIndex: number) => boolean = () => true,
): AbbreviationEntry | undefined {
  return index
    .get(words[at] ?? '')
    ?.find((entry) => entry.words.every((part, offset) => words[at + offset] === part && usable(at + offset)));
}

/**
 * Folded words with every abbreviation replaced by its expansion's words; a word joined by
 * "&" that is no abbreviation is read as its parts.
 *
 * @param words Folded words (`foldedWords`).
 * @param index Abbreviations.
 * @returns Expanded words.
 */
export function expandAbbreviations(words: readonly string[], index: AbbreviationIndex): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const entry = abbreviationAt(words, at, index);
    if (entry) {
      out.push(...entry.keys.flatMap((key) => key.split('&')));
      at += entry.words.length - 1;
    } else {
      out.push(...words[at]!.split('&'));
    }
  }
  return out;
}
