/**
 * Words of a title as the reference index compares them: folded (no diacritics, đ→d, lower
 * case), punctuation dropped, "và" dropped (as the scorer's name key does, so "Luật Tổ chức HĐND
 * và UBND" and "… Hội đồng nhân dân, Ủy ban nhân dân" compare equal), and abbreviations
 * ("NSNN", "KH, CN&ĐMST") expanded into their words.
 */
import { abbreviationAt, type AbbreviationIndex } from '../text/abbreviations.ts';
import { foldWord } from '../text/fold.ts';
import { CONNECTIVES, WORD } from '../text/words.ts';

/** One word of a text, with where it stands. */
export interface TextToken {
  /** Folded form compared against the index. */
  key: string;
  start: number;
  end: number;
  /** The expansion written in place of an abbreviation, for display ("ngân sách nhà nước"). */
  expansion?: string;
}

/** `WORD` for scanning from an offset; used synchronously only, so one instance is enough. */
const WORD_SCAN = new RegExp(WORD.source, 'gu');

/** Folded words of a title, connectives dropped. */
export function titleKeys(title: string): string[] {
  return [...title.matchAll(WORD)].map((match) => foldWord(match[0])).filter((key) => !CONNECTIVES.has(key));
}

/** Whether a word as written is an abbreviation: capitals (and "&"), at least two letters. */
function isAbbreviationForm(word: string): boolean {
  // Most words start lower case: skip the Unicode test for them.
  const first = word.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return false;
  return word.length >= 2 && ABBREVIATION_FORM.test(word);
}

const ABBREVIATION_FORM = /^[\p{Lu}&]{2,}$/u;

/**
 * The words of `text` from `from`, at most `limit` of them, with abbreviations expanded.
 * The run stops at a blank line or at a line that starts with a capital (a new block: a
 * title wraps onto the next line only in lower case).
 *
 * @param text Whole text.
 * @param from Offset to start at.
 * @param limit Most words read (before expansion).
 * @param abbreviations Abbreviations to expand.
 * @returns The words, and whether the run stopped at `limit` (more words may follow).
 */
export function textTokens(
  text: string,
  from: number,
  limit: number,
  abbreviations: AbbreviationIndex,
): { tokens: TextToken[]; reachedLimit: boolean } {
  const words: { raw: string; start: number; end: number }[] = [];
  const pattern = WORD_SCAN;
  pattern.lastIndex = from;
  let previousEnd = from;
  for (let match = pattern.exec(text); match && words.length < limit; match = pattern.exec(text)) {
    const gap = text.slice(previousEnd, match.index);
    const firstNewline = gap.indexOf('\n');
    const newlines = firstNewline < 0 ? 0 : gap.indexOf('\n', firstNewline + 1) < 0 ? 1 : 2;
    if (newlines > 1 || (newlines === 1 && words.length > 0 && !/^[\p{Ll}]/u.test(match[0]))) break;
    // A sentence or clause ends at these marks; commas, hyphens and "&" stay inside titles.
    if (words.length > 0 && /[;.:()"“”?!]/.test(gap)) break;
    words.push({ raw: match[0], start: match.index, end: match.index + match[0].length });
    previousEnd = match.index + match[0].length;
  }
  const tokens: TextToken[] = [];
  const folded = words.map((word) => foldWord(word.raw));
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const key = folded[index]!;
    if (isAbbreviationForm(word.raw)) {
      const entry = abbreviationAt(folded, index, abbreviations, (at) => isAbbreviationForm(words[at]!.raw));
      if (entry) {
        const last = words[index + entry.words.length - 1]!;
        for (const expanded of entry.keys) {
          if (CONNECTIVES.has(expanded)) continue;
          tokens.push({ key: expanded, start: word.start, end: last.end, expansion: entry.expansion });
        }
        index += entry.words.length - 1;
        continue;
      }
    }
    if (CONNECTIVES.has(key)) continue;
    tokens.push({ key, start: word.start, end: word.end });
  }
  return { tokens, reachedLimit: words.length >= limit };
}
