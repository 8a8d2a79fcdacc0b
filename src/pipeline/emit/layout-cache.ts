/**
 * The graph layout kept in the stage cache. The layout is a function of the graph's structure
 * only (node ids in order, edge ends in order) and of the code, so an edit that changes no
 * edge — a typo fixed, a sentence added — reuses the positions instead of running fcose.
 */
import { contentKey, type StageCache } from '../cache.ts';
import { layoutGraph, type Point } from './layout.ts';

/** Version of the cached layout entry; bump when it changes shape. */
const LAYOUT_FORMAT = '1';

/**
 * `layoutGraph` with default options, or its cached result.
 *
 * @param nodes Nodes (only `id` is read).
 * @param edges Edges (only `source`/`target` are read).
 * @param cache Stage cache, if any.
 * @param codeVersion Version of the code (`codeVersion`).
 * @returns Id → position, as `layoutGraph` gives it.
 */
export function layoutGraphCached(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string }[],
  cache: StageCache | undefined,
  codeVersion: string,
): Map<string, Point> {
  if (!cache) return layoutGraph(nodes, edges);
  const structure = JSON.stringify([nodes.map((node) => node.id), edges.map((edge) => [edge.source, edge.target])]);
  const key = contentKey(LAYOUT_FORMAT, codeVersion, structure);
  const stored = cache.get('layout', key);
  if (stored !== undefined) return new Map(JSON.parse(stored) as [string, Point][]);
  const positions = layoutGraph(nodes, edges);
  cache.set('layout', key, JSON.stringify([...positions]));
  return positions;
}
