/**
 * The page of a cited legislative act shows the reference facts, in real Chromium under the
 * strict CSP, at the root and under a sub-path: Kế hoạch 1062/KH-UBND (2024) cites "Luật Quốc
 * phòng" by title, which is Luật Quốc phòng 22/2018/QH14 on that date; its page gives the date
 * passed and in force and what it replaced (the 2005 law), in a definition list with headings.
 * Acts that are pages of the site are linked (Luật Điện lực 28/2004/QH11 and the law amending it).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const LAW = 'luat-quoc-phong';

const browser = useBrowser();

/** The facts section's definition list as term → definition text. */
async function facts(page: Page): Promise<Record<string, string>> {
  return page.locator('section[data-act-facts] dl').evaluate((list) => {
    const out: Record<string, string> = {};
    for (const term of list.querySelectorAll('dt')) {
      const definition = term.nextElementSibling;
      if (definition?.tagName === 'DD')
        out[term.textContent?.trim() ?? ''] = definition.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    }
    return out;
  });
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`legislative act facts at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('Luật Quốc phòng, cited by title in a 2024 plan, shows 22/2018/QH14: passed, in force, what it replaced', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${LAW}/`);
      const section = page.locator('section[data-act-facts]');
      // A named region: its heading labels it for screen readers.
      await expect.poll(() => page.getByRole('region', { name: 'Thông tin pháp lý (dữ liệu tham chiếu)' }).count()).toBe(1);
      const shown = await facts(page);
      expect(shown['Số hiệu']).toBe('22/2018/QH14');
      expect(shown['Ngày thông qua']).toBe('08/06/2018');
      expect(shown['Ngày có hiệu lực']).toBe('01/01/2019');
      expect(shown['Thay thế']).toBe('Luật Quốc phòng (39/2005/QH11)');
      expect(shown['Bị thay thế bởi']).toBe('Không có trong dữ liệu');
      expect(shown['Được sửa đổi, bổ sung bởi']).toContain('18/2023/QH15');
      // The 2005 law is not a page of this corpus: plain text, not a dead link.
      expect(await section.getByRole('link', { name: /39\/2005\/QH11/u }).count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('an act that is a page of the site is linked: Luật Điện lực 28/2004/QH11 → the law amending it, and back', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/luat-28-2004-qh11/`);
      const amendedBy = page.locator('section[data-act-facts] dd[data-fact="amendedBy"]');
      const link = amendedBy.getByRole('link', { name: 'Luật sửa đổi, bổ sung một số điều của Luật Điện lực (24/2012/QH13)' });
      expect(await link.getAttribute('href')).toBe(`${build.base}van-ban/luat-24-2012-qh13/`);
      await link.click();
      await page.waitForURL(`**${build.base}van-ban/luat-24-2012-qh13/`);
      const amends = page.locator('section[data-act-facts] dd[data-fact="amends"]');
      expect(await amends.getByRole('link', { name: 'Luật Điện lực (28/2004/QH11)' }).getAttribute('href')).toBe(
        `${build.base}van-ban/luat-28-2004-qh11/`,
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it('prints the facts (the section is not hidden in print)', async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${served.url}van-ban/${LAW}/`);
      expect(await page.locator('section[data-act-facts]').isVisible()).toBe(true);
      await page.close();
    });

    it('a document that is no legislative act has no such section', async () => {
      const page = await browser.newPage();
      await page.goto(`${served.url}van-ban/nghi-dinh-13-2014-nd-cp/`);
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      expect(await page.locator('section[data-act-facts]').count()).toBe(0);
      await page.close();
    });
  });
}
