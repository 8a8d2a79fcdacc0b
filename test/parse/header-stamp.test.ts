/**
 * A header as a PDF-to-text tool (pdftotext) gives a signed PDF: the digital-signature stamp
 * first ("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", e-mail, signing time), and the number's two halves
 * on two lines when the number was typed into a gap ("Số: 565" / "/TB-UBND"). The reader takes
 * the stamp out of a PDF itself; a .txt made by another tool keeps it, and the header must
 * still read. Texts: Quảng Ngãi's Công văn 507/UBND-KGVX and Thông báo 565/TB-UBND.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from './parse-source.ts';

const stamp = ['TRUNG TÂM CÔNG', 'BÁO VÀ TIN HỌC', 'ttcbth@quangngai.gov.vn', '18.11.2024 07:25:14', '+07:00', ''];
const notice = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH QUẢNG NGÃI',
  'Số: 565',
  '',
  '/TB-UBND',
  '',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Quảng Ngãi, ngày 15 tháng 11 năm 2024',
  '',
  'THÔNG BÁO',
  'Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên',
  'tại cuộc họp nghe báo cáo tiến độ triển khai thực hiện 02',
  'Chương trình MTQG',
  'Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Võ Phiên chủ trì cuộc họp.',
];
const letter = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH QUẢNG NGÃI',
  '',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '',
  'Số: 507/UBND-KGVX',
  'V/v triển khai thực hiện Kế hoạch',
  'Quảng Ngãi, ngày 24 tháng 01 năm 2025',
  '',
  'Kính gửi: Sở Thông tin và Truyền thông',
  'Theo đề nghị của Sở Thông tin và Truyền thông, Chủ tịch UBND tỉnh có ý kiến như sau.',
];

describe('header after a signature stamp, number split over lines', () => {
  it.each([
    ['stamp, number split', [...stamp, ...notice], 'Thông báo', '565/TB-UBND', '2024-11-15'],
    ['no stamp, number split', notice, 'Thông báo', '565/TB-UBND', '2024-11-15'],
    ['stamp, letter', [...stamp, ...letter], 'Công văn', '507/UBND-KGVX', '2025-01-24'],
  ])('%s', (_name, lines, type, number, date) => {
    const { meta } = parseText(lines.join('\n'));
    expect(meta).toMatchObject({ type, number, issuer: 'UBND tỉnh Quảng Ngãi' });
    expect(meta.date?.iso).toBe(date);
  });

  it('an e-mail in the body of a header-less text is not a stamp', () => {
    const { meta } = parseText('Mọi ý kiến xin gửi về hộp thư gopy@quangngai.gov.vn trước 10:00 ngày 20/11/2024.\nXin cảm ơn.');
    expect(meta.number).toBeNull();
  });
});
