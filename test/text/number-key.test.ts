/**
 * `src/text/number-key.ts`: one key per số ký hiệu, whatever the spacing, dashes, diacritics
 * and "Số:" a text writes. Extraction, grouping, resolution, the reference data and the
 * search's number index all use it.
 */
import { describe, expect, it } from 'vitest';
import { numberKey as extractNumberKey } from '../../src/pipeline/extract.ts';
import { mentionKey } from '../../src/pipeline/group.ts';
import { numberKey as searchNumberKey } from '../../src/search/search-terms.ts';
import { actNumberKey } from '../../src/reference/load.ts';
import { documentNumberKey, numberKey, numberTokens, numberYear } from '../../src/text/number-key.ts';

describe('numberKey', () => {
  it.each([
    ['21/2019/NĐ-CP', '21/2019/ND-CP'],
    ['21/2019/ND-CP', '21/2019/ND-CP'],
    // Stray spaces of portal copies and scans.
    ['111/2013/TT- BTC', '111/2013/TT-BTC'],
    ['1062 /KH-UBND', '1062/KH-UBND'],
    // An en dash or a minus sign typed for the hyphen.
    ['21/2019/NĐ–CP', '21/2019/ND-CP'],
    ['368−QĐ/TW', '368-QD/TW'],
    // "Số" and "Số:" before the number.
    ['Số: 296/BHXH-CSYT', '296/BHXH-CSYT'],
    ['số 22/2018/QH14', '22/2018/QH14'],
    // Lower-case letters of Party numbers.
    ['11-QĐi/TW', '11-QDI/TW'],
  ])('%s → %s', (input, expected) => {
    expect(numberKey(input)).toBe(expected);
  });

  it('is the key of extraction, grouping and the search alike (there is only one)', () => {
    for (const written of ['21/2019/NĐ–CP', 'Số: 1584/UBND-NCPC', '46-CT/TW']) {
      expect(extractNumberKey(written)).toBe(numberKey(written));
      expect(searchNumberKey(written)).toBe(numberKey(written));
      expect(mentionKey({ number: written, name: null })).toBe(`N:${numberKey(written)}`);
    }
  });
});

describe('documentNumberKey', () => {
  it.each([
    // Ordinances dropped "PL-" in 2012; texts still write it.
    ['04/2012/PL-UBTVQH13', '04/2012/UBTVQH13'],
    ['04/2012/UBTVQH13', '04/2012/UBTVQH13'],
    // Nothing else changes.
    ['22/2018/QH14', '22/2018/QH14'],
    ['07/2008/CT-BTTTT', '07/2008/CT-BTTTT'],
  ])('%s → %s', (input, expected) => {
    expect(documentNumberKey(input)).toBe(expected);
    expect(actNumberKey(input)).toBe(expected);
  });
});

describe('numberTokens and numberYear', () => {
  it.each([
    ['21/2019/NĐ-CP', ['2019', 'ND', 'CP'], '2019'],
    ['46-CT/TW', ['CT', 'TW'], null],
    ['1584/UBND-NCPC', ['UBND', 'NCPC'], null],
    ['510/QĐ-BCA-V05', ['QD', 'BCA', 'V05'], null],
  ])('%s', (input, tokens, year) => {
    expect(numberTokens(numberKey(input))).toEqual(tokens);
    expect(numberYear(numberKey(input))).toBe(year);
  });
});
