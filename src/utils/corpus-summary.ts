/**
 * View model of the home page: what the corpus holds.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { t } from '../i18n/t.ts';
import { byLabel } from './document-view.ts';
import { levelLabel } from '../i18n/levels.ts';

/** One row of a count table. */
export interface CountRow {
  label: string;
  count: number;
}

/**
 * Count values, most frequent first, then by label.
 *
 * @param values One value per item.
 * @returns Rows.
 */
function countBy(values: string[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * Documents by type ("Nghị định", "Kế hoạch"…).
 *
 * @param graph The graph.
 * @returns Count rows.
 */
export function countsByType(graph: GraphData): CountRow[] {
  return countBy(graph.nodes.map((node) => node.type ?? t('value.unknown')));
}

/**
 * Documents by issuer level.
 *
 * @param graph The graph.
 * @returns Count rows with Vietnamese level names.
 */
export function countsByLevel(graph: GraphData): CountRow[] {
  return countBy(graph.nodes.map((node) => levelLabel(node.issuerLevel)));
}

/**
 * Compare nodes newest first; undated last.
 *
 * @param a A node.
 * @param b A node.
 * @returns Sort order.
 */
function newestFirst(a: GraphNode, b: GraphNode): number {
  const left = a.date?.iso ?? '';
  const right = b.date?.iso ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return byLabel(a, b);
}

/**
 * The plans of the corpus, newest first.
 *
 * @param graph The graph.
 * @returns Plan nodes.
 */
export function plansNewestFirst(graph: GraphData): GraphNode[] {
  return graph.nodes.filter((node) => node.inCorpus).sort(newestFirst);
}

/**
 * The most cited documents: by number of citing documents, then mentions.
 *
 * @param graph The graph.
 * @param limit How many.
 * @returns Nodes cited at least once.
 */
export function mostCited(graph: GraphData, limit = 10): GraphNode[] {
  return graph.nodes
    .filter((node) => node.inDegree > 0)
    .sort((a, b) => b.inDegree - a.inDegree || b.mentionCount - a.mentionCount || byLabel(a, b))
    .slice(0, limit);
}
