/**
 * Certificates numbered by digits only (bacgiang-kcn-bantukhai-2012-tcvn3, whose gold lists
 * them): read after "Giấy chứng nhận … số", never a bare digit run elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';

function cited(text: string): { type: string | null; number: string | null; date: string | null; count: number }[] {
  return groupCitations(extract(text)).map((citation) => ({
    type: citation.docType,
    number: citation.number,
    date: citation.date?.iso ?? null,
    count: citation.mentions.length,
  }));
}

describe('extract: digit-only certificates', () => {
  it('reads an investment certificate with its date, every time it is named', () => {
    const text =
      'Công ty được Ban Quản lý các khu công nghiệp cấp Giấy chứng nhận đầu tư số 20221000015 ngày 14/8/2007. ' +
      'Ngày 05/9/2011, Ban đã ra Quyết định số 26/QĐ-KCN thu hồi Giấy chứng nhận đầu tư số 20221000015, ngày 14/8/2007 đã cấp cho nhà đầu tư.';
    expect(cited(text)).toEqual([
      { type: 'Giấy chứng nhận đầu tư', number: '20221000015', date: '2007-08-14', count: 2 },
      { type: 'Quyết định', number: '26/QĐ-KCN', date: null, count: 1 },
    ]);
  });
  it('reads an enterprise registration certificate', () => {
    expect(cited('theo Giấy chứng nhận đăng ký doanh nghiệp số 0301234567 do Sở Kế hoạch và Đầu tư cấp')).toEqual([
      { type: 'Giấy chứng nhận đăng ký doanh nghiệp', number: '0301234567', date: null, count: 1 },
    ]);
  });
  it.each([
    ['a short number', 'Giấy chứng nhận số 12 của Hội đồng'],
    ['a number with a code (read as a số ký hiệu, not here)', 'Giấy chứng nhận số 123456/GCN-SKHĐT ngày 02/3/2020'],
    ['a bare digit run', 'mã số thuế 0301234567 của doanh nghiệp'],
  ])('leaves %s alone', (_label, text) => {
    expect(cited(text).filter((citation) => /^\d+$/u.test(citation.number ?? ''))).toEqual([]);
  });
});
