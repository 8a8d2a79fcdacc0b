/**
 * `groupCitations` on numbers without a year: one plan may cite two documents with the
 * same number from different years ("Chỉ thị 07/CT-UBND" of 2021 and of 2024), which must
 * stay two citations and become two nodes of the graph.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

/** Number and date of each citation of a text, in order. */
function cited(text: string): [string | null, string | null, number][] {
  return groupCitations(extract(text)).map((citation) => [citation.number, citation.date?.iso ?? null, citation.mentions.length]);
}

const TWO_YEARS =
  'Thực hiện Chỉ thị số 07/CT-UBND ngày 16/05/2021 của UBND tỉnh Bình Phước về tổ chức diễn tập khu vực phòng thủ ' +
  'và Chỉ thị số 07/CT-UBND ngày 06/01/2024 của UBND tỉnh Bình Phước về công tác tuyển chọn và gọi công dân nhập ngũ.\n\n' +
  'Các cơ quan quán triệt Chỉ thị số 07/CT-UBND, báo cáo kết quả trước ngày 15/12.';

describe('groupCitations: one number, several documents', () => {
  it('keeps Chỉ thị 07/CT-UBND of 2021 and of 2024 apart; a later undated mention joins the one before it', () => {
    expect(cited(TWO_YEARS)).toEqual([
      ['07/CT-UBND', '2021-05-16', 1],
      ['07/CT-UBND', '2024-01-06', 2],
    ]);
  });

  it('gives an undated mention that comes first to the first dated document', () => {
    expect(
      cited(
        'Căn cứ Chỉ thị số 46-CT/TW của Bộ Chính trị; Chỉ thị số 46-CT/TW ngày 22/6/2015; Chỉ thị số 46-CT/TW ngày 10/3/2005.',
      ),
    ).toEqual([
      ['46-CT/TW', '2015-06-22', 2],
      ['46-CT/TW', '2005-03-10', 1],
    ]);
  });

  it('keeps one document when its dates fall in one year or a few days apart over New Year', () => {
    expect(
      cited('Kế hoạch số 12/KH-UBND ngày 30/12/2023 của UBND tỉnh Tây Ninh; Kế hoạch số 12/KH-UBND ngày 02/01/2024.'),
    ).toEqual([['12/KH-UBND', '2023-12-30', 2]]);
  });

  it('never splits a number that carries its year (two dates are a typo, not two documents)', () => {
    expect(cited('Nghị định số 21/2019/NĐ-CP ngày 22/02/2019; Nghị định số 21/2019/NĐ-CP ngày 22/02/2020.')).toEqual([
      ['21/2019/NĐ-CP', '2019-02-22', 2],
    ]);
  });
});

describe('buildCorpus: a plan citing the same local number from two years', () => {
  const header =
    'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n\nSố: 1729/KH-UBND\n\nBình Phước, ngày 17 tháng 08 năm 2024\n\nKẾ HOẠCH\nTriển khai công tác quốc phòng năm 2024\n\n';
  const built = buildCorpus([decodeSource(new TextEncoder().encode(header + TWO_YEARS), 'ke-hoach-1729.txt')]);
  const nodes = built.graph.nodes.filter((node) => node.number === '07/CT-UBND');

  it('makes two nodes, each with its own date and no date conflict', () => {
    expect(nodes.map((node) => [node.id, node.date?.iso, node.dateConflict])).toEqual([
      ['chi-thi-07-ct-ubnd-binh-phuoc-2021', '2021-05-16', false],
      ['chi-thi-07-ct-ubnd-binh-phuoc-2024', '2024-01-06', false],
    ]);
  });

  it('links the plan to both', () => {
    const targets = built.graph.edges.filter((edge) => edge.target.startsWith('chi-thi-07-ct-ubnd')).map((edge) => edge.target);
    expect([...new Set(targets)].sort()).toEqual(['chi-thi-07-ct-ubnd-binh-phuoc-2021', 'chi-thi-07-ct-ubnd-binh-phuoc-2024']);
  });
});
