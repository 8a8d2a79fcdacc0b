/**
 * Numbers that are not citations although they are well-formed: number fields and examples.
 *
 * A text cites another document by naming it ("Khi viện dẫn cần ghi đầy đủ tên loại văn bản,
 * số, ký hiệu văn bản…", Hướng dẫn 36-HD/VPTW §1.6.1). Two other ways a number is written are
 * not citations:
 * - a number field: the "Số" label opening a line, the number, and nothing of a citation
 *   after it (end of line, another field, the V/v subject, the place and date): the header of
 *   this document or of another one copied into the file, or a specimen of the field
 *   ("Ví dụ 1: Báo cáo của đại hội" / "Số 16-BC/ĐH"; a table cell "Số 127-QĐ/TW; Số 24-BS/UBKTTU");
 * - an example: a number in a sentence or line that "Ví dụ", "Thí dụ", "VD:" or "chẳng
 *   hạn" opens (or on the line right after such a cue line), with no type word of its own
 *   right before it: a format being shown ("Ví dụ: 05-QC/BTCTU-BDVTU").
 * A number the document also cites in a real sentence stays cited (the caller checks that).
 */
import { TYPE_ALTERNATION } from '../glossary.ts';
import type { NumberMatch } from './number.ts';

/** The "Số" label (and earlier fields of the same line) before the number. */
const FIELD_BEFORE = /^[ \t]*(?:Số[ \t]*:?[ \t]*[^;,\n]{1,40}[;,][ \t]*)*Số[ \t]*:?[ \t]*$/u;

/** What may follow a number field on its line: nothing, another field, V/v, place and date, Kính gửi. */
const FIELD_AFTER =
  /^[ \t]*(?:$|[;,][ \t]*Số(?!\p{L})|V\/v(?!\p{L})|Về\s+việc(?!\p{L})|[\p{Lu}][\p{L} .]{1,40},[ \t]*ngày(?!\p{L})|Kính\s+gửi(?!\p{L}))/u;

/** Words that open an example. */
const EXAMPLE_CUE = /(?:^|[^\p{L}])(?:[Vv]í\s+dụ|[Tt]hí\s+dụ|VD\s*:|chẳng\s+hạn)(?![\p{L}])/u;

/**
 * A type word (and "số") right before the number, or "Type của <issuer> số" on the same line:
 * the example names a real document ("Ví dụ như văn bản của Bộ Nội vụ số 1234/BNV-CCVC").
 */
const TYPE_RIGHT_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${TYPE_ALTERNATION})(?:\\s+của\\s+[^\\n;.]{1,80}?\\s+số)?\\s+(?:số\\s*:?\\s*)?$`,
  'iu',
);

/** How far before and after a number its line is looked at. */
const REACH = 400;

/** Why a number is not a citation, or null when it may be one. */
export type SpecimenKind = 'field' | 'example';

/**
 * The starts of the numbers in `numbers` that are number fields or examples.
 *
 * @param text Normalized text.
 * @param numbers Numbers found in it.
 * @returns Start offset → kind, for the numbers that are not citations.
 */
export function specimenNumbers(text: string, numbers: readonly NumberMatch[]): Map<number, SpecimenKind> {
  const found = new Map<number, SpecimenKind>();
  for (const number of numbers) {
    // Bounded windows, so a text of one huge line stays linear: a field's label and a cue sit
    // close to the number, and a line longer than the window is prose, not a field.
    const windowStart = Math.max(0, number.start - REACH);
    const window = text.slice(windowStart, number.start);
    const newline = window.lastIndexOf('\n');
    const lineKnown = newline >= 0 || windowStart === 0;
    const before = window.slice(newline + 1);
    const ahead = text.slice(number.end, number.end + REACH);
    const lineEnd = ahead.indexOf('\n');
    // Past the window with no line end: the line goes on (a "\u0000" keeps "$" from matching).
    const after = lineEnd >= 0 ? ahead.slice(0, lineEnd) : number.end + REACH >= text.length ? ahead : `${ahead}\u0000`;
    if (lineKnown && FIELD_BEFORE.test(before) && FIELD_AFTER.test(after)) {
      found.set(number.start, 'field');
      continue;
    }
    if (TYPE_RIGHT_BEFORE.test(window.slice(-160))) continue;
    const sentence = before.split(/[.!?]\s+(?=\p{Lu})/u).pop() ?? '';
    const previousLine = newline > 0 ? window.slice(window.lastIndexOf('\n', newline - 1) + 1, newline) : '';
    if (
      EXAMPLE_CUE.test(sentence) ||
      (previousLine !== '' && EXAMPLE_CUE.test(previousLine) && !/[.;]\s*$/u.test(previousLine))
    ) {
      found.set(number.start, 'example');
    }
  }
  return found;
}
