/**
 * View model of /van-ban/: row order and filter choices.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { t, tDynamic } from '../i18n/t.ts';
import { DOCUMENT_STATES } from '../pipeline/resolve/status-states.ts';
import { byLabel } from './document-view.ts';
import { levelLabel } from '../i18n/levels.ts';
import { pageCount, pageItems, pagedPath, type PagerProps } from './paging.ts';

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

/**
 * Rows per page of the browse table: the table is split into static pages (/van-ban/,
 * /van-ban/trang/2/, …) so that no page passes ~1 MB whatever the corpus (a row weighs
 * ~0.7 KB: 2,058 rows made a 1.4 MB page at 1,000 plans, 4.2 MB at 5,000). With JavaScript
 * the first page loads the rows of the others and filters and sorts them all.
 */
export const BROWSE_PAGE_ROWS = 1000;

/** Path of the browse table's first page (the others: `pagedPath(BROWSE_PATH, n)`, "van-ban/trang/<n>/"). */
export const BROWSE_PATH = 'van-ban/';

/**
 * Number of pages of the browse table.
 *
 * @param rows Row count.
 * @returns At least 1.
 */
export function browsePageCount(rows: number): number {
  return pageCount(rows, BROWSE_PAGE_ROWS);
}

/**
 * The rows of one page.
 *
 * @param nodes Rows in order (`browseOrder`).
 * @param page Page number from 1.
 * @returns Its rows.
 */
export function browsePageRows<T>(nodes: readonly T[], page: number): T[] {
  return pageItems(nodes, page, BROWSE_PAGE_ROWS);
}

/**
 * The pager of the browse table (`Pager.astro`). The browse script reads its links
 * (`data-browse-pages`: the table's id) to load the other pages' rows, then hides it.
 *
 * @param page Current page, from 1.
 * @param pages Number of pages.
 * @param tableId Id of the table whose rows the pages hold.
 * @returns Pager props.
 */
export function browsePager(page: number, pages: number, tableId: string): PagerProps {
  return {
    page,
    pages,
    href: (n) => pagedPath(BROWSE_PATH, n),
    label: t('browse.pages'),
    class: 'edge-table-pages no-print',
    data: ['data-browse-pages', tableId],
  };
}
