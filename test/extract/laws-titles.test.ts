/**
 * Law titles: boundaries decided by the reference data, the kind kept, abbreviations expanded.
 * Each row is a real sentence (from ../shared/corpus or the Căn cứ formulas of real plans)
 * with the titles it cites.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { matchLaws } from '../../src/pipeline/extract/laws.ts';

/** Names of the legislative acts a text cites, in order. */
function lawNames(text: string): string[] {
  return groupCitations(extract(text))
    .filter((citation) => citation.name !== null)
    .map((citation) => citation.name!);
}

describe('law titles: boundaries from the reference data', () => {
  it.each([
    [
      'Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;',
      ['Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân'],
    ],
    ['Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;', ['Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân']],
    [
      'Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;',
      ['Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân'],
    ],
    // The 2003 law's title, a prefix of the 2015 one: followed to where the citation plainly ends.
    ['Căn cứ Luật Hoạt động giám sát của Quốc hội năm 2003;', ['Luật Hoạt động giám sát của Quốc hội']],
    // The constitution is named "Hiến pháp" (the dev gold's name); the mention keeps the full title.
    ['Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', ['Hiến pháp']],
    ['Căn cứ Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 2013;', ['Hiến pháp năm 2013']],
    ['Căn cứ Hiến pháp năm 2013;', ['Hiến pháp năm 2013']],
    [
      'Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;',
      ['Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân'],
    ],
    [
      'hướng dẫn thi hành Pháp lệnh Ưu đãi người có công với cách mạng giai đoạn 2021 - 2025',
      ['Pháp lệnh Ưu đãi người có công với cách mạng'],
    ],
    [
      'Căn cứ Luật Tài nguyên, môi trường biển và hải đảo ngày 25 tháng 6 năm 2015;',
      ['Luật Tài nguyên, môi trường biển và hải đảo'],
    ],
    // A typo of "vào" as "và" (portal cv_bkhdt_3397_2019) still matches the title.
    [
      'khoản 4 và 5 Điều 3, Điều 49 và 50 Luật quản lý, sử dụng vốn nhà nước đầu tư và sản xuất, kinh doanh tại doanh nghiệp. Theo các quy định',
      ['Luật quản lý, sử dụng vốn nhà nước đầu tư và sản xuất, kinh doanh tại doanh nghiệp'],
    ],
    // Not in the data: the grammar decides (and does not run into the next law).
    [
      'Ban hành đầy đủ các văn bản thực hiện Luật Quốc phòng, Luật Nghĩa vụ quân sự, Luật Lực lượng dự bị động viên',
      ['Luật Quốc phòng', 'Luật Nghĩa vụ quân sự', 'Luật Lực lượng dự bị động viên'],
    ],
  ])('%s', (text, expected) => {
    expect(lawNames(text)).toEqual(expected);
  });

  it('a short title of the data yields to a longer reading of the grammar ("Luật Đầu tư công")', () => {
    expect(lawNames('Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;')).toEqual(['Luật Đầu tư công']);
  });
});

describe('law titles: the kind', () => {
  it.each([
    ['Căn cứ Bộ luật Hình sự năm 2015;', 'Bộ luật', 'Bộ luật Hình sự'],
    ['theo quy định của Bộ Luật Lao động năm 2019', 'Bộ luật', 'Bộ Luật Lao động'],
    ['Căn cứ Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm 2015;', 'Bộ luật', 'Bộ luật Tố tụng hình sự'],
  ])('%s', (text, head, name) => {
    const [law] = matchLaws(text);
    expect(law).toMatchObject({ head, name });
  });
});

describe('law titles: abbreviations expanded', () => {
  it.each([
    ['theo quy định tại khoản 5 Điều 56 Luật NSNN số 83/2015/QH13', 'Luật ngân sách nhà nước'],
    ['Điều 12 sửa đổi, bổ sung của Luật BHYT bao gồm', 'Luật bảo hiểm y tế'],
    ['Quy định tại Điều 55 Luật KH, CN&ĐMST năm 2025;', 'Luật khoa học, công nghệ và đổi mới sáng tạo'],
    [
      'trong xây dựng và tổ chức thi hành pháp luật; Luật Ban hành văn bản QPPL và các văn bản hướng dẫn thi hành',
      'Luật Ban hành văn bản quy phạm pháp luật',
    ],
    ['hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội', 'Luật doanh nghiệp'],
  ])('%s', (text, name) => {
    expect(lawNames(text)).toEqual([name]);
  });
});

describe('law titles: headings and lower-case heads only with a reference title', () => {
  it.each([
    ['t và hướng dẫn biện pháp thi hành một số điều của luật Bảo hiểm y tế;', ['Luật Bảo hiểm y tế']],
    ['LUẬT ĐẤT ĐAI\nCăn cứ Hiến pháp', ['Luật đất đai', 'Hiến pháp']],
    ['theo quy định của pháp luật Việt Nam', []],
    ['các quy định của luật Việt Nam và luật pháp quốc tế', []],
  ])('%s', (text, expected) => {
    expect(lawNames(text)).toEqual(expected);
  });
});

describe('law titles: the constitution', () => {
  it('spans the full title while naming it "Hiến pháp" (luat-28-2018-qh14)', () => {
    const text = 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;';
    const [law] = matchLaws(text);
    expect(law?.name).toBe('Hiến pháp');
    expect(text.slice(law!.start, law!.end)).toBe('Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam');
  });
});
