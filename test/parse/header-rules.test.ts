/**
 * Header rules on real header strings (from portal copies, Word and PDF files, scans of the shared
 * corpora and the layouts Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW describe): each row is a
 * header as a source delivers it and the metadata it must give.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { ownNumberTexts } from '../../src/pipeline/parse/own-number.ts';
import { cutFields } from '../../src/pipeline/parse/header-segments.ts';
import { joinSpacedLetters } from '../../src/pipeline/parse/spaced-letters.ts';
import { parseText } from './parse-source.ts';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';
const BODY = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nĐiều 1. Nội dung.';

interface Expected {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

function metaOf(text: string): Expected & { partial: boolean | null; codes: string[] } {
  const plan = parseText(text);
  return {
    type: plan.meta.type,
    number: plan.meta.number,
    date: plan.meta.date?.iso ?? null,
    issuer: plan.meta.issuer,
    partial: plan.meta.date?.partial ?? null,
    codes: plan.messages.map((message) => message.code),
  };
}

describe('headers run together (portal copies)', () => {
  it.each<[string, string, Expected]>([
    [
      'a decision on two lines, type, V/V and authority run on',
      'ỦY BAN NHÂN DÂN TỈNH KON TUM ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -----\n' +
        'Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH QUY CHẾ LÀM VIỆC CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM\n' +
        BODY,
      { type: 'Quyết định', number: '435/QĐ-UBND', date: '2020-05-04', issuer: 'UBND tỉnh Kon Tum' },
    ],
    [
      'a letter: Số, V/v, place and date, Kính gửi and the body on one line',
      'BẢO HIỂM XÃ HỘI VIỆT NAM -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------\n' +
        'Số: 296/BHXH-CSYT V/v hướng dẫn thanh toán chi phí KCB BHYT Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố. Thực hiện Luật Bảo hiểm y tế, Bảo hiểm xã hội Việt Nam hướng dẫn như sau:',
      { type: 'Công văn', number: '296/BHXH-CSYT', date: '2021-02-02', issuer: 'Bảo hiểm xã hội Việt Nam' },
    ],
    [
      '"Số:" alone, date and type and title and authority on one line',
      'BỘ Y TẾ -------\n' +
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n' +
        'Số:\n1227/QĐ-BYT\nHà Nội, ngày 11 tháng 4 năm 2025 QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH DANH MỤC MÃ DÙNG CHUNG (ĐỢT 1) BỘ TRƯỞNG BỘ Y TẾ\n' +
        BODY,
      { type: 'Quyết định', number: '1227/QĐ-BYT', date: '2025-04-11', issuer: 'Bộ Y tế' },
    ],
    [
      'letters spaced out by the crawl',
      'ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH -------\n' +
        MOTTO +
        '\nSố: 3210/QĐ - U B ND\n' +
        'T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014\nQUYẾT ĐỊNH\nVỀ BAN HÀNH KẾ HOẠCH\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n' +
        BODY,
      { type: 'Quyết định', number: '3210/QĐ-UBND', date: '2014-06-28', issuer: 'UBND thành phố Hồ Chí Minh' },
    ],
  ])('%s', (_label, text, expected) => {
    expect(metaOf(text)).toMatchObject(expected);
  });
});

describe('headers from table cells, columns and PDFs', () => {
  it.each<[string, string, Expected]>([
    [
      'Word table read cell by cell: organ, Số, V/v, then motto, place and date',
      'UBND TỈNH LÂM ĐỒNG\nSỞ TƯ PHÁP\nSố: 146/TTr-STP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n' +
        'Lâm Đồng, ngày 15 tháng 12 năm 2025\nTỜ TRÌNH\nVề việc tổ chức Đại hội\nKính gửi: Ủy ban nhân dân tỉnh Lâm Đồng\n' +
        BODY,
      { type: 'Tờ trình', number: '146/TTr-STP', date: '2025-12-15', issuer: 'Sở Tư pháp tỉnh Lâm Đồng' },
    ],
    [
      'old .doc with tab columns on one line',
      'UBND TỈNH BÌNH DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n———\tĐộc lập - Tự do - Hạnh phúc\n' +
        'Số: 09/2009/CT-UBND\tThủ Dầu Một, ngày 15 tháng 4 năm 2009\nCHỈ THỊ\nVề việc đẩy mạnh hoạt động khoa học\nThực hiện Luật Khoa học và Công nghệ, UBND tỉnh chỉ thị:',
      { type: 'Chỉ thị', number: '09/2009/CT-UBND', date: '2009-04-15', issuer: 'UBND tỉnh Bình Dương' },
    ],
    [
      'PDF with both columns in one line each',
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc\n' +
        'Số: 507 /UBND-KGVX Quảng Ngãi, ngày 24 tháng 01 năm 2025\nV/v góp ý dự thảo Quyết định\nKính gửi: Bộ Thông tin và Truyền thông\nUBND tỉnh Quảng Ngãi có ý kiến như sau:',
      { type: 'Công văn', number: '507/UBND-KGVX', date: '2025-01-24', issuer: 'UBND tỉnh Quảng Ngãi' },
    ],
    [
      'a scan with a motto cut by recognition',
      'ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ N\nTỈNH LÂM ĐỒNG\nĐộc lập - Tự do - HạnÌp phú\nSố: 493/TB-UBND\n' +
        'Lâm Đồng, ngày 13 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của đồng chí Phó Chủ tịch UBND tỉnh\nSau khi nghe báo cáo, UBND tỉnh yêu cầu:',
      { type: 'Thông báo', number: '493/TB-UBND', date: '2025-11-13', issuer: 'UBND tỉnh Lâm Đồng' },
    ],
  ])('%s', (_label, text, expected) => {
    expect(metaOf(text)).toMatchObject(expected);
  });
});

describe('who issues', () => {
  it.each<[string, string, string]>([
    [
      'a decision of the Prime Minister under the Government organ',
      'CHÍNH PHỦ\n' +
        MOTTO +
        '\nSố: 93/2007/QĐ-TTg\nHà Nội, ngày 22 tháng 6 năm 2007\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ\nTHỦ TƯỚNG CHÍNH PHỦ\n' +
        BODY,
      'Thủ tướng Chính phủ',
    ],
    [
      "the child organ, not the parent, with the parent's locality",
      'UBND TỈNH PHÚ THỌ SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n' +
        MOTTO +
        '\nSố: 275/STTTT-CNTT\nPhú Thọ, ngày 16 tháng 12 năm 2011\nV/v đăng ký\nKính gửi: Các đơn vị',
      'Sở Thông tin và Truyền thông tỉnh Phú Thọ',
    ],
    [
      "a Party committee's board",
      'THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 21-HD/BTCTU\nHà Nội, ngày 5 tháng 8 năm 2025\nHƯỚNG DẪN\nTrao tặng Huy hiệu Đảng\n' +
        BODY,
      'Ban Tổ chức Thành ủy Hà Nội',
    ],
    [
      'a chi bộ with the đảng bộ it belongs to, typed in normal case',
      'Đảng bộ cơ quan UBND\nHUYỆN LỆ THUỶ\nĐẢNG CỘNG SẢN VIỆT NAM\nChi bộ Thanh tra\nLệ Thuỷ, ngày 29 tháng 11 năm 2011\nBẢN TỰ KIỂM ĐIỂM\nĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN\nHọ và tên: Nguyễn Văn A',
      'Chi bộ Thanh tra, Đảng bộ cơ quan UBND huyện Lệ Thuỷ',
    ],
    [
      "a council head garbled by a scan's recognition",
      'ỦY BANN ÂN DÂN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n. TỈNH PHÚ THỌ\nĐộc lập - Tự do - Hạnh phúc\nSố: 4532/UBND-KSTTHC\nPhú Thọ, ngày 7 tháng 12 năm 2011\nVề việc xây dựng kế hoạch\nKính gửi:\n- Các sở, ban, ngành;\nThực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ.',
      'UBND tỉnh Phú Thọ',
    ],
    [
      'a central Party body on one line',
      'BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC * ĐẢNG CỘNG SẢN VIỆT NAM --------------- Số 45-HD/BTCTW Hà Nội, ngày 21 tháng 11 năm 2025 HƯỚNG DẪN\n' +
        BODY,
      'Ban Tổ chức Trung ương',
    ],
  ])('%s', (_label, text, issuer) => {
    expect(metaOf(text).issuer).toBe(issuer);
  });
});

describe('numbers: Party style, laws, legal-database titles', () => {
  it.each<[string, string, Expected]>([
    [
      'Party number without colon, hyphen before the code',
      'TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-HD/BTGTU\nBình Phước, ngày 3 tháng 4 năm 2024\nHƯỚNG DẪN\nTuyên truyền kỷ niệm\n' +
        BODY,
      { type: 'Hướng dẫn', number: '12-HD/BTGTU', date: '2024-04-03', issuer: 'Ban Tuyên giáo Tỉnh ủy Bình Phước' },
    ],
    [
      '"Luật số:" and the passing date at the end',
      'QUỐC HỘI\nLuật số: 28/2018/QH14\n' +
        MOTTO +
        '\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA 11 LUẬT CÓ LIÊN QUAN ĐẾN QUY HOẠCH\n' +
        'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. Nội dung.\n' +
        'Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ họp thứ 5 thông qua ngày 15 tháng 6 năm 2018.\nCHỦ TỊCH QUỐC HỘI',
      { type: 'Luật', number: '28/2018/QH14', date: '2018-06-15', issuer: 'Quốc hội' },
    ],
    [
      'no header: number and date in the all-caps title line',
      'CHỈ THỊ SỐ 07/2008/CT-BTTTT NGÀY 30/12/2008 CỦA BỘ TRƯỞNG BỘ THÔNG TIN VÀ TRUYỀN THÔNG VỀ ĐẨY MẠNH SỬ DỤNG PHẦN MỀM MÃ NGUỒN MỞ\n' +
        'Thực hiện Quyết định số 235/2004/QĐ-TTg ngày 02 tháng 3 năm 2004 của Thủ tướng Chính phủ, Bộ chỉ thị:',
      { type: 'Chỉ thị', number: '07/2008/CT-BTTTT', date: '2008-12-30', issuer: 'Bộ Thông tin và Truyền thông' },
    ],
    [
      'the title split over lines, the organ before the number',
      'CHỈ THỊ\nCỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG SỐ 07/2008/CT-BTTTT\nNGÀY 30 THÁNG 12 NĂM 2008\nVỀ ĐẨY MẠNH SỬ DỤNG PHẦN MỀM MÃ NGUỒN MỞ\n' +
        'Thực hiện Quyết định số 235/2004/QĐ-TTg ngày 02 tháng 3 năm 2004 của Thủ tướng Chính phủ, Bộ chỉ thị:',
      { type: 'Chỉ thị', number: '07/2008/CT-BTTTT', date: '2008-12-30', issuer: 'Bộ Thông tin và Truyền thông' },
    ],
  ])('%s', (_label, text, expected) => {
    expect(metaOf(text)).toMatchObject(expected);
  });
});

describe('drafts: a blank number or day', () => {
  it.each<[string, string, string | null, string]>([
    [
      'blank number and day, Word table',
      'UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố:          /TTr-SNV\n' +
        MOTTO +
        '\nLâm Đồng, ngày     tháng 12 năm 2025\nTỜ TRÌNH\nVề việc trình ký Báo cáo\n' +
        BODY,
      null,
      '2025-12',
    ],
    [
      'Party draft "Số    -HD/BTCTU"',
      'THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\nSố    -HD/BTCTU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày    tháng 8 năm 2025\nHƯỚNG DẪN\nThực hiện quy trình\n' +
        BODY,
      null,
      '2025-08',
    ],
    [
      'dotted day',
      'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n' +
        MOTTO +
        '\nSố: /KH-UBND\nLâm Đồng, ngày … tháng 02 năm 2025\nKẾ HOẠCH\nPhòng, chống ma túy\n' +
        BODY,
      null,
      '2025-02',
    ],
  ])('%s', (_label, text, number, iso) => {
    const meta = metaOf(text);
    expect(meta.number).toBe(number);
    expect(meta.date).toBe(iso);
    expect(meta.partial).toBe(true);
    expect(meta.codes).toContain('draft');
  });

  it('does not call a numbered, dated document a draft', () => {
    expect(
      metaOf('BỘ Y TẾ\n' + MOTTO + '\nSố: 1227/QĐ-BYT\nHà Nội, ngày 11 tháng 4 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH\n' + BODY)
        .codes,
    ).not.toContain('draft');
  });
});

describe('place and date forms', () => {
  it.each<[string, string]>([
    ['Tây Ninh, ngày 11 tháng 4 năm 2024', '2024-04-11'],
    ['Hà Nội , ngày 27 tháng 10 năm 2014', '2014-10-27'],
    ['TP. Hồ Chí Minh, ngày 11/4/2024', '2024-04-11'],
    ['Quảng Trị, ngày\n25 tháng 11 năm 2025', '2025-11-25'],
  ])('%s', (line, iso) => {
    expect(metaOf(`BỘ NỘI VỤ\n${MOTTO}\nSố: 12/BNV-TCPCP\n${line}\nV/v hướng dẫn\nKính gửi: Các Bộ\n${BODY}`).date).toBe(iso);
  });
});

describe('cutting one line into fields', () => {
  it('finds the fields of a run-together second header row', () => {
    const text =
      'Số: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam Phúc đáp Công văn số 615/KVN-PC';
    const { pieces, body } = cutFields(text);
    expect(pieces.map((piece) => text.slice(piece.start, piece.end).trim()).filter(Boolean)).toEqual([
      'Số: 3397/BKHĐT-QLKTTW',
      'V/v hướng dẫn áp dụng Luật DN 2014',
      'Hà Nội, ngày 23 tháng 5 năm 2019',
      'Kính gửi: Tổng công ty Khí Việt Nam',
      'Phúc đáp Công văn số 615/KVN-PC',
    ]);
    expect(body).toBe(true);
  });

  it('keeps a type word inside an organ or a title', () => {
    const text = 'BỘ KẾ HOẠCH VÀ ĐẦU TƯ';
    expect(cutFields(text).pieces).toHaveLength(1);
    const title = 'SỬA ĐỔI QUYẾT ĐỊNH SỐ 4750/QĐ-BYT NGÀY 29/12/2023 QUY ĐỊNH CHUẨN DỮ LIỆU';
    expect(cutFields(title).pieces).toHaveLength(1);
  });

  it('rejoins spaced-out syllables and leaves real words alone', () => {
    expect(joinSpacedLetters('ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH')).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
    expect(joinSpacedLetters('BAN TỔ C HỨC TRUNG Ư ƠNG')).toBe('BAN TỔ CHỨC TRUNG ƯƠNG');
    expect(joinSpacedLetters('BỘ Y TẾ')).toBe('BỘ Y TẾ');
    expect(joinSpacedLetters('TP HỒ CHÍ MINH')).toBe('TP HỒ CHÍ MINH');
  });
});

describe('the own number is never a citation', () => {
  const cited = (text: string): string[] => {
    const plan = parseText(text);
    return extract(plan.text, { ownNumber: plan.meta.number, ownNumbers: ownNumberTexts(plan.text, plan.meta.number) })
      .map((mention) => mention.number ?? '')
      .filter(Boolean);
  };

  it('as the crawl spaced it in the Số field', () => {
    const text =
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n' +
      MOTTO +
      '\nSố: 3210/QĐ - U B ND\nThành phố Hồ Chí Minh, ngày 28 tháng 6 năm 2014\nQUYẾT ĐỊNH\nVỀ BAN HÀNH KẾ HOẠCH\n' +
      'Căn cứ Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ;\nĐiều 1. Ban hành kế hoạch.\nKẾ HOẠCH\n(Ban hành kèm theo Quyết định số 3210/QĐ-UBND ngày 28 tháng 6 năm 2014 của Ủy ban nhân dân thành phố)';
    expect(cited(text)).toEqual(['22/2013/QĐ-TTg']);
  });

  it('in a header the reader does not understand: the first "Số" near the top', () => {
    const text =
      'VĂN BẢN\nSố: 45/ABC-XYZ\nnội dung không rõ\nThực hiện Công văn số 12/UBND-VX ngày 3/4/2024 của UBND tỉnh, Công văn số 45/ABC-XYZ nêu rõ.';
    expect(cited(text)).toEqual(['12/UBND-VX']);
  });

  it('in a legal database title line, but not in a title lower down that cites another document', () => {
    expect(
      cited(
        'QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG NGÀY 27/7/2011 VỀ CHẾ ĐỘ\nCăn cứ Quyết định số 40/2011/QĐ-TTg và Quyết định số 104/1999/QĐ-TTg;',
      ),
    ).toEqual(['104/1999/QĐ-TTg']);
    const plan =
      'ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n' +
      MOTTO +
      '\nSố: 1026/KH-UBND\nNghệ An, ngày 26 tháng 11 năm 2025\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN\nCHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025\nThực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ.';
    expect(cited(plan)).toContain('32/CT-TTg');
  });
});
