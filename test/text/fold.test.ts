/**
 * `src/text/fold.ts`: the one folding of Vietnamese text, on real strings.
 */
import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldText, foldWord } from '../../src/text/fold.ts';

describe('foldDiacritics', () => {
  it.each([
    // Tone and vowel marks go, case stays.
    ['Nghị định 21/2019/NĐ-CP', 'Nghi dinh 21/2019/ND-CP'],
    // đ/Đ have no decomposition: mapped by hand.
    ['Đảng ủy xã Đắk Ơ', 'Dang uy xa Dak O'],
    // Decomposed input (a Mac's file names, some PDFs) folds the same as precomposed.
    ['Quốc phòng'.normalize('NFD'), 'Quoc phong'],
    // Plain ASCII comes back unchanged.
    ['46-CT/TW', '46-CT/TW'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('foldText', () => {
  it.each([
    ['Nghị định 21/2019/NĐ–CP', 'nghi dinh 21/2019/nd-cp'],
    ['BỘ LAO ĐỘNG − THƯƠNG BINH VÀ XÃ HỘI', 'bo lao dong - thuong binh va xa hoi'],
    ['Luật Bảo hiểm y tế', 'luat bao hiem y te'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('foldWord', () => {
  it.each([
    ['HĐND', 'hdnd'],
    ['CN&ĐMST', 'cn&dmst'],
    ['Quốc', 'quoc'],
  ])('%s → %s', (input, expected) => {
    expect(foldWord(input)).toBe(expected);
  });
});
