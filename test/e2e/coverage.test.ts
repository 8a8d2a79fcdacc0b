/**
 * Coverage in the built site, in real Chromium under the strict CSP, at the root and under a
 * sub-path: /trien-khai/ (linked as "Triển khai" from the header) shows Chỉ thị 32/CT-UBND
 * implemented by Kế hoạch 1062/KH-UBND after 70 days; its filters are static pages that work
 * without JavaScript (level, year, issuer, pages), and its quick filter narrows the rows of a
 * page with it (by level, and by issuer, "chưa thấy" rows naming several issuers included);
 * "chưa thấy văn bản triển khai" is said; the document page's "Triển khai"
 * section has the timeline SVG, on screen and in print; related documents are listed.
 */
import { describe, expect, it } from 'vitest';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const CT_32 = 'chi-thi-32-ct-ubnd-tay-ninh-2024';
const KH_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';

const browser = useBrowser();

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`coverage at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('is linked from the header and shows Chỉ thị 32/CT-UBND implemented by 1062 after 70 days', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(served.url);
      await page.locator('.site-nav').getByRole('link', { name: 'Triển khai' }).click();
      await page.waitForURL(`**${build.base}trien-khai/`);
      expect(await page.locator('h1').textContent()).toBe('Triển khai văn bản');
      expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toContain('Triển khai');
      // The entry may be on a later page: follow the pages until it is found.
      let entry = page.locator(`[data-coverage-doc="${CT_32}"]`);
      while ((await entry.count()) === 0) {
        await page.locator('[data-coverage-pager] a[rel="next"]').first().click();
        await page.waitForLoadState();
        entry = page.locator(`[data-coverage-doc="${CT_32}"]`);
      }
      const row = entry.locator('tr[data-issuer="ubnd-tinh-tay-ninh"]');
      expect(await row.getByRole('link', { name: 'Kế hoạch 1062/KH-UBND' }).getAttribute('href')).toBe(
        `${build.base}van-ban/${KH_1062}/`,
      );
      expect(await row.textContent()).toContain('sau 70 ngày');
      expect(await row.textContent()).toContain('11/04/2024');
      const csv = await (await page.request.get(`${served.url}data/trien-khai.csv`)).text();
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain(
        `${CT_32},Chỉ thị,32/CT-UBND,UBND tỉnh Tây Ninh,2024-02-01,${KH_1062},Kế hoạch,1062/KH-UBND,UBND tỉnh Tây Ninh,ubnd-tinh,2024-04-11,70,70,70,`,
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it('works without JavaScript: filter links lead to static pages of that level, year or issuer', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${served.url}trien-khai/`);
      // The quick filter needs the script: hidden; every row shown.
      expect(await page.locator('form[data-coverage-filter]').isVisible()).toBe(false);
      expect(await page.locator('[data-coverage-doc] tr[data-level]:visible').count()).toBe(
        await page.locator('[data-coverage-doc] tr[data-level]').count(),
      );
      // By level.
      await page.locator('[data-coverage-links] a[data-filter-level="so-nganh"]').click();
      await page.waitForURL(`**${build.base}trien-khai/cap/so-nganh/`);
      const levels = await page
        .locator('[data-coverage-doc] tr[data-level]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-level')));
      expect(levels.length).toBeGreaterThan(0);
      expect(new Set(levels)).toEqual(new Set(['so-nganh']));
      expect(await page.locator('[data-coverage-current]').textContent()).toContain('Sở, ban, ngành tỉnh');
      // By year.
      await page.locator('[data-coverage-links] a[data-filter-year="2024"]').click();
      await page.waitForURL(`**${build.base}trien-khai/nam/2024/`);
      const years = await page
        .locator('[data-coverage-doc]')
        .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-year')));
      expect(new Set(years)).toEqual(new Set(['2024']));
      expect(await page.locator(`[data-coverage-doc="${CT_32}"]`).count()).toBe(1);
      // By issuer, through the list of issuers: what Bình Phước implemented, and what it has not been seen to.
      await page.locator('[data-coverage-links] a[data-filter-issuers]').click();
      await page.waitForURL(`**${build.base}trien-khai/co-quan/`);
      await page.getByRole('link', { name: 'UBND tỉnh Bình Phước' }).click();
      await page.waitForURL(`**${build.base}trien-khai/co-quan/ubnd-tinh-binh-phuoc/`);
      // An issuer's view is one table, a row per document: every row of the page is its own.
      const issuers = await page
        .locator('tr[data-level]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-issuer')));
      expect(issuers.length).toBeGreaterThan(0);
      expect(new Set(issuers)).toEqual(new Set(['ubnd-tinh-binh-phuoc']));
      const none = page.locator('tr[data-coverage-doc="chi-thi-09-ct-tw-2011"][data-state="chua"]');
      expect(await none.textContent()).toContain('chưa thấy văn bản triển khai');
      const done = page.locator('tr[data-coverage-doc][data-state="co"]');
      expect(await done.count()).toBeGreaterThan(0);
      // Pages.
      await page.goto(`${served.url}trien-khai/`);
      const next = page.locator('[data-coverage-pager] a[rel="next"]');
      if ((await next.count()) > 0) {
        const first = await page.locator('[data-coverage-doc]').first().getAttribute('data-coverage-doc');
        await next.first().click();
        await page.waitForURL(`**${build.base}trien-khai/trang/2/`);
        expect(await page.locator('[data-coverage-doc]').first().getAttribute('data-coverage-doc')).not.toBe(first);
      }
      await context.close();
    });

    it('with JavaScript, the quick filter narrows the rows of the page by level and issuer', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}trien-khai/`);
      const form = page.locator('form[data-coverage-filter]');
      await expect.poll(() => form.isVisible()).toBe(true);
      const total = await page.locator('[data-coverage-doc]').count();
      expect(await form.locator('[data-coverage-status]').textContent()).toBe(
        `${total}/${total} văn bản trong trang này khớp bộ lọc.`,
      );
      await form.locator('select[name="level"]').selectOption('so-nganh');
      const visible = await page
        .locator('[data-coverage-doc] tr[data-level]:visible')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-level')));
      expect(visible.length).toBeGreaterThan(0);
      expect(new Set(visible)).toEqual(new Set(['so-nganh']));
      const shown = await page.locator('[data-coverage-doc]:visible').count();
      expect(shown).toBeLessThan(total);
      expect(await form.locator('[data-coverage-status]').textContent()).toBe(
        `${shown}/${total} văn bản trong trang này khớp bộ lọc.`,
      );
      // By issuer: its implementing rows and the "chưa thấy" rows naming it among others.
      await form.locator('select[name="level"]').selectOption('');
      await form.locator('select[name="issuer"]').selectOption('ubnd-tinh-binh-phuoc');
      const byIssuer = await page
        .locator('[data-coverage-doc] tr[data-level]:visible')
        .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-issuer'), row.getAttribute('data-state')]));
      expect(byIssuer.length).toBeGreaterThan(0);
      expect(byIssuer.every(([slugs]) => (slugs ?? '').split(' ').includes('ubnd-tinh-binh-phuoc'))).toBe(true);
      expect(byIssuer.some(([, state]) => state === 'chua')).toBe(true);
      await form.locator('button[type="reset"]').click();
      await expect.poll(() => page.locator('[data-coverage-doc]:visible').count()).toBe(total);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('the implemented document’s page has the "Triển khai" section and its timeline, on screen and in print', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${CT_32}/`);
      const section = page.locator('section[data-implementation]');
      expect(await section.locator('h2').textContent()).toBe('Triển khai');
      const row = section.locator(`tr[data-implementing="${KH_1062}"]`);
      expect(await row.locator('[data-delay]').textContent()).toBe('sau 70 ngày');
      expect(await section.locator('h3').first().textContent()).toContain('UBND, HĐND tỉnh');
      const svg = section.locator('svg[role="img"]');
      expect(await svg.getAttribute('aria-labelledby')).toBe('trien-khai-dong-thoi-gian-tieu-de trien-khai-dong-thoi-gian-mo-ta');
      expect(await page.locator('#trien-khai-dong-thoi-gian-tieu-de').textContent()).toBe(
        'Dòng thời gian triển khai Chỉ thị 32/CT-UBND',
      );
      expect(await svg.textContent()).toContain('1062/KH-UBND · sau 70 ngày');
      expect((await svg.boundingBox())?.width).toBeGreaterThan(200);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await svg.isVisible()).toBe(true);
      const printed = await svg.boundingBox();
      expect(printed?.width).toBeGreaterThan(200);
      expect(printed?.height).toBeGreaterThan(50);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('a plan’s page lists related documents with the shared ones', async () => {
      const page = await browser.newPage();
      await page.goto(`${served.url}van-ban/ke-hoach-860-kh-ubnd-tay-ninh-2024/`);
      const related = page.locator('section[data-related]');
      expect(await related.locator('h2').textContent()).toBe('Văn bản liên quan');
      const item = related.locator('li[data-related-doc="ke-hoach-31-kh-ubnd-binh-phuoc-2023"]');
      expect(await item.textContent()).toContain('Kết luận 44-KL/TW');
      expect(await item.textContent()).toContain('Thông tư 124/2021/TT-BCA');
      await page.close();
    });
  });
}
