/**
 * `normalize` on the crawled dev corpus: hard line breaks inside sentences are joined,
 * headings, list items and header/signature lines never are.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { expectClean } from './invariants.ts';

const dev = '/work/shared/corpus/dev/docs';
const files = readdirSync(dev)
  .filter((file) => file.endsWith('.txt'))
  .sort();
const results = new Map(
  files.map((file) => [file.replace(/\.txt$/u, ''), normalize(readFileSync(join(dev, file), 'utf8'), file)]),
);
const lines = (name: string): string[] => (results.get(name)?.text ?? '').split('\n');

describe('normalize: every dev document', () => {
  it.each(files)('%s is clean and has no messages', (file) => {
    const result = normalize(readFileSync(join(dev, file), 'utf8'), file);
    expectClean(result);
    expect(result.messages).toEqual([]);
  });

  it('keeps every gold citation number findable in the text (no number split or lost)', () => {
    for (const file of files) {
      const name = file.replace(/\.txt$/u, '');
      const gold = JSON.parse(readFileSync(join(dev, '../gold', `${name}.json`), 'utf8')) as {
        citations: { number: string | null }[];
      };
      const squeezed = (results.get(name)?.text ?? '').replace(/\s+/gu, '').toLowerCase();
      for (const { number } of gold.citations) {
        if (number) expect(squeezed, `${name}: ${number}`).toContain(number.replace(/\s+/gu, '').toLowerCase());
      }
    }
  });
});

describe('normalize: hard line breaks of the crawl', () => {
  // [document, text that must stand on one line, what was cut]
  const joins: [string, string, string][] = [
    ['cv_bct_giaxangdau_2025', '(sau đây gọi tắt là Nghị định số 83/2014/NĐ-CP);', 'type word / number'],
    ['cv_bct_giaxangdau_2025', 'Căn cứ Nghị quyết số 579/2018/UBTVQH14 ngày 26 tháng 9 năm 2018', 'day / month'],
    ['kh_bacninh_141_2025', 'Bắc Ninh, ngày 20 tháng 11 năm 2025', 'place-date line'],
    ['ct_quangtri_06_2025', 'Quảng Trị, ngày 25 tháng 11 năm 2025', '"ngày" / day'],
    [
      'kh_bacninh_141_2025',
      'Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND ngày 14/8/2025',
      'short first line of a paragraph',
    ],
    ['kh_bacninh_141_2025', '4. Trong giai đoạn 2026 - 2030 phấn đấu', 'year range cut before "- 2030" (not a bullet)'],
    ['kh_bacninh_141_2025', 'I. MỤC ĐÍCH, YÊU CẦU', 'heading in capitals over two lines'],
    ['kh_bacninh_141_2025', 'II. MỤC TIÊU CHỦ YẾU', 'heading in capitals over two lines'],
    ['kh_bacninh_141_2025', 'Đơn vị chủ trì thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.', 'line ending with "Các"'],
    ['qd_dongnai_2830_2025', 'Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 4499/TTr-SYT', 'issuer cut: "Sở" / "Y tế"'],
    ['hd_btctw_45_2025', 'Trưởng đoàn đại biểu Quốc hội tỉnh khóa XVII.', 'wrapped line going on in capitals'],
    ['hd_btctw_45_2025', 'Đến nhiệm kỳ 2030-2035, 2031-2036; sau khi tổng kết', 'number after a comma'],
    [
      'hd_btctw_45_2025',
      '- (Có Phụ lục 1. Xác định tuổi đối với các chức danh quy hoạch kèm theo).',
      'a lone "*" bullet becomes "-"',
    ],
    ['cv_thue_vinhlong_1539_2025', 'V/v trả lãi tiền vay cho cổ đông', 'subject line'],
  ];

  it.each(joins)('%s: “%s” (%s)', (name, joined) => {
    expect(lines(name).some((line) => line.includes(joined))).toBe(true);
  });

  // [document, a whole line that must stay its own block]
  const kept: [string, string][] = [
    ['kh_bacninh_141_2025', 'UỶ BAN NHÂN DÂN'],
    ['kh_bacninh_141_2025', 'Độc lập - Tự do - Hạnh phúc'],
    ['kh_bacninh_141_2025', 'Số: 141/KH-UBND'],
    ['kh_bacninh_141_2025', 'KẾ HOẠCH'],
    ['kh_bacninh_141_2025', '1. Mục đích'],
    ['kh_bacninh_141_2025', 'KT. CHỦ TỊCH'],
    ['kh_bacninh_141_2025', 'PHÓ CHỦ TỊCH'],
    ['kh_bacninh_141_2025', 'Nơi nhận:'],
    ['kh_bacninh_141_2025', '- Bộ Tư pháp (b/c);'],
    ['cv_thue_vinhlong_1539_2025', 'Số: 1539/VLO-QLDN3'],
    ['cv_thue_vinhlong_1539_2025', 'd) Thu nhập từ đầu tư vốn'],
    ['hd_btctw_45_2025', 'Nơi nhận:'],
    ['hd_btctw_45_2025', 'Số 45-HD/BTCTW'],
    ['kh_cantho_165_2025', '4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ'],
    ['qd_dongnai_2830_2025', 'Điều 4. Tổ chức thực hiện'],
    ['cv_bct_giaxangdau_2025', 'Mặt hàng'],
  ];

  it.each(kept)('%s keeps “%s” as a block', (name, line) => {
    expect(lines(name)).toContain(line);
  });

  it('starts a line at every list item and numbered heading of the source', () => {
    for (const file of files) {
      const name = file.replace(/\.txt$/u, '');
      const output = lines(name);
      const source = readFileSync(join(dev, file), 'utf8')
        .split('\n')
        .map((line) => line.trim());
      for (const line of source) {
        if (/^(?:- |\+ |[a-zđ]\) |\d{1,2}\. |[IVX]{1,4}\. )\p{Lu}/u.test(line)) {
          expect(
            output.some((block) => block.startsWith(line.slice(0, 30))),
            `${name}: ${line}`,
          ).toBe(true);
        }
      }
    }
  });

  it('drops the separator rules of the header ("-------")', () => {
    for (const [name, result] of results) expect(result.text, name).not.toMatch(/^-{3,}$/mu);
  });

  it('drops the lone asterisks left by the crawl (qd_dongnai "…năm 2025; *")', () => {
    expect(lines('qd_dongnai_2830_2025')).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
  });
});
