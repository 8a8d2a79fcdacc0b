/**
 * Validity in the built site, in real Chromium under the strict CSP, at the root and under a
 * sub-path: /ra-soat/ lists Kế hoạch 1062 resting on Nghị định 13/2014/NĐ-CP, amended by
 * Nghị định 139/2020/NĐ-CP; the plan's links to it carry the state, told in words after them;
 * the metadata card sums it up and leads to /ra-soat/; /data/ra-soat.csv is the same table.
 */
import { describe, expect, it } from 'vitest';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const PLAN_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const ND_13 = 'nghi-dinh-13-2014-nd-cp';
const ND_139 = 'nghi-dinh-139-2020-nd-cp';

const browser = useBrowser();

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`validity at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('the rà soát page lists 1062 → 13/2014/NĐ-CP, amended by 139/2020/NĐ-CP before the plan', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}ra-soat/`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Rà soát hiệu lực căn cứ');
      const section = page.locator(`section[data-review-plan="${PLAN_1062}"]`);
      expect(await section.getByRole('link', { name: 'Kế hoạch 1062/KH-UBND' }).count()).toBe(1);
      const row = section.locator(`tr[data-cited="${ND_13}"]`);
      expect(await row.getAttribute('data-status')).toBe('bi-sua-doi');
      expect(await row.textContent()).toContain('Đã bị sửa đổi, bổ sung');
      expect(await row.textContent()).toContain('Đã thay đổi trước ngày văn bản');
      const changer = row.getByRole('link', { name: 'Nghị định 139/2020/NĐ-CP' });
      expect(await changer.getAttribute('href')).toBe(`${build.base}van-ban/${ND_139}/`);
      await row.getByRole('link', { name: 'Nghị định 13/2014/NĐ-CP' }).click();
      await page.waitForURL(`**${build.base}van-ban/${ND_13}/`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('the plan’s links carry the state, said in words; the card sums it up and leads to the review', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const links = page.locator(`a.citation[href="../${ND_13}/"]`);
      expect(await links.count()).toBeGreaterThan(0);
      for (const status of await links.evaluateAll((elements) =>
        elements.map((element) => element.getAttribute('data-status')),
      )) {
        expect(status).toBe('bi-sua-doi');
      }
      // Words, not colour alone: the flag after the link is text the accessibility tree has.
      const flag = page.locator(`a.citation[href="../${ND_13}/"] + .status-flag`).first();
      expect(await flag.textContent()).toBe('Đã bị sửa đổi, bổ sung');
      const card = page.locator('.meta-card');
      expect(await card.textContent()).toContain('căn cứ đã bị sửa đổi, bổ sung');
      await card.getByRole('link', { name: 'Xem rà soát' }).click();
      await page.waitForURL(`**${build.base}ra-soat/`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('/data/ra-soat.csv is UTF-8 with a BOM and has the row 1062/KH-UBND → 13/2014/NĐ-CP', async () => {
      const response = await fetch(`${served.url}data/ra-soat.csv`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toMatch(new RegExp(`\\r\\n${PLAN_1062},1062/KH-UBND,2024-04-11,can-cu,${ND_13},13/2014/NĐ-CP,bi-sua-doi,`));
    });
  });
}
