import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../src/pipeline/emit/review.ts';
import {
  groupReviewPlans,
  REVIEW_PAGE_ROWS,
  REVIEW_PATH,
  splitReviewPages,
  type ReviewPlan,
} from '../../src/utils/review-pages.ts';
import { pagedPath } from '../../src/utils/paging.ts';

/** A review row of plan `plan` resting on `cited` (only the fields paging reads matter). */
function row(plan: string, cited: string): ReviewRow {
  return {
    plan: { id: plan, label: `Kế hoạch ${plan}/KH-UBND`, number: `${plan}/KH-UBND`, date: '2024-04-11' },
    relation: 'can-cu',
    cited: { id: cited, label: `Nghị định ${cited}`, number: cited },
    state: 'bi-sua-doi',
    stateThen: 'bi-sua-doi',
    timing: 'truoc',
    changers: [{ id: 'nghi-dinh-139-2020-nd-cp', label: 'Nghị định 139/2020/NĐ-CP', number: '139/2020/NĐ-CP' }],
    since: '2020-11-27',
  };
}

/** `count` plans with `perPlan(index)` rows each. */
function plans(count: number, perPlan: (index: number) => number): ReviewPlan[] {
  const rows: ReviewRow[] = [];
  for (let index = 0; index < count; index += 1) {
    for (let cited = 0; cited < perPlan(index); cited += 1) rows.push(row(String(1000 + index), `${cited}/2014/NĐ-CP`));
  }
  return groupReviewPlans(rows);
}

describe('review pages', () => {
  it('groups rows by citing document, in order, keeping every row', () => {
    const grouped = groupReviewPlans([row('1062', '13/2014/NĐ-CP'), row('1062', '21/2019/NĐ-CP'), row('1063', '13/2014/NĐ-CP')]);
    expect(grouped.map((plan) => [plan.id, plan.rows.length])).toEqual([
      ['1062', 2],
      ['1063', 1],
    ]);
    expect(grouped[0]?.label).toBe('Kế hoạch 1062/KH-UBND');
  });

  it('splits 5,000 documents into pages of at most REVIEW_PAGE_ROWS rows, whole documents, none lost', () => {
    const all = plans(5000, (index) => 1 + (index % 4));
    const pages = splitReviewPages(all);
    const rows = all.reduce((sum, plan) => sum + plan.rows.length, 0);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(rows / REVIEW_PAGE_ROWS));
    for (const page of pages) {
      expect(page.reduce((sum, plan) => sum + plan.rows.length, 0)).toBeLessThanOrEqual(REVIEW_PAGE_ROWS);
    }
    // Every page but the last is nearly full: a page closes only when the next document would not fit.
    for (const page of pages.slice(0, -1)) {
      expect(page.reduce((sum, plan) => sum + plan.rows.length, 0)).toBeGreaterThan(REVIEW_PAGE_ROWS - 4);
    }
    expect(pages.flat().map((plan) => plan.id)).toEqual(all.map((plan) => plan.id));
  });

  it('moves a document that does not fit to the next page, and splits only one longer than a page', () => {
    const pages = splitReviewPages(
      plans(4, (index) => [3, 3, 7, 2][index]!),
      5,
    );
    expect(pages.map((page) => page.map((plan) => plan.rows.length))).toEqual([[3], [3], [5], [2, 2]]);
    expect(pages.map((page) => page.map((plan) => plan.continued ?? false))).toEqual([[false], [false], [false], [true, false]]);
    expect(pages[3]![0]!.id).toBe(pages[2]![0]!.id);
    expect(pages.flat().flatMap((plan) => plan.rows)).toHaveLength(15);
  });

  it('is one page for a small corpus, one empty page for none, and names the pages', () => {
    expect(splitReviewPages(plans(5, () => 2))).toHaveLength(1);
    expect(splitReviewPages([])).toEqual([[]]);
    expect(pagedPath(REVIEW_PATH, 1)).toBe('ra-soat/');
    expect(pagedPath(REVIEW_PATH, 3)).toBe('ra-soat/trang/3/');
  });
});
