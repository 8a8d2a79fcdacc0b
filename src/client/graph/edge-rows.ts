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

/**
 * Node lookups, one per graph object: `edgeRows` runs once per document page, and a map of
 * every node per call is quadratic over a build of thousands of pages.
 */
const nodeMaps = new WeakMap<GraphData, Map<string, GraphNode>>();

function nodeMap(graph: GraphData): Map<string, GraphNode> {
  let map = nodeMaps.get(graph);
  if (!map) {
    map = new Map(graph.nodes.map((node) => [node.id, node]));
    nodeMaps.set(graph, map);
  }
  return map;
}

/** One collator for every call: creating an ICU collator is far dearer than a comparison. */
const collator = new Intl.Collator('vi');

/** Edge rows per page of the global table. */
export const ROWS_PER_PAGE = 500;

/**
 * The rows of every edge, per graph object: /do-thi/ and each of its table pages
 * (/do-thi/bang/<n>/, 42 of them at 1,000 plans) list them, and each list sorts 21,000
 * edges with the Vietnamese collator.
 */
const allRows = new WeakMap<GraphData, readonly EdgeRow[]>();

/**
 * Table rows for edges, sorted by source label, relation, target label (Vietnamese order).
 *
 * @param graph Graph data (for labels).
 * @param edges The edges to list (default: all, computed once per graph).
 * @returns Rows (the list of all edges is shared: do not change it).
 */
export function edgeRows(graph: GraphData, edges: readonly GraphEdge[] = graph.edges): readonly EdgeRow[] {
  if (edges !== graph.edges) return sortedRows(graph, edges);
  let rows = allRows.get(graph);
  if (!rows) {
    rows = sortedRows(graph, edges);
    allRows.set(graph, rows);
  }
  return rows;
}

/**
 * Rows of some edges, sorted.
 *
 * @param graph Graph data (for labels).
 * @param edges The edges.
 * @returns Rows.
 */
function sortedRows(graph: GraphData, edges: readonly GraphEdge[]): EdgeRow[] {
  const byId = nodeMap(graph);
  const end = (id: string) => {
    const node = byId.get(id);
    return { id, label: node?.label ?? id, url: node?.url ?? `van-ban/${id}/` };
  };
  return edges
    .map((edge) => ({
      id: edge.id,
      source: end(edge.source),
      relation: edge.relation,
      target: end(edge.target),
      count: edge.count,
    }))
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
