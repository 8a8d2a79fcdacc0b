/**
 * Seeded generators of random and hostile text for the robustness tests: each case has a
 * name, so a failure says which input broke, and a seed, so it can be replayed.
 */
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';

/** One hostile input. */
export interface HostileCase {
  name: string;
  text: string;
}

/** Words and marks of the plans, so random text hits the grammar's paths, not only its misses. */
const TOKENS = [
  'Căn cứ',
  'Thực hiện',
  'Nghị định',
  'số',
  'Thông tư liên tịch',
  'Luật',
  'Quốc phòng',
  'Chỉ thị',
  '46-CT/TW',
  '21/2019/NĐ-CP',
  'ngày',
  '22/02/2019',
  'tháng',
  'năm',
  'của',
  'Chính phủ',
  'UBND tỉnh',
  'Tây Ninh',
  'về',
  'sửa đổi',
  'Kèm theo',
  'Quyết định',
  'KẾ HOẠCH',
  'Số:',
  'Nơi nhận:',
  'CHỦ TỊCH',
  'I.',
  'II.',
  '1.',
  '1.1.',
  'a)',
  '-',
  '+',
  '*',
  '**',
  '“',
  '”',
  '"',
  '(',
  ')',
  '[',
  ']',
  '/',
  '-',
  ';',
  ',',
  '.',
  ':',
  '\n',
  '\n\n',
  '\t',
  ' ',
  '  ',
  '\u00a0',
  '\r\n',
];

/** Code points from scripts and blocks that stress Unicode handling. */
const ODD_CHARS = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\ud800',
  '\udfff',
  '\u0301',
  '\u0300',
  '\u0323',
  '\u0309',
  '\u0303',
  'ש',
  'ע',
  'ب',
  'ي',
  '\u0627\u0644',
  '𝔑',
  '😀',
  '🏳️‍🌈',
  '\u{10ffff}',
  'ǅ',
  'İ',
  'ß',
  'Đ',
  'đ',
  'ơ',
  'ư',
  'Ư',
  '۱',
  '١',
  '٣',
];

/**
 * Random text mixing plan tokens and odd characters.
 *
 * @param seed PRNG seed.
 * @param length Approximate length in UTF-16 code units.
 * @returns Text.
 */
export function randomText(seed: number, length: number): string {
  const next = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const roll = next();
    const part =
      roll < 0.6
        ? TOKENS[Math.floor(next() * TOKENS.length)]!
        : roll < 0.8
          ? ODD_CHARS[Math.floor(next() * ODD_CHARS.length)]!
          : roll < 0.9
            ? String(Math.floor(next() * 100_000))
            : String.fromCharCode(Math.floor(next() * 0x10000));
    parts.push(part, next() < 0.5 ? ' ' : '');
    size += part.length + 1;
  }
  return parts.join('');
}

/**
 * The hostile inputs, each around `scale` characters (some fixed-size by their nature).
 *
 * @param scale Target size in characters (100,000 in the suite).
 * @returns Named cases.
 */
export function hostileCases(scale: number): HostileCase[] {
  const repeat = (unit: string): string => unit.repeat(Math.ceil(scale / unit.length)).slice(0, scale);
  const deepLines: string[] = [];
  for (let depth = 1, size = 0; size < scale; depth += 1) {
    const line = `${'1.'.repeat(depth)} Mục cấp ${depth}`;
    deepLines.push(line);
    size += line.length + 1;
  }
  const citations = Array.from(
    { length: Math.ceil(scale / 60) },
    (_, index) => `Nghị định số ${index + 1}/2019/NĐ-CP ngày 01/02/2019 của Chính phủ`,
  );
  return [
    { name: 'empty', text: '' },
    { name: 'whitespace and line breaks only', text: repeat(' \n\r\n\t\f\v\u00a0\u2028') },
    { name: 'one heading marker thousands deep', text: `KẾ HOẠCH\n\n${'1.'.repeat(Math.floor(scale / 2) - 10)} Mục` },
    { name: 'headings ever deeper', text: deepLines.join('\n') },
    { name: 'one line of words', text: repeat('Căn cứ kế hoạch của Ủy ban nhân dân tỉnh về công tác quốc phòng ') },
    { name: 'one line without spaces', text: repeat('Nghịđịnhsố') },
    { name: 'thousands of citations in one paragraph', text: `Căn cứ ${citations.join(', ')}.`.slice(0, scale * 2) },
    { name: 'number made of slashes', text: `Nghị định số ${repeat('1/')}` },
    { name: 'repeated "Nghị định số 1/1/1"', text: repeat('Nghị định số 1/1/1/1/1/1/1/1 ') },
    { name: 'number list without end', text: `Kết luận số ${repeat('187, ')}- KL/TW` },
    { name: 'type words without numbers', text: repeat('Nghị định Thông tư Chỉ thị Luật số ngày của ') },
    { name: 'unbalanced quotes and brackets', text: repeat('Quy định “về ((việc [ban hành “Luật “Quốc phòng” ” ( ] ) " \' « ') },
    { name: 'asterisks', text: repeat('**Căn cứ *Nghị định* số **21/2019/NĐ-CP*** ') },
    { name: 'combining marks stacked', text: repeat(`a${'\u0301\u0323\u0309'.repeat(30)} `) },
    { name: 'right-to-left and bidi controls', text: repeat('\u202eNghị định số 21/2019/NĐ-CP\u202c שלום بيان \u2067x\u2069 ') },
    { name: 'NUL bytes and C0 controls', text: repeat('Căn cứ\u0000Nghị định\u0001 số 21/2019/NĐ-CP\u001b\u0007\n') },
    { name: 'lone surrogates', text: repeat('Luật \ud800Quốc phòng\udfff số 1/2019/\udbffNĐ-CP ') },
    { name: 'astral characters', text: repeat('😀𝔑 Chỉ thị 46-CT/TW 🏳️‍🌈 ') },
    { name: 'header lines repeated', text: repeat('Số: 12/KH-UBND\nTây Ninh, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\n') },
    { name: 'digits only', text: repeat('1234567890') },
    { name: 'dates without end', text: repeat('ngày 01/02/2019 ngày 1 tháng 2 năm 2019 ') },
    { name: 'Nơi nhận everywhere', text: repeat('Nơi nhận:\n- Lưu: VT;\nCHỦ TỊCH\n') },
    { name: 'page-break residue', text: repeat('\f\n12\n\fTrang 3/4\n') },
    ...Array.from({ length: 8 }, (_, index) => ({ name: `random text #${index}`, text: randomText(1000 + index, scale) })),
  ];
}
