import { describe, expect, it } from 'vitest';
import { makeSyntheticGraph } from '../../scripts/make-synthetic-graph.ts';
import { layoutGraph } from '../../src/pipeline/emit/layout.ts';
import { connectedComponents } from '../../src/pipeline/emit/layout/components.ts';
import { packComponents } from '../../src/pipeline/emit/layout/pack.ts';
import { spreadCoincident } from '../../src/pipeline/emit/layout/spread.ts';

const edge = (source: string, target: string) => ({ source, target });

describe('layoutGraph', () => {
  it('returns nothing for an empty graph', () => {
    expect(layoutGraph([], []).size).toBe(0);
  });

  it('places a single node', () => {
    expect([...layoutGraph([{ id: 'a' }], [])]).toEqual([['a', { x: 0, y: 0 }]]);
  });

  it('gives every node a finite, rounded position', () => {
    const graph = makeSyntheticGraph({ nodes: 120, edges: 400 });
    const positions = layoutGraph(graph.nodes, graph.edges);
    expect(positions.size).toBe(120);
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 10) / 10).toBe(x);
      expect(Math.round(y * 10) / 10).toBe(y);
    }
  });

  it('is deterministic: two runs give identical positions', () => {
    const graph = makeSyntheticGraph({ nodes: 150, edges: 500, seed: 3 });
    const first = JSON.stringify([...layoutGraph(graph.nodes, graph.edges)]);
    const second = JSON.stringify([...layoutGraph(graph.nodes, graph.edges)]);
    expect(second).toBe(first);
  });

  it('does not depend on the order of nodes and edges', () => {
    const graph = makeSyntheticGraph({ nodes: 60, edges: 150, seed: 5 });
    const forward = layoutGraph(graph.nodes, graph.edges);
    const backward = layoutGraph([...graph.nodes].reverse(), [...graph.edges].reverse());
    for (const [id, point] of forward) expect(backward.get(id)).toEqual(point);
  });

  it('leaves Math.random as it was', () => {
    const random = Math.random;
    layoutGraph([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [edge('a', 'b'), edge('b', 'c')]);
    expect(Math.random).toBe(random);
  });

  it('ignores self-loops and edges to unknown nodes', () => {
    const positions = layoutGraph([{ id: 'a' }, { id: 'b' }], [edge('a', 'a'), edge('a', 'z'), edge('a', 'b')]);
    expect(positions.size).toBe(2);
  });

  it('keeps components apart', () => {
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => ({ id }));
    const positions = layoutGraph(nodes, [edge('a1', 'a2'), edge('a2', 'a3'), edge('b1', 'b2'), edge('b2', 'b3')]);
    const box = (prefix: string) => {
      const points = [...positions].filter(([id]) => id.startsWith(prefix)).map(([, point]) => point);
      return {
        minX: Math.min(...points.map((p) => p.x)),
        maxX: Math.max(...points.map((p) => p.x)),
        minY: Math.min(...points.map((p) => p.y)),
        maxY: Math.max(...points.map((p) => p.y)),
      };
    };
    const a = box('a');
    const b = box('b');
    const overlap = a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
    expect(overlap).toBe(false);
  });
});

describe('connectedComponents', () => {
  it('orders by size, then by smallest id', () => {
    expect(connectedComponents(['e', 'd', 'c', 'b', 'a'], [edge('c', 'd'), edge('d', 'e')])).toEqual([
      ['c', 'd', 'e'],
      ['a'],
      ['b'],
    ]);
  });
});

describe('spreadCoincident', () => {
  it('moves nodes on one spot apart', () => {
    const spread = spreadCoincident(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 0.1, y: 0 }],
        ['c', { x: 0, y: 0.1 }],
      ]),
      10,
    );
    const points = [...spread.values()];
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i] as { x: number; y: number };
        const b = points[j] as { x: number; y: number };
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(5);
      }
    }
  });
});

describe('packComponents', () => {
  it('lays components in rows without overlap', () => {
    const component = (id: string) => new Map([[id, { x: 5, y: 5 }]]);
    const packed = packComponents([component('a'), component('b'), component('c'), component('d')], 10);
    const keys = new Set([...packed.values()].map(({ x, y }) => `${x},${y}`));
    expect(keys.size).toBe(4);
  });
});
