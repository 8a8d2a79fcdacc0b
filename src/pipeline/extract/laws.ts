/**
 * Named legislative acts cited without (or before) a number: "Luật Quốc phòng",
 * "Bộ luật Hình sự", "Hiến pháp", "Pháp lệnh …", "Luật sửa đổi, bổ sung một số điều của Luật X".
 *
 * The title boundary is the hard part: a title is the head plus following words until a stop
 * word, a clause mark, another head or type word, or twelve words.
 */
import {
  LAW_NAME_GLUE,
  LAW_NAME_STOP_PHRASES,
  LAW_NAME_STOP_WORDS,
  LAW_NOT_TITLE_BEFORE,
  LAW_NOT_TITLE_FIRST,
  TYPE_ALTERNATION,
} from '../glossary.ts';

/** A law title found in a text. */
export interface LawMatch {
  start: number;
  end: number;
  /** Head as written: "Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp". */
  head: string;
  /** Title as written, whitespace collapsed. */
  name: string;
}

/** Law heads, with a capital (lower-case "luật" is the common noun). */
const HEAD = /(?<![\p{L}\d])(Bộ\s+luật|Luật|Pháp\s+lệnh|Hiến\s+pháp)(?![\p{L}\d])/gu;

/** Prefix of an amending law: "Luật sửa đổi, bổ sung (một số điều của)". */
const AMENDING = /^\s+sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?(?=\s+(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s)/u;

/** A type word that starts a new citation inside a list. */
const TYPE_START = new RegExp(`^(?:${TYPE_ALTERNATION})(?![\\p{L}])`, 'iu');

/** One word (letters, digits, &, inner hyphen) with its leading whitespace. */
const WORD = /^\s+([\p{L}\d&]+(?:[-–][\p{L}\d&]+)*)/u;

/**
 * Find law titles in `text`.
 *
 * @param text Normalized text.
 * @returns Matches in text order; the inner law of an amending law is also returned.
 */
export function matchLaws(text: string): LawMatch[] {
  const found: LawMatch[] = [];
  for (const head of text.matchAll(HEAD)) {
    const start = head.index;
    const headText = head[1] ?? '';
    if (isExcludedByContext(text, start)) continue;
    if (/^Hiến/u.test(headText)) {
      // "Hiến pháp" alone, or "Hiến pháp năm 2013" (the year is not part of the identity).
      found.push({ start, end: start + headText.length, head: 'Hiến pháp', name: 'Hiến pháp' });
      continue;
    }
    const end = readTitleEnd(text, start + headText.length);
    if (end === null) continue;
    found.push({
      start,
      end,
      head: headText.replace(/\s+/g, ' '),
      name: text.slice(start, end).replace(/\s+/g, ' '),
    });
  }
  return found;
}

/** Whether the words before a head make it a draft, a school or a profession. */
function isExcludedByContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start).toLowerCase().replace(/\s+/g, ' ');
  return LAW_NOT_TITLE_BEFORE.some((phrase) => before.endsWith(phrase + ' '));
}

/**
 * End offset of the title that starts after the head, or null when no title follows
 * ("Luật này", "Luật sư", "theo Luật và …", "Luật số 46/2014/QH13").
 */
function readTitleEnd(text: string, from: number): number | null {
  let position = from;
  const amending = AMENDING.exec(text.slice(position, position + 80));
  if (amending) {
    position += amending[0].length;
    // Skip the inner head: the title continues with the inner law's own words.
    const inner = /^\s+(?:Bộ\s+luật|Luật|Pháp\s+lệnh)/u.exec(text.slice(position, position + 20));
    if (!inner) return null;
    position += inner[0].length;
  }
  let words = 0;
  let end = position;
  while (words < 12) {
    const rest = text.slice(end, end + 60);
    const glue = LAW_NAME_GLUE.find((phrase) => startsWithPhrase(rest, phrase));
    if (glue && words > 0) {
      end += matchPhraseLength(rest, glue);
      words += 1;
      continue;
    }
    const word = WORD.exec(rest);
    if (!word?.[1]) break;
    const token = word[1];
    const lower = token.toLowerCase();
    if (words === 0) {
      if (LAW_NOT_TITLE_FIRST.has(lower) || LAW_NAME_STOP_WORDS.has(lower)) return null;
      // "Luật quy định …": the common noun followed by a verb.
      const second = rest.slice(word[0].length).match(/^\s+([\p{L}]+)/u)?.[1];
      if (second && /^[\p{Ll}]/u.test(token) && LAW_NAME_STOP_PHRASES.includes(`${lower} ${second.toLowerCase()}`)) return null;
      if (/^\d/.test(token)) return null;
    } else {
      if (/^\d/.test(token)) break;
      const isCapital = /^[\p{Lu}]/u.test(token);
      if (!isCapital && LAW_NAME_STOP_WORDS.has(lower)) break;
      const twoWords = rest.slice(word[0].length).match(/^\s+([\p{L}]+)/u)?.[1];
      if (twoWords && LAW_NAME_STOP_PHRASES.includes(`${lower} ${twoWords.toLowerCase()}`)) break;
      if (isCapital && TYPE_START.test(rest.trimStart())) break;
      if (isCapital && /^(?:Điều|Khoản|Chương|Mục)$/u.test(token)) break;
    }
    end += word[0].length;
    words += 1;
    // Punctuation right after a word ends the title (unless a glue phrase continues it).
    const next = text.charAt(end);
    if (next !== '' && !/\s/.test(next)) {
      const glueAfter = LAW_NAME_GLUE.find((phrase) =>
        phrase.startsWith(',') && startsWithPhrase(text.slice(end, end + 60), phrase),
      );
      // "Luật KH, CN&ĐMST": a comma between two abbreviations stays inside the title.
      const abbreviations = next === ',' && /^[\p{Lu}&]{2,}$/u.test(token) &&
        /^,\s*[\p{Lu}][\p{Lu}&]+(?![\p{Ll}])/u.test(text.slice(end, end + 20));
      if (abbreviations) {
        end += 1;
        continue;
      }
      if (!glueAfter) break;
    }
  }
  return words === 0 ? null : end;
}

/** Glue phrases compiled once: whitespace-tolerant, case-insensitive, anchored. */
const GLUE_PATTERNS: ReadonlyMap<string, RegExp> = new Map(
  LAW_NAME_GLUE.map((phrase) => {
    const pattern = phrase
      .split(/\s+/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+')
      .replace(/^,/, '\\s*,');
    return [phrase, new RegExp(`^\\s*${pattern}(?![\\p{L}])`, 'iu')];
  }),
);

/** Whether `rest` starts with the glue `phrase`. */
function startsWithPhrase(rest: string, phrase: string): boolean {
  return matchPhraseLength(rest, phrase) > 0;
}

/** Length of the glue `phrase` at the start of `rest` (after optional whitespace), or 0. */
function matchPhraseLength(rest: string, phrase: string): number {
  const match = GLUE_PATTERNS.get(phrase)?.exec(rest);
  return match ? match[0].length : 0;
}
