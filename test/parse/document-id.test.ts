/**
 * Document ids: independent of the file name, distinct for the same number
 * issued by two provinces, stable for drafts.
 */
import { describe, expect, it } from 'vitest';
import { documentId, type IdParts } from '../../src/pipeline/parse/document-id.ts';

const base: IdParts = {
  type: 'Kế hoạch',
  number: '07/KH-UBND',
  issuer: 'UBND tỉnh Quảng Ngãi',
  date: { iso: '2025-01-16', partial: false },
  title: 'Phát động phong trào thi đua',
  draft: false,
  sha256: 'a'.repeat(64),
};

describe('documentId', () => {
  it('builds type, number, locality and year', () => {
    expect(documentId(base)).toBe('ke-hoach-07-kh-ubnd-quang-ngai-2025');
  });

  it('keeps "07/KH-UBND" of two provinces apart', () => {
    expect(documentId({ ...base, issuer: 'UBND tỉnh Tây Ninh' })).not.toBe(documentId(base));
  });

  it('uses the whole issuer when it has no locality', () => {
    expect(documentId({ ...base, type: 'Hướng dẫn', number: '45-HD/BTCTW', issuer: 'Ban Tổ chức Trung ương' })).toBe(
      'huong-dan-45-hd-btctw-ban-to-chuc-trung-uong-2025',
    );
  });

  it('marks a draft and tells two drafts apart by their titles', () => {
    const draft = { ...base, number: null, draft: true, date: { iso: '2025-02', partial: true } };
    expect(documentId(draft)).toMatch(/^ke-hoach-du-thao-quang-ngai-2025-02-[0-9a-f]{8}$/);
    expect(documentId({ ...draft, title: 'Một kế hoạch khác' })).not.toBe(documentId(draft));
    expect(documentId(draft)).toBe(documentId({ ...draft, sha256: 'b'.repeat(64) }));
  });

  it('falls back to the file hash when a text has neither number line nor title', () => {
    const bare = { ...base, number: null, title: null, date: null, issuer: 'Bộ Công Thương', type: 'Công văn' };
    expect(documentId(bare)).toBe('cong-van-khong-so-bo-cong-thuong-aaaaaaaa');
  });
});
