/**
 * The one page-path helper and the paged lists built on it (src/utils/paging.ts): the browse
 * table, /ra-soat/, the /trien-khai/ filters, the plans citing a document and the ingest
 * report name their pages alike; a paged list loses no item; the citing-plan pages of the seed
 * corpus, paged by one plan, hold every citing plan once; "Xem rà soát" names the review page
 * holding the plan's rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { buildCoverage, coverageViews, pagePath } from '../../src/pipeline/coverage/index.ts';
import { BROWSE_PATH } from '../../src/utils/browse.ts';
import { coveragePager } from '../../src/utils/coverage-pages.ts';
import { CITING_PAGE_ROWS, citingPage, citingPagePath, citingPagePaths, citingPager } from '../../src/utils/citing-pages.ts';
import { CITING_SENTENCES_LIMIT, citingPlans, type CitingPlan } from '../../src/utils/document-view.ts';
import { INGEST_PAGE_ROWS, ingestPagePath } from '../../src/utils/ingest-pages.ts';
import { pageCount, pageItems, pageSizeFromEnv, pagedPath } from '../../src/utils/paging.ts';
import {
  REVIEW_PATH,
  firstPages,
  reviewLocation,
  reviewPaging,
  splitReviewPages,
  type ReviewPlan,
} from '../../src/utils/review-pages.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

/** The seed corpus's graph, built afresh (the review paging is cached per graph object). */
function seedGraph() {
  return buildCorpus(
    readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name)),
  ).graph;
}

/** `count` citing plans labelled in order. */
function plans(count: number): CitingPlan[] {
  return Array.from({ length: count }, (_, index) => ({
    node: { id: `ke-hoach-${1000 + index}`, label: `Kế hoạch ${1000 + index}/KH-UBND`, subject: null },
    relations: ['can-cu'],
    mentions: [],
  }));
}

describe('pagedPath', () => {
  // [first page, later pages' folder, page] → path.
  const table: [string, string | undefined, number, string][] = [
    // The browse table and the review: later pages under the first page's folder.
    [BROWSE_PATH, undefined, 1, 'van-ban/'],
    [BROWSE_PATH, undefined, 2, 'van-ban/trang/2/'],
    [REVIEW_PATH, undefined, 12, 'ra-soat/trang/12/'],
    // A /trien-khai/ filter, relative to /trien-khai/ ("" is its first page).
    ['', undefined, 1, ''],
    ['', undefined, 3, 'trang/3/'],
    ['cap/ubnd-tinh/', undefined, 2, 'cap/ubnd-tinh/trang/2/'],
    // A section of a page: the first page is the section, the others a folder of their own.
    ['van-ban/x/#duoc-dan-chieu-boi', 'van-ban/x/duoc-dan-chieu/', 1, 'van-ban/x/#duoc-dan-chieu-boi'],
    ['van-ban/x/#duoc-dan-chieu-boi', 'van-ban/x/duoc-dan-chieu/', 4, 'van-ban/x/duoc-dan-chieu/trang/4/'],
    // Page 0 or below is the first page.
    [BROWSE_PATH, undefined, 0, 'van-ban/'],
  ];
  it.each(table)('pagedPath(%j, %j, %i) = %j', (first, further, page, expected) => {
    expect(pagedPath(first, page, further)).toBe(expected);
  });

  it('is what every paged list links', () => {
    expect(pagePath({ kind: 'year', year: '2024' }, 2)).toBe('nam/2024/trang/2/');
    expect(pagePath({ kind: 'all' }, 1)).toBe('');
    expect(citingPagePath('chi-thi-46-ct-tw-2015', 1)).toBe('van-ban/chi-thi-46-ct-tw-2015/#duoc-dan-chieu-boi');
    expect(citingPagePath('chi-thi-46-ct-tw-2015', 2)).toBe('van-ban/chi-thi-46-ct-tw-2015/duoc-dan-chieu/trang/2/');
    expect(ingestPagePath(1)).toBe('kiem-tra/#nap-tep');
    expect(ingestPagePath(5)).toBe('kiem-tra/nap-tep/trang/5/');
  });
});

