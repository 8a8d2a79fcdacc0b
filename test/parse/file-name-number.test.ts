/**
 * A scan's number from its file name: only for an OCR'd text whose number field kept the
 * printed code and lost the handwritten digits, only when the name holds one number that is
 * not a year. Headers are the OCR output of the real scans of ../shared/corpus/files.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { fileNameNumber, numberFromFileName, readByOcr } from '../../src/pipeline/parse/file-name-number.ts';
import { completeOwnDate } from '../../src/pipeline/parse/own-date.ts';
import { emitPlanPage, planFrontmatter } from '../../src/pipeline/emit/mdx.ts';

/** Page 1 of phutho-stttt-cv-275-2011-scan.pdf as Tesseract reads it (the number "275" handwritten). */
const SCAN_275 = [
  'UBND TỈNH PHÚ THỌ',
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'SỞ THÔNG TIN VÀ TRUYEN THÔNG',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: /STTTT-CNTT',
  'Phú Thọ, ngày tháng 12 năm 2011',
  'V/v đăng ký danh sách tham gia Hội thi kỹ năng sử dụng máy tính.',
  'Kính gửi:',
  '- Các đơn vị trực thuộc sở;',
  'Thực hiện Kế hoạch sỐ 25/KH-STTTT, ngày 6 tháng 12 năm 2011 của sở Thông tin và Truyền thông tỉnh Phú Thọ về tô chức Hội thi kỹ năng sử dụng máy tính.',
].join('\n');

/** Page 1 (start) and page 2 of phutho-ubnd-cv-4532-2011-scan.pdf: the second letter cites the first. */
const SCAN_4532 = [
  'ỦY BANN ÂN DÂN',
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  '. TỈNH PHU THỌ',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: /UBND- KSTTHC',
  'Phú Thọ, ngày Tháng 12 năm 2011',
  'Về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính.',
  'Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về Kiểm soát thủ tục hành chính.',
  '\f',
  'UBND TỈNH PHÚ THỌ',
  'VAN PHONG',
  'Số: 6/0 /VP-KSTTHC',
  'Căn cứ Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính;',
].join('\n');

function parseScan(text: string, file: string, ocr = true) {
  return parse({ file, sha256: '0'.repeat(64), normalized: normalize(text, file), ocr });
}

describe('fileNameNumber', () => {
  it.each([
    ['phutho-stttt-cv-275-2011-scan.pdf', '275'],
    ['quangngai-ct-07-2018-scan.pdf', '07'],
    ['lamdong-tb-493-2025-scan-ocr.pdf', '493'],
    ['nguon/2011/493 TB.pdf', '493'],
    ['kh_hanoi_308_2025.scan.pdf', '308'],
    // Two numbers (a register number beside the document's), a date, none at all: no number.
    ['2352 ( 07-CT-UBND).signed_20250221_092046.pdf', null],
    ['2011_12_28_0904000000972844!~!275.pdf', null],
    ['QD UBND thành lập TGV.CCHC 21.8.doc', null],
    ['Ke hoach CCHC giai doan 2026-2030.docx', null],
    ['scan.pdf', null],
  ])('%s → %s', (file, want) => {
    expect(fileNameNumber(file)).toBe(want);
  });
  it('needs the printed code of the field', () => {
    expect(numberFromFileName('275.pdf', '/STTTT-CNTT')).toBe('275/STTTT-CNTT');
    expect(numberFromFileName('12.pdf', '-HD/BTCTU')).toBe('12-HD/BTCTU');
    expect(numberFromFileName('275.pdf', '')).toBeNull();
  });
});

