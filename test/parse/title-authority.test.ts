/**
 * An authority line run onto the end of a normal-case trích yếu is split off, and looking
 * for it stays linear: a long title line of capitals ending in lower case (a real .doc's
 * 4 KB paragraph) once took minutes in a backtracking regex.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';

const header = (title: string): string =>
  [
    'ỦY BAN NHÂN DÂN',
    'TỈNH LÂM ĐỒNG',
    'Số: 15/QĐ-UBND',
    'Lâm Đồng, ngày 21 tháng 8 năm 2025',
    'QUYẾT ĐỊNH',
    title,
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'QUYẾT ĐỊNH:',
    'Điều 1. Thành lập Tổ giúp việc.',
  ].join('\n');

function parsed(title: string) {
  return parse({ file: 'qd.txt', sha256: '0'.repeat(64), normalized: normalize(header(title), 'qd.txt') });
}

describe('an authority line after the trích yếu', () => {
  it('is split off a normal-case title', () => {
    const plan = parsed('Về việc thành lập Tổ giúp việc Ban Chỉ đạo tỉnh Lâm Đồng CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG');
    expect(plan.meta.title).toBe('Về việc thành lập Tổ giúp việc Ban Chỉ đạo tỉnh Lâm Đồng');
    expect(plan.meta.number).toBe('15/QĐ-UBND');
  });

  it('takes bounded time on a long line of capitals that ends in lower case', () => {
    const start = performance.now();
    const plan = parsed(`Về việc ${'THÀNH LẬP TỔ GIÚP VIỆC CCHC, CĐS VÀ ĐỀ ÁN 06 '.repeat(60)}của tỉnh`);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(plan.meta.type).toBe('Quyết định');
  });
});
