/**
 * Numbers that are not citations (number fields, examples of a format) and number spellings
 * with typos, on real sentences: Hướng dẫn 36-HD/VPTW (a guide on how to write Party numbers),
 * Công văn 8977/BNV-TCPCP, Quyết định 09/2010/QĐ-UBND of Cần Thơ, and counter-examples where a
 * sentence opened by "Ví dụ" names a real document.
 */
import { describe, expect, it } from 'vitest';
import { extract, matchDocumentNumbers } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';

/** Numbers of the distinct documents a text cites. */
function cited(text: string, ownNumber: string | null = null): (string | null)[] {
  return groupCitations(extract(text, { ownNumber })).map((citation) => citation.number ?? citation.name);
}

const examples: [string, string, (string | null)[]][] = [
  // vptw-hd-36-2018: the caption on one line, the specimen field on the next.
  [
    'caption then a specimen field',
    '+ Ký hiệu tên cơ quan ban hành văn bản của đại hội đảng các cấp ghi chung chữ viết tắt là "ĐH". Ví dụ 1: Báo cáo của đại hội\nSố 16-BC/ĐH\nVí dụ 2: Biên bản của ban kiểm phiếu\nSố 18-BB/ĐH\n',
    [],
  ],
  [
    'joint issuers in a specimen',
    '+ Ký hiệu tên cơ quan ban hành văn bản của liên cơ quan ban hành ghi chữ viết tắt tên các cơ quan, tổ chức ban hành văn bản. Ví dụ: Quy chế của liên cơ quan ban tổ chức tỉnh uỷ và ban dân vận tỉnh uỷ\nSố 05-QC/BTCTU-BDVTU\nKý hiệu một số tên cơ quan ban hành văn bản thống nhất như sau:\n',
    [],
  ],
  [
    '"Ví dụ:" alone, then the field and a subject',
    'Riêng trích yếu nội dung văn bản của tên loại công văn trình bày dưới số và ký hiệu văn bản (ô số 5b, Phụ lục 1). Ví dụ:\nSố 268-CV/VPTU\nChuẩn bị hội nghị trực tuyến quán triệt Nghị quyết Trung ương 6 khoá XII\n',
    [],
  ],
  // The specimen column of the formatting table (one cell, two fields).
  [
    'table cell of specimen fields',
    '3.\nSố và ký hiệu văn bản, bản sao\nIn thường\n14\nĐứng\nSố 127-QĐ/TW; Số 24-BS/UBKTTU\n4.\n',
    [],
  ],
  // A bare number after the cue, in the same sentence.
  ['bare number after "chẳng hạn"', 'Số và ký hiệu ghi liền nhau, chẳng hạn 15-HD/TU hoặc 357-CV/BTCTU.', []],
  // The same guide's real citation: type word and "số".
  [
    'real citation in the same guide',
    '1. Hướng dẫn này có hiệu lực từ ngày ký, thay thế Hướng dẫn số 11-HD/VPTW, ngày 28/5/2004 của Văn phòng Trung ương Đảng hướng dẫn về thể thức văn bản của Đảng và Công văn số 2587-CV/VPTW/nb, ngày 25/5/2010 của Văn phòng Trung ương Đảng.',
    ['11-HD/VPTW', '2587-CV/VPTW/nb'],
  ],
  // "Ví dụ" naming a real document keeps it: the type word is right before the number.
  [
    'example naming a real document',
    'Ví dụ: Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ quy định thể thức văn bản.',
    ['30/2020/NĐ-CP'],
  ],
  [
    'example with "Type của issuer số"',
    'Ví dụ như văn bản của Bộ Nội vụ số 1234/BNV-CCVC ngày 02/3/2021 đã hướng dẫn.',
    ['1234/BNV-CCVC'],
  ],
  // A specimen of a number the text also cites for real: counted (both mentions).
  [
    'specimen of a number also cited',
    'Thực hiện Hướng dẫn số 15-HD/TU ngày 02/3/2018 của Tỉnh uỷ.\nVí dụ 2: Hướng dẫn của tỉnh uỷ\nSố 15-HD/TU\n',
    ['15-HD/TU'],
  ],
  // A second document's header inside the file (phutho-ubnd-cv-4532 scan, page 2).
  [
    'header field of another document',
    'UBND TỈNH PHÚ THỌ\nVĂN PHÒNG\nSố: 620/VP-KSTTHC Phú Thọ, ngày 07 tháng 12 năm 2011\nCăn cứ Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh;',
    ['4532/UBND-KSTTHC'],
  ],
  // A list in a table cell with a date is not a bare field: still a citation.
  ['number with its date after "Số"', 'Danh mục văn bản:\nSố 45/QĐ-UBND ngày 12/3/2020 của UBND tỉnh về quy chế', ['45/QĐ-UBND']],
];

