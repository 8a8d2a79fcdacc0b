/**
 * Paged lists of the site. A list that would make a page too heavy for an office machine is
 * split into static pages: the first at the list's own address, the others at
 * "<further>trang/<n>/" (the browse table, /ra-soat/, the /trien-khai/ filters, the plans
 * citing a document, the ingest report). Every pager of the site links its pages through
 * `pagedPath`, and shows them with src/components/Pager.astro.
 */

/**
 * Path of one page of a paged list, without the site's base.
 *
 * @param first Path of the first page ("van-ban/", "" for the root of a section).
 * @param page Page number, from 1.
 * @param further Folder of the later pages, when not the first page's ("van-ban/<id>/duoc-dan-chieu/").
 * @returns `first` for page 1 (and below), else "<further>trang/<page>/".
 */
export function pagedPath(first: string, page: number, further: string = first): string {
  return page <= 1 ? first : `${further}trang/${page}/`;
}

/**
 * Number of pages of a list.
 *
 * @param items Item count.
 * @param size Most items per page.
 * @returns At least 1 (an empty list has one, empty, page).
 */
export function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size));
}

/**
 * The items of one page.
 *
 * @param items Items in order.
 * @param page Page number, from 1.
 * @param size Most items per page.
 * @returns Its items (none past the last page).
 */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/**
 * A page size of this build: the environment variable `name` when it holds a positive integer
 * (the browser tests page small corpora by a row or two, to walk the pages), else `fallback`.
 *
 * @param name Environment variable ("VBG_CITING_PAGE_ROWS").
 * @param fallback The size used otherwise.
 * @returns Most items per page.
 */
export function pageSizeFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Props of src/components/Pager.astro. */
export interface PagerProps {
  /** Current page, from 1. */
  page: number;
  /** Number of pages. */
  pages: number;
  /** Path of a page without the site's base (`pagedPath`). */
  href: (page: number) => string;
  /** Name of the landmark, read by screen readers. */
  label: string;
  /** Classes of the `<nav>`. */
  class: string;
  /** Class of its list, where the page's styles lay out no other (`explore-links`). */
  listClass?: string;
  /** The `data-*` attribute scripts and tests find the pager by, and its value. */
  data: [name: `data-${string}`, value: string];
  /** Text after a page's link (what the page holds), if any. */
  note?: (page: number) => string;
  /** Texts of a link to the previous page before the pages and to the next one after them, if wanted. */
  step?: { prev: string; next: string };
}
