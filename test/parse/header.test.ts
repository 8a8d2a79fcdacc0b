/**
 * Header lines, one table per recogniser: real strings from the seeds and the
 * dev corpus, a comment per row where the row shows something.
 */
import { describe, expect, it } from 'vitest';
import { parseIssueDate } from '../../src/pipeline/parse/date.ts';
import { typeOfLine, typeOfNumber } from '../../src/pipeline/parse/doc-types.ts';
import { readNumberLine, readPlaceDate, readSubject } from '../../src/pipeline/parse/header-lines.ts';
import { readHeader } from '../../src/pipeline/parse/header.ts';
import { findIssuer } from '../../src/pipeline/parse/issuer.ts';
import { splitLines } from '../../src/pipeline/parse/lines.ts';
import { formatOrgan, issuerFromOrganLines } from '../../src/pipeline/parse/organ-name.ts';

describe('readNumberLine', () => {
  it.each([
    ['Số: 1062 /KH-UBND', '1062/KH-UBND'], // space before the slash
    ['Số 1584/UBND-NCPC', '1584/UBND-NCPC'], // no colon
    ['Số 45-HD/BTCTW', '45-HD/BTCTW'], // Party style
    ['Số: 1539/VLO-QLDN3', '1539/VLO-QLDN3'],
    ['Số: 2830/QĐ-UBND', '2830/QĐ-UBND'],
    ['Số: 26/2020/QĐ-UBND', '26/2020/QĐ-UBND'], // legal-normative numbering with a year
    ['Số: 111/2013/TT- BTC', '111/2013/TT-BTC'], // stray space after the hyphen
  ])('%s → %s', (line, number) => {
    expect(readNumberLine(line)?.number).toBe(number);
  });

  it('gives a null number but keeps the code of a draft "Số: /KH-UBND"', () => {
    expect(readNumberLine('Số: /KH-UBND')).toEqual({ number: null, code: '/KH-UBND' });
  });

  it.each(['Số vụ vi phạm, diện tích chồng lấn còn lớn', 'Số lượng: 20 người', 'Sở Tư pháp'])(
    'is not a number line: %s',
    (line) => {
      expect(readNumberLine(line)).toBeNull();
    },
  );
});

describe('readPlaceDate + parseIssueDate', () => {
  it.each([
    ['Tây Ninh, ngày 11 tháng 4 năm 2024', 'Tây Ninh', { iso: '2024-04-11', partial: false }],
    ['Ba Tơ, ngày tháng 02 năm 2025', 'Ba Tơ', { iso: '2025-02', partial: true }], // draft: day left blank
    ['Hà Nội, ngày tháng năm 2025', 'Hà Nội', { iso: '2025', partial: true }], // day and month blank
    ['Cần Thơ, ngày 21 tháng 11 năm 2025 *', 'Cần Thơ', { iso: '2025-11-21', partial: false }],
    ['TP. Hồ Chí Minh, ngày 05/3/2024', 'TP. Hồ Chí Minh', { iso: '2024-03-05', partial: false }],
  ])('%s', (line, place, date) => {
    const read = readPlaceDate(line);
    expect(read?.place).toBe(place);
    expect(parseIssueDate(read?.rest ?? '')).toEqual(date);
  });

  it.each(['ngày 31 tháng 2 năm 2024', 'ngày 1 tháng 13 năm 2024', 'ngày 1 tháng 1 năm 0024'])(
    'rejects the impossible date %s',
    (text) => {
      expect(parseIssueDate(text)).toBeNull();
    },
  );

  it('is not a place line: a body sentence with a date', () => {
    expect(readPlaceDate('Căn cứ Luật Tổ chức, ngày 16 tháng 6 năm 2025')).toBeNull();
  });
});