describe('pageCount and pageItems', () => {
  it('split a list into pages in order, none lost, the last one shorter', () => {
    const items = Array.from({ length: 4884 }, (_, index) => index);
    const pages = pageCount(items.length, 200);
    expect(pages).toBe(25);
    const joined = Array.from({ length: pages }, (_, index) => pageItems(items, index + 1, 200));
    expect(joined.flat()).toEqual(items);
    expect(joined.at(-1)).toHaveLength(84);
    expect(pageItems(items, pages + 1, 200)).toEqual([]);
  });

  it('give an empty list one empty page', () => {
    expect(pageCount(0, 200)).toBe(1);
    expect(pageItems([], 1, 200)).toEqual([]);
  });
});

describe('pageSizeFromEnv', () => {
  afterEach(() => {
    delete process.env['VBG_TEST_PAGE_ROWS'];
  });
  it('takes a positive integer from the environment, else the default', () => {
    expect(pageSizeFromEnv('VBG_TEST_PAGE_ROWS', 200)).toBe(200);
    for (const bad of ['', '0', '-3', '1.5', 'abc']) {
      process.env['VBG_TEST_PAGE_ROWS'] = bad;
      expect(pageSizeFromEnv('VBG_TEST_PAGE_ROWS', 200)).toBe(200);
    }
    process.env['VBG_TEST_PAGE_ROWS'] = '2';
    expect(pageSizeFromEnv('VBG_TEST_PAGE_ROWS', 200)).toBe(2);
  });
});

describe('page sizes stay under 1 MB', () => {
  it('a citing-plan page at ~0.6 KB a plan, an ingest page at ~0.25 KB a file', () => {
    expect(CITING_PAGE_ROWS * 600).toBeLessThan(200_000);
    expect(INGEST_PAGE_ROWS * 250).toBeLessThan(300_000);
  });
});

describe('citingPage', () => {
  it('pages 4,884 plans by 200, each page knowing its range and every page’s first and last plan', () => {
    const citing = plans(4884);
    const first = citingPage(citing, 1, 200);
    expect(first).toMatchObject({ page: 1, pages: 25, total: 4884, from: 1, quoted: false });
    expect(first.plans).toHaveLength(200);
    expect(first.spans[0]).toEqual(['Kế hoạch 1000/KH-UBND', 'Kế hoạch 1199/KH-UBND']);
    expect(first.spans[24]).toEqual(['Kế hoạch 5800/KH-UBND', 'Kế hoạch 5883/KH-UBND']);
    const last = citingPage(citing, 25, 200);
    expect(last.from).toBe(4801);
    expect(last.plans.map((plan) => plan.node.label)).toEqual(citing.slice(4800).map((plan) => plan.node.label));
  });

  it('quotes sentences on every page or on none, by the whole list', () => {
    expect(citingPage(plans(CITING_SENTENCES_LIMIT), 2, 10).quoted).toBe(true);
    expect(citingPage(plans(CITING_SENTENCES_LIMIT + 1), 1, 10).quoted).toBe(false);
  });

  it('has a pager naming its two landmarks apart, linking page 1 to the document page’s section', () => {
    const view = citingPage(plans(3), 2, 1);
    const top = citingPager('chi-thi-46-ct-tw-2015', view, 'top');
    const bottom = citingPager('chi-thi-46-ct-tw-2015', view, 'bottom');
    expect(top.label).not.toBe(bottom.label);
    expect(top.pages).toBe(3);
    expect(top.href(1)).toBe('van-ban/chi-thi-46-ct-tw-2015/#duoc-dan-chieu-boi');
    expect(top.href(3)).toBe('van-ban/chi-thi-46-ct-tw-2015/duoc-dan-chieu/trang/3/');
    expect(top.note?.(3)).toBe('(Kế hoạch 1002/KH-UBND)');
  });
});

