import { describe, expect, it } from 'vitest';
import type { IssuerLevel } from '../../src/model.ts';
import { issuerLevel } from '../../src/pipeline/issuer-level.ts';

/** Real issuer strings and numbers from the seeds (and common forms), one row each. */
const table: [issuer: string | null, number: string | null, expected: IssuerLevel][] = [
  // Party central: by name, and by the "-/TW" suffix alone.
  ['Bộ Chính trị', '46-CT/TW', 'dang-trung-uong'],
  ['Ban Bí thư Trung ương Đảng (khóa XII)', '44-KL/TW', 'dang-trung-uong'],
  ['Ban Chấp hành Trung ương Đảng (khóa XI)', '28-NQ/TW', 'dang-trung-uong'],
  ['Quân ủy Trung ương', '230-NQ/QU/TW', 'dang-trung-uong'],
  [null, '606-NQ/QUTW', 'dang-trung-uong'],
  [null, '58-QĐ/TW', 'dang-trung-uong'],
  // Party local: Tỉnh ủy, Huyện ủy, Đảng ủy, and -/TU, -/HU, -/ĐU.
  ['Ban Thường vụ Tỉnh ủy', '30-CT/TU', 'dang-dia-phuong'],
  ['Tỉnh ủy', '163-KH/TU', 'dang-dia-phuong'],
  ['Đảng ủy Bộ đội Biên phòng', '681-CT/ĐU', 'dang-dia-phuong'],
  [null, '12-NQ/HU', 'dang-dia-phuong'],
  // Quốc hội.
  ['Quốc hội', '78/2015/QH13', 'quoc-hoi'],
  [null, '78/2015/QH13', 'quoc-hoi'],
  ['Ủy ban Thường vụ Quốc hội', null, 'quoc-hoi'],
  // Chính phủ.
  ['Chính phủ', '21/2019/NĐ-CP', 'chinh-phu'],
  ['Thủ tướng Chính phủ', '28/CT-TTg', 'chinh-phu'],
  [null, '799/QĐ-TTg', 'chinh-phu'],
  [null, '133/2015/ND-CP', 'chinh-phu'],
  // Bộ, ngành.
  ['Bộ Công an', '124/2021/TT-BCA', 'bo-nganh'],
  ['Bộ trưởng Bộ Công an', '510/QĐ-BCA-V05', 'bo-nganh'],
  [null, '04/CT-BCA-V28', 'bo-nganh'],
  [null, '59/2014/TT-BQP', 'bo-nganh'],
  [null, '111/2013/TT- BTC', 'bo-nganh'],
  // Province, district, commune.
  ['UBND tỉnh Tây Ninh', '1584/UBND-NCPC', 'tinh'],
  ['Ủy ban nhân dân tỉnh Quảng Ngãi', '07/KH-UBND', 'tinh'],
  ['Công an tỉnh', '19/HD-CAT-PV05', 'tinh'],
  [
    'Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh',
    '664/BCĐ-NC',
    'tinh',
  ],
  ['HĐND thành phố Hồ Chí Minh', null, 'tinh'],
  [null, '1891/KH-UBND', 'tinh'],
  ['UBND huyện Ba Tơ', null, 'huyen'],
  ['UBND thị xã Hòa Thành', null, 'huyen'],
  ['UBND xã Tân Hà', null, 'xa'],
  ['UBND phường 3', null, 'xa'],
  // Army.
  ['Tư lệnh Quân khu 7', '158/CT-BTL', 'quan-doi'],
  ['Bộ Chỉ huy quân sự tỉnh', null, 'quan-doi'],
  // Nothing known.
  ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', null, 'khac'],
  [null, null, 'khac'],
];

describe('issuerLevel', () => {
  it.each(table)('%s %s → %s', (issuer, number, expected) => {
    expect(issuerLevel(issuer, number)).toBe(expected);
  });

  it('takes the assumed level for a bare UBND number', () => {
    expect(issuerLevel(null, '07/KH-UBND', { localLevel: 'huyen' })).toBe('huyen');
  });
});