describe('extract: number fields and examples are not citations', () => {
  for (const [label, text, want] of examples) {
    it(label, () => {
      expect(cited(text)).toEqual(want);
    });
  }
});

const spellings: [string, string, string[]][] = [
  // cantho-qd-09-2010: underscore typed for the hyphen; kept as written.
  [
    'underscore for a hyphen',
    'Căn cư Quyết định số 10/2007/QĐ_BKHCN ngày 11 tháng 5 năm 2007 của Bộ Khoa học và Công nghệ',
    ['10/2007/QĐ_BKHCN'],
  ],
  // bnv-cv-8977-2025: a space for the hyphen of a Party number, after its own type word.
  [
    'space for a Party hyphen',
    'thực hiện theo Kết luận 174 KL/TW ngày 4/7/2025, Kết luận 177-KL/TW, ngày 11/7/2025',
    ['174KL/TW', '177-KL/TW'],
  ],
  ['space for a Party hyphen after "số"', 'Nghị quyết số 18 NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương', ['18NQ/TW']],
  // vptw-hd-36-2018: lower-case initials after a further slash.
  ['lower-case tail', 'và Công văn số 2587-CV/VPTW/nb, ngày 25/5/2010 của Văn phòng Trung ương Đảng', ['2587-CV/VPTW/nb']],
  ['lower-case tail on a state number', 'Công văn số 1234/UBND-VX/tn ngày 02/3/2021', ['1234/UBND-VX/tn']],
];

const notNumbers: [string, string][] = [
  // A count before a code is not a spaced Party number: the type word must be the code's.
  ['count before a code', 'đã tiếp nhận 5 CN/TW trong tháng'],
  ['code of another type', 'theo Kết luận 174 QĐ/TW'],
  ['no type word', 'đạt 174 KL/TW'],
  // "/ngày" is not a tail: a word goes on after the letters.
  ['slash then a word', 'số 12/QĐ-UBND/ngày'],
];

describe('extract: number spellings with typos', () => {
  for (const [label, text, want] of spellings) {
    it(label, () => {
      expect(matchDocumentNumbers(text).map((match) => match.number)).toEqual(want);
      expect(cited(text)).toEqual(want);
    });
  }
  for (const [label, text] of notNumbers) {
    it(`${label}: no number read as such`, () => {
      const numbers = matchDocumentNumbers(text).map((match) => match.number);
      expect(numbers.filter((number) => /KL\/TW|QĐ\/TW|CN\/TW/u.test(number))).toEqual([]);
      if (label === 'slash then a word') expect(numbers).toEqual(['12/QĐ-UBND']);
    });
  }
});

describe('extract: a bare number inside the name of a body is part of the name', () => {
  // lamdong-bcd-qd-tgv-cchc-2025: "Đề án 06" only ever inside the Ban Chỉ đạo's name.
  it('drops "Đề án 06" written only inside a Ban Chỉ đạo\'s name', () => {
    const text =
      'UBND TỈNH LÂM ĐỒNG\nBAN CHỈ ĐẠO\nVỀ PHÁT TRIỂN KHCN, ĐMST, CĐS VÀ ĐỀ ÁN 06\n' +
      'Căn cứ Quyết định số 378/QĐ-UBND ngày 11 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh về việc thành lập Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng;\n' +
      'Tổ giúp việc có nhiệm vụ giúp Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng về công tác cải cách hành chính của tỉnh:';
    expect(cited(text)).toEqual(['378/QĐ-UBND']);
  });
  // kh_hanoi_308_2025 (dev gold: Đề án 06, 4 mentions): free-standing mentions keep it, and
  // then the one inside "Tổ công tác triển khai Đề án 06" counts too.
  it('keeps "Đề án 06" that is also written on its own', () => {
    const text =
      'dân cư và dữ liệu chuyên ngành gắn với triển khai Đề án 06 theo quy định.\n' +
      '- Cơ quan thường trực Tổ công\ntác triển khai Đề án 06, cải cách thủ tục hành chính, chuyển đổi số gắn với Đề\nán 06 trước ngày 20 hằng tháng';
    const citations = groupCitations(extract(text));
    expect(citations.map((citation) => citation.number)).toEqual(['06']);
    expect(citations[0]?.mentions.length).toBe(3);
  });
  it('keeps a short reference after a body that acts ("Ban Chỉ đạo đã ban hành … và Kế hoạch 05")', () => {
    expect(cited('Ban Chỉ đạo tỉnh đã ban hành Quy chế hoạt động và Kế hoạch 05 để triển khai.')).toEqual(['05']);
  });
});
