/**
 * Coverage on the seed corpus through `buildCorpus`: trien-khai.csv has the row Chỉ thị
 * 32/CT-UBND (UBND tỉnh Tây Ninh, 01/02/2024) implemented by Kế hoạch 1062/KH-UBND
 * (11/04/2024) after 70 days; the timeline of that cascade is an accessible, deterministic
 * SVG; the coverage pages hold every implemented document once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type BuiltCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import {
  COVERAGE_CSV_HEADER,
  buildCoverage,
  coverageViews,
  timelineSvg,
  toCoverageCsv,
} from '../../src/pipeline/coverage/index.ts';
import { ROW_LIMIT } from '../../src/pipeline/coverage/timeline.ts';
import type { GraphData } from '../../src/pipeline/emit/graph-schema.ts';
import { doc, edge, graph as makeGraph } from './fixtures.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');
let built: BuiltCorpus;
let graph: GraphData;

beforeAll(() => {
  built = buildCorpus(
    readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name)),
  );
  graph = built.graph;
});

/** Rows of a CSV without quoted commas (enough for these fields). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

describe('trien-khai.csv on the seeds', () => {
  it('is written by the pipeline, with a BOM and the documented header', () => {
    const file = built.files.find((candidate) => candidate.path === 'trien-khai.csv');
    expect(file?.content.startsWith(`\uFEFF${COVERAGE_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(file?.content).toBe(toCoverageCsv(graph));
  });

  it('has Chỉ thị 32/CT-UBND implemented by Kế hoạch 1062/KH-UBND after 70 days', () => {
    const row = rows(toCoverageCsv(graph)).find((candidate) => candidate['so_ky_hieu_duoc_trien_khai'] === '32/CT-UBND');
    expect(row).toMatchObject({
      loai_van_ban_duoc_trien_khai: 'Chỉ thị',
      co_quan_ban_hanh_duoc_trien_khai: 'UBND tỉnh Tây Ninh',
      ngay_duoc_trien_khai: '2024-02-01',
      loai_van_ban_trien_khai: 'Kế hoạch',
      so_ky_hieu_trien_khai: '1062/KH-UBND',
      co_quan_ban_hanh_trien_khai: 'UBND tỉnh Tây Ninh',
      ngay_trien_khai: '2024-04-11',
      so_ngay: '70',
      nguon: 'van-ban-trien-khai',
    });
  });

  it('keeps implementations stated in a third text apart', () => {
    // "Công văn 3477/UBND-NC … thực hiện Chỉ thị 34-CT/TU" is read in plan 860's text.
    const row = rows(toCoverageCsv(graph)).find((candidate) => candidate['so_ky_hieu_trien_khai'] === '3477/UBND-NC');
    expect(row?.['nguon']).toBe('van-ban-khac');
    expect(row?.['so_ngay']).toBe('15');
  });
});

describe('the timeline SVG', () => {
  it('draws the cascade with text labels, a title and a description', () => {
    const entry = buildCoverage(graph).byTarget.get('chi-thi-32-ct-ubnd-tay-ninh-2024')!;
    const svg = timelineSvg(entry)!;
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="trien-khai-dong-thoi-gian-tieu-de trien-khai-dong-thoi-gian-mo-ta"/,
    );
    expect(svg).toContain('<title id="trien-khai-dong-thoi-gian-tieu-de">Dòng thời gian triển khai Chỉ thị 32/CT-UBND</title>');
    expect(svg).toContain(
      'Chỉ thị 32/CT-UBND ngày 01/02/2024; 1 văn bản triển khai có ngày, sớm nhất sau 70 ngày, muộn nhất sau 70 ngày.',
    );
    expect(svg).toContain('>1062/KH-UBND · sau 70 ngày</text>');
    expect(svg).toContain('<title>Kế hoạch 1062/KH-UBND – UBND tỉnh Tây Ninh – 11/04/2024 – sau 70 ngày</title>');
    expect(svg).toContain('>UBND, HĐND tỉnh</text>');
    // No style attributes (the CSP has no 'unsafe-inline' for styles), no script.
    expect(svg).not.toMatch(/style=|<script/);
    expect(timelineSvg(buildCoverage(graph).byTarget.get('chi-thi-32-ct-ubnd-tay-ninh-2024')!)).toBe(svg);
  });

  it('merges dots of a large cascade and leaves undated documents out, saying so', () => {
    const target = doc('ct', 'Chỉ thị 46-CT/TW', 'Ban Bí thư', '2015-06-22');
    const plans = Array.from({ length: 300 }, (_, i) =>
      doc(
        `kh-${i}`,
        `Kế hoạch ${i + 1}/KH-UBND`,
        `UBND tỉnh T${i % 60}`,
        i % 50 === 0 ? null : `2015-${String(7 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      ),
    );
    const entry = buildCoverage(
      makeGraph(
        [target, ...plans],
        plans.map((plan) => edge(plan.id, 'ct', 'thuc-hien')),
      ),
    ).byTarget.get('ct')!;
    const svg = timelineSvg(entry)!;
    expect(entry.implementations.length).toBeGreaterThan(ROW_LIMIT);
    expect(svg).toContain('6 văn bản chưa rõ ngày, không vẽ.');
    expect((svg.match(/<circle /g) ?? []).length).toBeLessThan(120);
    expect(svg.length).toBeLessThan(30_000);
  });

  it('is not drawn when nothing has a date', () => {
    const entry = buildCoverage(
      makeGraph(
        [doc('a', 'Chỉ thị 1/CT-UBND', 'UBND tỉnh X', null), doc('b', 'Kế hoạch 2/KH-UBND', 'UBND tỉnh X', '2024-01-01')],
        [edge('b', 'a', 'thuc-hien')],
      ),
    ).byTarget.get('a')!;
    expect(timelineSvg(entry)).toBeNull();
  });
});

describe('coverage pages on the seeds', () => {
  it('pages the unfiltered list and lists every implemented document once', () => {
    const coverage = buildCoverage(graph);
    const pages = coverageViews(coverage, { perPage: 10 }).filter((view) => view.filter.kind === 'all');
    expect(pages.map((page) => page.path)).toEqual(['', 'trang/2/', 'trang/3/']);
    const ids = pages.flatMap((page) => page.entries.map((entry) => entry.doc.id));
    expect(new Set(ids).size).toBe(coverage.documents.length);
    expect(ids).toContain('chi-thi-32-ct-ubnd-tay-ninh-2024');
  });

  it('filters by level, year and issuer', () => {
    const coverage = buildCoverage(graph);
    const views = coverageViews(coverage);
    const byPath = new Map(views.map((view) => [view.path, view]));
    const level = byPath.get('cap/so-nganh/')!;
    expect(level.entries.every((entry) => entry.cells.every((cell) => cell.level === 'so-nganh'))).toBe(true);
    const year = byPath.get('nam/2024/')!;
    expect(year.entries.map((entry) => entry.doc.id)).toContain('chi-thi-32-ct-ubnd-tay-ninh-2024');
    expect(year.entries.every((entry) => entry.doc.year === '2024')).toBe(true);
    const bp = byPath.get('co-quan/ubnd-tinh-binh-phuoc/')!;
    // Bình Phước implemented Kết luận 44-KL/TW and is expected for Chỉ thị 09-CT/TW (also Ban Bí thư's).
    expect(bp.entries.map((entry) => [entry.doc.label, entry.cells[0]!.implementations.length > 0])).toEqual([
      ['Chỉ thị 09-CT/TW', false],
      ['Kết luận 44-KL/TW', true],
    ]);
  });
});
