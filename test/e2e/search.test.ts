/**
 * Search in a real browser against the built site, at the root and under a sub-path, with
 * the production CSP: each query of the issue, with and without diacritics, must put the
 * expected documents first, and excerpts must never show the folded copy of the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const ND_21 = 'van-ban/nghi-dinh-21-2019-nd-cp/';
const TT_124 = 'van-ban/thong-tu-124-2021-tt-bca/';
const CT_46 = 'van-ban/chi-thi-46-ct-tw-2015/';
const PLAN_000 = 'van-ban/ke-hoach-1062-kh-ubnd-tay-ninh-2024/';
const PLAN_001 = 'van-ban/ke-hoach-31-kh-ubnd-binh-phuoc-2023/';
const PLAN_002 = 'van-ban/ke-hoach-860-kh-ubnd-tay-ninh-2024/';

/** What the search page shows for a query. */
interface Shown {
  status: string;
  /** Result links, relative to the base. */
  results: string[];
  excerpts: string[];
  /** Exact-number block: the document links and the citing links. */
  exact: string[];
  citing: string[];
  citedHeading: string;
}

/** Number queries: the document's own page first, then the plans citing it. */
const numberCases: [query: string, document: string, citing: string[]][] = [
  ['21/2019/NĐ-CP', ND_21, [PLAN_000]],
  ['21/2019/ND-CP', ND_21, [PLAN_000]],
  ['21/2019', ND_21, [PLAN_000]],
  ['nd-cp 21/2019', ND_21, [PLAN_000]],
  ['124/2021/TT-BCA', TT_124, [PLAN_001, PLAN_002]],
  ['124/2021/tt-bca', TT_124, [PLAN_001, PLAN_002]],
  ['46-CT/TW', CT_46, [PLAN_000, PLAN_001]],
  ['46-ct/tw', CT_46, [PLAN_000, PLAN_001]],
  // Named the way officials say it: type and running number.
  ['nghi dinh 21', ND_21, [PLAN_000]],
  ['Nghị định số 21', ND_21, [PLAN_000]],
];

/** Accented query and its unaccented form: the same first results. */
const foldedPairs: [accented: string, folded: string][] = [
  ['nghị định', 'nghi dinh'],
  ['quyết định', 'quyet dinh'],
  ['khu vực phòng thủ', 'khu vuc phong thu'],
  ['đề án', 'de an'],
  ['NĐ-CP', 'nd-cp'],
  ['Toàn dân bảo vệ an ninh Tổ quốc', 'toan dan bao ve an ninh to quoc'],
];

/**
 * The builds to test: global-setup's, or `SEARCH_E2E_DIST/{root,sub}` built by hand
 * (`SITE_BASE=… OUT_DIR=… npm run build`) to iterate without rebuilding everything.
 */
const builds = process.env['SEARCH_E2E_DIST']
  ? {
      root: { dir: `${process.env['SEARCH_E2E_DIST']}/root`, base: BUILDS.root.base },
      sub: { dir: `${process.env['SEARCH_E2E_DIST']}/sub`, base: BUILDS.sub.base },
    }
  : BUILDS;

