/**
 * Large components are laid out by pivot MDS: fast on hub-heavy graphs, finite, spread,
 * deterministic and independent of input order.
 */
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/pipeline/emit/layout.ts';
import { pivotMds } from '../../src/pipeline/emit/layout/pivot-mds.ts';

/** A citation-shaped graph: `plans` plans each citing 3 of 10 hubs and one local document. */
function hubGraph(plans: number): { nodes: { id: string }[]; edges: { source: string; target: string }[] } {
  const nodes: { id: string }[] = [];
  const edges: { source: string; target: string }[] = [];
  for (let hub = 0; hub < 10; hub++) nodes.push({ id: `hub-${hub}` });
  for (let local = 0; local < 60; local++) nodes.push({ id: `local-${local}` });
  for (let plan = 0; plan < plans; plan++) {
    nodes.push({ id: `plan-${plan}` });
    for (const hub of [plan % 10, (plan * 3 + 1) % 10, (plan * 7 + 2) % 10])
      edges.push({ source: `plan-${plan}`, target: `hub-${hub}` });
    edges.push({ source: `plan-${plan}`, target: `local-${plan % 60}` });
  }
  return { nodes, edges };
}

describe('pivotMds', () => {
  it('lays out a large hub graph quickly, with finite and spread positions', () => {
    const graph = hubGraph(3000);
    const started = performance.now();
    const positions = layoutGraph(graph.nodes, graph.edges);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(positions.size).toBe(graph.nodes.length);
    const points = [...positions.values()];
    for (const { x, y } of points) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(new Set(points.map(({ x, y }) => `${x},${y}`)).size).toBe(points.length);
  });

  it('is deterministic and independent of input order', () => {
    const graph = hubGraph(500);
    const first = pivotMds(
      graph.nodes.map((node) => node.id),
      graph.edges,
      { edgeLength: 60 },
    );
    const second = pivotMds(graph.nodes.map((node) => node.id).reverse(), [...graph.edges].reverse(), { edgeLength: 60 });
    expect([...second].sort()).toEqual([...first].sort());
  });
});
