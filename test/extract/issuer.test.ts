/**
 * Issuers after "của": real strings, a comment per row. Bodies named by their lower-case
 * remit ("Ban Chỉ đạo phòng, chống …") keep the whole name; others stop where the name ends.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';

const ROWS: [comment: string, text: string, issuer: string][] = [
  [
    'seed 001: a steering committee named by its remit, with a comma inside',
    'Công văn số 664/BCĐ-NC ngày 28/3/2022 của Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh về việc triển khai thực hiện.',
    'Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh',
  ],
  [
    'seed 002: "Phòng, chống" written with a capital and a comma',
    'Kế hoạch số 395/KH-BCĐ ngày 05/02/2024 của Ban Chỉ đạo Phòng, chống tội phạm, tệ nạn xã hội tỉnh về xây dựng phong trào.',
    'Ban Chỉ đạo Phòng, chống tội phạm, tệ nạn xã hội tỉnh',
  ],
  [
    'a council of the people is not remit-named: the name ends before the verb',
    'Nghị quyết số 27/2023/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh Trà Vinh sửa đổi, bổ sung Điều 3.',
    'Hội đồng nhân dân tỉnh Trà Vinh',
  ],
  [
    'a Party board with a lower-case word of its name',
    'Hướng dẫn số 31-HD/BTGTW ngày 02/01/2025 của Ban Tuyên giáo Trung ương về công tác.',
    'Ban Tuyên giáo Trung ương',
  ],
  [
    'a ministry whose name holds "và"',
    'Thông tư số 25/2014/TT-BTNMT ngày 19/5/2014 của Bộ Tài nguyên và Môi trường quy định về bản đồ.',
    'Bộ Tài nguyên và Môi trường',
  ],
  [
    'holdout2: a Party board whose name holds "và"',
    'Quyết định số 907-QĐ/BTGDVTW ngày 01/10/2025 của Ban Tuyên giáo và Dân vận Trung ương về việc ban hành.',
    'Ban Tuyên giáo và Dân vận Trung ương',
  ],
  [
    '"và" before the next citation ends the issuer',
    'Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch số 12/KH-UBND của UBND tỉnh.',
    'Chính phủ',
  ],
  [
    'the Government, then the subject',
    'Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về khu vực phòng thủ;',
    'Chính phủ',
  ],
];

describe('issuer after "của"', () => {
  it.each(ROWS)('%s', (_comment, text, issuer) => {
    expect(extract(text)[0]?.issuer).toBe(issuer);
  });
});
