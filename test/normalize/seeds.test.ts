/**
 * `normalize` on the five seed exports: page-break repairs, residue, emphasis, and the
 * invariants of `NormalizedText`. Each table row names a real cut found in the seeds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { expectClean } from './invariants.ts';

const seeds = join(import.meta.dirname, '../../content/sources');
const seedFiles = readdirSync(seeds)
  .filter((file) => file.endsWith('.txt'))
  .sort();
const read = (prefix: string): { file: string; text: string } => {
  const file = seedFiles.find((name) => name.startsWith(prefix)) as string;
  return { file, text: readFileSync(join(seeds, file), 'utf8') };
};
const normalized = new Map(seedFiles.map((file) => [file.slice(0, 3), normalize(readFileSync(join(seeds, file), 'utf8'), file)]));
const lines = (prefix: string): string[] => (normalized.get(prefix)?.text ?? '').split('\n');

describe('normalize: every seed', () => {
  it.each(seedFiles)('%s is clean', (file) => {
    expectClean(normalize(readFileSync(join(seeds, file), 'utf8'), file));
  });

  it('warns only about the line lost at a page break of 000', () => {
    const messages = [...normalized.values()].flatMap((result) => result.messages);
    expect(messages).toMatchObject([{ file: '000_f97b9327d3f16c43.txt', level: 'warning', code: 'fragment-after-sentence' }]);
    expect(messages[0]?.message).toContain('công tác kiểm tra giám sát');
  });
});

describe('normalize: page-break repairs in the seeds', () => {
  // [seed, text that must stand on one line, what was cut]
  const joins: [string, string, string][] = [
    ['000', 'các tổ chức thành viên phát động;', 'word cut: "thành" / "viên"'],
    [
      '000',
      'có thành tích xuất sắc trong thực hiện Phong trào thi đua theo thẩm quyền.',
      'long numbered paragraph, next part capitalised',
    ],
    [
      '000',
      'tuyên truyền các gương điển hình tiên tiến. công tác kiểm tra giám sát',
      'a lower-case fragment after a full stop (text lost in the export)',
    ],
    ['000', 'Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024) và 35 năm', 'date range cut after the dash'],
    ['001', 'phong trào toàn dân bảo vệ an ninh Tổ quốc; cán bộ, công chức', 'phrase cut: "an" / "ninh Tổ quốc"'],
    ['001', 'Đài Phát thanh - Truyền hình và Báo Bình Phước', 'name cut after a dash'],
    ['001', 'các phong trào thi đua, thực hành tiết kiệm', 'word cut: "thực" / "hành"'],
    ['002', 'từng thành viên mô hình; phần đầu 100% các tuyến đường', 'next part starts with a number'],
    ['002', 'đồng bào các tôn giáo và dân tộc thiếu số ở các địa phương', 'word cut: "dân tộc" / "thiếu số"'],
    ['002', 'phương pháp phối hợp tuyên truyền, vận động', 'word cut: "tuyên" / "truyền"'],
    ['002', 'làm tốt nhiệm vụ nắm tình hình an ninh', 'clause cut'],
    ['002', '“Toàn dân đoàn kết xây dựng đời sống văn hóa”', 'cut inside a quoted name'],
    ['003', '“Dân chủ, đoàn kết, kỷ cương, sáng tạo, quyết thắng”', 'cut after a comma inside a quote'],
    ['003', 'Nâng cao chất lượng, hiệu quả công tác kiểm tra', 'cut after a comma'],
    ['003', '“Chung tay xóa nhà tạm, nhà dột nát trên phạm vi cả nước', 'word cut: "dột" / "nát"'],
    ['004', 'Tăng cường công tác phối hợp giữa các lực lượng', 'word cut: "công" / "tác"'],
    ['004', 'của Bộ Quốc phòng phục vụ hoạt động chỉ huy', 'clause cut'],
    ['004', 'vi phạm pháp luật; phối hợp với Bộ Chỉ huy quân sự', 'word cut: "pháp" / "luật"'],
    ['004', 'tổng kết thực tiễn, lịch sử và thông tin khoa học quân sự', 'list cut before "và"'],
    [
      '004',
      'V/v nâng cao năng lực tham mưu và tổ chức thực hiện công tác Quốc phòng địa phương giai đoạn 2020-2025',
      'subject over four lines',
    ],
  ];

  it.each(joins)('%s: “%s” (%s)', (seed, joined) => {
    expect(lines(seed).some((line) => line.includes(joined))).toBe(true);
  });

  // [seed, a whole line that must stay its own block]
  const kept: [string, string][] = [
    [
      '000',
      '1. Tổ chức quán triệt sâu kỹ, triển khai thực hiện có hiệu quả các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về công tác quốc phòng',
    ],
    [
      '000',
      'Bảo đảm kết hợp chặt chẽ giữa quốc phòng với kinh tế - xã hội và kinh tế - xã hội với quốc phòng theo Nghị định 164/2019/NĐ-CP của Chính phủ. Quản lý chặt chẽ, sử dụng đúng mục đích đối với đất quốc phòng, không để xảy ra lấn chiếm, vi phạm đất quốc phòng, công trình quân sự.',
    ],
    ['000', 'CHỦ TỊCH'],
    ['000', 'PHÓ CHỦ TỊCH'],
    ['000', 'Nơi nhận:'],
    ['000', '- Bộ Quốc phòng;'],
    ['001', '2.1.2. Quần chúng nhân dân:'],
    ['002', '3. Nội dung trọng tâm trong phong trào thi đua'],
    ['002', '2.3. Phong trào ở cơ quan, doanh nghiệp, cơ sở giáo dục'],
    [
      '002',
      '3. Thực hiện tốt công tác phối hợp xây dựng Phong trào toàn dân bảo vệ an ninh Tổ quốc giữa Công an với Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức Thành viên của Mặt trận',
    ],
    ['002', '2. Các cơ quan, đơn vị, địa phương, doanh nghiệp, trường học trên địa bàn tỉnh'],
    ['003', '2. Yêu cầu'],
    ['003', 'Số: /KH-UBND'],
    ['003', 'Ba Tơ, ngày tháng 02 năm 2025'],
    ['004', '7. Công tác chính sách hậu phương Quân đội, chăm lo đời sống vật chất, tinh thần'],
    ['004', 'Kính gửi:'],
    ['004', '- Sở, ban, ngành tỉnh;'],
  ];

  it.each(kept)('%s keeps “%s” as a block', (seed, line) => {
    expect(lines(seed)).toContain(line);
  });
});

describe('normalize: export residue in the seeds', () => {
  it('drops the page number "20" and the stamp "Hệ số 72 CVUB" of 004', () => {
    const text = normalized.get('004')?.text ?? '';
    expect(lines('004')).not.toContain('20');
    expect(text).not.toContain('Hệ số');
    // The signature follows the distribution list directly.
    expect(text).toContain('- Lưu: VP. Đoàn ĐBQH, HĐND và UBND tỉnh.\nCHỦ TỊCH\nPhạm Văn Tân');
  });

  it('drops the stray "/" after the closing sentence and after "Nơi nhận:" of 004', () => {
    expect(lines('004')).toContain('Nơi nhận:');
    expect(lines('004').some((line) => line.endsWith('thành phố triển khai thực hiện.'))).toBe(true);
    expect(normalized.get('004')?.text).not.toMatch(/ \/$/mu);
  });

  it('drops the typist initials "/*lsc*" of 000 and "/ *ĐKT*" of 002', () => {
    expect(lines('000').some((line) => line.endsWith('triển khai thực hiện tốt nội dung Kế hoạch này.'))).toBe(true);
    expect(lines('002').some((line) => line.endsWith('tổ chức thực hiện nghiêm túc Kế hoạch này.'))).toBe(true);
    expect(normalized.get('000')?.text).not.toContain('lsc');
    // "TĐKT" (Ban Thi đua - Khen thưởng) stays; only the initials after the slash go.
    expect(normalized.get('002')?.text).not.toMatch(/này\. ?\/|ĐKT$/mu);
  });

  it('keeps the "./." end marks, the copy count and the typist note of the distribution list', () => {
    expect(lines('001').some((line) => line.endsWith('cơ sở giáo dục triển khai thực hiện./.'))).toBe(true);
    expect(lines('002')).toContain('- Lưu: VT, BTĐ. 65');
    expect(lines('003')).toContain('- Lưu: VT, QS (Sáu).');
  });
});

describe('normalize: asterisks of the seeds become emphasis', () => {
  const spans = (prefix: string): [string, string][] => {
    const result = normalized.get(prefix);
    return (result?.emphasis ?? []).map((span) => [span.kind, result?.text.slice(span.start, span.end) ?? '']);
  };

  it('000: "***Chủ đề…**" and "**chậm nhất ngày 25/4/2024**" are strong', () => {
    expect(spans('000')).toEqual([
      ['strong', 'Chủ đề thi đua: “Chủ động, đoàn kết, mẫu mực, kỷ cương, sáng tạo, quyết thắng”.'],
      ['strong', 'chậm nhất ngày 25/4/2024'],
    ]);
    expect(lines('000')).toContain('Chủ đề thi đua: “Chủ động, đoàn kết, mẫu mực, kỷ cương, sáng tạo, quyết thắng”.');
  });

  it('001: italic headings and asides are emphasis', () => {
    expect(spans('001')).toEqual([
      ['emphasis', 'Quần chúng nhân dân:'],
      [
        'emphasis',
        'Cá nhân là cán bộ, công chức, viên chức, nhân viên, người lao động, học sinh, sinh viên của các cơ quan, doanh nghiệp, cơ sở giáo dục:',
      ],
      ['emphasis', 'từ Phó Trưởng phòng và tương đương trở lên'],
      [
        'emphasis',
        'theo quy định tại khoản 5 Điều 11 Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Bình Phước ban hành kèm theo Quyết định số 26/2020/QĐ-UBND ngày 08/10/2020 của Ủy ban nhân dân tỉnh',
      ],
      ['emphasis', 'nếu có'],
    ]);
  });

  it('003: a quoted motto and the typist name are emphasis', () => {
    expect(spans('003')).toEqual([
      ['emphasis', '“Phát huy dân chủ, tăng cường đoàn kết, giữ vững kỷ cương, đổi mới sáng tạo, hoàn thành xuất sắc nhiệm vụ”'],
      ['emphasis', 'Sáu'],
    ]);
  });
});

describe('normalize: encodings and spaces give the same output', () => {
  const { file, text } = read('000');
  const expected = normalize(text, file);

  it('an NFD copy of seed 000 gives byte-identical output', () => {
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    expect(normalize(nfd, file)).toEqual(expected);
  });

  it('CRLF and CR-only copies give the same output', () => {
    expect(normalize(text.replace(/\n/g, '\r\n'), file)).toEqual(expected);
    expect(normalize(text.replace(/\n/g, '\r'), file)).toEqual(expected);
  });

  it('odd spaces, tabs, zero-width characters, soft hyphens and a BOM are folded away', () => {
    const odd = ['\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000', '\t', ' \u00a0 '];
    let count = 0;
    const noisy = `\ufeff${text.replace(/ /g, () => odd[count++ % odd.length] as string)}`
      .replace(/thành/g, 'thà\u00adnh')
      .replace(/quốc/g, 'qu\u200bốc\u200d')
      .replace(/\n/g, '  \t\n');
    expect(normalize(noisy, file)).toEqual(expected);
  });
});