describe('coveragePager', () => {
  it('links every page of a /trien-khai/ view through pagePath, with a previous and a next link', () => {
    // The seed corpus's coverage, one document a page: the unfiltered list has several pages.
    const views = coverageViews(buildCoverage(seedGraph()), { perPage: 1 }).filter((view) => view.filter.kind === 'all');
    expect(views.length).toBeGreaterThan(1);
    const second = coveragePager(views[1]!);
    expect(second).toMatchObject({ page: 2, pages: views.length, label: 'Phân trang', data: ['data-coverage-pager', ''] });
    expect(second.step).toEqual({ prev: 'Trang trước', next: 'Trang sau' });
    // Each page's link is its view's own path, the first page /trien-khai/ itself.
    expect(views.map((view) => second.href(view.page))).toEqual(views.map((view) => `trien-khai/${view.path}`));
    expect(second.href(1)).toBe('trien-khai/');
    expect(second.href(2)).toBe('trien-khai/trang/2/');
  });
});

describe('citing-plan pages of the seed corpus, by one plan a page', () => {
  const graph = seedGraph();
  const paths = citingPagePaths(graph, 1);

  it('make pages 2… of every document cited by more than one plan, and no other', () => {
    const expected = graph.nodes.flatMap((node) => {
      const count = citingPlans(graph, node.id).length;
      return Array.from({ length: Math.max(0, count - 1) }, (_, index) => `${node.id}/${index + 2}`);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(paths.map((item) => `${item.params.id}/${item.params.page}`)).toEqual(expected);
  });

  it('with the document page, list each citing plan once, in the document page’s order', () => {
    const hub = paths[0]!.params.id;
    const citing = citingPlans(graph, hub);
    const listed = [
      ...citingPage(citing, 1, 1).plans,
      ...paths.filter((item) => item.params.id === hub).flatMap((item) => item.props.view.plans),
    ];
    expect(listed.map((plan) => plan.node.id)).toEqual(citing.map((plan) => plan.node.id));
  });
});

describe('reviewLocation', () => {
  afterEach(() => {
    delete process.env['VBG_REVIEW_PAGE_ROWS'];
  });

  it('links a plan split over several pages to the first, at its section', () => {
    // The seed corpus's review: one plan (1062) with several rows, one row a page.
    process.env['VBG_REVIEW_PAGE_ROWS'] = '1';
    const graph = seedGraph();
    const paging = reviewPaging(graph);
    expect(paging.pages.length).toBeGreaterThan(1);
    const plan = paging.pages[0]![0]!;
    expect(paging.pages.at(-1)![0]).toMatchObject({ id: plan.id, continued: true });
    expect(reviewLocation(graph, plan.id)).toBe(`ra-soat/#ra-soat-${plan.id}`);
  });

  it('names the page of each document’s first row', () => {
    // Rows a document: 2, 2, 4, 1, 1 at 3 rows a page → [a], [b], [c 1–3], [c 4, d, e].
    const rows = (id: string, count: number): ReviewPlan => ({
      id,
      label: `Kế hoạch ${id}`,
      date: null,
      rows: Array.from({ length: count }, () => ({}) as ReviewPlan['rows'][number]),
    });
    const pages = splitReviewPages([rows('a', 2), rows('b', 2), rows('c', 4), rows('d', 1), rows('e', 1)], 3);
    expect(pages.map((page) => page.map((plan) => plan.id))).toEqual([['a'], ['b'], ['c'], ['c', 'd', 'e']]);
    expect(Object.fromEntries(firstPages(pages))).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 4 });
  });

  it('is null for a document with no review row', () => {
    expect(reviewLocation(seedGraph(), 'nghi-dinh-13-2014-nd-cp')).toBeNull();
  });
});