describe('types', () => {
  it.each([
    ['KẾ HOẠCH', 'Kế hoạch'],
    ['QUYẾT ĐỊNH:', 'Quyết định'],
    ['CHỈ THỊ', 'Chỉ thị'],
    ['HƯỚNG DẪN', 'Hướng dẫn'],
    ['KẾT LUẬN', 'Kết luận'],
    ['TỜ TRÌNH', 'Tờ trình'],
    ['THÔNG TƯ LIÊN TỊCH', 'Thông tư liên tịch'],
    ['KẾ HOẠCH HÀNH ĐỘNG CỦA TỈNH', null], // more than a type word: a title
  ])('type line %s → %s', (line, type) => {
    expect(typeOfLine(line)).toBe(type);
  });

  it.each([
    ['1062/KH-UBND', 'Kế hoạch'],
    ['/KH-UBND', 'Kế hoạch'],
    ['2830/QĐ-UBND', 'Quyết định'],
    ['45-HD/BTCTW', 'Hướng dẫn'],
    ['07-KL/VPTW', 'Kết luận'],
    ['26/2020/QĐ-UBND', 'Quyết định'],
    ['1584/UBND-NCPC', 'Công văn'], // organ code first: how letters are numbered
  ])('number %s → %s', (number, type) => {
    expect(typeOfNumber(number)).toBe(type);
  });

  it('strips "V/v" from a subject line', () => {
    expect(readSubject('V/v trả lãi tiền vay cho cổ đông')).toBe('trả lãi tiền vay cho cổ đông');
    expect(readSubject('Về việc trả lãi')).toBeNull();
  });
});

describe('readHeader', () => {
  it('reads a number and a date run together on one line', () => {
    const header = readHeader(splitLines('Số: 12 /KH-UBND Tây Ninh, ngày 11 tháng 4 năm 2024\nKẾ HOẠCH\nTiêu đề\nNội dung.'));
    expect(header).toMatchObject({
      number: '12/KH-UBND',
      place: 'Tây Ninh',
      date: { iso: '2024-04-11', partial: false },
      type: 'Kế hoạch',
      title: 'Tiêu đề',
      bodyStart: 3,
    });
  });

  it('reads a motto-first header', () => {
    const text = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'TỈNH NGHỆ AN',
      'Số: 1026/KH-UBND',
      'Nghệ An, ngày 26 tháng 11 năm 2025',
      'KẾ HOẠCH',
      'Triển khai thực hiện Chỉ thị số 32/CT-TTg',
      'Thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025.',
    ].join('\n');
    const header = readHeader(splitLines(text));
    expect(header.organLines).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN']);
    // A title may start "Triển khai thực hiện…"; the body starts on the next line.
    expect(header.title).toBe('Triển khai thực hiện Chỉ thị số 32/CT-TTg');
    expect(header.bodyStart).toBe(8);
  });

  it('never takes a motto split over lines as the organ (holdout qd_hcm_2820)', () => {
    const text = [
      'ỦY BAN NHÂN',
      'DÂN',
      'THÀNH PHỐ HỒ CHÍ MINH',
      '--------',
      'CỘNG HÒA XÃ',
      'HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      'Số:',
      '2820/QĐ-UBND',
      'Thành phố Hồ',
      'Chí Minh, ngày 19 tháng 11 năm 2025',
      'QUYẾT ĐỊNH',
    ].join('\n');
    const header = readHeader(splitLines(text));
    expect(header.organLines).toEqual(['ỦY BAN NHÂN', 'DÂN', 'THÀNH PHỐ HỒ CHÍ MINH']);
    expect(header.number).toBe('2820/QĐ-UBND');
    // The place line is cut too; the date still comes through.
    expect(header.date?.iso).toBe('2025-11-19');
    expect(header.place).toBe('Thành phố Hồ Chí Minh');
    expect(header.type).toBe('Quyết định');
  });

  it('keeps "XÃ HỘI" of an organ name that is not a motto', () => {
    const header = readHeader(
      splitLines(['BẢO HIỂM', 'XÃ HỘI', 'Số: 12/BHXH-CSXH', 'Hà Nội, ngày 02 tháng 3 năm 2025'].join('\n')),
    );
    expect(header.organLines).toEqual(['BẢO HIỂM', 'XÃ HỘI']);
  });

  it('skips a motto split at any word', () => {
    const text = [
      'BỘ NỘI VỤ',
      'CỘNG HÒA XÃ HỘI CHỦ',
      'NGHĨA VIỆT NAM',
      'Độc lập - Tự do -',
      'Hạnh phúc',
      'Số:10988/BNV-CQĐP',
    ].join('\n');
    expect(readHeader(splitLines(text)).organLines).toEqual(['BỘ NỘI VỤ']);
  });
});

