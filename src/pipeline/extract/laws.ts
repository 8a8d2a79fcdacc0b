/**
 * Named legislative acts cited without (or before) a number: "Luật Quốc phòng",
 * "Bộ luật Hình sự", "Hiến pháp", "Pháp lệnh …", "Luật sửa đổi, bổ sung một số điều của Luật X".
 *
 * The title boundary is the hard part. The reference data decides it first: the longest title
 * of the data that the text has at the head (folded, abbreviations expanded) wins. A title the
 * data does not hold falls back to the grammar (`law-title.ts`): the head plus following words
 * until a stop word, a clause mark, another head or type word, or a word count.
 */
import { LAW_NOT_TITLE_BEFORE } from '../glossary.ts';
import { referenceData, type ReferenceData } from '../../reference/load.ts';
import { matchReferenceTitle, nameAsWritten } from '../../reference/match-title.ts';
import { endsCitation, readPlainTitleEnd } from './law-title.ts';

/** A law title found in a text. */
export interface LawMatch {
  start: number;
  end: number;
  /** Head as written, whitespace collapsed: "Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp". */
  head: string;
  /** Title as written, whitespace collapsed, abbreviations expanded. */
  name: string;
}

/**
 * Law heads. With a capital, a head opens a title the grammar may read ("Bộ Luật Hình sự"
 * is a Bộ luật too). Upper-case heads ("LUẬT ĐẤT ĐAI") and a lower-case "luật" before a
 * capital ("luật Bảo hiểm y tế") are common nouns or headings as often as titles, so they
 * count only when a reference title follows.
 */
const HEAD =
  /(?<![\p{L}\d])(Bộ\s+[lL]uật|Luật|Pháp\s+lệnh|Hiến\s+pháp|BỘ\s+LUẬT|LUẬT|PHÁP\s+LỆNH|HIẾN\s+PHÁP|bộ\s+luật|luật(?=\s+[\p{Lu}]))(?![\p{L}\d])/gu;

/** Heads the grammar may read on its own. */
const GRAMMAR_HEAD = /^(?:Bộ\s+[lL]uật|Luật|Pháp\s+lệnh|Hiến\s+pháp)$/u;

/** Prefix of an amending law: "Luật sửa đổi, bổ sung (một số điều của)", any case of "Sửa". */
const AMENDING = /^\s+[sS]ửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?(?=\s+(?:Luật|Bộ\s+[lL]uật|Pháp\s+lệnh)\s)/u;

/**
 * A reference title shorter than the grammar's reading still wins when it has at least this
 * many words after the kind: a specific title is rarely the prefix of an act the data lacks,
 * while the grammar runs on into prose ("Pháp lệnh Ưu đãi người có công với cách mạng giai
 * đoạn …"). A short one ("Luật Đầu tư") yields to a longer reading ("Luật Đầu tư công").
 */
const SPECIFIC_TITLE_WORDS = 3;

/** The canonical head for a head as written ("BỘ LUẬT", "Bộ Luật" → "Bộ luật"). */
function canonicalHead(written: string): string {
  const folded = written.replace(/\s+/g, ' ').toLowerCase();
  return folded.charAt(0).toUpperCase() + folded.slice(1);
}

/**
 * Find law titles in `text`.
 *
 * @param text Normalized text.
 * @param data Reference data (the repository's by default).
 * @returns Matches in text order; the inner law of an amending law is also returned.
 */
export function matchLaws(text: string, data: ReferenceData = referenceData()): LawMatch[] {
  const found: LawMatch[] = [];
  for (const head of text.matchAll(HEAD)) {
    const start = head.index;
    const written = head[1] ?? '';
    if (isExcludedByContext(text, start)) continue;
    const headEnd = start + written.length;
    const title = GRAMMAR_HEAD.test(written) ? readTitle(text, start, headEnd, data) : readReferenceTitle(text, start, data);
    if (title === null) continue;
    // The span takes a year written right after the title ("Luật Hải quan năm 2014"): the
    // name stays the title, and later steps read the version from the mention's text.
    const end = title.end + yearAfter(text, title.end).length;
    found.push({ start, end, head: canonicalHead(written), name: constitutionName(title.name) });
  }
  return found;
}

/** The country in a constitution's full title: "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam". */
const CONSTITUTION_COUNTRY =
  /^Hiến\s+pháp\s+(?:của\s+)?nước\s+Cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam(?![\p{L}])/iu;

/**
 * The constitution is named "Hiến pháp" (the dev corpus's name for it), whether the text gives
 * its full title or not: the country is no part of telling one constitution from another (the
 * year is, and stays in the name or the mention).
 */
function constitutionName(name: string): string {
  return name.replace(CONSTITUTION_COUNTRY, 'Hiến pháp');
}

/** "năm 2014" or "2014" right after a title. */
const YEAR_AFTER = /^[ \t]+(?:năm[ \t]+)?(?:19|20)\d{2}(?![\d/\p{L}])/u;

/** The year written right after a title (" năm 2014", " 2014"), or "". */
function yearAfter(text: string, end: number): string {
  return YEAR_AFTER.exec(text.slice(end, end + 12))?.[0] ?? '';
}

/** Whether the words before a head make it a draft, a school or a profession. */
function isExcludedByContext(text: string, start: number): boolean {
  // "pháp luật", the commonest lower-case head, is told by its last letters alone.
  if (text.startsWith('pháp ', start - 5)) return true;
  const before = text
    .slice(Math.max(0, start - 20), start)
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (/(?:^|[^\p{L}])pháp $/u.test(before)) return true;
  return LAW_NOT_TITLE_BEFORE.some((phrase) => before.endsWith(phrase + ' '));
}

