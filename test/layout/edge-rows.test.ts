import { describe, expect, it } from 'vitest';
import { makeSyntheticGraph } from '../../scripts/make-synthetic-graph.ts';
import { edgeRows, pageCount, rowsOfPage, ROWS_PER_PAGE } from '../../src/client/graph/edge-rows.ts';
import { graphTypes, graphYears } from '../../src/client/graph/graph-facets.ts';

const graph = makeSyntheticGraph({ nodes: 200, edges: 1200, seed: 2 });

describe('edgeRows', () => {
  it('lists every edge with labels and page URLs, sorted by source label', () => {
    const rows = edgeRows(graph);
    expect(rows.length).toBe(graph.edges.length);
    const collator = new Intl.Collator('vi');
    for (let index = 1; index < rows.length; index++) {
      expect(
        collator.compare((rows[index - 1] as (typeof rows)[0]).source.label, (rows[index] as (typeof rows)[0]).source.label),
      ).toBeLessThanOrEqual(0);
    }
    expect(rows[0]?.source.url).toMatch(/^van-ban\/.+\/$/);
  });

  it('pages the table', () => {
    const rows = edgeRows(graph);
    expect(pageCount(rows)).toBe(Math.ceil(1200 / ROWS_PER_PAGE));
    expect(rowsOfPage(rows, 1).length).toBe(ROWS_PER_PAGE);
    expect(rowsOfPage(rows, pageCount(rows)).length).toBe(1200 - ROWS_PER_PAGE * (pageCount(rows) - 1));
    expect(pageCount([])).toBe(1);
  });

  it('sorts all edges once per graph, and a subset on its own', () => {
    expect(edgeRows(graph)).toBe(edgeRows(graph));
    const some = graph.edges.slice(0, 10);
    const rows = edgeRows(graph, some);
    expect(rows).not.toBe(edgeRows(graph));
    expect(rows.map((row) => row.id).sort()).toEqual(some.map((edge) => edge.id).sort());
  });
});

describe('graph facets', () => {
  it('collects types and the year range', () => {
    expect(graphTypes(graph)).toContain('Kế hoạch');
    const years = graphYears(graph);
    expect(years?.min).toBeGreaterThanOrEqual(2005);
    expect(years?.max).toBeLessThanOrEqual(2024);
    expect(graphYears({ ...graph, nodes: [] })).toBeNull();
  });
});