describe('organ names', () => {
  it.each([
    [['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI'], 'UBND thành phố Hà Nội'],
    [['UỶ BAN NHÂN DÂN', 'TỈNH BẮC NINH'], 'UBND tỉnh Bắc Ninh'], // old spelling "UỶ"
    [['ỦY BAN NHÂN DÂN TỈNH TÂY NINH'], 'UBND tỉnh Tây Ninh'], // on one line
    [['UBND TỈNH QUẢNG NGÃI', 'UBND HUYỆN BA TƠ'], 'UBND huyện Ba Tơ'], // the lower organ issues
    [['CỤC THUẾ', 'THUẾ TỈNH VĨNH LONG'], 'Thuế tỉnh Vĩnh Long'],
    [['BAN CHẤP HÀNH', 'TRUNG ƯƠNG', 'BAN TỔ CHỨC'], 'Ban Tổ chức Trung ương'],
    [['BAN CHẤP HÀNH', 'TRUNG ƯƠNG', 'VĂN PHÒNG'], 'Văn phòng Trung ương Đảng'],
    [['BỘ CÔNG THƯƠNG'], 'Bộ Công Thương'],
    [['BỘ KHOA HỌC VÀ CÔNG NGHỆ'], 'Bộ Khoa học và Công nghệ'],
    [['HỘI ĐỒNG NHÂN DÂN', 'TỈNH ĐỒNG NAI'], 'HĐND tỉnh Đồng Nai'],
    [['UBND TỈNH NGHỆ AN', 'SỞ Y TẾ'], 'Sở Y tế tỉnh Nghệ An'], // a department takes its province
    [['ĐẢNG BỘ TỈNH BÌNH PHƯỚC', 'TỈNH ỦY'], 'Tỉnh ủy Bình Phước'],
    [['BẢO HIỂM XÃ HỘI VIỆT NAM'], 'Bảo hiểm xã hội Việt Nam'], // "xã hội" is not a commune
    [['BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'], 'Bộ Lao động - Thương binh và Xã hội'],
    [['ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], 'UBND tỉnh Quảng Trị'], // columns run together
    [['THỦ TƯỚNG', 'CHÍNH PHỦ'], 'Thủ tướng Chính phủ'], // a post heads the organ on the next line
    [['THỦ TƯỚNG CHÍNH PHỦ'], 'Thủ tướng Chính phủ'],
    [['CHÍNH PHỦ'], 'Chính phủ'],
    [['TỈNH ỦY QUẢNG NINH'], 'Tỉnh ủy Quảng Ninh'],
  ])('%j → %s', (lines, issuer) => {
    expect(issuerFromOrganLines(lines)).toBe(issuer);
  });

  it('keeps a level word with no name after it in lower case', () => {
    expect(formatOrgan(['CÔNG', 'AN', 'TỈNH'])).toBe('Công an tỉnh');
  });
});

describe('issuer named in the body', () => {
  it('takes the full name an organ gives itself before its alias (holdout cv_bcd_cqdp2cap)', () => {
    const text = [
      'Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.',
      'Thực hiện Kết luận số 210-KL/TW ngày 12/11/2025 của',
      'Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng tại cuộc họp Bộ Chính trị ngày 14/11/2025, Ban chỉ đạo của',
      'Chính phủ về sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức',
      'chính quyền địa phương 02 cấp (sau đây viết là Ban Chỉ đạo của Chính phủ) yêu cầu',
      'Chủ tịch Ủy ban nhân dân các tỉnh tập trung chỉ đạo.',
    ].join('\n');
    const header = readHeader(splitLines(text));
    expect(findIssuer(header, text)).toBe(
      'Ban chỉ đạo của Chính phủ về sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 02 cấp',
    );
  });
});
