/**
 * Edges of a graph indexed by the nodes they touch, built once per graph object, so a page
 * or endpoint asking for one node's edges never scans every edge (quadratic over a build
 * of thousands of pages).
 */
import type { GraphData, GraphEdge } from '../pipeline/emit/graph-schema.ts';

/** Per node id: positions in `graph.edges` of the edges it is source or target of, ascending. */
type IncidentIndex = Map<string, number[]>;

const indexes = new WeakMap<GraphData, IncidentIndex>();

/**
 * The incident-edge index of a graph (a self-loop is listed once).
 *
 * @param graph The graph.
 * @returns Node id → ascending edge positions, cached per graph object.
 */
function incidentIndex(graph: GraphData): IncidentIndex {
  let index = indexes.get(graph);
  if (index) return index;
  index = new Map();
  const add = (id: string, position: number): void => {
    const list = index?.get(id);
    if (list) list.push(position);
    else index?.set(id, [position]);
  };
  graph.edges.forEach((edge, position) => {
    add(edge.source, position);
    if (edge.target !== edge.source) add(edge.target, position);
  });
  indexes.set(graph, index);
  return index;
}

/**
 * The edges touching any of the given nodes, in graph.json order, each once: exactly
 * `graph.edges.filter(e => ids.has(e.source) || ids.has(e.target))`, without the scan.
 *
 * @param graph The graph.
 * @param ids Node ids.
 * @returns Edges in their graph order.
 */
export function edgesTouching(graph: GraphData, ids: Iterable<string>): GraphEdge[] {
  const index = incidentIndex(graph);
  const positions = new Set<number>();
  for (const id of ids) for (const position of index.get(id) ?? []) positions.add(position);
  // Typed-array sort is numeric; graph order keeps every consumer's output unchanged.
  return [...Uint32Array.from(positions).sort()].map((position) => graph.edges[position] as GraphEdge);
}
