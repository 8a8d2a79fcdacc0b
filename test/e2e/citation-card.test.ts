/**
 * The citation card of a plan's text, in real Chromium under the strict CSP, at the root and
 * under a sub-path: hovering a citation link of Kế hoạch 1062 opens the card of Nghị định
 * 13/2014/NĐ-CP (số, loại, cơ quan, ngày, trích yếu, hiệu lực, the amending decree) inside the
 * viewport; the pointer can move into it; keyboard focus opens it and the link is described by
 * it; Escape closes it; without JavaScript the link is a plain link that navigates.
 * Also the search page's validity filter: by keyboard, in the URL.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const PLAN_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const ND_13 = 'nghi-dinh-13-2014-nd-cp';

const browser = useBrowser();

/** The first citation link of Nghị định 13/2014/NĐ-CP in the plan's text. */
const linkSelector = `.plan-text a.citation[href="../${ND_13}/"]`;
const cardSelector = `#the-${ND_13}`;

/**
 * Whether an element's box lies inside the viewport.
 *
 * @param page The page.
 * @param selector The element.
 * @returns True when wholly visible in the viewport.
 */
async function insideViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    return box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
  });
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`citation card at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('opens on mouse hover, inside the viewport, stays while the pointer moves into it, closes after it leaves', async () => {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const link = page.locator(linkSelector).first();
      const card = page.locator(cardSelector);
      expect(await card.isHidden()).toBe(true);
      const title = await link.getAttribute('title');
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await card.getAttribute('role')).toBe('tooltip');
      const text = (await card.textContent()) ?? '';
      for (const part of [
        'Nghị định 13/2014/NĐ-CP',
        'Số ký hiệu13/2014/NĐ-CP',
        'LoạiNghị định',
        'Cơ quan ban hànhChính phủ',
        'Ngày ban hành25/02/2014',
        'Trích yếu',
        'Đã bị sửa đổi, bổ sung',
        'Nghị định 139/2020/NĐ-CP',
      ]) {
        expect(text).toContain(part);
      }
      expect(await insideViewport(page, cardSelector)).toBe(true);
      // The link's own tooltip is set aside while the card shows (two would overlap)…
      expect(await link.getAttribute('title')).toBeNull();
      // Into the card: it stays.
      const box = (await card.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await page.waitForTimeout(500);
      expect(await card.isVisible()).toBe(true);
      // Away from both: it closes after the delay.
      await page.mouse.move(2, 2);
      await expect.poll(() => card.isHidden()).toBe(true);
      // … and back when it closes.
      expect(await link.getAttribute('title')).toBe(title);
      expect(title).toContain('13/2014/NĐ-CP');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('opens on keyboard focus, describes the link, closes with Escape and on blur', async () => {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const link = page.locator(linkSelector).first();
      const card = page.locator(cardSelector);
      expect(await link.getAttribute('aria-describedby')).toBe(`the-${ND_13}`);
      // Tab to the link from the element before it, as a keyboard user gets there.
      await link.evaluate((element) => {
        const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')];
        const before = all[all.indexOf(element as HTMLElement) - 1];
        before?.focus();
      });
      await page.keyboard.press('Tab');
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await insideViewport(page, cardSelector)).toBe(true);
      // What a screen reader reads with the link: its description is the card.
      const description = await page.evaluate(
        (id) => document.getElementById(id)?.textContent ?? '',
        (await link.getAttribute('aria-describedby')) ?? '',
      );
      expect(description).toContain('Đã bị sửa đổi, bổ sung');
      await page.keyboard.press('Escape');
      expect(await card.isHidden()).toBe(true);
      // Focus stays on the link.
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
      // Focus again, then away: closes.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => card.isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      await expect.poll(() => card.isHidden()).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('near the bottom of the viewport the card opens above the link, still inside', async () => {
      const page = await browser.newPage({ viewport: { width: 420, height: 500 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const link = page.locator(linkSelector).first();
      // Scroll so the link sits on the viewport's last lines.
      await link.evaluate((element) => {
        const box = element.getBoundingClientRect();
        window.scrollBy(0, box.bottom - document.documentElement.clientHeight + 10);
      });
      await link.focus();
      const card = page.locator(cardSelector);
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await insideViewport(page, cardSelector)).toBe(true);
      const [cardBox, linkBox] = [(await card.boundingBox())!, (await link.boundingBox())!];
      expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(linkBox.y);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('without JavaScript the citation is a plain link that navigates, and no card shows', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const link = page.locator(linkSelector).first();
      expect(await link.getAttribute('aria-describedby')).toBeNull();
      await link.hover();
      await link.focus();
      expect(await page.locator(cardSelector).isHidden()).toBe(true);
      await link.click();
      await page.waitForURL(`**${build.base}van-ban/${ND_13}/`);
      expect(await page.locator('h1').textContent()).toContain('Nghị định 13/2014/NĐ-CP');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('the search page filters by validity, from the keyboard, and keeps it in the URL', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}tim-kiem/`);
      // The menus are filled from the index once it is loaded (slow on a loaded machine).
      await page.waitForSelector('#search-form[data-ready]', { state: 'attached' });
      const select = page.getByLabel('Hiệu lực');
      expect(await select.locator('option').count()).toBeGreaterThan(1);
      const labels = await select.locator('option').allTextContents();
      expect(labels.some((label) => label.startsWith('Đã bị sửa đổi, bổ sung ('))).toBe(true);
      await select.focus();
      // Keyboard only: choose "Đã bị sửa đổi, bổ sung" with the arrow keys.
      const index = labels.findIndex((label) => label.startsWith('Đã bị sửa đổi, bổ sung ('));
      for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
      expect(await select.inputValue()).toBe('bi-sua-doi');
      await page.waitForURL(/[?&]status=bi-sua-doi/);
      const results = page.locator('#search-results .search-hit');
      await page.waitForFunction(() => /^Có \d+ văn bản/.test(document.getElementById('search-status')?.textContent ?? ''));
      expect(await results.count()).toBeGreaterThan(0);
      const titles = await results.locator('.search-hit-title').allTextContents();
      expect(titles.some((title) => title.includes('Nghị định 13/2014/NĐ-CP'))).toBe(true);
      expect(titles.some((title) => title.includes('Kế hoạch 1062'))).toBe(false);
      // The link opens the same filtered search.
      await page.goto(`${served.url}tim-kiem/?status=bi-sua-doi`);
      await page.waitForSelector('#search-form[data-ready]', { state: 'attached' });
      expect(await page.getByLabel('Hiệu lực').inputValue()).toBe('bi-sua-doi');
      expect(await page.locator('#search-results .search-hit').count()).toBe(titles.length);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
