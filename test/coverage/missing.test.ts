/**
 * The "none found" rule: an issuer is listed under a document as "chưa thấy văn bản triển
 * khai" only when it implements another document of the same issuing body, after this one's
 * date, and is not its issuer; never an issuer of another province, nor one whose
 * implementations all predate the document.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../../src/pipeline/coverage/coverage.ts';
import { doc, edge, graph } from './fixtures.ts';

const TN = 'UBND tỉnh Tây Ninh';
const nodes = [
  // Three Chỉ thị of UBND tỉnh Tây Ninh and one of Bình Phước.
  doc('ct-07', 'Chỉ thị 07/CT-UBND', TN, '2023-12-15'),
  doc('ct-32', 'Chỉ thị 32/CT-UBND', TN, '2024-02-01'),
  doc('ct-40', 'Chỉ thị 40/CT-UBND', TN, '2024-09-01'),
  doc('ct-bp', 'Chỉ thị 05/CT-UBND', 'UBND tỉnh Bình Phước', '2024-01-10'),
  doc('ct-x', 'Chỉ thị 09/CT-UBND', null, '2024-01-10'),
  // Plans of Tây Ninh's units.
  doc('kh-tinh', 'Kế hoạch 1062/KH-UBND', TN, '2024-04-11'),
  doc('kh-ca', 'Kế hoạch 55/KH-CAT', 'Công an tỉnh Tây Ninh', '2024-01-05'),
  doc('kh-snv', 'Kế hoạch 120/KH-SNV', 'Sở Nội vụ tỉnh Tây Ninh', '2024-03-01'),
  doc('kh-snv-2', 'Kế hoạch 130/KH-SNV', 'Sở Nội vụ tỉnh Tây Ninh', '2024-10-01'),
  doc('kh-ht', 'Kế hoạch 77/KH-UBND', 'UBND huyện Hòa Thành', null),
  // A Bình Phước unit.
  doc('kh-bp', 'Kế hoạch 31/KH-UBND', 'UBND tỉnh Bình Phước', '2024-03-01'),
  doc('kh-bp-2', 'Kế hoạch 32/KH-CAT', 'Công an tỉnh Bình Phước', '2024-03-01'),
];
const edges = [
  edge('kh-tinh', 'ct-07', 'thuc-hien'),
  edge('kh-tinh', 'ct-32', 'thuc-hien'),
  // Công an implemented 07 in January 2024, before 32 existed.
  edge('kh-ca', 'ct-07', 'thuc-hien'),
  edge('kh-snv', 'ct-32', 'thuc-hien'),
  edge('kh-snv-2', 'ct-40', 'thuc-hien'),
  // Hòa Thành's plan has no date: it cannot exclude.
  edge('kh-ht', 'ct-07', 'thuc-hien'),
  edge('kh-bp', 'ct-bp', 'thuc-hien'),
  edge('kh-bp-2', 'ct-x', 'thuc-hien'),
  edge('kh-tinh', 'ct-x', 'thuc-hien'),
  // A căn cứ is not an implementation.
  edge('kh-bp', 'ct-32', 'can-cu'),
];
const coverage = buildCoverage(graph(nodes, edges));
const missing = (id: string): string[] => coverage.byTarget.get(id)!.missing.map((issuer) => issuer.name);

describe('missing issuers ("chưa thấy văn bản triển khai")', () => {
  it('lists units that implement other documents of the same body after this one, not its issuer', () => {
    // Sở Nội vụ implemented 40 (after 32) but not 32's predecessor 07; Hòa Thành is undated.
    expect(missing('ct-07')).toEqual(['Sở Nội vụ tỉnh Tây Ninh']);
    // Công an's only implementation (of 07) is older than 32; UBND tỉnh is 32's own issuer.
    expect(missing('ct-32')).toEqual(['UBND huyện Hòa Thành']);
    // UBND tỉnh issued 40 itself; Công an's and Sở's activity: Sở implemented 40.
    expect(missing('ct-40')).toEqual(['UBND huyện Hòa Thành']);
  });

  it('never lists a unit of another province', () => {
    for (const id of ['ct-07', 'ct-32', 'ct-40']) expect(missing(id).join()).not.toMatch(/Bình Phước/u);
    expect(missing('ct-bp')).toEqual([]);
  });

  it('expects nobody to implement a document whose issuer is unknown', () => {
    expect(missing('ct-x')).toEqual([]);
  });

  it('does not count a căn cứ as an implementation', () => {
    expect(coverage.byTarget.get('ct-32')!.implementations.map((item) => item.source.id)).toEqual(['kh-tinh', 'kh-snv']);
  });
});
