/**
 * `src/text/compare.ts` and `abbreviations.ts`: a law or a body written out or abbreviated is
 * one name, with the abbreviations of `data/reference/abbreviations.tsv`; and grouping (one
 * text) and resolution (the corpus) give a law the same identity.
 */
import { describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model.ts';
import { extractReport } from '../../src/pipeline/extract-report.ts';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations, lawNameKey } from '../../src/pipeline/group.ts';
import { identify } from '../../src/pipeline/resolve/identity.ts';
import { expandAbbreviations, indexAbbreviations } from '../../src/text/abbreviations.ts';
import { lawTitleKey, nameKey } from '../../src/text/compare.ts';
import { foldedWords } from '../../src/text/words.ts';

describe('lawTitleKey: abbreviated and written-out titles are one key', () => {
  it.each([
    // Portal copies and plans abbreviate the councils.
    ['Luật Tổ chức HĐND và UBND', 'Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân'],
    ['Luật NSNN', 'Luật Ngân sách nhà nước'],
    ['Luật BHYT', 'Luật Bảo hiểm y tế'],
    ['Luật Ban hành văn bản QPPL', 'Luật Ban hành văn bản quy phạm pháp luật'],
    // An abbreviation of two words with a comma and "&" inside (Luật 93/2025/QH15).
    ['Luật KH, CN&ĐMST', 'Luật Khoa học, công nghệ và đổi mới sáng tạo'],
    // The scorer's own table: KCB, NCC.
    ['Luật KCB', 'Luật Khám bệnh, chữa bệnh'],
    ['Pháp lệnh Ưu đãi NCC', 'Pháp lệnh Ưu đãi người có công'],
    // What the resolve stage's own table had: GDQP-AN, DQTV.
    ['Luật GDQP-AN', 'Luật Giáo dục quốc phòng và an ninh'],
    ['Luật DQTV', 'Luật Dân quân tự vệ'],
    // A trailing year, "năm YYYY" or a bracket is not part of the title.
    ['Luật Ngân sách nhà nước năm 2015', 'Luật NSNN'],
    ['Luật DN 2014', 'Luật Doanh nghiệp'],
    ['Luật Đất đai (sửa đổi)', 'Luật Đất đai'],
  ])('%s = %s', (written, full) => {
    expect(lawTitleKey(written)).toBe(lawTitleKey(full));
  });

  it.each([
    ['Luật Ngân sách Nhà nước', 'luat ngan sach nha nuoc'],
    ['Luật Tổ chức HĐND và UBND', 'luat to chuc hoi dong nhan dan uy ban nhan dan'],
    ['Bộ luật Lao động', 'bo luat lao dong'],
  ])('%s → %s', (written, key) => {
    expect(lawTitleKey(written)).toBe(key);
  });

  it('keeps different laws apart', () => {
    expect(lawTitleKey('Luật BHXH')).not.toBe(lawTitleKey('Luật BHYT'));
    expect(lawTitleKey('Bộ luật Hình sự')).not.toBe(lawTitleKey('Luật Hình sự'));
  });
});

describe('nameKey: bodies written out or abbreviated', () => {
  it.each([
    ['UBND tỉnh Tây Ninh', 'Ủy ban nhân dân tỉnh Tây Ninh'],
    ['HĐND huyện Ba Tơ', 'Hội đồng nhân dân huyện Ba Tơ'],
    ['BHXH Việt Nam', 'Bảo hiểm xã hội Việt Nam'],
    ['Bộ Lao động - Thương binh và Xã hội', 'Bộ Lao động – Thương binh Xã hội'],
  ])('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
});

describe('expandAbbreviations', () => {
  const index = indexAbbreviations([
    { abbreviation: 'KH, CN&ĐMST', expansion: 'khoa học, công nghệ và đổi mới sáng tạo' },
    { abbreviation: 'KH&CN', expansion: 'khoa học và công nghệ' },
    { abbreviation: 'ĐMST', expansion: 'đổi mới sáng tạo' },
  ]);

  it.each([
    // The longest abbreviation wins over its last word alone.
    ['Luật KH, CN&ĐMST', 'luat khoa hoc cong nghe va doi moi sang tao'],
    ['Luật KH&CN', 'luat khoa hoc va cong nghe'],
    ['Chiến lược ĐMST', 'chien luoc doi moi sang tao'],
    // A word joined by "&" that is no abbreviation is read as its parts.
    ['Sở TT&TT', 'so tt tt'],
  ])('%s → %s', (text, expected) => {
    expect(expandAbbreviations(foldedWords(text), index).join(' ')).toBe(expected);
  });
});

/** A plan's text in the layout of Nghị định 30/2020. */
function planText(number: string, place: string, date: string, body: string): string {
  const [day, month, year] = date.split('/');
  return [
    'ỦY BAN NHÂN DÂN',
    `TỈNH ${place.toUpperCase()}`,
    '-------',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    `Số: ${number}`,
    `${place}, ngày ${day} tháng ${month} năm ${year}`,
    '',
    'KẾ HOẠCH',
    '',
    'Triển khai công tác y tế cơ sở',
    '',
    body,
    '',
  ].join('\n');
}

function source(file: string, text: string): SourceText {
  return { file, text, encoding: 'utf-8', sha256: file, byteLength: Buffer.byteLength(text), messages: [] };
}

describe('group and resolve give a law the same identity, abbreviated or not', () => {
  it.each([
    ['Luật KCB', 'Luật Khám bệnh, chữa bệnh'],
    ['Luật Tổ chức HĐND và UBND', 'Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân'],
    ['Luật GDQP-AN', 'Luật Giáo dục quốc phòng và an ninh'],
  ])('%s and %s', (short, full) => {
    // Grouping keys them alike…
    expect(lawNameKey(short)).toBe(lawNameKey(full));
    // …and so does resolution, for a title the reference data does not decide.
    const a = identify({ number: null, name: short, issuer: null }, [], new Map());
    const b = identify({ number: null, name: full, issuer: null }, [], new Map());
    expect(a?.key).toBe(b?.key);
    expect(a?.key).toBe(lawNameKey(full));
  });

  it('one text writing "Luật BHYT" and "Luật Bảo hiểm y tế" cites one document', () => {
    const citations = groupCitations(extract('Thực hiện Luật BHYT; tuyên truyền Luật Bảo hiểm y tế đến người dân.'));
    const laws = citations.filter((citation) => citation.docType === 'Luật');
    expect(laws).toHaveLength(1);
    expect(laws[0]?.mentions).toHaveLength(2);
  });

  it('two plans, one abbreviating, cite one node', () => {
    const report = extractReport([
      source('a.txt', planText('21/KH-UBND', 'Tây Ninh', '15/3/2024', '- Tuyên truyền Luật BHYT, Luật KCB đến nhân dân.')),
      source(
        'b.txt',
        planText('35/KH-UBND', 'Bình Phước', '02/02/2024', '- Thực hiện Luật Bảo hiểm y tế và Luật Khám bệnh, chữa bệnh.'),
      ),
    ]);
    const ids = (file: string) =>
      report
        .find((item) => item.file === file)!
        .citations.filter((citation) => citation.type === 'Luật')
        .map((citation) => citation.id)
        .sort();
    expect(ids('a.txt')).toHaveLength(2);
    expect(ids('a.txt')).toEqual(ids('b.txt'));
  });
});
