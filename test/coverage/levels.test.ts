/**
 * Coverage levels of real issuers: a province's Party committee, its People's Committee and
 * its departments apart, a district's Party committee and People's Committee apart; national
 * levels as `issuerLevel` gives them. And implementations grouped by level, top down.
 */
import { describe, expect, it } from 'vitest';
import { coverageLevel, COVERAGE_LEVELS } from '../../src/pipeline/coverage/levels.ts';
import { buildCoverage } from '../../src/pipeline/coverage/coverage.ts';
import { issuerLevel } from '../../src/pipeline/issuer-level.ts';
import { doc, edge, graph } from './fixtures.ts';

describe('coverageLevel', () => {
  it.each([
    ['Ban Thường vụ Tỉnh ủy Tây Ninh', null, 'dang-tinh'],
    ['Tỉnh ủy Quảng Ngãi', '30-CT/TU', 'dang-tinh'],
    ['Huyện ủy Ba Tơ', '12-CT/HU', 'dang-huyen'],
    ['UBND tỉnh Tây Ninh', '1062/KH-UBND', 'ubnd-tinh'],
    ['Ủy ban nhân dân tỉnh Bình Phước', '31/KH-UBND', 'ubnd-tinh'],
    ['Chủ tịch UBND tỉnh Tây Ninh', '07/CT-UBND', 'ubnd-tinh'],
    ['HĐND tỉnh Tây Ninh', '05/NQ-HĐND', 'ubnd-tinh'],
    [null, '32/CT-UBND', 'ubnd-tinh'],
    ['Sở Nội vụ tỉnh Tây Ninh', '120/KH-SNV', 'so-nganh'],
    ['Công an tỉnh Tây Ninh', '55/KH-CAT', 'so-nganh'],
    ['Ban Chỉ đạo Phòng, chống tội phạm tỉnh Tây Ninh', '395/KH-BCĐ', 'so-nganh'],
    ['UBND huyện Ba Tơ', null, 'huyen'],
    ['UBND xã Ba Dinh', null, 'xa'],
    ['Ban Bí thư', '46-CT/TW', 'dang-trung-uong'],
    ['Chính phủ', '21/2019/NĐ-CP', 'chinh-phu'],
    ['Bộ Công an', '124/2021/TT-BCA', 'bo-nganh'],
    ['Bộ Chỉ huy quân sự tỉnh Tây Ninh', null, 'quan-doi'],
  ] as const)('%s (%s) → %s', (issuer, number, expected) => {
    expect(coverageLevel(issuerLevel(issuer, number), issuer)).toBe(expected);
  });
});

describe('grouping by level', () => {
  const target = doc('ct-46', 'Chỉ thị 46-CT/TW', 'Ban Bí thư', '2015-06-22');
  const nodes = [
    target,
    doc('kh-huyen', 'Kế hoạch 12/KH-UBND', 'UBND huyện Ba Tơ', '2015-09-01'),
    doc('kh-so', 'Kế hoạch 120/KH-SNV', 'Sở Nội vụ tỉnh Quảng Ngãi', '2015-08-01'),
    doc('ct-tu', 'Chương trình 05-CTr/TU', 'Tỉnh ủy Quảng Ngãi', '2015-07-10'),
    doc('kh-tinh-2', 'Kế hoạch 90/KH-UBND', 'UBND tỉnh Quảng Ngãi', '2015-07-30'),
    doc('kh-tinh-1', 'Kế hoạch 80/KH-UBND', 'UBND tỉnh Tây Ninh', '2015-07-20'),
  ];
  const coverage = buildCoverage(
    graph(
      nodes,
      nodes.slice(1).map((node) => edge(node.id, 'ct-46', 'thuc-hien')),
    ),
  );
  const entry = coverage.byTarget.get('ct-46')!;

  it('groups implementations by level, top down, earliest first inside a level', () => {
    expect(entry.groups.map((group) => [group.level, group.items.map((item) => item.source.id)])).toEqual([
      ['dang-tinh', ['ct-tu']],
      ['ubnd-tinh', ['kh-tinh-1', 'kh-tinh-2']],
      ['so-nganh', ['kh-so']],
      ['huyen', ['kh-huyen']],
    ]);
    expect(entry.groups.map((group) => COVERAGE_LEVELS.indexOf(group.level))).toEqual([5, 6, 7, 9]);
  });

  it('gives each its delay after the implemented document', () => {
    expect(entry.implementations.map((item) => [item.source.id, item.delay])).toContainEqual([
      'ct-tu',
      { kind: 'exact', days: 18 },
    ]);
  });

  it('lists the levels present and the implementing issuers, by level then name', () => {
    expect(coverage.levels).toEqual(['dang-tinh', 'ubnd-tinh', 'so-nganh', 'huyen']);
    expect(entry.issuers.map((issuer) => issuer.name)).toEqual([
      'Tỉnh ủy Quảng Ngãi',
      'UBND tỉnh Quảng Ngãi',
      'UBND tỉnh Tây Ninh',
      'Sở Nội vụ tỉnh Quảng Ngãi',
      'UBND huyện Ba Tơ',
    ]);
  });
});
