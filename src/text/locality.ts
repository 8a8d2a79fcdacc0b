/**
 * Locality words: "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
 * "đặc khu" and the level each names, with the nouns that only look like one ("xã hội",
 * "hợp tác xã"). One matcher for the header's organ lines, the document's id, its issuer
 * level and resolution's places.
 *
 * Bundle-safe (no Node imports).
 */
import { memoize } from '../pipeline/memo.ts';
import { foldWord } from './fold.ts';

/** Local level of an administrative body. */
export type LocalLevel = 'tinh' | 'huyen' | 'xa';

/** Level words as written (lower case), longest first, and their level. */
const LEVEL_WORDS: readonly (readonly [word: string, level: LocalLevel])[] = [
  ['thành phố', 'tinh'],
  ['thị xã', 'huyen'],
  ['thị trấn', 'xa'],
  ['đặc khu', 'xa'],
  ['tỉnh', 'tinh'],
  ['huyện', 'huyen'],
  ['quận', 'huyen'],
  ['xã', 'xa'],
  ['phường', 'xa'],
];

/** The level words as a RegExp alternation ("thành phố|thị xã|…"), for patterns built around them. */
export const LEVEL_WORDS_SOURCE: string = LEVEL_WORDS.map(([word]) => word).join('|');

/** The level words folded ("thanh pho", "thi xa", …), longest first: for upper-case organ lines. */
export const FOLDED_LEVEL_WORDS: readonly string[] = LEVEL_WORDS.map(([word]) => word.split(' ').map(foldWord).join(' '));

const LEVEL_OF: ReadonlyMap<string, LocalLevel> = new Map([...LEVEL_WORDS, ['tp.', 'tinh'], ['tp', 'tinh']]);

/** A level word in a text. */
export interface LevelWord {
  /** The word, lower case ("thị xã"). */
  word: string;
  level: LocalLevel;
  start: number;
  end: number;
}

/**
 * Whether a level word is part of another noun, by the folded words around it: "xã hội"
 * (Bảo hiểm xã hội), "hợp tác xã", and — in folded text, where "quận" and "quan" meet —
 * "cơ quan".
 *
 * @param word The level word, folded ("xa").
 * @param before Folded words before it, nearest last.
 * @param after The folded word after it, if any.
 */
export function isLevelWordInNoun(word: string, before: readonly string[], after: string | undefined): boolean {
  if (word === 'xa') {
    if (after === 'hoi') return true;
    if (before[before.length - 1] === 'tac' && before[before.length - 2] === 'hop') return true;
  }
  if (word === 'quan' && before[before.length - 1] === 'co') return true;
  return false;
}

const LEVEL_PATTERN = new RegExp(`(?<!\\p{L})(${LEVEL_WORDS_SOURCE}|tp\\.|tp(?![\\p{L}\\p{M}]))(?![\\p{L}\\p{M}])`, 'gu');

/**
 * The level words of a text, in order, nouns that only look like one left out. Matched as
 * written in lower case: "Xã hội" and "TỈNH" are not level words here (callers lower-case
 * what they mean to be read so).
 *
 * @param text Text (NFC).
 * @returns Level words with their spans.
 */
export function levelWords(text: string): LevelWord[] {
  const found: LevelWord[] = [];
  for (const match of text.matchAll(LEVEL_PATTERN)) {
    const word = match[1]!;
    const start = match.index;
    const end = start + word.length;
    const folded = word.split(' ').map(foldWord).join(' ');
    const before = (text.slice(Math.max(0, start - 16), start).match(/[\p{L}\p{M}]+/gu) ?? []).map(foldWord);
    const after = /^\s+([\p{L}\p{M}]+)/u.exec(text.slice(end, end + 16))?.[1];
    if (isLevelWordInNoun(folded, before, after === undefined ? undefined : foldWord(after))) continue;
    found.push({ word, level: LEVEL_OF.get(word)!, start, end });
  }
  return found;
}

/**
 * The locality level an issuer text names ("UBND huyện Ba Tơ" → `huyen`), the most specific
 * when it names several ("UBND xã A, huyện B" → `xa`).
 *
 * @param issuer Issuer as written.
 * @returns Level or null when the text names no tỉnh/huyện/xã.
 */
export const localityLevel = memoize(function localityLevel(issuer: string): LocalLevel | null {
  const levels = new Set(levelWords(issuer.normalize('NFC').toLowerCase()).map((found) => found.level));
  if (levels.has('xa')) return 'xa';
  if (levels.has('huyen')) return 'huyen';
  if (levels.has('tinh')) return 'tinh';
  return null;
});

/** A place a text names: its level word and the capitalised name after it. */
export interface PlaceName {
  level: LocalLevel;
  /** Name as written ("Tây Ninh", "Ba Tơ", "1"). */
  name: string;
}

/** Level words in title case, read as level words when a capitalised name or a number follows ("Tỉnh Tây Ninh", "Phường 1"). */
const TITLE_CASE_LEVEL = /(?<!\p{L})(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)(?=\s+(?:\p{Lu}|\d))/gu;

/** The capitalised words (or numbers) of a place's name. */
const PLACE_NAME = /^\s+((?:\p{Lu}[\p{L}\p{M}]*|\d+)(?:\s+(?:\p{Lu}[\p{L}\p{M}]*|\d+))*)/u;

/**
 * Every place a text names ("UBND xã A, huyện B" → xã A, huyện B), in text order: a level word
 * followed by a capitalised name. "Tỉnh ủy" names no place (a lower-case word follows), nor
 * "Bảo hiểm Xã hội".
 *
 * @param text Issuer or text as written.
 * @returns Places in text order.
 */
export function placeNames(text: string): PlaceName[] {
  const lowered = text.normalize('NFC').replace(TITLE_CASE_LEVEL, (word) => word.toLowerCase());
  const places: PlaceName[] = [];
  for (const found of levelWords(lowered)) {
    if (found.word === 'tp') continue;
    const name = PLACE_NAME.exec(lowered.slice(found.end))?.[1];
    if (name) places.push({ level: found.level, name });
  }
  return places;
}

/**
 * What follows an issuer's first level word: "UBND tỉnh Tây Ninh" → "Tây Ninh", "UBND xã A,
 * huyện B" → "A, huyện B"; null when the issuer names no place ("Bảo hiểm xã hội Việt Nam").
 *
 * @param issuer Issuer in short form.
 * @returns The place part, or null.
 */
export function placeAfterLevelWord(issuer: string): string | null {
  const text = issuer.normalize('NFC');
  for (const found of levelWords(text)) {
    if (found.word.startsWith('tp')) continue;
    const rest = /^\s+(.+)$/su.exec(text.slice(found.end))?.[1];
    if (rest) return rest;
  }
  return null;
}
