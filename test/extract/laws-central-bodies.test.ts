/**
 * Issuers cut at the comma inside a central body's name: the reference list of central bodies
 * keeps the name whole ("Bộ Văn hóa, Thể thao và Du lịch", not "Bộ Văn hóa").
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';

function issuers(text: string): (string | null)[] {
  return groupCitations(extract(text)).map((citation) => citation.issuer);
}

describe('issuers: names of central bodies kept whole', () => {
  it.each([
    [
      'Căn cứ Thông tư số 08/2023/TT-BVHTTDL ngày 30/6/2023 của Bộ Văn hóa, Thể thao và Du lịch quy định chi tiết;',
      'Bộ Văn hóa, Thể thao và Du lịch',
    ],
    [
      'Thực hiện Công văn số 1234/BVHTTDL-VP ngày 01/4/2024 của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch về việc',
      'Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch',
    ],
    [
      'Căn cứ Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội;',
      'Bộ Lao động - Thương binh và Xã hội',
    ],
    [
      'Căn cứ Thông tư số 02/2015/TT-BKHĐT ngày 26/5/2015 của Bộ Kế hoạch và Đầu tư, Bộ Tài chính;',
      'Bộ Kế hoạch và Đầu tư, Bộ Tài chính',
    ],
    ['Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;', 'Chính phủ'],
  ])('%s', (text, issuer) => {
    expect(issuers(text)).toEqual([issuer]);
  });
});
