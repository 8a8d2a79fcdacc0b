/**
 * `src/text/locality.ts`: level words of tỉnh/huyện/xã and the nouns that only look like one,
 * one matcher for the document id, the issuer level, resolution's places and the organ lines.
 */
import { describe, expect, it } from 'vitest';
import { documentId } from '../../src/pipeline/parse/document-id.ts';
import { formatOrgan } from '../../src/pipeline/parse/organ-name.ts';
import { namedPlaces } from '../../src/pipeline/resolve/locality.ts';
import { levelWords, localityLevel, placeAfterLevelWord, placeNames } from '../../src/text/locality.ts';

describe('levelWords', () => {
  it.each([
    ['ủy ban nhân dân tỉnh tây ninh', ['tỉnh']],
    ['ubnd các huyện, thị xã, thành phố', ['huyện', 'thị xã', 'thành phố']],
    ['ubnd các xã, phường, đặc khu', ['xã', 'phường', 'đặc khu']],
    // Nouns that only look like a commune.
    ['bảo hiểm xã hội việt nam', []],
    ['liên minh hợp tác xã tỉnh', ['tỉnh']],
    ['sở lao động - thương binh và xã hội tỉnh quảng ngãi', ['tỉnh']],
  ])('%s', (text, words) => {
    expect(levelWords(text).map((found) => found.word)).toEqual(words);
  });
});

describe('localityLevel', () => {
  it.each([
    ['UBND huyện Ba Tơ', 'huyen'],
    ['UBND xã A, huyện B', 'xa'],
    ['UBND thị xã Trảng Bàng', 'huyen'],
    ['UBND thị trấn Ba Tơ', 'xa'],
    ['UBND TP. Hồ Chí Minh', 'tinh'],
    ['Sở Y tế tỉnh Tây Ninh', 'tinh'],
    ['Bảo hiểm xã hội Việt Nam', null],
    ['Bộ Lao động - Thương binh và Xã hội', null],
    ['Liên minh Hợp tác xã Việt Nam', null],
  ])('%s → %s', (issuer, level) => {
    expect(localityLevel(issuer)).toBe(level);
  });
});

describe('placeNames and namedPlaces', () => {
  it.each([
    ['UBND tỉnh Tây Ninh', [['tinh', 'Tây Ninh']]],
    [
      'UBND xã A, huyện B',
      [
        ['xa', 'A'],
        ['huyen', 'B'],
      ],
    ],
    ['Ủy ban nhân dân Tỉnh Quảng Ngãi', [['tinh', 'Quảng Ngãi']]],
    ['Ban Chỉ huy quân sự Phường 1', [['xa', '1']]],
    // "Tỉnh ủy" and "Bảo hiểm Xã hội" name no place.
    ['Ban Thường vụ Tỉnh ủy', []],
    ['Bảo hiểm Xã hội Việt Nam', []],
    ['Liên minh Hợp tác xã Việt Nam', []],
  ])('%s', (issuer, places) => {
    expect(placeNames(issuer).map((place) => [place.level, place.name])).toEqual(places);
  });

  it('orders resolution places most specific first, with folded keys', () => {
    expect(namedPlaces('UBND huyện B, xã A').map((place) => place.key)).toEqual(['xa:a', 'huyen:b']);
    expect(namedPlaces('UBND tỉnh Tây Ninh')[0]?.key).toBe('tinh:tay ninh');
  });
});

describe('placeAfterLevelWord and the document id', () => {
  it.each([
    ['UBND tỉnh Tây Ninh', 'Tây Ninh'],
    ['UBND xã A, huyện B', 'A, huyện B'],
    ['Bảo hiểm xã hội tỉnh Tây Ninh', 'Tây Ninh'],
    ['Bảo hiểm xã hội Việt Nam', null],
    ['UBND tỉnh', null],
  ])('%s → %s', (issuer, place) => {
    expect(placeAfterLevelWord(issuer)).toBe(place);
  });

  it('gives a Bảo hiểm xã hội Việt Nam letter the id of its issuer, not of a "xã Hội Việt Nam"', () => {
    const id = documentId({
      type: 'Công văn',
      number: '296/BHXH-CSYT',
      issuer: 'Bảo hiểm xã hội Việt Nam',
      date: { iso: '2021-02-02', partial: false },
      title: null,
      draft: false,
      sha256: '0'.repeat(64),
    });
    expect(id).toBe('cong-van-296-bhxh-csyt-bao-hiem-xa-hoi-viet-nam-2021');
  });
});

describe('organ lines', () => {
  it.each([
    [['BẢO', 'HIỂM', 'XÃ', 'HỘI', 'TỈNH', 'QUẢNG', 'NGÃI'], 'Bảo hiểm xã hội tỉnh Quảng Ngãi'],
    [['LIÊN', 'MINH', 'HỢP', 'TÁC', 'XÃ', 'TỈNH', 'LÂM', 'ĐỒNG'], 'Liên minh hợp tác xã tỉnh Lâm Đồng'],
    [['ỦY', 'BAN', 'NHÂN', 'DÂN', 'HUYỆN', 'BA', 'TƠ'], 'UBND huyện Ba Tơ'],
  ])('%j → %s', (words, issuer) => {
    expect(formatOrgan(words)).toBe(issuer);
  });
});
