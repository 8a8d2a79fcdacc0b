/**
 * View model of /van-ban/: row order and filter choices.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { t, tDynamic } from '../i18n/t.ts';
import { DOCUMENT_STATES } from '../pipeline/resolve/status-states.ts';
import { byLabel } from './document-view.ts';
import { levelLabel } from '../i18n/levels.ts';

/** A choice of a filter select. */
export interface FilterOption {
  value: string;
  label: string;
}

/** The three filters' choices. */
export interface BrowseFilterOptions {
  type: FilterOption[];
  level: FilterOption[];
  year: FilterOption[];
  /** Validity states the graph holds, in legend order. */
  status: FilterOption[];
}

/**
 * Rows in their default order: most cited first, then by label.
 *
 * @param graph The graph.
 * @returns Nodes.
 */
export function browseOrder(graph: GraphData): GraphNode[] {
  return [...graph.nodes].sort((a, b) => b.mentionCount - a.mentionCount || byLabel(a, b));
}

/**
 * Distinct values, sorted.
 *
 * @param values Values (empty ones dropped).
 * @returns Sorted unique values.
 */
function distinct(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Choices of the type, issuer-level and year filters, from what the graph holds.
 *
 * @param graph The graph.
 * @returns Filter options.
 */
export function browseFilterOptions(graph: GraphData): BrowseFilterOptions {
  return {
    type: distinct(graph.nodes.map((node) => node.type ?? '')).map((value) => ({ value, label: value })),
    level: distinct(graph.nodes.map((node) => node.issuerLevel)).map((value) => ({
      value,
      label: levelLabel(value),
    })),
    year: distinct(graph.nodes.map((node) => node.date?.iso.slice(0, 4) ?? ''))
      .reverse()
      .map((value) => ({ value, label: value })),
    status: DOCUMENT_STATES.filter((state) => graph.nodes.some((node) => node.status.state === state)).map((value) => ({
      value,
      label: tDynamic(`validity.${value}`),
    })),
  };
}

/** Placeholder label of "no filter". */
export const allLabel = (): string => t('browse.all');
