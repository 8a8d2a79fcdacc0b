/**
 * The plans citing a document, paged. The page of a document cited by thousands of plans
 * lists the first `CITING_PAGE_ROWS` of them ("Được dẫn chiếu bởi"); the others are on
 * /van-ban/<id>/duoc-dan-chieu/trang/<n>/, in the same order (by label). A compact entry
 * weighs ~0.6 KB (at 1,000 synthetic plans the 884 citing Chỉ thị 46-CT/TW made 536 KB of
 * its 623 KB page; at 5,000 plans such pages were 1.0–2.7 MB), so a page's list stays near
 * 120 KB whatever the corpus.
 *
 * The further pages are fingerprinted and reused across builds like the document pages
 * (src/integrations/page-store.ts): their inputs are the plans they list and the pager.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { reusePage } from '../integrations/page-store.ts';
import { t } from '../i18n/t.ts';
import { citingPlans, quotesCitingSentences, type CitingPlan } from './document-view.ts';
import { pageCount, pageItems, pagedPath, pageSizeFromEnv, type PagerProps } from './paging.ts';

/** Most citing plans listed on one page (the document's own page included). */
export const CITING_PAGE_ROWS = 200;

/** Id of the "Được dẫn chiếu bởi" section on a document's page. */
export const CITED_BY_ANCHOR = 'duoc-dan-chieu-boi';

/**
 * Citing plans per page of this build: `VBG_CITING_PAGE_ROWS` when it is a positive integer
 * (the browser tests page the small test corpus by one plan), else `CITING_PAGE_ROWS`.
 *
 * @returns Most plans per page.
 */
export function citingPageRows(): number {
  return pageSizeFromEnv('VBG_CITING_PAGE_ROWS', CITING_PAGE_ROWS);
}

/**
 * Path of a page of the plans citing a document, without the base: page 1 is the section
 * on the document's own page.
 *
 * @param id The cited document.
 * @param page Page number, from 1.
 * @returns "van-ban/<id>/#duoc-dan-chieu-boi" or "van-ban/<id>/duoc-dan-chieu/trang/<n>/".
 */
export function citingPagePath(id: string, page: number): string {
  return pagedPath(`van-ban/${id}/#${CITED_BY_ANCHOR}`, page, `van-ban/${id}/duoc-dan-chieu/`);
}

/** One page of the plans citing a document. */
export interface CitingPage {
  /** Page number, from 1. */
  page: number;
  /** Number of pages. */
  pages: number;
  /** Every plan citing the document. */
  total: number;
  /** Number in the whole list of the page's first plan, from 1. */
  from: number;
  /** The page's plans. */
  plans: CitingPlan[];
  /** Whether the list quotes each mention's sentence (the same on every page: `quotesCitingSentences`). */
  quoted: boolean;
  /** Each page's first and last plan, for the pager. */
  spans: [first: string, last: string][];
}

/**
 * One page of the plans citing a document.
 *
 * @param citing Every plan citing it, in order (`citingPlans`).
 * @param page Page number, from 1.
 * @param size Most plans per page.
 * @returns The page.
 */
export function citingPage(citing: readonly CitingPlan[], page: number, size = citingPageRows()): CitingPage {
  const pages = pageCount(citing.length, size);
  const spans = Array.from({ length: pages }, (_, index): [string, string] => {
    const plans = pageItems(citing, index + 1, size);
    return [plans[0]?.node.label ?? '', plans.at(-1)?.node.label ?? ''];
  });
  return {
    page,
    pages,
    total: citing.length,
    from: (page - 1) * size + 1,
    plans: pageItems(citing, page, size),
    quoted: quotesCitingSentences(citing),
    spans,
  };
}

/**
 * A pager of a document's citing plans (`Pager.astro`), each page with its first and last plan.
 *
 * @param id The cited document.
 * @param view The page shown.
 * @param place Above or below the list: the two navigation landmarks need names of their own.
 * @returns Pager props.
 */
export function citingPager(id: string, view: CitingPage, place: 'top' | 'bottom'): PagerProps {
  return {
    page: view.page,
    pages: view.pages,
    href: (n) => citingPagePath(id, n),
    label: t(place === 'top' ? 'citing.pages' : 'citing.pagesBottom'),
    class: 'edge-table-pages no-print',
    data: ['data-citing-pages', place],
    note: (n) => {
      const [first, last] = view.spans[n - 1] ?? ['', ''];
      return first === last ? t('pager.spanOne', { first }) : t('pager.span', { first, last });
    },
  };
}

/** Props of /van-ban/[id]/duoc-dan-chieu/trang/[page]. */
export interface CitingPageProps {
  node: Pick<GraphNode, 'id' | 'label' | 'subject'>;
  view: CitingPage;
}

/**
 * Static paths of the further pages of every document's citing plans (page 2 on), leaving out
 * those the page store holds unchanged.
 *
 * @param graph The graph.
 * @param size Most plans per page.
 * @returns getStaticPaths result.
 */
export function citingPagePaths(
  graph: GraphData,
  size = citingPageRows(),
): { params: { id: string; page: string }; props: CitingPageProps }[] {
  const sources = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    const set = sources.get(edge.target) ?? new Set<string>();
    set.add(edge.source);
    sources.set(edge.target, set);
  }
  return graph.nodes.flatMap((graphNode) => {
    // Cheap bound first: most documents are cited by fewer plans than a page holds.
    if ((sources.get(graphNode.id)?.size ?? 0) <= size) return [];
    const citing = citingPlans(graph, graphNode.id);
    const pages = pageCount(citing.length, size);
    const node = { id: graphNode.id, label: graphNode.label, subject: graphNode.subject };
    return Array.from({ length: pages - 1 }, (_, index) => {
      const view = citingPage(citing, index + 2, size);
      const route = `van-ban/${node.id}/duoc-dan-chieu/trang/${view.page}/`;
      return reusePage(route, { node, view })
        ? []
        : [{ params: { id: node.id, page: String(view.page) }, props: { node, view } }];
    }).flat();
  });
}
