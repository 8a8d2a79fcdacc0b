/**
 * The ingest report's table on /kiem-tra/, paged: a row per input file (~0.2 KB), so at
 * 5,000 files the one table made the page 1.1 MB. The page lists the first
 * `INGEST_PAGE_ROWS` files, the others are on /kiem-tra/nap-tep/trang/<n>/, in the report's
 * order; /data/report.json holds them all.
 */
import { t } from '../i18n/t.ts';
import { pagedPath, pageSizeFromEnv, type PagerProps } from './paging.ts';

/** Most files listed on one page. */
export const INGEST_PAGE_ROWS = 1000;

/** Id of the ingest report's section on /kiem-tra/. */
export const INGEST_ANCHOR = 'nap-tep';

/**
 * Files per page of this build: `VBG_INGEST_PAGE_ROWS` when it is a positive integer (the
 * browser tests page the small test corpus), else `INGEST_PAGE_ROWS`.
 *
 * @returns Most files per page.
 */
export function ingestPageRows(): number {
  return pageSizeFromEnv('VBG_INGEST_PAGE_ROWS', INGEST_PAGE_ROWS);
}

/**
 * Path of a page of the ingest report, without the base: page 1 is the section of /kiem-tra/.
 *
 * @param page Page number, from 1.
 * @returns "kiem-tra/#nap-tep" or "kiem-tra/nap-tep/trang/<n>/".
 */
export function ingestPagePath(page: number): string {
  return pagedPath(`kiem-tra/#${INGEST_ANCHOR}`, page, `kiem-tra/${INGEST_ANCHOR}/`);
}

/**
 * A pager of the ingest report (`Pager.astro`).
 *
 * @param page Current page, from 1.
 * @param pages Number of pages.
 * @param place Above or below the table: the two navigation landmarks need names of their own.
 * @returns Pager props.
 */
export function ingestPager(page: number, pages: number, place: 'top' | 'bottom'): PagerProps {
  return {
    page,
    pages,
    href: ingestPagePath,
    label: t(place === 'top' ? 'quality.ingestPages' : 'quality.ingestPagesBottom'),
    class: 'no-print',
    listClass: 'explore-links',
    data: ['data-ingest-pages', place],
  };
}
