/**
 * The pager of a paged /trien-khai/ list (`Pager.astro`): its pages through `pagePath` (which
 * goes through `pagedPath`), with a previous and a next link.
 */
import type { CoverageView } from '../pipeline/coverage/index.ts';
import { pagePath } from '../pipeline/coverage/index.ts';
import { tc } from '../i18n/coverage.ts';
import type { PagerProps } from './paging.ts';

/**
 * The pager of one page of a coverage view.
 *
 * @param view The view shown (its filter, page and page count).
 * @returns Pager props.
 */
export function coveragePager(view: CoverageView): PagerProps {
  return {
    page: view.page,
    pages: view.pages,
    href: (page) => `trien-khai/${pagePath(view.filter, page)}`,
    label: tc('page.pagination'),
    class: 'pager no-print',
    // The site's flex list of links: the coverage styles (and their bundle's name) stay as they were.
    listClass: 'explore-links',
    data: ['data-coverage-pager', ''],
    step: { prev: tc('page.prev'), next: tc('page.next') },
  };
}
