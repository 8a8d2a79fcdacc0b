import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFields, storyToLines } from '../../src/pipeline/read/doc/controls.ts';
import { convertLegacyLines, upperCaseFontRun } from '../../src/pipeline/read/doc/legacy-lines.ts';
import { splitTabColumns } from '../../src/pipeline/read/doc/tab-columns.ts';
import { readDoc } from '../../src/pipeline/read/doc.ts';
import { unicodeToLegacy } from '../../src/pipeline/read/legacy-encoding.ts';

const files = '../shared/corpus/files';
const gold = '../shared/corpus/files-gold';
const docFiles = readdirSync(files).filter((file) => file.endsWith('.doc'));

interface Gold {
  document: { number: string | null };
  citations: { number: string | null }[];
}

/** Compare numbers as the gold notes say: spaces removed, case folded, en dash as hyphen. */
const fold = (text: string): string => text.replace(/\s+/gu, '').replace(/–/gu, '-').toLowerCase();

const read = (file: string, bytes: Uint8Array = readFileSync(join(files, file))) => readDoc(bytes, file, {});

// ---------------------------------------------------------------------------------------------
// Real files

describe('readDoc on the real .doc files', () => {
  it('has the .doc files of the shared corpus, two of them TCVN3', () => {
    expect(docFiles.length).toBeGreaterThanOrEqual(10);
    expect(docFiles.filter((file) => file.includes('tcvn3'))).toHaveLength(2);
  });

  it.each(docFiles)('%s: text holds every gold number, origin says word-extractor', async (file) => {
    const result = await read(file);
    expect(result.text).not.toBeNull();
    const text = result.text ?? '';
    const expected = JSON.parse(readFileSync(join(gold, file.replace(/\.doc$/u, '.json')), 'utf8')) as Gold;
    const numbers = [expected.document.number, ...expected.citations.map((citation) => citation.number)];
    for (const number of numbers) if (number !== null) expect(fold(text)).toContain(fold(number));
    expect(result.origin).toMatchObject({ format: 'doc', reader: 'word-extractor', pageCount: null, ocr: null });
    // Reader contract: no Word control characters left, NFC, no cp1252 mojibake of Vietnamese.
    expect(text).not.toMatch(/[\x00-\x08\x0b\x0d-\x1f\x7f]/u);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/[§¶¸µ¹ª«¬®]\p{L}|\p{L}[§¶¸µ¹ª«¬®]/u);
    expect(text).not.toContain('undefined');
  });

  it('converts the TCVN3 Lệ Thuỷ self-assessment to Unicode (76-QĐ/TW, ư kept)', async () => {
    const result = await read('lethuy-bankiemdiem-dangvien-2011-tcvn3.doc');
    expect(result.origin.conversions).toEqual(['tcvn3']);
    expect(result.messages).toMatchObject([{ level: 'warning', code: 'legacy-encoding-tcvn3' }]);
    expect(result.text).toContain('76-QĐ/TW');
    expect(result.text).toContain('Lệ Thuỷ, ngày 29 tháng 11 năm 2011');
    expect(result.text).toContain('tư tưởng');
    // The heading typed in the upper-case font .VnTimeH comes back in capitals.
    expect(result.text?.split('\n')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('converts the TCVN3 Bắc Giang statement to Unicode (217/KCN-ĐT)', async () => {
    const result = await read('bacgiang-kcn-bantukhai-2012-tcvn3.doc');
    expect(result.origin.conversions).toEqual(['tcvn3']);
    expect(result.text).toContain('công văn số 217/KCN-ĐT');
    expect(result.text).toContain('Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được:');
  });

  it('leaves Unicode .doc files unconverted and without warnings', async () => {
    const result = await read('hanoi-qd-15-2010.doc');
    expect(result.origin.conversions).toEqual([]);
    expect(result.messages).toEqual([]);
  });

  it('gives a header laid out with tab stops cell by cell, as a table would (Bình Dương)', async () => {
    const lines = (await read('binhduong-ct-09-2009.doc')).text?.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH DƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    const number = lines.indexOf('Số: 09/2009/CT-UBND');
    expect(number).toBeGreaterThan(3);
    expect(lines[number + 1]).toBe('Thủ Dầu Một, ngày 15 tháng 4 năm 2009');
  });

  it('gives header table cells one per line (Cần Thơ)', async () => {
    const lines = (await read('cantho-qd-09-2010.doc')).text?.split('\n') ?? [];
    expect(lines).toContain('Số:09/2010/QĐ-UBND');
    expect(lines).toContain('Cần Thơ, ngày 21 tháng 01 năm 2010');
    expect(lines.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ CẦN THƠ']);
  });

  it('is deterministic', async () => {
    const first = await read('ttg-qd-93-2007.doc');
    const second = await read('ttg-qd-93-2007.doc');
    expect(second.text).toBe(first.text);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input

/** Offsets of the parts of a real .doc's OLE container, for making broken copies. */
function oleLayout(bytes: Buffer): { sectorSize: number; wordDocumentEntry: number; fib: number; firstFatSector: number } {
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  const wordDocumentEntry = bytes.indexOf(Buffer.from('WordDocument', 'utf16le'));
  const start = bytes.readUInt32LE(wordDocumentEntry + 0x74);
  return { sectorSize, wordDocumentEntry, fib: (start + 1) * sectorSize, firstFatSector: bytes.readUInt32LE(0x4c) };
}

const sample = (): Buffer => Buffer.from(readFileSync(join(files, 'cantho-qd-09-2010.doc')));

describe('readDoc on bad input', () => {
  it.each([0.5, 0.1, 0.02])('reports a copy cut to %s of its length as damaged', async (fraction) => {
    const bytes = sample();
    const result = await read('cat.doc', bytes.subarray(0, Math.floor(bytes.length * fraction)));
    expect(result.text).toBeNull();
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ level: 'error', file: 'cat.doc' });
    expect(result.messages[0]?.message).toContain('cat.doc');
  });

  it('reports an OLE file with only a header as damaged', async () => {
    const result = await read('dau.doc', sample().subarray(0, 512));
    expect(result.text).toBeNull();
    expect(result.messages[0]?.level).toBe('error');
  });

  it('reports garbage after a valid OLE header as damaged', async () => {
    const bytes = sample();
    for (let index = 512; index < bytes.length; index++) bytes[index] = (index * 7919) % 251;
    const result = await read('rac.doc', bytes);
    expect(result.text).toBeNull();
    expect(result.messages[0]?.level).toBe('error');
  });

  it('names an OLE file that is an Excel workbook, not a Word document', async () => {
    const bytes = sample();
    const { wordDocumentEntry } = oleLayout(bytes);
    // Rename the WordDocument stream to Excel's "Workbook" (name, then its length in bytes + NUL).
    bytes.fill(0, wordDocumentEntry, wordDocumentEntry + 64);
    bytes.write('Workbook', wordDocumentEntry, 'utf16le');
    bytes.writeUInt16LE(('Workbook'.length + 1) * 2, wordDocumentEntry + 64);
    const result = await read('bang-tinh.doc', bytes);
    expect(result.text).toBeNull();
    expect(result.messages).toMatchObject([{ level: 'error', code: 'doc-not-word', file: 'bang-tinh.doc' }]);
    expect(result.messages[0]?.message).toContain('Excel');
  });

  it('reports an encrypted .doc (FIB fEncrypted) as password-protected', async () => {
    const bytes = sample();
    const { fib } = oleLayout(bytes);
    expect(bytes.readUInt16LE(fib)).toBe(0xa5ec);
    bytes.writeUInt16LE(bytes.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
    const result = await read('mat-khau.doc', bytes);
    expect(result.text).toBeNull();
    expect(result.messages).toMatchObject([{ level: 'error', code: 'doc-encrypted' }]);
    expect(result.messages[0]?.message).toContain('mật khẩu');
  });

  it('reports a Word 6.0/95 file as too old', async () => {
    const bytes = sample();
    const { fib } = oleLayout(bytes);
    bytes.writeUInt16LE(0x0065, fib + 2);
    const result = await read('word95.doc', bytes);
    expect(result.messages).toMatchObject([{ level: 'error', code: 'doc-old-format' }]);
  });

  it('stops, within bounded time, on a sector chain that loops (word-extractor would never end)', async () => {
    const bytes = sample();
    const { sectorSize, wordDocumentEntry, firstFatSector } = oleLayout(bytes);
    const start = bytes.readUInt32LE(wordDocumentEntry + 0x74);
    // FAT entry of the stream's second sector points back to its first: A → B → A → …
    const fat = (firstFatSector + 1) * sectorSize;
    const second = bytes.readInt32LE(fat + start * 4);
    bytes.writeInt32LE(start, fat + second * 4);
    const began = Date.now();
    const result = await read('vong-lap.doc', bytes);
    expect(result.text).toBeNull();
    expect(result.messages[0]?.level).toBe('error');
    expect(Date.now() - began).toBeLessThan(25_000);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Word's control characters and tab-stop columns

describe('Word control characters', () => {
  it('drops field instructions and keeps results, nested fields too', () => {
    expect(resolveFields('Xem \x13 HYPERLINK "http://x" \x14trang này\x15.')).toBe('Xem trang này.');
    expect(resolveFields('Trang \x13PAGE\x14 4\x15 / \x13 NUMPAGES \x15')).toBe('Trang  4 / ');
    expect(resolveFields('\x13 IF \x13 PAGE \x14 1\x15 = 1 "a" \x14kết quả\x15')).toBe('kết quả');
  });

  it('turns cells, line breaks, page breaks and hyphens into the reader contract', () => {
    expect(storyToLines('A\x07B\x07\x07C\x0bD\rE\x0cF\x1eG\x1fH\x01\x08')).toEqual(['A', 'B', 'C', 'D', 'E', '\f', 'F-GH']);
  });
});

describe('splitTabColumns', () => {
  it('splits a two-column header into cells in table order', () => {
    expect(
      splitTabColumns([
        'UBND TỈNH BÌNH DƯƠNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ KHOA HỌC VÀ CÔNG NGHỆ\t\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 12/SKHCN-QLKH\t\tThủ Dầu Một, ngày 3 tháng 4 năm 2009',
        'V/v báo cáo tình hình',
      ]),
    ).toEqual([
      'UBND TỈNH BÌNH DƯƠNG',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/SKHCN-QLKH',
      'Thủ Dầu Một, ngày 3 tháng 4 năm 2009',
      'V/v báo cáo tình hình',
    ]);
  });

  it('splits a signature block laid out with tabs, left column first', () => {
    expect(
      splitTabColumns(['Nơi nhận:\tTM. ỦY BAN NHÂN DÂN', '- Như trên;\tCHỦ TỊCH', '- Lưu: VT.\t', '\t\tNguyễn Văn A']),
    ).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A']);
  });

  it('keeps a left-only line between lines of a block in the left column (a Party header in spaces)', () => {
    expect(
      splitTabColumns([
        'Đảng bộ cơ quan UBND            ĐẢNG CỘNG SẢN VIỆT NAM',
        '     HUYỆN LỆ THUỶ                       -------------------------------',
        '      Chi bộ Thanh tra   ',
        '                                                Lệ Thuỷ, ngày 29 tháng 11 năm 2011',
        '',
        'BẢN TỰ KIỂM ĐIỂM',
      ]),
    ).toEqual([
      'Đảng bộ cơ quan UBND',
      'HUYỆN LỆ THUỶ',
      'Chi bộ Thanh tra',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '-------------------------------',
      'Lệ Thuỷ, ngày 29 tháng 11 năm 2011',
      '',
      'BẢN TỰ KIỂM ĐIỂM',
    ]);
  });

  it('keeps a single tab in body text as a space, and drops indentation', () => {
    expect(
      splitTabColumns([
        '1.\tMục tiêu chung',
        '\tCăn cứ Luật Tổ chức chính quyền địa phương;',
        'a)\tTHỰC HIỆN NGAY',
        '1.2.\tMỤC TIÊU CỤ THỂ',
        'II.\tNHIỆM VỤ',
        'Chương I\tQUY ĐỊNH CHUNG',
        'Thời gian:\ttừ ngày 01/01 đến ngày 31/12.',
      ]),
    ).toEqual([
      '1. Mục tiêu chung',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'a) THỰC HIỆN NGAY',
      '1.2. MỤC TIÊU CỤ THỂ',
      'II. NHIỆM VỤ',
      'Chương I QUY ĐỊNH CHUNG',
      'Thời gian: từ ngày 01/01 đến ngày 31/12.',
    ]);
  });

  it('treats a wide run of spaces like a tab gap, but not the blanks of a draft', () => {
    expect(splitTabColumns(['ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])).toEqual([
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]);
    expect(splitTabColumns(['Số:          /QĐ-UBND'])).toEqual(['Số:          /QĐ-UBND']);
    expect(splitTabColumns(['Lâm Đồng, ngày         tháng 3 năm 2026'])).toEqual(['Lâm Đồng, ngày         tháng 3 năm 2026']);
  });
});

describe('legacy paragraphs in a .doc', () => {
  const unicode = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;';
  const tcvn3 = unicodeToLegacy('Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 217/KCN-ĐT;', 'tcvn3');

  it('converts the TCVN3 paragraphs of a mixed document and leaves its Unicode ones', () => {
    const lines = [unicode, tcvn3, tcvn3, unicode, tcvn3];
    const result = convertLegacyLines(lines);
    expect(result.encoding).toBe('tcvn3');
    expect(result.lines).toEqual([
      unicode,
      'Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 217/KCN-ĐT;',
      'Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 217/KCN-ĐT;',
      unicode,
      'Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 217/KCN-ĐT;',
    ]);
  });

  it('converts one TCVN3 paragraph pasted into a Unicode document', () => {
    const lines = [unicode, unicode, unicode, unicode, tcvn3, unicode];
    expect(convertLegacyLines(lines).lines[4]).toBe(
      'Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 217/KCN-ĐT;',
    );
  });

  it('converts VNI paragraphs', () => {
    const vni = unicodeToLegacy('Kính gửi: Sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố.', 'vni');
    expect(convertLegacyLines([vni, vni]).lines).toEqual([
      'Kính gửi: Sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố.',
      'Kính gửi: Sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố.',
    ]);
  });

  it('leaves a Unicode document alone', () => {
    const lines = [unicode, 'Công ty', 'Tháng 12 “năm” – 2011', unicode];
    expect(convertLegacyLines(lines)).toEqual({ lines, encoding: null });
  });

  it('gives a TCVN3 heading typed in .VnTimeH in capitals, but not a list item or a sentence', () => {
    expect(upperCaseFontRun('đảng cộng sản việt nam')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(upperCaseFontRun('- các sở, ngành;')).toBe('- các sở, ngành;');
    expect(upperCaseFontRun('Bản tự khai')).toBe('Bản tự khai');
    expect(upperCaseFontRun('đồng')).toBe('đồng');
  });
});
