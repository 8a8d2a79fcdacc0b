/**
 * A Party document headed only "BAN CHẤP HÀNH TRUNG ƯƠNG" is issued by the body it is signed
 * for ("T/M BAN BÍ THƯ"), named as its enacting clause names itself (holdout3 qd_tw_384).
 */
import { describe, expect, it } from 'vitest';
import { signingBodyIssuer } from '../../src/pipeline/parse/signing-body.ts';
import { parseText } from './parse-source.ts';

const HEADER =
  'BAN CHẤP HÀNH\nTRUNG ƯƠNG\nĐẢNG CỘNG SẢN\nVIỆT NAM\n---------------\nSố 384-QĐ/TW\nHà Nội, ngày 19\ntháng 11 năm 2025\n\nQUY ĐỊNH\n\nVỀ KẾT NỐI DỮ LIỆU\n\n';

describe('signingBodyIssuer', () => {
  it('takes the T/M body with the "Trung ương Đảng" its enacting clause adds', () => {
    const text = `${HEADER}- Căn cứ Điều lệ Đảng;\n\nBan Bí thư Trung ương Đảng quy định như sau:\n\nĐiều 1. Nội dung.\n\nNơi nhận:\n- Các tỉnh ủy,\n- Lưu Văn phòng Trung ương Đảng.\nT/M BAN BÍ THƯ\nTrần Cẩm Tú\n`;
    expect(parseText(text).meta.issuer).toBe('Ban Bí thư Trung ương Đảng');
  });

  it('uses the plain name when the text adds nothing', () => {
    expect(
      signingBodyIssuer('Ban Chấp hành Trung ương', { position: 'T/M BỘ CHÍNH TRỊ', name: 'X' }, 'Bộ Chính trị yêu cầu:'),
    ).toBe('Bộ Chính trị');
    expect(signingBodyIssuer('Ban Chấp hành Trung ương', { position: 'T/M BỘ CHÍNH TRỊ', name: 'X' }, '')).toBe('Bộ Chính trị');
  });

  it('keeps the header issuer for any other header or signature', () => {
    expect(signingBodyIssuer('Ban Tổ chức Trung ương', { position: 'T/M BAN BÍ THƯ', name: 'X' }, '')).toBeNull();
    expect(signingBodyIssuer('Ban Chấp hành Trung ương', { position: 'T/M BAN CHẤP HÀNH TRUNG ƯƠNG', name: 'X' }, '')).toBeNull();
    expect(signingBodyIssuer('Ban Chấp hành Trung ương', { position: 'K/T TRƯỞNG BAN', name: 'X' }, '')).toBeNull();
    expect(signingBodyIssuer('Ban Chấp hành Trung ương', null, '')).toBeNull();
  });
});
