/**
 * The layout cache: a hit gives exactly `layoutGraph`'s positions; a changed structure or
 * code version misses.
 */
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/pipeline/cache.ts';
import { layoutGraph } from '../../src/pipeline/emit/layout.ts';
import { layoutGraphCached } from '../../src/pipeline/emit/layout-cache.ts';

const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'c' },
];

describe('layoutGraphCached', () => {
  it('hits on the same structure and code, with the same positions', () => {
    const cache = memoryCache();
    const first = layoutGraphCached(nodes, edges, cache, 'v1');
    const second = layoutGraphCached(nodes, edges, cache, 'v1');
    expect(cache.kinds.get('layout')).toMatchObject({ hits: 1, misses: 1 });
    expect([...second]).toEqual([...layoutGraph(nodes, edges)]);
    expect([...second]).toEqual([...first]);
  });

  it('misses when an edge or the code version changes', () => {
    const cache = memoryCache();
    layoutGraphCached(nodes, edges, cache, 'v1');
    layoutGraphCached(nodes, [...edges, { source: 'c', target: 'd' }], cache, 'v1');
    layoutGraphCached(nodes, edges, cache, 'v2');
    expect(cache.kinds.get('layout')).toMatchObject({ hits: 0, misses: 3 });
  });
});
