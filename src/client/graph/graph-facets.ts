/**
 * Filter choices present in a graph (types, year range), computed at build time for the
 * graph page's form.
 */
import type { GraphData } from '../../pipeline/emit/graph-schema.ts';

/**
 * Distinct loại văn bản, in Vietnamese order.
 *
 * @param graph Graph data.
 * @returns Types.
 */
export function graphTypes(graph: GraphData): string[] {
  const types = new Set<string>();
  for (const node of graph.nodes) if (node.type) types.add(node.type);
  return [...types].sort(new Intl.Collator('vi').compare);
}

/**
 * Earliest and latest year of a node's date.
 *
 * @param graph Graph data.
 * @returns Range, or null when no node has a date.
 */
export function graphYears(graph: GraphData): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const node of graph.nodes) {
    const year = node.date ? Number(node.date.iso.slice(0, 4)) : NaN;
    if (!Number.isFinite(year)) continue;
    min = Math.min(min, year);
    max = Math.max(max, year);
  }
  return Number.isFinite(min) ? { min, max } : null;
}
