/**
 * Pages built from real Word and PDF files (test/fixtures/e2e-corpus/tep-goc/: Luật
 * 28/2018/QH14 as .docx, Công văn 11902/BNV-TCPCP as a text PDF), read in real Chromium at
 * the root and under a sub-path: the metadata card names the format, the original file is
 * served byte for byte, and a citation link leads to the cited document's page and back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, ROOT, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/e2e-corpus/tep-goc');
const LAW_28 = 'luat-28-2018-qh14-quoc-hoi-2018';
const CV_11902 = 'cong-van-11902-bnv-tcpcp-bo-noi-vu-2025';
const ND_126 = 'nghi-dinh-126-2024-nd-cp';

const browser = useBrowser();

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`pages from Word and PDF at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('shows a .docx law with its format, its original file and its citations', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${LAW_28}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('28/2018/QH14');
      const card = page.locator('section[aria-labelledby="thong-tin"]');
      expect(await card.textContent()).toContain('Word .docx');
      const original = card.locator('a[download]');
      const href = (await original.getAttribute('href')) ?? '';
      expect(href).toBe(`${build.base}data/goc/${LAW_28}.docx`);
      const response = await page.request.get(new URL(href, served.url).toString());
      expect(response.ok()).toBe(true);
      expect(Buffer.from(await response.body()).equals(readFileSync(path.join(FIXTURES, 'luat-28-2018-qh14.docx')))).toBe(true);
      // The law amends eleven laws, each a citation link.
      expect(await page.locator('.plan-text a.citation').count()).toBeGreaterThanOrEqual(11);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('follows a citation from a PDF letter to the cited decree and back to the exact mention', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${CV_11902}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('11902/BNV-TCPCP');
      expect(await page.locator('section[aria-labelledby="thong-tin"]').textContent()).toMatch(/PDF, 1 trang/u);
      await page.locator(`a.citation[href="../${ND_126}/"]`).first().click();
      await page.waitForURL(`**${build.base}van-ban/${ND_126}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('126/2024/NĐ-CP');
      const citedBy = page.locator('section[aria-labelledby="duoc-dan-chieu-boi"]');
      await citedBy.locator(`a[href*="van-ban/${CV_11902}/#trich-dan-"]`).first().click();
      await page.waitForURL(`**${build.base}van-ban/${CV_11902}/#trich-dan-*`);
      const anchor = new URL(page.url()).hash.slice(1);
      expect(await page.locator(`[id="${anchor}"]`).getAttribute('href')).toBe(`../${ND_126}/`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('lists every file with its format in the ingest report', async () => {
      const page = await browser.newPage();
      await page.goto(`${served.url}kiem-tra/`);
      const rows = page.locator('tr', { hasText: 'tep-goc/' });
      expect(await rows.count()).toBe(2);
      const text = (await rows.allTextContents()).join('\n');
      expect(text).toContain('Word .docx');
      expect(text).toContain('PDF');
      await page.close();
    });
  });
}
