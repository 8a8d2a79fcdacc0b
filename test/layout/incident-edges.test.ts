import { describe, expect, it } from 'vitest';
import { makeSyntheticGraph } from '../../scripts/make-synthetic-graph.ts';
import { edgesTouching } from '../../src/utils/incident-edges.ts';

const graph = makeSyntheticGraph({ nodes: 200, edges: 1200, seed: 3 });

describe('edgesTouching', () => {
  it('gives exactly the edges a scan would, in graph order, for one node and for several', () => {
    const scan = (ids: Set<string>) => graph.edges.filter((edge) => ids.has(edge.source) || ids.has(edge.target));
    for (const node of graph.nodes.slice(0, 50)) {
      expect(edgesTouching(graph, [node.id])).toEqual(scan(new Set([node.id])));
    }
    const several = graph.nodes.slice(10, 20).map((node) => node.id);
    expect(edgesTouching(graph, several)).toEqual(scan(new Set(several)));
    expect(edgesTouching(graph, ['no-such-node'])).toEqual([]);
  });

  it('lists a self-loop once', () => {
    const loop = { ...(graph.edges[0] as (typeof graph.edges)[0]), id: 'loop', source: 'a', target: 'a' };
    expect(edgesTouching({ ...graph, edges: [loop] }, ['a'])).toEqual([loop]);
  });
});
