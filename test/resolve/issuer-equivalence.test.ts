import { describe, expect, it } from 'vitest';
import { conflictingIssuers, issuerKey, sameIssuer } from '../../src/pipeline/resolve/issuer-equivalence.ts';

// Issuers as the seed plans and the shared corpus write them.
const same: readonly (readonly [string, string])[] = [
  ['Bộ Chính trị', 'Bộ Chính trị (khóa XI)'],
  ['Bộ Chính trị', 'Bộ chính trị'],
  ['Ban Chấp hành Trung ương Khóa XII', 'Ban Chấp hành Trung ương'],
  ['Ban Chấp hành Trung ương đảng khóa XIII', 'Ban Chấp hành Trung ương Đảng'],
  ['Bộ Công an', 'Bộ trưởng Bộ Công an'],
  ['Bộ Y tế', 'Bộ Trưởng Bộ Y tế'],
  ['Bộ Công Thương', 'Bộ trưởng Bộ Công Thương'],
  ['Chính phủ', 'Thủ tướng Chính phủ'],
  ['Chính phủ', 'Thủ tướng'],
  ['Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh'],
  ['UBND tỉnh', 'Ủy ban nhân dân tỉnh Bình Phước'],
  ['UBND tỉnh, Chủ tịch UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
  ['Sở Nội vụ', 'Sở Nội vụ tỉnh Lâm Đồng'],
  ['Sở Tư pháp', 'Giám đốc Sở Tư pháp'],
  ['Ban Bí thư', 'Ban Bí thư Trung ương Đảng (khóa XII)'],
  ['Liên Bộ Công Thương - Tài chính', 'Liên Bộ tài chính - Công Thương'],
  ['Bộ Chính trị', 'Bộ Chính trị, Ban Bí thư'],
  ['Toà án nhân dân tỉnh Bắc Giang', 'Tòa án nhân dân tỉnh Bắc Giang'],
  ['Bộ Lao động - Thương binh và Xã hội', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội'],
];

const different: readonly (readonly [string, string])[] = [
  ['Bộ Chính trị', 'Ban Bí thư'],
  ['Bộ Công an', 'Bộ Quốc phòng'],
  ['Bộ Tài chính', 'Bộ Y tế'],
  ['Bộ Chính trị (khóa XI)', 'Bộ Chính trị (khóa XII)'],
  ['Quốc hội', 'Chính phủ'],
  ['Chủ tịch nước', 'Chính phủ'],
  ['UBND tỉnh Lâm Đồng', 'UBND tỉnh Đồng Nai'],
  ['Sở Nội vụ', 'Sở Y tế'],
  ['Liên Bộ Công Thương - Tài chính', 'Bộ Y tế'],
];

describe('sameIssuer', () => {
  it.each(same)('reads "%s" and "%s" as one body', (a, b) => {
    expect(sameIssuer(a, b)).toBe(true);
    expect(sameIssuer(b, a)).toBe(true);
  });

  it.each(different)('keeps "%s" and "%s" apart', (a, b) => {
    expect(sameIssuer(a, b)).toBe(false);
    expect(sameIssuer(b, a)).toBe(false);
  });
});

describe('issuerKey', () => {
  it('drops the head title only before a body', () => {
    expect(issuerKey('Bộ trưởng Bộ Công an')).toBe('bo cong an');
    expect(issuerKey('Thủ tướng Chính phủ')).toBe('chinh phu');
    expect(issuerKey('Chủ tịch nước')).toBe('chu tich nuoc');
    expect(issuerKey('Bộ Chính trị khoá XI')).toBe('bo chinh tri');
  });
});

describe('conflictingIssuers', () => {
  it('finds no conflict in the seed site issuers written two ways', () => {
    expect(conflictingIssuers(['Bộ Chính trị', 'Bộ Chính trị (khóa XI)'])).toEqual([]);
    expect(conflictingIssuers(['Bộ Công an', 'Bộ trưởng Bộ Công an'])).toEqual([]);
  });

  it('names every issuer involved in a real conflict, in a stable order', () => {
    expect(conflictingIssuers(['Bộ Chính trị', 'Ban Bí thư', 'Bộ Chính trị (khóa XII)'])).toEqual([
      'Ban Bí thư',
      'Bộ Chính trị',
      'Bộ Chính trị (khóa XII)',
    ]);
  });
});
