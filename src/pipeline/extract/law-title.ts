/**
 * Where a law title ends: the grammar of "Luật <title>" after its head.
 *
 * A title is a run of words after the head. It ends at a stop word ("số", "ngày", "năm", "của",
 * "được", …), a stop phrase ("quy định", "hướng dẫn"), a type word, a digit, punctuation, or a
 * new capitalized head. Two joints need care, because real titles cross them:
 *
 * - "và" + lower-case words: "Luật Đo đạc và bản đồ", "Luật Hôn nhân và gia đình". Prose crosses
 *   them too ("Luật Dân quân tự vệ và xây dựng lực lượng …"), so the continuation must be short
 *   and end where a citation ends (number, date, punctuation, another law).
 * - a comma + lower-case words: "Luật Quản lý, sử dụng tài sản công", "Luật Thuế xuất khẩu, thuế
 *   nhập khẩu", "Luật Cán bộ, công chức". In titles the comma joins two short coordinated
 *   items, so the part before it is one compound word (≤ 2 syllables) or the part after it repeats
 *   its first syllable; prose ("Luật Quản lý thuế, cơ quan thuế có …") does neither.
 *
 * Every scan is bounded by a word count, so the cost per head is constant.
 */
import {
  DOCUMENT_TYPE_CODES,
  LAW_NAME_GLUE,
  LAW_NAME_STOP_PHRASES,
  LAW_NAME_STOP_WORDS,
  LAW_NOT_TITLE_FIRST,
  PROSE_STARTS,
  TYPE_ALTERNATION,
} from '../glossary.ts';

/** A type word that starts a new citation inside a list (any case: "nghị định", "Quyết định"). */
const TYPE_START = new RegExp(`^(?:${TYPE_ALTERNATION})(?![\\p{L}])`, 'iu');

/** One word (letters, digits, &, inner hyphen) with its leading whitespace. */
const WORD = /^\s+([\p{L}\d&]+(?:[-–][\p{L}\d&]+)*)/u;

/** Most words of a title after its head. */
const MAX_WORDS = 14;

/**
 * Where a citation plainly ends: a number or date, clause punctuation, the end of the text,
 * or another law joined by "và". A continuation across "và" or "," must stop at one of these.
 */
