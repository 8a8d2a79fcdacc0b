/**
 * Rows of the edge table (the no-JavaScript view of a graph), built at site build time.
 */
import type { GraphData, GraphEdge, GraphNode, GraphRelation } from '../../pipeline/emit/graph-schema.ts';

export interface EdgeRow {
  id: string;
  source: { id: string; label: string; url: string };
  relation: GraphRelation;
  target: { id: string; label: string; url: string };
  count: number;
}

/** Edge rows per page of the global table. */
export const ROWS_PER_PAGE = 500;

/**
 * Table rows for edges, sorted by source label, relation, target label (Vietnamese order).
 *
 * @param graph Graph data (for labels).
 * @param edges The edges to list (default: all).
 * @returns Rows.
 */
export function edgeRows(graph: GraphData, edges: readonly GraphEdge[] = graph.edges): EdgeRow[] {
  const byId = new Map<string, GraphNode>(graph.nodes.map((node) => [node.id, node]));
  const end = (id: string) => {
    const node = byId.get(id);
    return { id, label: node?.label ?? id, url: node?.url ?? `van-ban/${id}/` };
  };
  const collator = new Intl.Collator('vi');
  return edges
    .map((edge) => ({ id: edge.id, source: end(edge.source), relation: edge.relation, target: end(edge.target), count: edge.count }))
    .sort(
      (a, b) =>
        collator.compare(a.source.label, b.source.label) ||
        collator.compare(a.relation, b.relation) ||
        collator.compare(a.target.label, b.target.label) ||
        collator.compare(a.id, b.id),
    );
}

/**
 * One page of rows.
 *
 * @param rows All rows.
 * @param page 1-based page.
 * @returns The page's rows.
 */
export function rowsOfPage(rows: readonly EdgeRow[], page: number): EdgeRow[] {
  return rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
}

/**
 * Number of table pages.
 *
 * @param rows All rows.
 * @returns At least 1.
 */
export function pageCount(rows: readonly EdgeRow[]): number {
  return Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
}
