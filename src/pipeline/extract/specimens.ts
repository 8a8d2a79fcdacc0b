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
const FIELD_AFTER = /^[ \t]*(?:$|[;,][ \t]*Số(?!\p{L})|V\/v(?!\p{L})|Về\s+việc(?!\p{L})|[\p{Lu}][\p{L} .]{1,40},[ \t]*ngày(?!\p{L})|Kính\s+gửi(?!\p{L}))/u;

/** Words that open an example. */
const EXAMPLE_CUE = /(?:^|[^\p{L}])(?:[Vv]í\s+dụ|[Tt]hí\s+dụ|VD\s*:|chẳng\s+hạn)(?![\p{L}])/u;

/**
 * A type word (and "số") right before the number, or "Type của <issuer> số" on the same line:
 * the example names a real document ("Ví dụ như văn bản của Bộ Nội vụ số 1234/BNV-CCVC").
 */
const TYPE_RIGHT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${TYPE_ALTERNATION})(?:\\s+của\\s+[^\\n;.]{1,80}?\\s+số)?\\s+(?:số\\s*:?\\s*)?$`, 'iu');

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
    const lineStart = text.lastIndexOf('\n', number.start - 1) + 1;
    const newline = text.indexOf('\n', number.end);
    const lineEnd = newline < 0 ? text.length : newline;
    const before = text.slice(lineStart, number.start);
    const after = text.slice(number.end, lineEnd);
    if (FIELD_BEFORE.test(before) && FIELD_AFTER.test(after)) {
      found.set(number.start, 'field');
      continue;
    }
    if (TYPE_RIGHT_BEFORE.test(text.slice(Math.max(0, number.start - 160), number.start))) continue;
    const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
    const sentence = before.split(/[.!?]\s+(?=\p{Lu})/u).pop() ?? '';
    if (EXAMPLE_CUE.test(sentence) || (lineStart > 0 && EXAMPLE_CUE.test(text.slice(previousStart, lineStart)) && !/[.;]\s*$/u.test(text.slice(previousStart, lineStart - 1)))) {
      found.set(number.start, 'example');
    }
  }
  return found;
}
