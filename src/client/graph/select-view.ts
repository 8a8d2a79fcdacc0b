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
}

/**
 * Select what to draw.
 *
 * Nodes match the filters; with a relation filter, only nodes touching such an edge. The
 * matching nodes are taken in rank order up to `cap` (unless `showAll`); `include` (a node
 * found by search) is always drawn. Edges are drawn when both ends are.
 *
 * @param graph Decoded view.
 * @param filters Filters.
 * @param cap Most nodes drawn by default.
 * @param include Node indexes to draw whatever the cap.
 * @returns Nodes in rank order and their edges.
 */
export function selectView(
  graph: ViewGraph,
  filters: ViewFilters,
  cap: number,
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

  const limit = filters.showAll ? Infinity : cap;
  const drawn = new Set<number>();
  let matching = 0;
  for (const node of graph.nodes) {
    if (!matches(node)) continue;
    matching++;
    if (drawn.size < limit) drawn.add(node.index);
  }
  for (const index of include) drawn.add(index);

  const nodes = graph.nodes.filter((node) => drawn.has(node.index));
  const edges = graph.edges.filter(
    (edge) =>
      drawn.has(edge.source) && drawn.has(edge.target) && (!filters.relation || edge.relation === filters.relation),
  );
  return { nodes, edges, matching };
}
