/**
 * The end matter of a document: "Nơi nhận" list and signer block (position
 * lines in upper case, then the name). The body ends where either begins.
 */
import type { Signer } from '../../model.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { readListItem, trimItem } from './header-lines.ts';
import type { Line } from './lines.ts';
import { isUpperCase, startsLowerCase } from './text-case.ts';

/** What the end matter gives. */
export interface EndMatter {
  distribution: string[];
  signer: Signer | null;
  /** Index (into the lines) where the end matter begins; `lines.length` when there is none. */
  start: number;
}

/** Prefixes of signing on behalf of someone ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", Party "K/T"). */
const onBehalf = /^(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\s*[.:]?\s/u;
/** Folded words that begin a new position line (else an upper-case line continues the previous one). */
const positionHeads =
  /^(pho|chu tich|giam doc|truong|bo truong|thu truong|chanh|bi thu|cuc truong|vu truong|tong giam doc|thu tuong|chu nhiem|tong cuc truong|vien truong|hieu truong|uy vien)\b/;
/** How far from the end of the text (or of the Nơi nhận list) a signer block may lie. */
const signerWindow = 12;

/**
 * Find the "Nơi nhận" list and the signer.
 *
 * @param lines Non-empty lines of the normalized text.
 * @param bodyStart First body line: end matter is never searched before it.
 */
export function readEndMatter(lines: readonly Line[], bodyStart: number): EndMatter {
  const noiNhan = findLast(lines, bodyStart, (text) => /^[_*\s]*Nơi\s+nhận[_*\s]*:?/iu.test(text));
  if (noiNhan !== -1) {
    const { items, next } = readDistribution(lines, noiNhan);
    const after = readSigner(lines, next);
    if (after.signer) return { distribution: items, signer: after.signer, start: noiNhan };
    // The signer may be laid out before the list.
    const before = readSignerBefore(lines, noiNhan, bodyStart);
    return { distribution: items, signer: before?.signer ?? null, start: before?.start ?? noiNhan };
  }
  const tail = readSignerBefore(lines, lines.length, bodyStart);
  return { distribution: [], signer: tail?.signer ?? null, start: tail?.start ?? lines.length };
}

/** Items after "Nơi nhận:": "- …" lines, wrapped items, ending at "Lưu …". */
function readDistribution(lines: readonly Line[], at: number): { items: string[]; next: number } {
  const items: string[] = [];
  const inline = (lines[at]?.text ?? '').replace(/^[_*\s]*Nơi\s+nhận[_*\s]*:?[_*\s/]*/iu, '');
  if (trimItem(inline)) items.push(readListItem(inline) ?? inline);
  let index = at + 1;
  while (index < lines.length) {
    const text = lines[index]?.text ?? '';
    const item = readListItem(text);
    const previous = items[items.length - 1];
    if (item !== null) {
      items.push(item);
    } else if (
      previous !== undefined &&
      !/[;.,]$/u.test(previous) &&
      !/^Lưu\b/u.test(previous) &&
      !isUpperCase(text) &&
      (startsLowerCase(text) || text.length < 60)
    ) {
      // "- Các đồng chí lãnh đạo" / "Văn phòng Trung ương Đảng,": an item wrapped over lines.
      items[items.length - 1] = `${previous} ${text}`;
    } else {
      break;
    }
    index++;
    if (/^Lưu\b/u.test(items[items.length - 1] ?? '')) break;
  }
  return { items: items.map(trimItem).filter(Boolean), next: index };
}

/**
 * Signer starting at or after `from`: position lines, then the name. Lines that
 * are neither (a stray page number, "Hệ số 72 CVUB") are skipped, a few at most.
 */
function readSigner(lines: readonly Line[], from: number): { signer: Signer | null; end: number } {
  const positions: string[] = [];
  let skipped = 0;
  for (let index = from; index < Math.min(lines.length, from + signerWindow); index++) {
    const text = lines[index]?.text ?? '';
    if (isPositionLine(text)) {
      addPosition(positions, text);
    } else if (isName(text)) {
      return { signer: { position: joinPositions(positions), name: text }, end: index + 1 };
    } else if (positions.length > 0 || ++skipped > 3) {
      break;
    }
  }
  return { signer: null, end: from };
}

/** Signer block that ends just before `end` (the end of the text, or a "Nơi nhận" line). */
function readSignerBefore(lines: readonly Line[], end: number, bodyStart: number): { signer: Signer; start: number } | null {
  const last = end - 1;
  const nameLine = lines[last];
  if (!nameLine || last < bodyStart || !isName(nameLine.text)) return null;
  let start = last;
  while (start - 1 >= bodyStart && isPositionLine(lines[start - 1]?.text ?? '')) start--;
  if (start === last) return null;
  const positions: string[] = [];
  for (let index = start; index < last; index++) addPosition(positions, lines[index]?.text ?? '');
  return { signer: { position: joinPositions(positions), name: nameLine.text }, start };
}

/** An upper-case position line: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN", "DÂN". */
function isPositionLine(text: string): boolean {
  return isUpperCase(text) && text.length <= 80 && !/\d/.test(text) && !/^[IVXLC]+\./u.test(text);
}

/** A person's name: 2–6 capitalised words, no digits or punctuation. */
function isName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 6 && !isUpperCase(text) && words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word));
}

function addPosition(positions: string[], text: string): void {
  const folded = foldDiacritics(text).toLowerCase();
  const previous = positions[positions.length - 1];
  if (previous === undefined || onBehalf.test(text) || positionHeads.test(folded)) positions.push(text);
  else positions[positions.length - 1] = `${previous} ${text}`;
}

function joinPositions(positions: string[]): string | null {
  return positions.length > 0 ? positions.join(' – ') : null;
}

function findLast(lines: readonly Line[], from: number, test: (text: string) => boolean): number {
  for (let index = lines.length - 1; index >= from; index--) {
    if (test(lines[index]?.text ?? '')) return index;
  }
  return -1;
}