/** A title's end and its name. */
interface Title {
  end: number;
  name: string;
}

/**
 * A title after an upper-case or lower-case head: only a complete reference title counts, and
 * an upper-case one is named in sentence case ("LUẬT ĐẤT ĐAI" → "Luật đất đai").
 */
function readReferenceTitle(text: string, start: number, data: ReferenceData): Title | null {
  const reference = matchReferenceTitle(text, start, data);
  if (reference.end === null) return null;
  const name = nameAsWritten(text, start, reference.end, reference.tokens);
  if (name !== name.toUpperCase()) return { end: reference.end, name: canonicalHead(name.slice(0, 1)) + name.slice(1) };
  const lower = name.toLowerCase();
  return { end: reference.end, name: lower.charAt(0).toUpperCase() + lower.slice(1) };
}

/**
 * The title after a capitalized head: the reference data's reading, else the grammar's.
 * An amending law's title runs over the list of laws it amends.
 */
function readTitle(text: string, start: number, headEnd: number, data: ReferenceData): Title | null {
  const amending = AMENDING.exec(text.slice(headEnd, headEnd + 80));
  if (amending) {
    const end = readAmendedListEnd(text, headEnd + amending[0].length, data);
    if (end !== null) return { end, name: expandedName(text, start, end, data) };
  }
  const reference = matchReferenceTitle(text, start, data);
  const headWords = headWordCount(text.slice(start, headEnd));
  // A specific reference title wins whatever the grammar reads: skip the grammar then.
  const grammarEnd = /^Hiến/u.test(text.slice(start, headEnd))
    ? headEnd
    : reference.end !== null && reference.tokenCount - headWords >= SPECIFIC_TITLE_WORDS
      ? null
      : readPlainTitleEnd(text, headEnd);
  const end = chooseEnd(text, reference, grammarEnd, headWords);
  if (end === null) return null;
  return { end, name: nameAsWritten(text, start, end, reference.tokens) };
}

/** Words of the head ("Bộ luật" 2, "Luật" 1). */
function headWordCount(head: string): number {
  return head.trim().split(/\s+/).length;
}

/**
 * Where the title ends, from the reference reading and the grammar's (both may be null).
 * A complete reference title wins unless the grammar reads further and the title is short;
 * a reference title the text follows beyond the grammar's stop, to a plain citation end,
 * wins too (an older wording of a title the data holds in its newer form).
 */
function chooseEnd(
  text: string,
  reference: ReturnType<typeof matchReferenceTitle>,
  grammarEnd: number | null,
  headWords: number,
): number | null {
  if (reference.end !== null) {
    if (grammarEnd === null || reference.end >= grammarEnd) return reference.end;
    if (reference.tokenCount - headWords >= SPECIFIC_TITLE_WORDS) return reference.end;
    return grammarEnd;
  }
  const deepest = reference.deepestEnd;
  if (deepest !== null && grammarEnd !== null && deepest > grammarEnd && endsCitation(text, deepest)) return deepest;
  return grammarEnd;
}

/** The name between `start` and `end` with abbreviations expanded. */
function expandedName(text: string, start: number, end: number, data: ReferenceData): string {
  return nameAsWritten(text, start, end, matchReferenceTitle(text, start, data).tokens);
}

/** An inner law head of an amending law's list. */
const INNER_HEAD = /^\s*(?:Bộ\s+[lL]uật|Luật|Pháp\s+lệnh)(?![\p{L}])/u;

/** "số 31/2024/QH15" right after an inner law title. */
const INNER_NUMBER = /^\s+số\s*:?\s*\d{1,5}\/\d{4}\/[A-Z\d]{2,8}(?![\p{L}\d])/u;

/** "," or "và" before the next inner law of the list. */
const INNER_SEPARATOR = /^\s*(?:,\s*(?:và\s+)?|và\s+)(?=(?:Bộ\s+[lL]uật|Luật|Pháp\s+lệnh)\s)/u;

/**
 * End of the list of amended laws "Luật A, Luật B và Luật C" (the amending law's title).
 *
 * When each inner law carries its own number ("của Luật Đất đai số 31/2024/QH15, Luật Nhà ở
 * số 27/2023/QH15 …") the numbers are the inner laws' and stay inside the title. With one
 * inner law, "số …" after it is the amending law's own number ("… của Luật Xây dựng số
 * 62/2020/QH14"), so the title stops before it and the caller attaches the number.
 */
function readAmendedListEnd(text: string, from: number, data: ReferenceData): number | null {
  let position = from;
  let count = 0;
  let end: number | null = null;
  let numberedItems = true;
  let endWithNumbers = from;
  while (count < 20) {
    const head = INNER_HEAD.exec(text.slice(position, position + 20));
    if (!head) break;
    const headStart = position + head[0].length - head[0].trimStart().length;
    const headEnd = position + head[0].length;
    const titleEnd = chooseEnd(
      text,
      matchReferenceTitle(text, headStart, data),
      readPlainTitleEnd(text, headEnd),
      headWordCount(head[0]),
    );
    if (titleEnd === null) break;
    count += 1;
    end = titleEnd;
    const number = INNER_NUMBER.exec(text.slice(titleEnd, titleEnd + 40));
    if (!number) numberedItems = false;
    endWithNumbers = titleEnd + (number?.[0].length ?? 0);
    const separator = INNER_SEPARATOR.exec(text.slice(endWithNumbers, endWithNumbers + 20));
    if (!separator) break;
    position = endWithNumbers + separator[0].length;
  }
  if (end === null) return null;
  return count > 1 && numberedItems ? endWithNumbers : end;
}
