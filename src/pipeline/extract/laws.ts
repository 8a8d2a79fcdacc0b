/**
 * Named legislative acts cited without (or before) a number: "Luật Quốc phòng",
 * "Bộ luật Hình sự", "Hiến pháp", "Pháp lệnh …", "Luật sửa đổi, bổ sung một số điều của Luật X".
 *
 * The title boundary is the hard part: a title is the head plus following words until a stop
 * word, a clause mark, another head or type word, or twelve words.
 */
import { LAW_NOT_TITLE_BEFORE } from '../glossary.ts';
import { readPlainTitleEnd } from './law-title.ts';

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

/** Prefix of an amending law: "Luật sửa đổi, bổ sung (một số điều của)", any case of "Sửa". */
const AMENDING = /^\s+[sS]ửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?(?=\s+(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s)/u;

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
 * End offset of the title that starts after the head, or null when no title follows.
 * An amending law's title runs over the list of laws it amends.
 */
function readTitleEnd(text: string, from: number): number | null {
  const amending = AMENDING.exec(text.slice(from, from + 80));
  if (!amending) return readPlainTitleEnd(text, from);
  return readAmendedListEnd(text, from + amending[0].length);
}

/** An inner law head of an amending law's list. */
const INNER_HEAD = /^\s*(?:Bộ\s+luật|Luật|Pháp\s+lệnh)(?![\p{L}])/u;

/** "số 31/2024/QH15" right after an inner law title. */
const INNER_NUMBER = /^\s+số\s*:?\s*\d{1,5}\/\d{4}\/[A-Z\d]{2,8}(?![\p{L}\d])/u;

/** "," or "và" before the next inner law of the list. */
const INNER_SEPARATOR = /^\s*(?:,\s*(?:và\s+)?|và\s+)(?=(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s)/u;

/**
 * End of the list of amended laws "Luật A, Luật B và Luật C" (the amending law's title).
 *
 * When each inner law carries its own number ("của Luật Đất đai số 31/2024/QH15, Luật Nhà ở
 * số 27/2023/QH15 …") the numbers are the inner laws' and stay inside the title. With one
 * inner law, "số …" after it is the amending law's own number ("… của Luật Xây dựng số
 * 62/2020/QH14"), so the title stops before it and the caller attaches the number.
 */
function readAmendedListEnd(text: string, from: number): number | null {
  let position = from;
  let count = 0;
  let end: number | null = null;
  let numberedItems = true;
  let endWithNumbers = from;
  while (count < 20) {
    const head = INNER_HEAD.exec(text.slice(position, position + 20));
    if (!head) break;
    const titleEnd = readPlainTitleEnd(text, position + head[0].length);
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
