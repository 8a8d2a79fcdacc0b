/**
 * The /trien-khai/ views at scale: "chưa thấy" issuers of one level on one row, pages by
 * weight (many small entries a page, fewer hub entries), an issuer's view a row per document,
 * and the markup built as strings (escaped, each row built once).
 */
import { describe, expect, it } from 'vitest';
import { buildCoverage, CELLS_PER_ENTRY, coverageViews, documentCells, PAGE_WEIGHT } from '../../src/pipeline/coverage/index.ts';
import { coverageEntriesHtml, coverageIssuerHtml, coverageRowHtml, esc, MISSING_LISTED } from '../../src/utils/coverage-html.ts';
import { doc, edge, graph } from './fixtures.ts';

/** Chỉ thị n/CT-TTg of the Prime Minister, implemented by the UBND of the first `count` provinces. */
function corpus(directives: number, provinces: number, implementers: (directive: number) => number) {
  const nodes = [];
  const edges = [];
  for (let d = 1; d <= directives; d++) {
    nodes.push(doc(`ct-${d}`, `Chỉ thị ${d}/CT-TTg`, 'Thủ tướng Chính phủ', '2020-01-01'));
    for (let p = 1; p <= provinces; p++) {
      if (p > implementers(d)) continue;
      const id = `kh-${d}-${p}`;
      nodes.push(doc(id, `Kế hoạch ${d}${p}/KH-UBND`, `UBND tỉnh Tỉnh${p}`, '2021-03-01'));
      edges.push(edge(id, `ct-${d}`, 'thuc-hien'));
    }
  }
  return buildCoverage(graph(nodes, edges));
}

describe('coverage rows', () => {
  it('puts the issuers of one level with none found on one row, after the implementing issuers', () => {
    // Ten provinces implement Chỉ thị 1; only the first three implement Chỉ thị 2.
    const coverage = corpus(2, 10, (d) => (d === 1 ? 10 : 3));
    const issuers = new Map(coverage.issuers.map((issuer) => [issuer.key, issuer]));
    const cells = documentCells(coverage.byTarget.get('ct-2')!, issuers);
    expect(cells.map((cell) => cell.implementations.length > 0)).toEqual([true, true, true, false]);
    const none = cells.at(-1)!;
    expect(none.issuer).toBeNull();
    expect(none.level).toBe('ubnd-tinh');
    expect(none.missing.map((issuer) => issuer.name).sort()).toEqual(
      ['Tỉnh4', 'Tỉnh5', 'Tỉnh6', 'Tỉnh7', 'Tỉnh8', 'Tỉnh9', 'Tỉnh10'].map((p) => `UBND tỉnh ${p}`).sort(),
    );
    const row = coverageRowHtml(none);
    expect(row).toContain('data-state="chua"');
    expect(row).toContain('chưa thấy văn bản triển khai');
    // The first few issuers named and linked, the rest counted; the quick filter's slugs.
    expect(row.match(/<a href=/g)).toHaveLength(Math.min(7, MISSING_LISTED));
    expect(row).toMatch(/data-issuer="ubnd-tinh-tinh\d+( ubnd-tinh-tinh\d+)*"/);
    // Built once: the same string for the same cell.
    expect(coverageRowHtml(none)).toBe(row);
  });

  it('gives an issuer its own row of each document in its view, implemented or not', () => {
    const coverage = corpus(2, 10, (d) => (d === 1 ? 10 : 3));
    const view = coverageViews(coverage).find((candidate) => candidate.path === 'co-quan/ubnd-tinh-tinh7/')!;
    expect(view.entries.map((entry) => [entry.doc.id, entry.cells.length, entry.cells[0]!.implementations.length])).toEqual([
      ['ct-1', 1, 1],
      ['ct-2', 1, 0],
    ]);
    expect(view.entries[1]!.cells[0]!.issuer?.slug).toBe('ubnd-tinh-tinh7');
    const html = coverageIssuerHtml(view.entries);
    expect(html.match(/<tr data-coverage-doc=/g)).toHaveLength(2);
    expect(html).toContain(
      'data-coverage-doc="ct-2" data-year="2020" data-level="ubnd-tinh" data-issuer="ubnd-tinh-tinh7" data-state="chua"',
    );
    expect(html).toContain('Kế hoạch 17/KH-UBND');
  });
});

describe('coverage pages by weight', () => {
  it('packs documents implemented once many to a page, and keeps every page within its weight', () => {
    // 400 directives each implemented by one province: one row each (the other province
    // implements nothing, so nothing is expected of it).
    const small = coverageViews(corpus(400, 2, () => 1)).filter((view) => view.filter.kind === 'all');
    const weights = small.map((view) => view.entries.reduce((sum, entry) => sum + entry.cells.length + 2, 0));
    expect(weights.every((weight) => weight <= PAGE_WEIGHT)).toBe(true);
    expect(small[0]!.entries.length).toBe(Math.floor(PAGE_WEIGHT / 3));
    expect(small.flatMap((view) => view.entries).length).toBe(400);
    // Hub documents implemented by 40 provinces: CELLS_PER_ENTRY rows each shown, fewer to a page.
    const hubs = coverageViews(corpus(100, 40, () => 40)).filter((view) => view.filter.kind === 'all');
    expect(hubs[0]!.entries.length).toBe(Math.floor(PAGE_WEIGHT / (CELLS_PER_ENTRY + 2)));
    expect(hubs[0]!.entries[0]!.hidden).toBe(40 - CELLS_PER_ENTRY);
    expect(hubs.flatMap((view) => view.entries).length).toBe(100);
  });
});

describe('coverage markup', () => {
  it('escapes what it writes', () => {
    expect(esc(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#x27;d&#x27;&gt;');
    const nodes = [
      doc('ct', 'Chỉ thị 1/CT-TTg', 'Thủ tướng <script>', '2020-01-01', { subject: 'về "an toàn" & <b>' }),
      doc('kh', 'Kế hoạch 2/KH-UBND', 'UBND tỉnh A', '2020-02-01'),
    ];
    const coverage = buildCoverage(graph(nodes, [edge('kh', 'ct', 'thuc-hien')]));
    const html = coverageEntriesHtml(coverageViews(coverage)[0]!.entries);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('title="về &quot;an toàn&quot; &amp; &lt;b&gt;"');
    expect(html).toContain('sau 31 ngày');
  });
});