for (const [name, build] of Object.entries(builds)) {
  describe(`search (${name}, base ${build.base})`, () => {
    const browser = useBrowser();
    const served = useServedBuild(build);
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      page = await browser.newPage();
      problems = watchProblems(page);
    });

    /** Open the search page on a query string and read what it shows once it is done. */
    async function open(search: string): Promise<Shown> {
      await page.goto(`${served.url}tim-kiem/${search}`);
      await page.waitForFunction(() => {
        const text = document.getElementById('search-status')?.textContent ?? '';
        return text !== '' && !text.startsWith('Đang');
      });
      const relative = (href: string): string => new URL(href).pathname.slice(build.base.length);
      const shown = await page.evaluate(() => ({
        status: document.getElementById('search-status')?.textContent ?? '',
        results: [...document.querySelectorAll<HTMLAnchorElement>('#search-results .search-hit-title a')].map((a) => a.href),
        excerpts: [...document.querySelectorAll('#search-results .search-hit-excerpt')].map((p) => p.textContent ?? ''),
        exact: [...document.querySelectorAll<HTMLAnchorElement>('#search-exact:not([hidden]) .search-exact-title a')].map(
          (a) => a.href,
        ),
        citing: [...document.querySelectorAll<HTMLAnchorElement>('#search-exact:not([hidden]) .search-exact-list a')].map(
          (a) => a.href,
        ),
        citedHeading: document.querySelector('#search-exact:not([hidden]) .search-exact-cited')?.textContent ?? '',
      }));
      return {
        ...shown,
        results: shown.results.map(relative),
        exact: shown.exact.map(relative),
        citing: shown.citing.map(relative),
      };
    }

    const query = (text: string): Promise<Shown> => open(`?q=${encodeURIComponent(text)}`);

    it.each(numberCases)('“%s” finds its document first, then the plans citing it', async (text, document, citing) => {
      const shown = await query(text);
      expect(shown.results[0]).toBe(document);
      expect(shown.exact).toEqual([document]);
      expect([...shown.citing].sort()).toEqual(expect.arrayContaining(citing));
      expect(shown.citedHeading).toBe(`Các văn bản dẫn chiếu (${shown.citing.length})`);
      // The full-text results hold them too.
      expect(shown.results).toEqual(expect.arrayContaining(citing));
    });

    it('“nghi dinh 21” ranks the plan citing the decree right after it, above plans that only say “đề nghị”', async () => {
      const shown = await query('nghi dinh 21');
      expect(shown.results.slice(0, 2)).toEqual([ND_21, PLAN_000]);
    });

    it.each(foldedPairs)('“%s” and “%s” put the same documents first', async (accented, folded) => {
      const withMarks = await query(accented);
      const without = await query(folded);
      expect(withMarks.results.length).toBeGreaterThan(0);
      // The same documents are found…
      expect(without.status.replace(folded, accented)).toBe(withMarks.status);
      // …and lead, in nearly the same order: a typed mark that matches the page's own
      // spelling counts a little more (Pagefind), which may swap documents whose scores
      // differ in the third decimal (the short pages of six cited Quyết định, whose order
      // among themselves moves with any page of the site): each query's first result is
      // among the other's first six.
      expect(withMarks.results.slice(0, 6)).toContain(without.results[0]);
      expect(without.results.slice(0, 6)).toContain(withMarks.results[0]);
      // Excerpts show the page's own text, never the folded copy of it.
      for (const excerpt of without.excerpts) {
        expect(excerpt).not.toMatch(/\b(dinh|nd-cp|qd-ubnd|dong|duoc)\b/);
      }
    });

    it('“Toàn dân bảo vệ an ninh Tổ quốc” puts the 2023 Bình Phước and 2024 Tây Ninh plans first', async () => {
      for (const text of ['Toàn dân bảo vệ an ninh Tổ quốc', 'toan dan bao ve an ninh to quoc']) {
        const shown = await query(text);
        expect(shown.results.slice(0, 2).sort()).toEqual([PLAN_001, PLAN_002].sort());
      }
    });

    it('“khu vực phòng thủ” finds the plans about it', async () => {
      for (const text of ['khu vực phòng thủ', 'khu vuc phong thu']) {
        const shown = await query(text);
        expect(shown.results.slice(0, 3)).toContain(PLAN_000);
        expect(shown.results).toContain(ND_21);
      }
    });

    it('shows the query in the box, a result count, and each result’s number, type, issuer and date', async () => {
      const shown = await query('21/2019/NĐ-CP');
      expect(await page.inputValue('#search-query')).toBe('21/2019/NĐ-CP');
      expect(shown.status).toMatch(/^Tìm thấy \d+ văn bản cho “21\/2019\/NĐ-CP”\.$/);
      const meta = await page.textContent('#search-results .search-hit-meta');
      expect(meta).toBe('Số 21/2019/NĐ-CP · Nghị định · Chính phủ · 22/02/2019 · Văn bản được dẫn chiếu');
    });

    it('filters by scope, type, level and year from the URL and keeps them in the URL', async () => {
      const cited = await open('?q=an+ninh&scope=dan-chieu');
      expect(cited.results.length).toBeGreaterThan(0);
      expect(cited.results).not.toContain(PLAN_001);
      expect(await page.inputValue('select[name="scope"]')).toBe('dan-chieu');
      const plans = await open('?q=an+ninh&scope=trong-kho&year=2024');
      expect(plans.results.sort()).toEqual([PLAN_000, PLAN_002].sort());
      await page.selectOption('select[name="year"]', '2023');
      await page.waitForFunction(() => location.search.includes('year=2023'));
      await page.waitForFunction(
        (expected) =>
          [...document.querySelectorAll<HTMLAnchorElement>('#search-results .search-hit-title a')].every((a) =>
            a.href.endsWith(expected),
          ),
        PLAN_001,
      );
      const level = await open('?level=chinh-phu&type=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh');
      expect(level.status).toMatch(/^Có \d+ văn bản theo bộ lọc đã chọn\.$/);
      expect(level.results).toContain(ND_21);
    });

    it('runs a search typed in the header box of any page', async () => {
      await page.goto(served.url);
      await page.fill('#site-search', 'nghi dinh 21/2019');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(/tim-kiem\/\?q=/);
      await page.waitForFunction(() => document.querySelector('#search-results .search-hit-title a') !== null);
      expect(await page.inputValue('#search-query')).toBe('nghi dinh 21/2019');
      expect(new URL(page.url()).pathname).toBe(`${build.base}tim-kiem/`);
    });

    it('warms Pagefind up on an empty search page without downloading the index, then searches as usual', async () => {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      const fetched: string[] = [];
      fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await fresh.goto(`${served.url}tim-kiem/`);
      await fresh.waitForSelector('#search-form[data-ready]', { state: 'attached' });
      expect(await fresh.textContent('#search-status')).toBe('Nhập từ khóa hoặc số ký hiệu để tìm.');
      expect(await fresh.locator('#search-results li').count()).toBe(0);
      expect(fetched.filter((file) => file.endsWith('.pf_index'))).toEqual([]);
      await fresh.fill('#search-query', '46-CT/TW');
      await fresh.press('#search-query', 'Enter');
      await fresh.waitForFunction(() => /^Tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
      expect(await fresh.getAttribute('#search-results .search-hit-title a', 'href')).toBe(`${build.base}${CT_46}`);
      await context.close();
    });

    it('had no console errors or failed requests under the CSP', () => {
      expect(problems).toEqual([]);
    });

    it('without JavaScript, points to the browse table instead of a dead input', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const noScript = await context.newPage();
      await noScript.goto(`${served.url}tim-kiem/?q=nghi+dinh`);
      expect(await noScript.isVisible('#search-form')).toBe(false);
      const link = noScript.locator('.search-noscript a');
      expect(await link.getAttribute('href')).toBe(`${build.base}van-ban/`);
      await context.close();
    });
  });
}
