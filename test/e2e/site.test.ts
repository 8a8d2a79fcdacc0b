/**
 * The reader's walk through the built site, in real Chromium, at the root and under a
 * sub-path, served with the strict CSP the intranet uses: home → Kế hoạch 1062 → the
 * citation of Nghị định 21/2019/NĐ-CP → back to the exact mention → Công văn 1584.
 * Plan text that looks like code must show as text and never run.
 */
import { describe, expect, it } from 'vitest';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const PLAN_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const ND_21 = 'nghi-dinh-21-2019-nd-cp';
const CV_1584 = 'cong-van-1584-ubnd-ncpc-tay-ninh-2020';
const INJECTION = 'ke-hoach-99-kh-ubnd-2025';

const browser = useBrowser();

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`site at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('walks from home through citations and back to the exact mention', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(served.url);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await page.getByRole('link', { name: 'Kế hoạch 1062/KH-UBND' }).first().click();
      await page.waitForURL(`**${build.base}van-ban/${PLAN_1062}/`);

      // The citation of Nghị định 21/2019/NĐ-CP: a link titled with its full title.
      const citation = page.locator(`a.citation[href="../${ND_21}/"]`).first();
      expect(await citation.getAttribute('title')).toContain('21/2019/NĐ-CP');
      await citation.click();
      await page.waitForURL(`**${build.base}van-ban/${ND_21}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('21/2019/NĐ-CP');

      // The citing plan is listed with a link to the exact spot of its mention.
      const citedBy = page.locator('section[aria-labelledby="duoc-dan-chieu-boi"]');
      expect(await citedBy.getByRole('link', { name: 'Kế hoạch 1062/KH-UBND' }).count()).toBeGreaterThan(0);
      const spot = citedBy.locator(`a[href*="van-ban/${PLAN_1062}/#trich-dan-"]`).first();
      const href = (await spot.getAttribute('href')) ?? '';
      expect(href.startsWith(`${build.base}van-ban/`)).toBe(true);
      await spot.click();
      await page.waitForURL(`**${build.base}van-ban/${PLAN_1062}/#trich-dan-*`);
      const anchor = new URL(page.url()).hash.slice(1);
      const target = page.locator(`[id="${anchor}"]`);
      expect(await target.count()).toBe(1);
      expect(await target.getAttribute('href')).toBe(`../${ND_21}/`);

      // From 1062, the citation of Công văn 1584/UBND-NCPC leads to that plan's own page.
      await page.locator(`a.citation[href="../${CV_1584}/"]`).first().click();
      await page.waitForURL(`**${build.base}van-ban/${CV_1584}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('1584/UBND-NCPC');
      expect(await page.locator('#toan-van').count()).toBe(1);
      expect(await page.locator('[data-pagefind-body]').count()).toBe(1);

      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows plan text that looks like code as text, and runs none of it', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(`${served.url}van-ban/${INJECTION}/`);
      const text = (await page.locator('.plan-text').textContent()) ?? '';
      for (const literal of [
        '<script>window.pwnedFlag = true; alert(1)</script>',
        '{process.exit(1)}',
        'export const x = 1',
        "import fs from 'fs'",
        'Tỷ lệ <50%, khi x<5 và y <= 3, theo {khoản 2} Điều 5; liên hệ <abc@x.vn>, xuống dòng <br> tại đây.',
        '<!-- chú thích --> và `mã` _gạch_ # thăng [ngoặc] \\ | ~',
        '<img src=x onerror="window.pwnedFlag=true">',
      ]) {
        expect(text).toContain(literal);
      }
      expect(await page.locator('.plan-text script, .plan-text img, .plan-text b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwnedFlag?: boolean }).pwnedFlag)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('keeps the header to two short rows on a 360 px phone, the links in one row, every link reachable by keyboard, with or without JavaScript', async () => {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({
          viewport: { width: 360, height: 780 },
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled,
        });
        const page = await context.newPage();
        await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
        const header = await page.locator('.site-header').boundingBox();
        // Was a quarter of the screen (about 210 px): now the name and search, then the six
        // links in one row (a tab bar of two-line labels, ~90 px in all).
        expect(header?.height).toBeLessThanOrEqual(110);
        const tops = await page
          .locator('.site-nav a')
          .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
        expect(tops).toHaveLength(6);
        expect(new Set(tops).size).toBe(1);
        // The search box keeps its name for screen readers though its label is hidden.
        expect(await page.getByRole('searchbox', { name: 'Tìm kiếm' }).count()).toBe(1);
        // Tab through the header: each of the six links gets focus and is scrolled into view.
        const names = ['Trang chủ', 'Văn bản', 'Đồ thị', 'Triển khai', 'Tìm kiếm', 'Kiểm tra'];
        const reached: string[] = [];
        for (let step = 0; step < 12 && reached.length < names.length; step++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const active = document.activeElement as HTMLElement | null;
            if (!active?.closest('.site-nav')) return null;
            const box = active.getBoundingClientRect();
            return { text: active.textContent?.trim() ?? '', left: box.left, right: box.right, height: box.height };
          });
          if (!focused) continue;
          reached.push(focused.text);
          expect(focused.left).toBeGreaterThanOrEqual(0);
          expect(focused.right).toBeLessThanOrEqual(360);
          expect(focused.height).toBeGreaterThanOrEqual(24);
        }
        expect(reached).toEqual(names);
        await context.close();
      }
    });

    it('keeps the header to one row on a desktop', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(served.url);
      expect((await page.locator('.site-header').boundingBox())?.height).toBeLessThanOrEqual(80);
      await page.close();
    });

    it('filters the browse table with its script, under the CSP', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/`);
      const form = page.locator('form[data-browse-filters]');
      await expect.poll(() => form.isVisible()).toBe(true);
      const rows = page.locator('#bang-van-ban tbody tr');
      const total = await rows.count();
      await form.locator('select[name="type"]').selectOption('Nghị định');
      const visible = await page.locator('#bang-van-ban tbody tr:not([hidden])').count();
      expect(visible).toBeGreaterThan(0);
      expect(visible).toBeLessThan(total);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
