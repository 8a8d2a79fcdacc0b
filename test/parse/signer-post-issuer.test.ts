/**
 * A document with no organ line and no number code (bacgiang-kcn-bantukhai-2012-tcvn3: a
 * "Bản tự khai" under the national motto only): the signer's post names the issuing body, in
 * the fullest form the text gives it, rather than the people's committee the body mentions.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from './parse-source.ts';

const HEAD =
  'Cộng hoà xã hội Chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\nBắc Giang, ngày 07 tháng 02 năm 2012\nBản tự khai\nVề đơn kiện của Công ty Transimex Sài Gòn-Hữu Nghị\n';
const BODY =
  'Họ và tên: Nguyễn Anh Quyền- Trưởng Ban Quản lý các KCN tỉnh Bắc Giang.\n' +
  'Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được:\n' +
  '- Thông báo số 01/2011/TB-THC ngày 05/12/2011 của Toà hành chính –Toà án nhân dân tỉnh Bắc Giang thông báo về việc thụ lý vụ án;\n' +
  'nhà đầu tư đã khiếu nại lên UBND tỉnh; ngày 17/10/2011 Ban Quản lý các KCN nhận được phiếu chuyển đơn số 2374/UBND-TCD, ngày 13/10/2011 của UBND tỉnh.\n';

describe("parse: the issuer named by the signer's post", () => {
  it("spells out the post's body as the text does, with its locality", () => {
    const plan = parseText(`${HEAD}${BODY}Người khai\nTrưởng Ban Quản lý các KCN\nNguyễn Anh Quyền\n`);
    expect(plan.meta.issuer).toBe('Ban Quản lý các khu công nghiệp tỉnh Bắc Giang');
  });
  it('keeps the old inference when the post names no body', () => {
    const plan = parseText(`${HEAD}${BODY}Người khai\nNguyễn Anh Quyền\n`);
    expect(plan.meta.issuer).toBe('UBND tỉnh Bắc Giang');
  });
});
