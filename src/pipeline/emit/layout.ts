/**
 * Build-time layout of the citation graph: positions written into graph.json so the browser
 * only draws (Cytoscape `preset` layout) and never simulates.
 *
 * Components are laid out one by one with fcose (seeded), crowded spots spread, components
 * packed in rows, coordinates rounded: the same graph always gives byte-identical output.
 */
import { connectedComponents } from './layout/components.ts';
import { layoutComponent, type Point } from './layout/fcose-layout.ts';
import { packComponents } from './layout/pack.ts';
import { spreadCoincident } from './layout/spread.ts';

export type { Point } from './layout/fcose-layout.ts';

export interface LayoutOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Components up to this many nodes get fcose quality 'default', bigger ones a spectral layout (pivot MDS) (default 400). */
  defaultQualityMaxNodes?: number;
  /** Ideal edge length in layout units (default 60). */
  edgeLength?: number;
}

const defaults: Required<LayoutOptions> = { seed: 1, defaultQualityMaxNodes: 400, edgeLength: 60 };

/**
 * Compute a position for every node.
 *
 * @param nodes Nodes (only `id` is read).
 * @param edges Edges (only `source`/`target` are read); unknown ends and self-loops are ignored.
 * @param options Settings.
 * @returns Id → position (1 decimal), for every node; empty for an empty graph.
 */
export function layoutGraph(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string }[],
  options: LayoutOptions = {},
): Map<string, Point> {
  const settings = { ...defaults, ...options };
  const ids = nodes.map((node) => node.id);
  const components = connectedComponents(ids, edges);

  const componentOf = new Map<string, number>();
  components.forEach((component, index) => {
    for (const id of component) componentOf.set(id, index);
  });
  const edgesOf: { source: string; target: string }[][] = components.map(() => []);
  for (const edge of edges) {
    const index = componentOf.get(edge.source);
    if (index !== undefined && index === componentOf.get(edge.target)) edgesOf[index]?.push(edge);
  }

  const laidOut = components.map((component, index) =>
    spreadCoincident(
      layoutComponent(component, edgesOf[index] ?? [], {
        seed: settings.seed + index,
        defaultQualityMaxNodes: settings.defaultQualityMaxNodes,
        edgeLength: settings.edgeLength,
      }),
      settings.edgeLength / 2,
    ),
  );
  const packed = packComponents(laidOut, settings.edgeLength);

  // Input order, rounded: one decimal is far below a pixel yet keeps graph.json short and stable.
  const result = new Map<string, Point>();
  for (const id of ids) {
    const point = packed.get(id);
    if (point) result.set(id, { x: round(point.x), y: round(point.y) });
  }
  return result;
}

function round(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  // Avoid "-0" in JSON.
  return rounded === 0 ? 0 : rounded;
}
