import { describe, expect, it } from 'vitest';
import { BROWSE_PAGE_ROWS, BROWSE_PATH, browsePageCount, browsePageRows } from '../../src/utils/browse.ts';
import { pagedPath } from '../../src/utils/paging.ts';

describe('browse table pages', () => {
  it('splits the rows into pages of BROWSE_PAGE_ROWS, in order, none lost', () => {
    const rows = Array.from({ length: 6575 }, (_, index) => index);
    const pages = browsePageCount(rows.length);
    expect(pages).toBe(Math.ceil(6575 / BROWSE_PAGE_ROWS));
    const joined = Array.from({ length: pages }, (_, index) => browsePageRows(rows, index + 1)).flat();
    expect(joined).toEqual(rows);
    expect(browsePageRows(rows, 1)).toHaveLength(BROWSE_PAGE_ROWS);
  });

  it('keeps a small table on one page at /van-ban/', () => {
    expect(browsePageCount(0)).toBe(1);
    expect(browsePageCount(92)).toBe(1);
    expect(pagedPath(BROWSE_PATH, 1)).toBe('van-ban/');
    expect(pagedPath(BROWSE_PATH, 3)).toBe('van-ban/trang/3/');
  });

  it('keeps a page under 1 MB at ~0.7 KB a row', () => {
    expect(BROWSE_PAGE_ROWS * 700).toBeLessThan(1_000_000);
  });
});
