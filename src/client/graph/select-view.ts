/**
 * Which nodes and edges the global view draws, from the filters: pure, so it is unit-tested
 * and the page only renders its result.
 */
import type { GraphRelation } from '../../pipeline/emit/graph-schema.ts';
import type { IssuerLevel } from '../../model.ts';
import type { ViewEdge, ViewGraph, ViewNode } from './view-data.ts';

export interface ViewFilters {
  /** Loại văn bản, or '' for all. */
  type: string;
  /** Issuer level, or '' for all. */
  level: IssuerLevel | '';
  /** Relation, or '' for all. */
  relation: GraphRelation | '';
  /** Year range (inclusive); null for open. Nodes without a date pass only open ranges. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Draw every matching node, not only the `cap` most connected. */
  showAll: boolean;
}

export const NO_FILTERS: ViewFilters = { type: '', level: '', relation: '', yearFrom: null, yearTo: null, showAll: false };

export interface Selection {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Nodes matching the filters, drawn or not. */
  matching: number;
  /** Edges between drawn nodes (matching the relation filter), drawn or not. */
  matchingEdges: number;
}

export interface Caps {
  /** Most nodes drawn (default view). */
  nodes: number;
  /** Most edges drawn (default view). */
  edges: number;
}

/**
 * What the global page draws by default: the most connected nodes, and edges between them.
 * 1,500 nodes draw their first frame in well under a second in headless Chromium with software
 * rendering on a busy 2-vCPU machine (2,000 took about a second there; see bench-graph).
 */
export const DEFAULT_CAPS: Caps = { nodes: 1500, edges: 2000 };

/**
 * Select what to draw.
 *
 * Nodes match the filters; with a relation filter, only nodes touching such an edge. The
 * matching nodes are taken in rank order up to `cap` (unless `showAll`); `include` (a node
 * found by search) is always drawn. Edges are drawn when both ends are.
 *
 * Edges beyond `caps.edges` are left out (unless `showAll`): every drawn node first keeps its
 * edge to its most connected neighbour, so none floats alone, then edges between the most
 * connected nodes fill the rest. Redrawing tens of thousands of edges on every click is what
 * makes a big graph sluggish; the hairball they draw says little more.
 *
 * @param graph Decoded view.
 * @param filters Filters.
 * @param caps Most nodes and edges drawn by default.
 * @param include Node indexes to draw whatever the cap.
 * @returns Nodes in rank order and their edges (in `graph.edges` order).
 */
export function selectView(
  graph: ViewGraph,
  filters: ViewFilters,
  caps: Caps,
  include: ReadonlySet<number> = new Set(),
): Selection {
  let touched: Set<number> | undefined;
  if (filters.relation) {
    touched = new Set();
    for (const edge of graph.edges) {
      if (edge.relation === filters.relation) {
        touched.add(edge.source);
        touched.add(edge.target);
      }
    }
  }
  const matches = (node: ViewNode): boolean =>
    (!filters.type || node.type === filters.type) &&
    (!filters.level || node.level === filters.level) &&
    (filters.yearFrom === null || (node.year !== null && node.year >= filters.yearFrom)) &&
    (filters.yearTo === null || (node.year !== null && node.year <= filters.yearTo)) &&
    (!touched || touched.has(node.index));

  const limit = filters.showAll ? Infinity : caps.nodes;
  const drawn = new Set<number>();
  let matching = 0;
  for (const node of graph.nodes) {
    if (!matches(node)) continue;
    matching++;
    if (drawn.size < limit) drawn.add(node.index);
  }
  for (const index of include) drawn.add(index);

  const nodes = graph.nodes.filter((node) => drawn.has(node.index));
  const candidates = graph.edges.filter(
    (edge) => drawn.has(edge.source) && drawn.has(edge.target) && (!filters.relation || edge.relation === filters.relation),
  );
  const edgeLimit = filters.showAll ? Infinity : caps.edges;
  const edges = candidates.length <= edgeLimit ? candidates : capEdges(candidates, edgeLimit);
  return { nodes, edges, matching, matchingEdges: candidates.length };
}

/**
 * Keep `limit` edges: first each node's edge to its best-ranked neighbour, then by the rank of
 * the lesser end. Node indexes are ranks (0 = most connected).
 *
 * @param edges Candidate edges.
 * @param limit Most edges kept.
 * @returns Kept edges, in their original order.
 */
function capEdges(edges: readonly ViewEdge[], limit: number): ViewEdge[] {
  const best = new Map<number, ViewEdge>();
  const consider = (node: number, edge: ViewEdge, other: number): void => {
    const current = best.get(node);
    const currentOther = current ? (current.source === node ? current.target : current.source) : Infinity;
    if (other < currentOther) best.set(node, edge);
  };
  for (const edge of edges) {
    consider(edge.source, edge, edge.target);
    consider(edge.target, edge, edge.source);
  }
  const kept = new Set<ViewEdge>();
  // Backbone, most connected nodes first, so the limit cuts at the least connected.
  for (const node of [...best.keys()].sort((a, b) => a - b)) {
    if (kept.size >= limit) break;
    kept.add(best.get(node) as ViewEdge);
  }
  const rest = edges
    .filter((edge) => !kept.has(edge))
    .sort((a, b) => Math.max(a.source, a.target) - Math.max(b.source, b.target) || b.count - a.count || a.index - b.index);
  for (const edge of rest) {
    if (kept.size >= limit) break;
    kept.add(edge);
  }
  return edges.filter((edge) => kept.has(edge));
}
