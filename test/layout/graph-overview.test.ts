import { describe, expect, it } from 'vitest';
import { makeSyntheticGraph } from '../../scripts/make-synthetic-graph.ts';
import { NO_FILTERS, selectView } from '../../src/client/graph/select-view.ts';
import { decodeView, encodeView, overviewOf } from '../../src/client/graph/view-data.ts';

const caps = { nodes: 150, edges: 400 };
const select = (graph: Parameters<typeof selectView>[0]) => selectView(graph, NO_FILTERS, caps);

describe('overviewOf', () => {
  const file = encodeView(makeSyntheticGraph({ nodes: 1000, edges: 6000, seed: 3 }));
  const overview = overviewOf(file, select);

  it('holds only what the default view draws, with the whole graph’s counts', () => {
    expect(overview.nodes).toHaveLength(150);
    expect(overview.edges.length).toBeLessThanOrEqual(400);
    expect(JSON.stringify(overview).length).toBeLessThan(JSON.stringify(file).length / 4);
    const whole = select(decodeView(file));
    expect(overview.partial).toEqual({ nodes: 1000, matchingEdges: whole.matchingEdges });
  });

  it('draws the same default view as the whole file', () => {
    const fromWhole = select(decodeView(file));
    const fromOverview = select(decodeView(overview));
    expect(fromOverview.nodes.map((node) => node.id)).toEqual(fromWhole.nodes.map((node) => node.id));
    const ends = (selection: typeof fromWhole, nodes: { id: string }[]) =>
      selection.edges.map((edge) => `${nodes[edge.source]?.id}>${nodes[edge.target]?.id}:${edge.relation}`);
    expect(ends(fromOverview, decodeView(overview).nodes)).toEqual(ends(fromWhole, decodeView(file).nodes));
  });

  it('returns a graph the default view draws whole as it is', () => {
    const small = encodeView(makeSyntheticGraph({ nodes: 100, edges: 300, seed: 3 }));
    expect(overviewOf(small, select)).toBe(small);
  });
});
