import { describe, expect, it } from 'vitest';
import {
  typedNumberQuery,
  typedNumberMatches,
  markDStroke,
  REPEAT_MARK,
  escapeRepeatMark,
  readableText,
  repeatMuter,
  searchableQuery,
  unmuteRepeats,
  unmarkDStroke,
  foldText,
  numberKey,
  numberMatches,
  numberQueryTokens,
  numberShard,
  numberVariants,
  searchFields,
  shardOfKey,
  shardsOfQuery,
} from '../../src/search/search-terms.ts';
import { UNKNOWN_STATUS, type GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { DECREE_21_2019 } from '../support/graph-node.ts';

describe('foldText', () => {
  it.each([
    ['Nghị định 21/2019/NĐ-CP', 'nghi dinh 21/2019/nd-cp'],
    ['Khu vực phòng thủ', 'khu vuc phong thu'],
    ['Đề án', 'de an'],
    // An en dash typed in a number folds to "-".
    ['46–CT/TW', '46-ct/tw'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('markDStroke, unmarkDStroke and searchableQuery', () => {
  it('writes đ/Đ as d/D plus U+0335 and back, nothing else changed', () => {
    const text = 'Căn cứ Nghị định số 21/2019/NĐ-CP; Đề án (QĐ-UBND) được duyệt';
    const marked = markDStroke(text);
    expect(marked).toBe('Căn cứ Nghị d\u0335ịnh số 21/2019/ND\u0335-CP; D\u0335ề án (QD\u0335-UBND) d\u0335ược duyệt');
    expect(marked.split(/\s+/).length).toBe(text.split(/\s+/).length);
    expect(unmarkDStroke(marked)).toBe(text);
  });
  it('leaves text without đ alone', () => {
    expect(markDStroke('Toàn dân bảo vệ an ninh Tổ quốc')).toBe('Toàn dân bảo vệ an ninh Tổ quốc');
  });
  it.each([
    ['nghị định', 'nghị dịnh'],
    ['NGHỊ ĐỊNH 21/2019/NĐ-CP', 'NGHỊ DỊNH 21/2019/ND-CP'],
    ['nghi dinh', 'nghi dinh'],
  ])('gives Pagefind “%s” as “%s”', (query, expected) => {
    expect(searchableQuery(query)).toBe(expected);
  });
});

describe('repeatMuter and unmuteRepeats', () => {
  it('marks a word after its first occurrences, counted per spelling over the pieces of one page', () => {
    const mute = repeatMuter(2);
    expect(mute('an ninh, an ninh và An an ninh.')).toBe(`an ninh, an ninh và An ${REPEAT_MARK}an ${REPEAT_MARK}ninh.`);
    // The next piece of the same page goes on counting.
    expect(mute('(an) tổ')).toBe(`(${REPEAT_MARK}an) tổ`);
    // A new page starts again.
    expect(repeatMuter(2)('an an')).toBe('an an');
  });
  it('reads Vietnamese letters, precomposed or with combining marks, and any space', () => {
    const decomposed = 'To\u0302\u0309'; // "Tổ" in NFD
    expect(repeatMuter(1)(`Đường\u00a0Đường ${decomposed} ${decomposed}`)).toBe(
      `Đường\u00a0${REPEAT_MARK}Đường ${decomposed} ${REPEAT_MARK}${decomposed}`,
    );
  });
  it('never marks numbers, số ký hiệu or words joined by punctuation', () => {
    const mute = repeatMuter(0);
    const text = '21/2019/NĐ-CP nd-cp 2019 K1 e-mail';
    expect(mute(text)).toBe(text);
  });
  it('keeps the words of the text in number and order, and unmuteRepeats gives it back', () => {
    const text = 'Toàn dân bảo vệ an ninh Tổ quốc; “toàn dân” bảo vệ… an ninh [tổ quốc] toàn dân!';
    const muted = repeatMuter(1)(text);
    expect(muted).not.toBe(text);
    expect(muted.split(/\s+/)).toHaveLength(text.split(/\s+/).length);
    expect(unmuteRepeats(muted)).toBe(text);
  });
  it('keeps the text’s own U+2054 through muting and back', () => {
    const text = `an an ${REPEAT_MARK}an a${REPEAT_MARK}${REPEAT_MARK}b ${REPEAT_MARK} an`;
    const indexed = repeatMuter(1)(escapeRepeatMark(text));
    expect(indexed).toBe(
      `an ${REPEAT_MARK}an ${REPEAT_MARK}${REPEAT_MARK}an a${REPEAT_MARK.repeat(4)}b ${REPEAT_MARK}${REPEAT_MARK} ${REPEAT_MARK}an`,
    );
    expect(readableText(indexed)).toBe(text);
  });
  it('readableText undoes both marks of the indexed copy, in an excerpt with <mark> too', () => {
    const text = 'Nghị định 21/2019/NĐ-CP về an ninh, an ninh';
    const indexed = markDStroke(repeatMuter(1)(text));
    expect(readableText(indexed)).toBe(text);
    expect(readableText(`<mark>${markDStroke('Đề')}</mark> án ${REPEAT_MARK}an`)).toBe('<mark>Đề</mark> án an');
  });
});

describe('numbers', () => {
  it.each([
    ['21/2019/NĐ-CP', '21/2019/ND-CP'],
    ['21 /2019/NĐ- CP', '21/2019/ND-CP'],
    ['Số 1062/KH-UBND', '1062/KH-UBND'],
    ['46-CT/TW', '46-CT/TW'],
  ])('numberKey(%s) = %s', (input, expected) => {
    expect(numberKey(input)).toBe(expected);
  });

  it.each([
    ['21/2019/NĐ-CP', ['21/2019/ND-CP', '21/2019', 'ND-CP']],
    ['124/2021/TT-BCA', ['124/2021', 'TT-BCA']],
    ['46-CT/TW', ['CT/TW']],
    ['1062/KH-UBND', ['KH-UBND']],
  ])('numberVariants(%s)', (input, expected) => {
    expect(numberVariants(input)).toEqual(expected);
  });

  it.each([
    ['21/2019/NĐ-CP', ['21/2019/ND-CP']],
    ['nd-cp 21/2019', ['ND-CP', '21/2019']],
    ['Nghị định 21/2019', ['21/2019']],
    ['46-ct/tw', ['46-CT/TW']],
    // Words only, or codes without any digit: not a number query.
    ['khu vực phòng thủ', []],
    ['nd-cp', []],
  ])('numberQueryTokens(%s)', (input, expected) => {
    expect(numberQueryTokens(input)).toEqual(expected);
  });

  it.each([
    ['21/2019/ND-CP', ['21/2019'], true],
    ['21/2019/ND-CP', ['ND-CP', '21/2019'], true],
    ['21/2019/ND-CP', ['21/2019/ND-CP'], true],
    // Prefixes of a segment are not matches: "1/2019" is not in "21/2019".
    ['21/2019/ND-CP', ['1/2019'], false],
    ['2100/2019/ND-CP', ['21/2019'], false],
    ['46-CT/TW', ['46-CT/TW'], true],
    ['46-CT/TW', [], false],
  ] as const)('numberMatches(%s, %j) = %s', (key, tokens, expected) => {
    expect(numberMatches(key, tokens)).toBe(expected);
  });

  it('shards by the first digits', () => {
    expect(numberShard('21')).toBe('21');
    expect(numberShard('07')).toBe('07');
    expect(numberShard('124')).toBe('60');
    expect(shardOfKey('21/2019/ND-CP')).toBe('21');
    expect(shardOfKey('CT/TW')).toBeNull();
    expect(shardsOfQuery(['ND-CP', '21/2019'])).toEqual(['21', '35']);
  });
});

describe('typedNumberQuery / typedNumberMatches', () => {
  const decree = { key: '21/2019/ND-CP', type: 'Nghị định' };

  it('reads a type and a running number, with or without diacritics and "số"', () => {
    expect(typedNumberQuery('nghi dinh 21')).toEqual({ type: 'nghi dinh', number: '21' });
    expect(typedNumberQuery('Nghị định số 21/2019')).toEqual({ type: 'nghi dinh', number: '21/2019' });
    expect(typedNumberQuery('Chỉ thị 46')).toEqual({ type: 'chi thi', number: '46' });
  });

  it('is null for queries that are not "<type> <number>"', () => {
    expect(typedNumberQuery('21')).toBeNull();
    expect(typedNumberQuery('khu vực phòng thủ')).toBeNull();
    expect(typedNumberQuery('21/2019/NĐ-CP')).toBeNull();
    expect(typedNumberQuery('năm 2019 nghị định')).toBeNull();
    expect(typedNumberQuery('ND-CP 21')).toBeNull();
  });

  it('names the decree by its type and leading segments only', () => {
    expect(typedNumberMatches(decree, { type: 'nghi dinh', number: '21' })).toBe(true);
    expect(typedNumberMatches(decree, { type: 'nghi dinh', number: '21/2019' })).toBe(true);
    expect(typedNumberMatches(decree, { type: 'nghi dinh', number: '2' })).toBe(false);
    expect(typedNumberMatches(decree, { type: 'nghi dinh', number: '21/2018' })).toBe(false);
    expect(typedNumberMatches(decree, { type: 'quyet dinh', number: '21' })).toBe(false);
    expect(typedNumberMatches({ key: '46-CT/TW', type: 'Chỉ thị' }, { type: 'chi thi', number: '46' })).toBe(true);
  });
});

describe('searchFields', () => {
  const node: GraphNode = DECREE_21_2019;

  it('gives metadata, search keys and filters', () => {
    expect(searchFields(node)).toEqual({
      meta: {
        title: 'Nghị định 21/2019/NĐ-CP',
        number: '21/2019/NĐ-CP',
        type: 'Nghị định',
        issuer: 'Chính phủ',
        date: '2019-02-22',
        level: 'chinh-phu',
        scope: 'dan-chieu',
        keys: '21/2019/nd-cp 21/2019 nd-cp',
      },
      filters: {
        type: 'Nghị định',
        level: 'chinh-phu',
        year: '2019',
        scope: 'dan-chieu',
        status: 'khong-ro',
        doc: 'nghi-dinh-21-2019-nd-cp',
      },
    });
  });

  it('filters by the validity state at the build’s date', () => {
    const amended = {
      ...node,
      status: { ...UNKNOWN_STATUS, state: 'bi-sua-doi' as const, by: ['nghi-dinh-139-2020-nd-cp'], since: '2021-01-01' },
    };
    expect(searchFields(amended).filters['status']).toBe('bi-sua-doi');
  });

  it('leaves out what is unknown', () => {
    const draft = { ...node, number: null, type: null, date: null, issuer: null, label: 'Kế hoạch', inCorpus: true };
    expect(searchFields(draft)).toEqual({
      meta: { title: 'Kế hoạch', level: 'chinh-phu', scope: 'trong-kho', summary: 'về khu vực phòng thủ' },
      filters: { level: 'chinh-phu', scope: 'trong-kho', status: 'khong-ro', doc: 'nghi-dinh-21-2019-nd-cp' },
    });
  });
});
