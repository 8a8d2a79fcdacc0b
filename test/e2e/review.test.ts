/**
 * Validity in the built site, in real Chromium under the strict CSP, at the root and under a
 * sub-path: /ra-soat/ lists Kế hoạch 1062 resting on Nghị định 13/2014/NĐ-CP, amended by
 * Nghị định 139/2020/NĐ-CP; the plan's links to it carry the state, told in words after them;
 * the metadata card sums it up and leads to /ra-soat/; /data/ra-soat.csv is the same table.
 * The sub-path build pages the review one row at a time (`VBG_REVIEW_PAGE_ROWS=1` in
 * global-setup.ts): its pages, reached by keyboard, list every document of the CSV once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const PLAN_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const ND_13 = 'nghi-dinh-13-2014-nd-cp';
const ND_139 = 'nghi-dinh-139-2020-nd-cp';

const browser = useBrowser();

/**
 * Cells of one CSV line (RFC 4180 quoting).
 *
 * @param line A line without its line break.
 * @returns Cell values.
 */
function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell = '']) =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell,
  );
}

/**
 * Open the review page that shows an element: /ra-soat/, else each page of its pager in turn
 * (a document's rows may be split between pages).
 *
 * @param page Browser page.
 * @param url /ra-soat/ of the served build.
 * @param selector What the page must show.
 */
async function openReviewWith(page: Page, url: string, selector: string): Promise<void> {
  await page.goto(url);
  if ((await page.locator(selector).count()) > 0) return;
  const links = await page
    .locator('nav[data-review-pages="top"] a')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  for (const link of links) {
    await page.goto(link);
    if ((await page.locator(selector).count()) > 0) return;
  }
  throw new Error(`${selector} không có trên trang rà soát nào`);
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`validity at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('the rà soát page lists 1062 → 13/2014/NĐ-CP, amended by 139/2020/NĐ-CP before the plan', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await openReviewWith(page, `${served.url}ra-soat/`, `section[data-review-plan="${PLAN_1062}"] tr[data-cited="${ND_13}"]`);
      expect(await page.locator('h1').textContent()).toMatch(/^Rà soát hiệu lực căn cứ/);
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
      // "Xem rà soát" opens the review page holding the plan's first row, at its section (page 1:
      // its rows come first, at one row a page too).
      await card.getByRole('link', { name: 'Xem rà soát' }).click();
      await page.waitForURL(`**${build.base}ra-soat/#ra-soat-${PLAN_1062}`);
      expect(await page.locator(`section[data-review-plan="${PLAN_1062}"] h2`).getAttribute('id')).toBe(`ra-soat-${PLAN_1062}`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('the review’s pages list every row of ra-soat.csv once, and are walked by keyboard', async () => {
      const csv = await (await fetch(`${served.url}data/ra-soat.csv`)).text();
      const expected = csv
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => {
          const cells = csvCells(line);
          return `${cells[0]} → ${cells[4]}`;
        })
        .sort();
      expect(expected).toContain(`${PLAN_1062} → ${ND_13}`);
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}ra-soat/`);
      const pager = page.locator('nav[data-review-pages="top"]');
      const rowsHere = (): Promise<string[]> =>
        page
          .locator('section[data-review-plan] tr[data-status]')
          .evaluateAll((rows) =>
            rows.map(
              (row) =>
                `${row.closest('section')?.getAttribute('data-review-plan') ?? ''} → ${row.getAttribute('data-cited') ?? ''}`,
            ),
          );
      const heading1062 = page.locator(`section[data-review-plan="${PLAN_1062}"] h2`);
      const headings: string[] = [];
      const readHeading = async (): Promise<void> => {
        if ((await heading1062.count()) > 0) headings.push((await heading1062.textContent()) ?? '');
      };
      const seen = await rowsHere();
      await readHeading();
      if (name === 'root') {
        // The test corpus fits one page: no pager.
        expect(await pager.count()).toBe(0);
      } else {
        // One row per page: a page per row, named with the documents it lists.
        expect(await pager.getAttribute('aria-label')).toBe('Các trang của bảng rà soát');
        const count = await pager.locator('li').count();
        expect(count).toBe(expected.length);
        expect(await pager.locator('[aria-current="page"]').textContent()).toBe('Trang 1');
        expect(await pager.locator('li').nth(1).textContent()).toContain('Kế hoạch 1062/KH-UBND');
        for (let next = 2; next <= count; next += 1) {
          // Focus the next page's link and follow it with Enter, as a keyboard user does.
          await pager.getByRole('link', { name: `Trang ${next}`, exact: true }).focus();
          await page.keyboard.press('Enter');
          await page.waitForURL(`**${build.base}ra-soat/trang/${next}/`);
          expect(await page.locator('h1').textContent()).toBe(`Rà soát hiệu lực căn cứ, trang ${next}`);
          expect(await pager.locator('[aria-current="page"]').textContent()).toBe(`Trang ${next}`);
          const here = await rowsHere();
          expect(here).toHaveLength(1);
          seen.push(...here);
          await readHeading();
        }
        // 1062's rows are on pages of their own, its heading marked as continued after the first.
        const rows1062 = expected.filter((row) => row.startsWith(`${PLAN_1062} → `)).length;
        expect(rows1062).toBeGreaterThan(1);
        expect(headings).toHaveLength(rows1062);
        expect(headings.filter((heading) => heading.includes('(tiếp theo)'))).toHaveLength(rows1062 - 1);
        expect(headings[0]).not.toContain('(tiếp theo)');
      }
      expect(seen.sort()).toEqual(expected);
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
