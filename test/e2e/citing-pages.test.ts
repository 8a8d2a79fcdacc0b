/**
 * The plans citing a document, paged (src/utils/citing-pages.ts), in real Chromium under the
 * strict CSP, at the root and under a sub-path. The test builds page them one plan at a time
 * (`VBG_CITING_PAGE_ROWS=1` in global-setup.ts), so a document cited by two plans has a
 * second page: walked by keyboard from the document's page and back, the pages list every
 * citing plan once, in the document page's order, with links under the site's base.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/pipeline/emit/graph-schema.ts';
import { citingPlans } from '../../src/utils/document-view.ts';
import { BUILDS, useBrowser, useServedBuild, watchProblems } from './harness.ts';

const browser = useBrowser();

/** The "Được dẫn chiếu bởi" section of a document's page. */
const SECTION = 'section[aria-labelledby="duoc-dan-chieu-boi"]';

/**
 * The document cited by the most plans (then the first by id), and its citing plans in order.
 *
 * @param dir A built site.
 * @returns Its id and the citing plans' ids.
 */
function hubOf(dir: string): { id: string; citing: string[] } {
  const graph = JSON.parse(readFileSync(path.join(dir, 'data/graph.json'), 'utf8')) as GraphData;
  const ranked = graph.nodes
    .map((node) => ({ id: node.id, citing: citingPlans(graph, node.id).map((plan) => plan.node.id) }))
    .sort((a, b) => b.citing.length - a.citing.length || (a.id < b.id ? -1 : 1));
  return ranked[0]!;
}

/**
 * Press Tab until an element has the focus, as a keyboard user reaches it.
 *
 * @param page Browser page.
 * @param target The element.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error('Không đến được liên kết bằng phím Tab');
}

/**
 * The citing plans a page lists (the first link of each entry is the plan's page).
 *
 * @param page Browser page.
 * @param scope Where the list is: the document page's section, or a further page's `main`.
 * @returns Their ids.
 */
function listedPlans(page: Page, scope: string): Promise<string[]> {
  return page
    .locator(`${scope} ul.cited-list > li > a:first-child`)
    .evaluateAll((links) => links.map((link) => /\/van-ban\/([^/]+)\/$/.exec((link as HTMLAnchorElement).pathname)?.[1] ?? ''));
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`citing-plan pages at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('walks a document’s citing plans page by page by keyboard, each plan listed once', async () => {
      const hub = hubOf(build.dir);
      expect(hub.citing.length).toBeGreaterThan(1);
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${hub.id}/`);
      const section = page.locator(SECTION);
      expect(await section.getAttribute('data-pagefind-ignore')).not.toBeNull();
      expect(await section.textContent()).toContain(`trong ${hub.citing.length} văn bản`);
      const top = page.locator('nav[data-citing-pages="top"]');
      const bottom = page.locator('nav[data-citing-pages="bottom"]');
      // Two landmarks, named apart; every link under the site's base.
      expect(await top.getAttribute('aria-label')).toBe('Các trang của danh sách văn bản dẫn chiếu');
      expect(await bottom.getAttribute('aria-label')).not.toBe(await top.getAttribute('aria-label'));
      for (const href of await top.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
        expect(href.startsWith(`${build.base}van-ban/${hub.id}/duoc-dan-chieu/trang/`)).toBe(true);
      }
      expect(await top.locator('li').count()).toBe(hub.citing.length);
      expect(await top.locator('[aria-current="page"]').textContent()).toBe('Trang 1');
      const seen = await listedPlans(page, SECTION);
      expect(seen).toHaveLength(1);

      for (let next = 2; next <= hub.citing.length; next += 1) {
        await tabTo(page, top.getByRole('link', { name: `Trang ${next}`, exact: true }));
        await page.keyboard.press('Enter');
        await page.waitForURL(`**${build.base}van-ban/${hub.id}/duoc-dan-chieu/trang/${next}/`);
        expect(await page.locator('h1').textContent()).toMatch(new RegExp(`^Văn bản dẫn chiếu .+, trang ${next}$`, 'u'));
        expect(await page.locator('main').getAttribute('data-pagefind-ignore')).not.toBeNull();
        expect(await top.locator('[aria-current="page"]').textContent()).toBe(`Trang ${next}`);
        const here = await listedPlans(page, 'main');
        expect(here).toHaveLength(1);
        seen.push(...here);
      }
      expect(seen).toEqual(hub.citing);

      // Back to page 1: the section on the document's own page.
      const first = top.getByRole('link', { name: 'Trang 1', exact: true });
      expect(await first.getAttribute('href')).toBe(`${build.base}van-ban/${hub.id}/#duoc-dan-chieu-boi`);
      await tabTo(page, first);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${build.base}van-ban/${hub.id}/#duoc-dan-chieu-boi`);
      expect(await listedPlans(page, SECTION)).toEqual(hub.citing.slice(0, 1));
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
