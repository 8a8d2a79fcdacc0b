/**
 * Rarity weighting of related documents: a shared document counts ln(N / df), so a Luật all
 * plans cite counts nothing and a local Chỉ thị two plans cite counts the most; the shared
 * ones are listed rarest first. And the same body's plan on the same subject in other years,
 * with the căn cứ it added and dropped.
 */
import { describe, expect, it } from 'vitest';
import { buildRelated, subjectKey } from '../../src/pipeline/coverage/related.ts';
import { doc, edge, graph } from './fixtures.ts';

const plans = ['p1', 'p2', 'p3', 'p4'].map((id, i) =>
  doc(id, `Kế hoạch ${i + 1}/KH-UBND`, 'UBND tỉnh Tây Ninh', `2024-0${i + 1}-01`, { inCorpus: true }),
);
const cited = [
  doc('luat', 'Luật 22/2018/QH14', 'Quốc hội', '2018-11-08'),
  doc('nd', 'Nghị định 21/2019/NĐ-CP', 'Chính phủ', '2019-02-22'),
  doc('ct-local', 'Chỉ thị 07/CT-UBND', 'UBND tỉnh Tây Ninh', '2023-12-15'),
  doc('ct-other', 'Chỉ thị 30-CT/TU', 'Tỉnh ủy Tây Ninh', '2023-04-26'),
];
const edges = [
  // Every plan cites the Luật.
  ...plans.map((plan) => edge(plan.id, 'luat', 'can-cu')),
  // p1, p2, p3 cite the Nghị định.
  ...['p1', 'p2', 'p3'].map((id) => edge(id, 'nd', 'can-cu')),
  // Only p1 and p4 share the local Chỉ thị; p1 and p2 share 30-CT/TU too.
  edge('p1', 'ct-local', 'thuc-hien'),
  edge('p4', 'ct-local', 'thuc-hien'),
  edge('p1', 'ct-other', 'dan-chieu'),
  edge('p2', 'ct-other', 'dan-chieu'),
];
const related = buildRelated(graph([...plans, ...cited], edges));

describe('related documents by shared cited documents', () => {
  it('weighs a shared document by its rarity: a document every plan cites counts 0', () => {
    const p1 = related.get('p1')!.sharing;
    // p2 shares the Nghị định (ln 4/3) and 30-CT/TU (ln 2); p4 shares the local Chỉ thị (ln 2).
    expect(p1.map((item) => [item.doc.id, item.score])).toEqual([
      ['p2', Math.round((Math.log(4 / 3) + Math.log(2)) * 1000) / 1000],
      ['p4', Math.round(Math.log(2) * 1000) / 1000],
      ['p3', Math.round(Math.log(4 / 3) * 1000) / 1000],
    ]);
    // The Luật cited by all four is never listed as shared.
    expect(p1.flatMap((item) => item.shared.map((shared) => shared.doc.id))).not.toContain('luat');
  });

  it('lists the shared documents rarest first, with how many cite them', () => {
    const p2 = related.get('p1')!.sharing[0]!;
    expect(p2.shared.map((shared) => [shared.doc.id, shared.citers])).toEqual([
      ['ct-other', 2],
      ['nd', 3],
    ]);
  });

  it('ranks a shared rare local document above a shared common one', () => {
    const p4 = related.get('p4')!.sharing;
    expect(p4.map((item) => item.doc.id)).toEqual(['p1']);
  });

  it('finds no candidates through documents cited by more than the hub limit', () => {
    const capped = buildRelated(graph([...plans, ...cited], edges), { hubLimit: 2 });
    // Through the documents cited by at most 2: 30-CT/TU and the local Chỉ thị only.
    expect(capped.get('p3')!.sharing).toEqual([]);
    expect(capped.get('p1')!.sharing.map((item) => item.doc.id)).toEqual(['p2', 'p4']);
  });
});

describe('the same body, same subject, other years', () => {
  const subject = (year: number) => `Phát động phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm ${year}`;
  const y2023 = doc('kh-2023', 'Kế hoạch 700/KH-UBND', 'UBND tỉnh Tây Ninh', '2023-03-20', {
    subject: subject(2023),
    inCorpus: true,
  });
  const y2024 = doc('kh-2024', 'Kế hoạch 860/KH-UBND', 'Ủy ban nhân dân tỉnh Tây Ninh', '2024-03-25', {
    subject: subject(2024),
    inCorpus: true,
  });
  const other = doc('kh-bp', 'Kế hoạch 31/KH-UBND', 'UBND tỉnh Bình Phước', '2023-02-02', {
    subject: subject(2023),
    inCorpus: true,
  });
  const docs = [
    doc('ct-09', 'Chỉ thị 09-CT/TW', 'Ban Bí thư', '2011-12-01'),
    doc('kl-44', 'Kết luận 44-KL/TW', 'Ban Bí thư', '2019-01-22'),
    doc('tt-124', 'Thông tư 124/2021/TT-BCA', 'Bộ Công an', '2021-12-28'),
    doc('da-03', 'Đề án 03/ĐA-BCA', 'Bộ Công an', '2023-01-27'),
  ];
  const years = buildRelated(
    graph(
      [y2023, y2024, other, ...docs],
      [
        edge('kh-2023', 'ct-09', 'can-cu'),
        edge('kh-2023', 'kl-44', 'thuc-hien'),
        edge('kh-2023', 'tt-124', 'can-cu'),
        edge('kh-2024', 'ct-09', 'can-cu'),
        edge('kh-2024', 'da-03', 'thuc-hien'),
        edge('kh-2024', 'kl-44', 'dan-chieu'),
        edge('kh-bp', 'ct-09', 'can-cu'),
      ],
    ),
  );

  it('keys subjects without their years', () => {
    expect(subjectKey(subject(2023))).toBe(subjectKey(subject(2024)));
    expect(subjectKey('Kế hoạch giai đoạn 2021-2025')).toBe('ke hoach');
  });

  it('pairs one body’s yearly plans, not another province’s', () => {
    const of2024 = years.get('kh-2024')!.otherYears;
    expect(of2024.map((item) => [item.doc.id, item.year, item.earlier])).toEqual([['kh-2023', '2023', true]]);
    expect(years.get('kh-2023')!.otherYears.map((item) => [item.doc.id, item.earlier])).toEqual([['kh-2024', false]]);
    expect(years.get('kh-bp')?.otherYears ?? []).toEqual([]);
  });

  it('tells what changed in the căn cứ from the earlier year to the later', () => {
    const change = years.get('kh-2024')!.otherYears[0]!;
    expect(change.added.map((ref) => ref.id)).toEqual(['da-03']);
    // Kết luận 44 is only a dẫn chiếu in 2024: dropped from the căn cứ, as is Thông tư 124.
    expect(change.dropped.map((ref) => ref.id)).toEqual(['kl-44', 'tt-124']);
    expect(change.kept).toBe(1);
    // Seen from 2023 the change is the same (earlier → later).
    expect(years.get('kh-2023')!.otherYears[0]!.added.map((ref) => ref.id)).toEqual(['da-03']);
  });
});
