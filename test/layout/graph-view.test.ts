import { describe, expect, it } from 'vitest';
import { makeSyntheticGraph } from '../../scripts/make-synthetic-graph.ts';
import { buildAdjacency, neighbourhood } from '../../src/client/graph/neighbourhood.ts';
import { indexNodes, mostCitedNodes, searchNodes, foldForSearch } from '../../src/client/graph/search-nodes.ts';
import { NO_FILTERS, selectView } from '../../src/client/graph/select-view.ts';
import { decodeView, encodeView } from '../../src/client/graph/view-data.ts';
import { graphSchema } from '../../src/pipeline/emit/graph-schema.ts';
import { gt, formatCount } from '../../src/client/graph/i18n.ts';

const graph = makeSyntheticGraph({ nodes: 300, edges: 1200, seed: 11 });
const view = decodeView(encodeView(graph));

describe('makeSyntheticGraph', () => {
  it('is valid graph.json and deterministic', () => {
    expect(() => graphSchema.parse(graph)).not.toThrow();
    expect(JSON.stringify(makeSyntheticGraph({ nodes: 300, edges: 1200, seed: 11 }))).toBe(JSON.stringify(graph));
    expect(graph.edges.length).toBe(1200);
  });
});

describe('encodeView / decodeView', () => {
  it('keeps every node and edge, most connected first', () => {
    expect(view.nodes.length).toBe(graph.nodes.length);
    expect(view.edges.length).toBe(graph.edges.length);
    const degree = (index: number) => (view.nodes[index]?.inDegree ?? 0) + (view.nodes[index]?.outDegree ?? 0);
    expect(degree(0)).toBeGreaterThanOrEqual(degree(1));
    const original = graph.nodes.find((node) => node.id === view.nodes[5]?.id);
    expect(view.nodes[5]).toMatchObject({ label: original?.label, url: original?.url, level: original?.issuerLevel });
  });

  it('maps edge ends back to the right ids', () => {
    const edge = view.edges[0];
    const original = graph.edges[0];
    expect(view.nodes[edge?.source ?? -1]?.id).toBe(original?.source);
    expect(view.nodes[edge?.target ?? -1]?.id).toBe(original?.target);
    expect(edge?.relation).toBe(original?.relation);
  });
});

describe('selectView', () => {
  it('draws everything under the caps', () => {
    const selection = selectView(view, NO_FILTERS, { nodes: 2000, edges: 10000 });
    expect(selection.nodes.length).toBe(300);
    expect(selection.edges.length).toBe(1200);
  });

  it('caps nodes to the most connected and reports what is hidden', () => {
    const selection = selectView(view, NO_FILTERS, { nodes: 50, edges: 10000 });
    expect(selection.nodes.map((node) => node.index)).toEqual([...Array(50).keys()]);
    expect(selection.matching).toBe(300);
    const drawn = new Set(selection.nodes.map((node) => node.index));
    expect(selection.edges.every((edge) => drawn.has(edge.source) && drawn.has(edge.target))).toBe(true);
  });

  it('caps edges but leaves no drawn node without an edge it had', () => {
    const full = selectView(view, NO_FILTERS, { nodes: 2000, edges: 100000 });
    const capped = selectView(view, NO_FILTERS, { nodes: 2000, edges: 400 });
    expect(capped.edges.length).toBe(400);
    expect(capped.matchingEdges).toBe(full.edges.length);
    const touched = (edges: typeof full.edges) => new Set(edges.flatMap((edge) => [edge.source, edge.target]));
    const before = touched(full.edges);
    const after = touched(capped.edges);
    expect([...before].filter((index) => !after.has(index))).toEqual([]);
  });

  it('reaches beyond the cap through filters and show-all', () => {
    const level = view.nodes[view.nodes.length - 1]?.level ?? 'khac';
    const filtered = selectView(view, { ...NO_FILTERS, level }, { nodes: 50, edges: 10000 });
    expect(filtered.nodes.every((node) => node.level === level)).toBe(true);
    expect(filtered.nodes.some((node) => node.index >= 50)).toBe(true);
    expect(selectView(view, { ...NO_FILTERS, showAll: true }, { nodes: 50, edges: 10 }).nodes.length).toBe(300);
  });

  it('filters by year range, type and relation', () => {
    const years = selectView(view, { ...NO_FILTERS, yearFrom: 2010, yearTo: 2012 }, { nodes: 2000, edges: 10000 });
    expect(years.nodes.every((node) => node.year !== null && node.year >= 2010 && node.year <= 2012)).toBe(true);
    const types = selectView(view, { ...NO_FILTERS, type: 'Luật' }, { nodes: 2000, edges: 10000 });
    expect(types.nodes.every((node) => node.type === 'Luật')).toBe(true);
    const relation = selectView(view, { ...NO_FILTERS, relation: 'sua-doi' }, { nodes: 2000, edges: 10000 });
    expect(relation.edges.length).toBeGreaterThan(0);
    expect(relation.edges.every((edge) => edge.relation === 'sua-doi')).toBe(true);
  });

  it('always draws a node found by search', () => {
    const last = view.nodes.length - 1;
    const selection = selectView(view, NO_FILTERS, { nodes: 10, edges: 100 }, new Set([last]));
    expect(selection.nodes.some((node) => node.index === last)).toBe(true);
  });
});

