/**
 * Plan text never executes anywhere: the injection plan of `test/fixtures/e2e-corpus/`
 * (`<script>`, `<img onerror>`, `<b>`, `{process.exit(1)}` in its title and body) is shown as
 * literal text in search results and in the graph's labels and details, under the CSP, with no
 * dialog, no flag set by its script and no console error. (Its own page: site.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const INJECTION = 'ke-hoach-99-kh-ubnd-2025';
const TITLE_LITERAL = '{process.exit(1)} <b>đậm</b>';

const browser = useBrowser();
const served = useServedBuild(BUILDS.root);

/** A page that records dialogs and the fixture's flag. */
async function watchedPage(): Promise<{ page: Page; dialogs: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs, problems: watchProblems(page) };
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { pwnedFlag?: boolean }).pwnedFlag);
}

describe('plan text stays text', () => {
  it('in search results', async () => {
    const { page, dialogs, problems } = await watchedPage();
    await page.goto(`${served.url}tim-kiem/?q=${encodeURIComponent('pwnedFlag kiểm thử ký tự đặc biệt')}`);
    await page.waitForFunction(() => {
      const text = document.getElementById('search-status')?.textContent ?? '';
      return text !== '' && !text.startsWith('Đang');
    });
    const hit = page.locator(`#search-results a[href$="van-ban/${INJECTION}/"]`).first();
    await hit.waitFor();
    const results = page.locator('#search-results');
    expect(await results.locator('script, img, b').count()).toBe(0);
    expect((await results.textContent()) ?? '').toContain('Kế hoạch 99/KH-UBND');
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in the graph’s search and details panel', async () => {
    const { page, dialogs, problems } = await watchedPage();
    await page.goto(`${served.url}do-thi/`);
    await page.waitForSelector('[data-graph-view][data-ready="true"]');
    await page.fill('#graph-search-input', '99/KH-UBND');
    await page.press('#graph-search-input', 'Enter');
    const details = page.locator('[data-graph-details-body]');
    await details.locator(`a[data-node-link="${INJECTION}"]`).waitFor();
    expect((await details.textContent()) ?? '').toContain(TITLE_LITERAL);
    expect(await details.locator('script, img, b').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in the title of its own page and its local graph', async () => {
    const { page, dialogs, problems } = await watchedPage();
    await page.goto(`${served.url}van-ban/${INJECTION}/`);
    expect((await page.locator('h1').textContent()) ?? '').toContain(TITLE_LITERAL);
    expect(await page.locator('h1 b, main img[onerror]').count()).toBe(0);
    await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-local-graph][data-ready="true"]');
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