const HARD_END =
  /^(?:\s*(?:[;,.:()]|$)|\s+(?:số\s*:?\s*\d|ngày\s*\d|năm\s+\d|và\s+(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s)|\s*\n\s*\n)/u;

/**
 * Whether the text at `at` plainly ends a citation (`HARD_END`): a reference title followed
 * beyond a grammar stop ("Luật Hoạt động giám sát của Quốc hội năm 2003") is trusted there.
 */
export function endsCitation(text: string, at: number): boolean {
  return HARD_END.test(text.slice(at, at + 20));
}

/** Whether a lower-case `token` (with `second`, the word after it) may sit inside a title. */
function isTitleWord(token: string, second: string | undefined, rest: string): boolean {
  const lower = token.toLowerCase();
  if (/^\d/.test(token) || LAW_NAME_STOP_WORDS.has(lower)) return false;
  if (second && LAW_NAME_STOP_PHRASES.includes(`${lower} ${second.toLowerCase()}`)) return false;
  return !TYPE_START.test(rest.trimStart());
}

/**
 * Where a citation ends less plainly: a preposition or verb phrase that opens the rest of the
 * sentence ("… kỹ thuật về Sở Khoa học", "… gia đình quy định", "… của Quốc hội"). Trusted only
 * after a short continuation, since prose after "và" also runs into such words; "của" counts
 * only before a capitalized issuer ("trách nhiệm của các sở" is prose).
 */
function isSoftEnd(text: string, at: number): boolean {
  const rest = text.slice(at, at + 40);
  const word = WORD.exec(rest);
  const token = word?.[1];
  if (!word || !token || !/^[\p{Ll}]/u.test(token)) return false;
  const second = rest.slice(word[0].length).match(/^\s+([\p{L}]+)/u)?.[1];
  if (token === 'của') return second !== undefined && /^[\p{Lu}]/u.test(second);
  if (SOFT_END_WORDS.has(token)) return true;
  return second !== undefined && LAW_NAME_STOP_PHRASES.includes(`${token} ${second.toLowerCase()}`);
}

/** Prepositions and auxiliaries that may follow a whole citation inside a sentence. */
const SOFT_END_WORDS: ReadonlySet<string> = new Set([
  'về',
  'tại',
  'theo',
  'trong',
  'để',
  'nhằm',
  'đã',
  'được',
  'có',
  'thì',
  'cho',
  'với',
]);

/**
 * End of a lower-case continuation that starts at `from` (right after "và" or a comma), or
 * null when the words there are not part of a title: the first word must be lower case and
 * not a verb that opens prose ("và xây dựng lực lượng …"), no word may be a stop word, stop
 * phrase or type word, at most `limit` words, and the run must reach a hard end (or, within
 * `softLimit` words, a stop word that opens the rest of the sentence).
 */
function continuationEnd(text: string, from: number, limit: number, softLimit = 0): number | null {
  let end = from;
  for (let words = 0; words < limit; words += 1) {
    const rest = text.slice(end, end + 60);
    const word = WORD.exec(rest);
    const token = word?.[1];
    if (!word || !token || !/^[\p{Ll}]/u.test(token) || !crossesWrap(word[0], token)) break;
    const second = rest.slice(word[0].length).match(/^\s+([\p{L}]+)/u)?.[1];
    if (!isTitleWord(token, second, rest)) break;
    if (words === 0 && second && PROSE_STARTS.has(`${token.toLowerCase()} ${second.toLowerCase()}`)) break;
    end += word[0].length;
    if (HARD_END.test(text.slice(end, end + 20))) return end;
    if (words < softLimit && isSoftEnd(text, end)) return end;
  }
  return null;
}

/**
 * Whether a title may take `token`, matched with its leading whitespace as `matched`: always
 * within a line; across one newline only when the word starts lower case; never across a
 * blank line.
 */
function crossesWrap(matched: string, token: string): boolean {
  const gap = matched.slice(0, matched.length - token.length);
  const newlines = gap.split('\n').length - 1;
  if (newlines === 0) return true;
  return newlines === 1 && /^[\p{Ll}]/u.test(token);
}

/** Syllables (words) between `from` and `to`. */
function syllables(text: string, from: number, to: number): string[] {
  return text
    .slice(from, to)
    .split(/[\s,]+/u)
    .filter(Boolean);
}

/**
 * End offset of a plain (non-amending) title that starts after the head, or null when no
 * title follows ("Luật này", "Luật sư", "theo Luật và …", "Luật số 46/2014/QH13").
 *
 * @param text Whole text.
 * @param from Offset right after the head word(s).
 */
export function readPlainTitleEnd(text: string, from: number): number | null {
  let words = 0;
  let end = from;
  // Start of the current coordinated item (after the head or after an accepted comma).
  let itemStart = from;
  while (words < MAX_WORDS) {
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
    const second = rest.slice(word[0].length).match(/^\s+([\p{L}]+)/u)?.[1];
    // A newline in normalized text is a block boundary: only a lower-case word is a wrap that
    // normalize did not dare to join ("Luật Đo đạc và bản\nđồ"); a capital opens a new block
    // ("… trong Luật Việc làm\nSở, ban, ngành …", table cells "Luật\nNQ Nghị quyết").
    if (!crossesWrap(word[0], token)) break;
    if (words === 0) {
      if (LAW_NOT_TITLE_FIRST.has(lower)) return null;
      // A document-type code is a table cell, not a title ("L Luật NQ Nghị quyết").
      if (DOCUMENT_TYPE_CODES.has(token)) return null;
      // A capital makes it the title's first word ("Luật Các tổ chức tín dụng").
      if (LAW_NAME_STOP_WORDS.has(lower) && (/^[\p{Ll}]/u.test(token) || lower === 'này')) return null;
      // "Luật quy định …": the common noun followed by a verb.
      if (second && /^[\p{Ll}]/u.test(token) && LAW_NAME_STOP_PHRASES.includes(`${lower} ${second.toLowerCase()}`)) return null;
      if (/^\d/.test(token)) return null;
      // "thi hành Luật\na) Nghị định …", "Luật\nII. NỘI DUNG": a list marker, not a title.
      const mark = text.charAt(end + word[0].length);
      if (mark === ')' || (mark === '.' && /^(?:\p{L}|[IVXLC]+)$/u.test(token))) return null;
    } else {
      if (/^\d/.test(token)) break;
      const isCapital = /^[\p{Lu}]/u.test(token);
      if (token === 'và') {
        // "Luật Đo đạc và bản đồ": a short lower-case tail that ends the citation.
        // "Luật Tiêu chuẩn và quy chuẩn kỹ thuật": up to six words that end the citation.
        const tail = continuationEnd(text, end + word[0].length, 6, 4);
        if (tail === null) break;
        words += syllables(text, end, tail).length;
        end = tail;
        continue;
      }
      if (!isCapital && LAW_NAME_STOP_WORDS.has(lower)) break;
      if (second && LAW_NAME_STOP_PHRASES.includes(`${lower} ${second.toLowerCase()}`)) break;
      if (isCapital && TYPE_START.test(rest.trimStart())) break;
      if (isCapital && /^(?:Điều|Khoản|Chương|Mục)$/u.test(token)) break;
    }
    end += word[0].length;
    words += 1;
    // Punctuation right after a word ends the title (unless a glue phrase continues it).
    const next = text.charAt(end);
    if (next === '' || /\s/.test(next)) continue;
    const glueAfter = LAW_NAME_GLUE.find(
      (phrase) => phrase.startsWith(',') && startsWithPhrase(text.slice(end, end + 60), phrase),
    );
    if (glueAfter) continue;
    if (next !== ',') break;
    // "Luật KH, CN&ĐMST": a comma between two abbreviations stays inside the title.
    if (/^[\p{Lu}&]{2,}$/u.test(token) && /^,\s*[\p{Lu}][\p{Lu}&]+(?![\p{Ll}])/u.test(text.slice(end, end + 20))) {
      end += 1;
      continue;
    }
    const item = syllables(text, itemStart, end);
    const tail = continuationEnd(text, end + 1, 5);
    if (tail === null) break;
    const firstAfter = syllables(text, end + 1, tail)[0]?.toLowerCase();
    const parallel = firstAfter !== undefined && firstAfter === item[0]?.toLowerCase();
    if (item.length > 2 && !parallel) break;
    words += syllables(text, end + 1, tail).length;
    itemStart = end + 1;
    end = tail;
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