describe('searchNodes', () => {
  const index = indexNodes(view.nodes);

  it('folds diacritics and đ', () => {
    expect(foldForSearch('Nghị định 21/2019/NĐ-CP')).toBe('nghi dinh 21/2019/nd cp');
  });

  it('finds by number, with or without diacritics', () => {
    const target = view.nodes.find((node) => node.type === 'Nghị định');
    expect(target).toBeDefined();
    const number = target?.number ?? '';
    expect(searchNodes(index, number)[0]?.id).toBe(target?.id);
    expect(searchNodes(index, number.replace('Đ', 'D').toLowerCase())[0]?.id).toBe(target?.id);
  });

  it('finds by words of the subject', () => {
    const found = searchNodes(index, 'phong thu');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((node) => foldForSearch(node.subject ?? '').includes('phong thu'))).toBe(true);
  });

  it('returns nothing for an empty query', () => {
    expect(searchNodes(index, '  ')).toEqual([]);
  });
});

describe('mostCitedNodes', () => {
  it('ranks by times cited, not by degree, and leaves uncited nodes out', () => {
    const top = mostCitedNodes(view.nodes, 10);
    expect(top.length).toBe(10);
    expect(top.every((node) => node.inDegree > 0)).toBe(true);
    for (let i = 1; i < top.length; i++) {
      expect((top[i - 1]?.inDegree ?? 0) >= (top[i]?.inDegree ?? 0)).toBe(true);
    }
    const maxIn = Math.max(...view.nodes.map((node) => node.inDegree));
    expect(top[0]?.inDegree).toBe(maxIn);
  });

  it('puts a plan that cites many and is cited by none nowhere in the list', () => {
    // The seed site's case: Kế hoạch 1062/KH-UBND cites 32 documents, nothing cites it.
    const plan = { ...(view.nodes[0] as (typeof view.nodes)[number]), index: 0, inDegree: 0, outDegree: 32 };
    const cited = { ...(view.nodes[1] as (typeof view.nodes)[number]), index: 1, inDegree: 2, outDegree: 0 };
    expect(mostCitedNodes([plan, cited]).map((node) => node.index)).toEqual([1]);
  });
});

describe('neighbourhood', () => {
  const adjacency = buildAdjacency(graph);

  it('holds the centre and its neighbours, depth 2 apart', () => {
    const hub = view.nodes[0]?.id ?? '';
    const file = neighbourhood(adjacency, hub, { maxDepth1: 1000, maxDepth2: 1000 });
    const neighbours = new Set(
      graph.edges.flatMap((edge) => (edge.source === hub ? [edge.target] : edge.target === hub ? [edge.source] : [])),
    );
    expect(file?.nodes[0]?.[0]).toBe(hub);
    expect(
      file?.nodes
        .filter((row) => row[4] === 1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([...neighbours].sort());
    expect(file?.hidden).toEqual([0, 0]);
  });

  it('caps big neighbourhoods and counts the rest', () => {
    const hub = view.nodes[0]?.id ?? '';
    const file = neighbourhood(adjacency, hub, { maxDepth1: 5, maxDepth2: 5 });
    expect(file?.nodes.filter((row) => row[4] === 1).length).toBe(5);
    expect(file?.hidden[0]).toBeGreaterThan(0);
  });

  it('puts at depth 2 the most connected neighbours of the drawn depth-1 nodes, and counts the rest, for every node', () => {
    // Hubs of this graph have hundreds of neighbours: their sets are bitsets in the adjacency.
    const dense = makeSyntheticGraph({ nodes: 400, edges: 4000, seed: 5 });
    const index = buildAdjacency(dense);
    expect(Math.max(...index.neighbours.map((list) => list.length))).toBeGreaterThan(64);
    const rankOf = (id: string): number => index.rank.get(id) ?? -1;
    const around = new Map<string, Set<string>>();
    for (const edge of dense.edges) {
      if (edge.source === edge.target) continue;
      around.set(edge.source, (around.get(edge.source) ?? new Set()).add(edge.target));
      around.set(edge.target, (around.get(edge.target) ?? new Set()).add(edge.source));
    }
    for (const node of dense.nodes) {
      const file = neighbourhood(index, node.id, { maxDepth1: 10, maxDepth2: 15 });
      const direct = [...(around.get(node.id) ?? [])].sort((a, b) => rankOf(a) - rankOf(b));
      const known = new Set([node.id, ...direct]);
      const ring = new Set(
        direct
          .slice(0, 10)
          .flatMap((id) => [...(around.get(id) ?? [])])
          .filter((id) => !known.has(id)),
      );
      const expected = [...ring].sort((a, b) => rankOf(a) - rankOf(b));
      expect(file?.nodes.filter((row) => row[4] === 2).map((row) => row[0])).toEqual(expected.slice(0, 15));
      expect(file?.hidden).toEqual([Math.max(0, direct.length - 10), Math.max(0, expected.length - 15)]);
    }
  });

  it('is undefined for an unknown id', () => {
    expect(neighbourhood(adjacency, 'khong-co')).toBeUndefined();
  });
});

describe('gt', () => {
  it('fills placeholders with grouped counts', () => {
    expect(formatCount(10000)).toBe('10.000');
    expect(gt('status.shown', { shown: 2000, edges: 10000 })).toBe('Đang vẽ 2.000 văn bản và 10.000 quan hệ.');
    expect(gt('status.capped', { shown: 1500, total: 10000, hidden: 8500 })).toContain('Đang hiển thị 1.500/10.000 văn bản');
  });
});