describe("parse: a scan's unreadable number from its file name", () => {
  it("fills the blank field of an OCR'd scan and says where the number came from", () => {
    const plan = parseScan(SCAN_275, 'phutho-stttt-cv-275-2011-scan.pdf');
    expect(plan.meta.number).toBe('275/STTTT-CNTT');
    expect(plan.meta.numberSource).toBe('file-name');
    expect(plan.messages.map((message) => message.code)).toContain('number-from-file-name');
  });
  it("leaves a Word draft's blank number blank, whatever its file name", () => {
    const plan = parseScan(SCAN_275, 'Cong van 275.docx', false);
    expect(plan.meta.number).toBeNull();
    expect(plan.meta.numberSource).toBeUndefined();
  });
  it('leaves the number unknown when the file name holds two numbers', () => {
    expect(parseScan(SCAN_275, '2011_12_28_0904000000972844!~!275.pdf').meta.number).toBeNull();
  });
  it("never cites the document's own number, even where a second letter in the file cites it", () => {
    const plan = parseScan(SCAN_4532, 'phutho-ubnd-cv-4532-2011-scan.pdf');
    expect(plan.meta.number).toBe('4532/UBND-KSTTHC');
    const cited = groupCitations(extract(plan.text, { ownNumber: plan.meta.number })).map((citation) => citation.number);
    expect(cited).toEqual(['63/2010/NĐ-CP']);
  });
});

describe('readByOcr', () => {
  const ocr = { engine: 'tesseract 5.3.0 (vie)', confidence: 90, pages: 1 };
  it('is true for a scanned PDF or an image, not for a text PDF with a scanned page', () => {
    expect(readByOcr({ format: 'pdf-scan', reader: 'tesseract', pageCount: 2, conversions: [], ocr })).toBe(true);
    expect(readByOcr({ format: 'image', reader: 'tesseract', pageCount: 1, conversions: [], ocr })).toBe(true);
    expect(readByOcr({ format: 'pdf', reader: 'pdfjs', pageCount: 2, conversions: [], ocr })).toBe(false);
    expect(readByOcr({ format: 'docx', reader: 'docx', pageCount: null, conversions: [], ocr: null })).toBe(false);
    expect(readByOcr(undefined)).toBe(false);
  });
});

describe('completeOwnDate: a blank day completed where the file cites its own number', () => {
  it('takes the day from the second letter of the 4532 scan', () => {
    const plan = parseScan(SCAN_4532, 'phutho-ubnd-cv-4532-2011-scan.pdf');
    expect(plan.meta.date).toEqual({ iso: '2011-12-07', partial: false });
  });
  it('keeps the partial date when the cited date is of another month, or the number is unknown', () => {
    expect(
      completeOwnDate('theo Văn bản số 4532/UBND-KSTTHC ngày 07/11/2011', '4532/UBND-KSTTHC', { iso: '2011-12', partial: true }),
    ).toEqual({ iso: '2011-12', partial: true });
    expect(
      completeOwnDate('theo Văn bản số 4532 / UBND-KSTTHC, ngày 07 tháng 12 năm 2011', '4532/UBND-KSTTHC', {
        iso: '2011-12',
        partial: true,
      }),
    ).toEqual({ iso: '2011-12-07', partial: false });
    expect(completeOwnDate('theo Văn bản số 4532/UBND-KSTTHC ngày 07/12/2011', null, { iso: '2011-12', partial: true })).toEqual({
      iso: '2011-12',
      partial: true,
    });
  });
});

describe("numberSource in the page's frontmatter", () => {
  it('is written for a number taken from the file name, and only then', () => {
    const scan = parseScan(SCAN_275, 'phutho-stttt-cv-275-2011-scan.pdf');
    expect(planFrontmatter(scan, scan.meta.id).numberSource).toBe('file-name');
    expect(emitPlanPage(scan, scan.meta.id, [], { html: false }).mdx).toMatch(/^numberSource: "file-name"$/mu);
    const typed = parseScan(SCAN_275.replace('Số: /STTTT-CNTT', 'Số: 275/STTTT-CNTT'), 'phutho-stttt-cv-275-2011-scan.pdf');
    expect(typed.meta.number).toBe('275/STTTT-CNTT');
    expect(planFrontmatter(typed, typed.meta.id)).not.toHaveProperty('numberSource');
    expect(emitPlanPage(typed, typed.meta.id, [], { html: false }).mdx).not.toContain('numberSource');
  });
});
