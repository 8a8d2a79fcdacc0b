/**
 * View model of /ra-soat/: the review rows grouped by citing document, and the documents
 * split into static pages (/ra-soat/, /ra-soat/trang/2/, …) so that no page passes ~1 MB
 * whatever the corpus (a row weighs ~0.8 KB: at 1,000 synthetic plans the single page was
 * 1,264 KB). A document's rows are split between two pages only when they fill more than one.
 */
import type { GraphData } from '../pipeline/emit/graph-schema.ts';
import { reviewRows, type ReviewRow } from '../pipeline/emit/review.ts';
import { t } from '../i18n/t.ts';
import { pageSizeFromEnv, pagedPath, type PagerProps } from './paging.ts';

/** Most rows on one page of the review (a document with more rows than this gets a page of its own). */
export const REVIEW_PAGE_ROWS = 500;

/** One citing document and its review rows. */
export interface ReviewPlan {
  id: string;
  label: string;
  date: string | null;
  rows: ReviewRow[];
  /** Rows after the first page of a document too long for one page. */
  continued?: boolean;
}

/** The review as paged. */
export interface ReviewPaging {
  /** Every row. */
  rows: number;
  /** Every citing document, in row order. */
  plans: number;
  /** The pages, from 1: the documents each holds. */
  pages: ReviewPlan[][];
}

/**
 * Group rows (in `reviewRows` order: by citing document) into one entry per citing document.
 *
 * @param rows Review rows.
 * @returns Documents in order.
 */
export function groupReviewPlans(rows: readonly ReviewRow[]): ReviewPlan[] {
  const plans: ReviewPlan[] = [];
  for (const row of rows) {
    const last = plans.at(-1);
    if (last && last.id === (row.plan.id ?? '')) last.rows.push(row);
    else plans.push({ id: row.plan.id ?? '', label: row.plan.label, date: row.plan.date, rows: [row] });
  }
  return plans;
}

/**
 * Split the documents into pages of at most `limit` rows, in order. A document goes whole
 * to the next page when it does not fit on the current one; only a document with more rows
 * than a page is split, its parts on pages of their own (the later ones `continued`), so
 * every page stays bounded. Always at least one page (empty when there is nothing to review).
 *
 * @param plans Documents in order.
 * @param limit Most rows per page.
 * @returns Pages.
 */
export function splitReviewPages(plans: readonly ReviewPlan[], limit = REVIEW_PAGE_ROWS): ReviewPlan[][] {
  const pages: ReviewPlan[][] = [[]];
  let rows = 0;
  const place = (plan: ReviewPlan): void => {
    if (rows > 0 && rows + plan.rows.length > limit) {
      pages.push([]);
      rows = 0;
    }
    pages.at(-1)!.push(plan);
    rows += plan.rows.length;
  };
  for (const plan of plans) {
    if (plan.rows.length <= limit) {
      place(plan);
      continue;
    }
    for (let start = 0; start < plan.rows.length; start += limit) {
      place({ ...plan, rows: plan.rows.slice(start, start + limit), ...(start > 0 ? { continued: true } : {}) });
    }
  }
  return pages;
}

/**
 * Rows per page of this build: `VBG_REVIEW_PAGE_ROWS` when it is a positive integer (the
 * browser tests page the sub-path build's review by one row), else `REVIEW_PAGE_ROWS`.
 *
 * @returns Most rows per page.
 */
export function reviewPageRows(): number {
  return pageSizeFromEnv('VBG_REVIEW_PAGE_ROWS', REVIEW_PAGE_ROWS);
}

const cache = new WeakMap<GraphData, ReviewPaging>();

/**
 * The review of a graph, paged; computed once per graph (the first page and every other
 * page of the build ask for it).
 *
 * @param graph The graph.
 * @returns Rows, documents and pages.
 */
export function reviewPaging(graph: GraphData): ReviewPaging {
  const known = cache.get(graph);
  if (known) return known;
  const rows = reviewRows(graph);
  const plans = groupReviewPlans(rows);
  const paging = { rows: rows.length, plans: plans.length, pages: splitReviewPages(plans, reviewPageRows()) };
  cache.set(graph, paging);
  return paging;
}

/**
 * Rows of a page.
 *
 * @param plans The documents of the page.
 * @returns Their rows, counted.
 */
export function rowCount(plans: readonly ReviewPlan[]): number {
  return plans.reduce((sum, plan) => sum + plan.rows.length, 0);
}

/**
 * Where a document's review rows are: the page holding its first row, at its section.
 *
 * @param graph The graph.
 * @param id The citing document.
 * @returns "ra-soat/trang/<n>/#ra-soat-<id>" (without the base), or null when it has no row.
 */
export function reviewLocation(graph: GraphData, id: string): string | null {
  const paging = reviewPaging(graph);
  let pages = locations.get(paging);
  if (!pages) {
    pages = firstPages(paging.pages);
    locations.set(paging, pages);
  }
  const page = pages.get(id);
  return page === undefined ? null : `${pagedPath(REVIEW_PATH, page)}#${reviewAnchor(id)}`;
}

/**
 * The page of each document's first review row.
 *
 * @param pages The review's pages.
 * @returns Document id → page number, from 1.
 */
export function firstPages(pages: readonly ReviewPlan[][]): Map<string, number> {
  const first = new Map<string, number>();
  for (const [index, plans] of pages.entries()) {
    for (const plan of plans) if (!first.has(plan.id)) first.set(plan.id, index + 1);
  }
  return first;
}

/** Page of each document's first review row, by paging. */
const locations = new WeakMap<ReviewPaging, Map<string, number>>();

/**
 * Id of a document's section on the review pages.
 *
 * @param id The citing document.
 * @returns "ra-soat-<id>".
 */
export function reviewAnchor(id: string): string {
  return `ra-soat-${id}`;
}

/** Path of the review's first page (the others: `pagedPath(REVIEW_PATH, n)`, "ra-soat/trang/<n>/"). */
export const REVIEW_PATH = 'ra-soat/';

/**
 * A pager of the review (`Pager.astro`), each page with the first and last document it lists,
 * so a document can be found without JavaScript.
 *
 * @param page Current page, from 1.
 * @param pages The pages.
 * @param place Above or below the table: the two navigation landmarks need names of their own.
 * @returns Pager props.
 */
export function reviewPager(page: number, pages: readonly ReviewPlan[][], place: 'top' | 'bottom'): PagerProps {
  return {
    page,
    pages: pages.length,
    href: (n) => pagedPath(REVIEW_PATH, n),
    label: t(place === 'top' ? 'review.pages' : 'review.pagesBottom'),
    class: 'review-pages no-print',
    data: ['data-review-pages', place],
    note: (n) => {
      const plans = pages[n - 1] ?? [];
      const first = plans[0]?.label ?? '';
      const last = plans.at(-1)?.label ?? '';
      return first === last ? t('pager.spanOne', { first }) : t('pager.span', { first, last });
    },
  };
}
