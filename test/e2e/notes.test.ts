/**
 * Authored MDX in the built site, at the root and under a sub-path, with the strict CSP:
 * the editor's note of Kế hoạch 1062 (`content/notes/ke-hoach-1062-kh-ubnd-tay-ninh-2024.mdx`)
 * shows as "Ghi chú" with its "Nghị định số 21/2019/NĐ-CP" linked (by `remarkCitations`) to
 * the decree's page, and `<VanBan so="46-CT/TW" />` linked by number; the user guide
 * (`content/pages/huong-dan.mdx`) is built and reached from the footer of every page.
 */
import { describe, expect, it } from 'vitest';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';

const PLAN_1062 = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const ND_21 = 'nghi-dinh-21-2019-nd-cp';
const CT_46 = 'chi-thi-46-ct-tw-2015';

const browser = useBrowser();

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`authored MDX at ${build.base} (${name})`, () => {
    const served = useServedBuild(build);

    it('shows the note of Kế hoạch 1062 with its citations linked, and follows one', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${PLAN_1062}/`);
      const note = page.locator('section.document-note');
      expect(await note.count()).toBe(1);
      expect(await note.getByRole('heading', { level: 2 }).textContent()).toBe('Ghi chú');
      // Found by the extractor in the note's own words, linked to the decree's page.
      const decree = note.getByRole('link', { name: 'Nghị định số 21/2019/NĐ-CP' });
      expect(await decree.getAttribute('href')).toBe(`${build.base}van-ban/${ND_21}/`);
      expect(await decree.getAttribute('title')).toContain('khu vực phòng thủ');
      // Linked by number with the component, labelled as the site labels the document.
      const directive = note.locator(`a.document-ref[href="${build.base}van-ban/${CT_46}/"]`);
      expect((await directive.textContent())?.trim()).toBe('Chỉ thị 46-CT/TW');
      expect(await note.textContent()).toContain('Người ghi: Văn phòng UBND tỉnh, cập nhật 06/05/2024');
      await decree.click();
      await page.waitForURL(`**${build.base}van-ban/${ND_21}/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('21/2019/NĐ-CP');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('has no note on a document without one', async () => {
      const page = await browser.newPage();
      await page.goto(`${served.url}van-ban/${ND_21}/`);
      expect(await page.locator('section.document-note').count()).toBe(0);
      await page.close();
    });

    it('builds the user guide and links it from the footer', async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(served.url);
      await page.locator('footer').getByRole('link', { name: 'Hướng dẫn sử dụng' }).click();
      await page.waitForURL(`**${build.base}huong-dan/`);
      expect(await page.locator('h1').textContent()).toBe('Hướng dẫn sử dụng');
      const headings = await page.locator('main h2').allTextContents();
      expect(headings).toEqual(['Dành cho cán bộ, công chức', 'Dành cho người phụ trách công nghệ thông tin']);
      for (const topic of [
        'Tìm kiếm',
        'Đồ thị trích dẫn',
        'Dấu hiệu lực',
        'Thêm văn bản',
        'Cài OCR cho bản quét',
        'Triển khai dưới một đường dẫn con',
      ]) {
        expect(await page.locator('main h3', { hasText: topic }).count(), topic).toBe(1);
      }
      // Its citations are linked like the notes'.
      const decree = page.locator(`main a.citation[href="${build.base}van-ban/${ND_21}/"]`);
      expect(await decree.count()).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).toContain('SITE_BASE=/van-ban/ npm run build');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
