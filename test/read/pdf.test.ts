import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readPdf } from '../../src/pipeline/read/pdf.ts';
import { layOutPage } from '../../src/pipeline/read/pdf/layout.ts';
import { buildLines, lineText } from '../../src/pipeline/read/pdf/lines.ts';
import { measureText, readsAsVietnamese } from '../../src/pipeline/read/pdf/quality.ts';
import type { TextRun } from '../../src/pipeline/read/pdf/runs.ts';
import { looksLikeStamp, splitStamps } from '../../src/pipeline/read/pdf/stamp.ts';
import { oneAtATime, withTimeout, type Cancel } from '../../src/pipeline/read/pdf/timeout.ts';
import { threadCpuMs } from '../../src/pipeline/read/cpu-time.ts';
import { unicodeToLegacy } from '../../src/pipeline/read/legacy-encoding.ts';
import type { ReaderOutput } from '../../src/pipeline/read/reader.ts';
import { makePdf, type TextLine } from '../fixtures/read/pdf/make-pdf.ts';

const corpus = join(import.meta.dirname, '../../../shared/corpus');
const TEXT_PDFS = [
  'qn-cv-507-2025',
  'qn-tb-565-2024',
  'bnv-cv-8977-2025',
  'bnv-cv-11902-2025',
  'lamdong-stp-ttr-146-2025',
  'hanoi-btctu-hd-huyhieu-2025',
] as const;
const SCANS = [
  'phutho-ubnd-cv-4532-2011-scan',
  'phutho-stttt-cv-275-2011-scan',
  'quangngai-ct-07-2018-scan',
  'lamdong-tb-493-2025-scan-ocr',
] as const;

interface Gold {
  citations: { number: string | null; count: number }[];
}

const cache = new Map<string, Promise<ReaderOutput>>();
/** Each real file is read once for all the tests on it (reading is the slow part). */
function readReal(name: string): Promise<ReaderOutput> {
  if (!cache.has(name))
    cache.set(name, readPdf(readFileSync(join(corpus, 'files', `${name}.pdf`)), `${name}.pdf`, { ocr: false }));
  return cache.get(name)!;
}

async function linesOf(name: string): Promise<string[]> {
  const output = await readReal(name);
  expect(output.text).not.toBeNull();
  return output.text!.split('\n');
}

/** The gold's folding: no spaces, upper case, en dash as hyphen. */
function fold(text: string): string {
  return text.replace(/[–—]/gu, '-').replace(/\s+/gu, '').toUpperCase();
}

describe('readPdf on real text PDFs', () => {
  it.each(TEXT_PDFS)('%s: every gold citation number occurs as often as the gold counts', async (name) => {
    const gold = JSON.parse(readFileSync(join(corpus, 'files-gold', `${name}.json`), 'utf8')) as Gold;
    const output = await readReal(name);
    expect(output.origin).toMatchObject({ format: 'pdf', reader: 'pdfjs', conversions: [], ocr: null });
    expect(output.messages.filter((message) => message.level === 'error')).toEqual([]);
    const text = fold(output.text ?? '');
    for (const citation of gold.citations) {
      if (citation.number === null) continue;
      expect(text.split(fold(citation.number)).length - 1, citation.number).toBe(citation.count);
    }
  });

  it('reads the header table column by column: organ, number and V/v, then motto and date', async () => {
    const lines = await linesOf('qn-cv-507-2025');
    expect(lines.slice(0, 4)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH QUẢNG NGÃI',
      'Số: 507 /UBND-KGVX',
      'V/v góp ý dự thảo Quyết định sửa',
    ]);
    const motto = lines.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(motto).toBeGreaterThan(lines.indexOf('viễn thông công ích'));
    expect(lines[motto + 1]).toBe('Độc lập - Tự do - Hạnh phúc');
    // The day is written by the signing tool into a widget over the blank: it must be there, spaced.
    expect(lines[motto + 2]).toBe('Quảng Ngãi, ngày 24 tháng 01 năm 2025');
    expect(lines[motto + 3]).toBe('Kính gửi: Sở Thông tin và Truyền thông');
  });

  it('reads a ministry and a Party header the same way', async () => {
    const bnv = await linesOf('bnv-cv-8977-2025');
    expect(bnv.slice(0, 2)).toEqual(['BỘ NỘI VỤ', 'Số: 8977 /BNV-TCPCP']);
    expect(bnv).toContain('Hà Nội, ngày 06 tháng 10 năm 2025');
    const party = await linesOf('hanoi-btctu-hd-huyhieu-2025');
    expect(party.slice(0, 6)).toEqual([
      'THÀNH UỶ HÀ NỘI',
      'BAN TỔ CHỨC',
      '*',
      'Số -HD/BTCTU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày tháng 8 năm 2025',
    ]);
  });

  it('joins the lines of a paragraph and keeps the hyphen of a number cut at a line end', async () => {
    const lines = await linesOf('qn-tb-565-2024');
    const text = lines.join('\n');
    expect(text).toContain('số 6138/UBND-KGVX ngày 13/11/2024');
    expect(text).not.toMatch(/UBND-\s+KGVX/u);
    expect(lines).toContain('I. Đánh giá chung');
    expect(
      lines.some(
        (line) => line.startsWith('Ngày 12/11/2024, tại trụ sở UBND tỉnh') && line.endsWith('UBND các huyện, thị xã, thành phố.'),
      ),
    ).toBe(true);
  });

  it('drops page numbers and separates pages with a form feed line', async () => {
    const output = await readReal('qn-tb-565-2024');
    const lines = output.text!.split('\n');
    expect(lines.filter((line) => line === '\f')).toHaveLength(output.origin.pageCount! - 1);
    expect(lines.filter((line) => /^\d{1,3}$/u.test(line))).toEqual([]);
  });

  it('moves the signature stamp after the body and reads the signature table by column', async () => {
    const lines = await linesOf('qn-cv-507-2025');
    expect(lines.at(-1)).toBe('Chữ ký số: TRUNG TÂM CÔNG BÁO VÀ TIN HỌC; ttcbth@quangngai.gov.vn; 24.01.2025 20:01:14 +07:00');
    expect(lines.filter((line) => line.includes('ttcbth@'))).toHaveLength(1);
    const received = lines.indexOf('Nơi nhận:');
    expect(lines.slice(received, received + 2)).toEqual(['Nơi nhận:', '- Như trên;']);
    expect(lines.slice(received + 7, received + 11)).toEqual([
      'TL. CHỦ TỊCH',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Phùng Tô Long',
    ]);
  });
});

describe('readPdf on scans', () => {
  it.each(SCANS)('%s is a scan (no text layer, a garbage one, or only the stamp)', async (name) => {
    const output = await readReal(name);
    expect(output.origin.format).toBe('pdf-scan');
    expect(output.origin.pageCount).toBeGreaterThan(0);
    // OCR is off here: the file is reported as a scan that needs it.
    expect(output.text).toBeNull();
    expect(output.messages.map((message) => message.code)).toEqual(['ocr-off', 'pdf-is-scan']);
  });

  it('measures a garbled OCR layer as not Vietnamese, and real text as Vietnamese', () => {
    expect(
      readsAsVietnamese(
        measureText('uY BAN NgAN nAN TINH LAMDONG 56:]+9-} /TB-LIBND Ldm D6ng, ngdy fithdng 11 ndm 2025 '.repeat(4)),
      ),
    ).toBe(false);
    expect(
      readsAsVietnamese(
        measureText(
          'Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202/BTTTT-KHTC ngày 21/01/2025 về việc góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg',
        ),
      ),
    ).toBe(true);
  });

  it('recognises a signature stamp with or without labels, and not a header line', () => {
    expect(
      looksLikeStamp(
        'Ký bởi: ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG Cơ quan: ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG Thời gian ký: 13/11/2025 15:53:50',
      ),
    ).toBe(true);
    expect(looksLikeStamp('Trung tâm Công báo và Tin học ttcbth@quangngai.gov.vn 21.03.2018 16:41:00 +07:00')).toBe(true);
    expect(looksLikeStamp('Quảng Ngãi, ngày 24 tháng 01 năm 2025')).toBe(false);
    expect(looksLikeStamp('507')).toBe(false);
  });
});

describe('readPdf on legacy-font text layers', () => {
  const body = [
    'Bản tự kiểm điểm của đảng viên năm 2011',
    'Căn cứ Quy định số 76-QĐ/TW của Bộ Chính trị về việc đảng viên thường xuyên giữ mối liên hệ',
  ];
  const pdfOf = (lines: readonly string[], baseFont: string, encoding: 'tcvn3' | 'vni' = 'tcvn3'): Uint8Array =>
    makePdf([lines.map((text, index) => ({ text: unicodeToLegacy(text, encoding), x: 60, y: 760 - 20 * index, size: 10 }))], {
      baseFont,
    });

  it('converts TCVN3 by the font name, capitals for a .VnTimeH font, ư (0xAD) included', async () => {
    const output = await readPdf(pdfOf(body, '.VnTime'), 'tcvn3.pdf', {});
    expect(output.text).toBe(body.join('\n'));
    expect(output.origin.conversions).toEqual(['tcvn3']);
    const heading = await readPdf(pdfOf(['đảng bộ huyện lệ thuỷ', 'chi bộ thanh tra huyện'], '.VnTimeH'), 'tcvn3-hoa.pdf', {});
    expect(heading.text).toBe('ĐẢNG BỘ HUYỆN LỆ THUỶ\nCHI BỘ THANH TRA HUYỆN');
  });

  it('converts TCVN3 text under a font whose name says nothing, by what the text reads as', async () => {
    const output = await readPdf(pdfOf(body, 'Helvetica'), 'tcvn3-arial.pdf', {});
    expect(output.text).toBe(body.join('\n'));
    expect(output.origin.conversions).toEqual(['tcvn3']);
  });

  it('converts a short run in a second font once the document is known to be TCVN3', async () => {
    const pdf = makePdf([
      [
        ...body.map((text, index) => ({
          text: unicodeToLegacy(text, 'tcvn3'),
          x: 60,
          y: 760 - 20 * index,
          size: 10,
          font: '.VnTime',
        })),
        { text: unicodeToLegacy('Nơi nhận:', 'tcvn3'), x: 60, y: 600, size: 10, font: 'Arial' },
      ],
    ]);
    const output = await readPdf(pdf, 'tcvn3-hai-phong.pdf', {});
    expect(output.text).toBe([...body, 'Nơi nhận:'].join('\n'));
  });

  it('converts VNI text, by the font name or by the text', async () => {
    for (const font of ['VNI-Times', 'Helvetica']) {
      const output = await readPdf(pdfOf(body, font, 'vni'), `vni-${font}.pdf`, {});
      expect(output.text, font).toBe(body.join('\n'));
      expect(output.origin.conversions).toEqual(['vni']);
    }
  });
});

describe('buildLines', () => {
  const run = (text: string, x: number, width: number, y = 100, size = 14): TextRun => ({
    text,
    x,
    y,
    width,
    size,
    font: 'f',
    annotation: -1,
  });

  it('joins runs cut inside a word without a space and puts one where the gap is a space', () => {
    const lines = buildLines([run('bổ sung một số điề', 99.3, 103.8), run('u của Quyết định', 203.0, 90), run('số', 296.5, 12)]);
    expect(lines.map(lineText)).toEqual(['bổ sung một số điều của Quyết định số']);
  });

  it('keeps a footnote mark apart from the number it follows', () => {
    const lines = buildLines([
      run('Hướng dẫn số 12-HD/BTCTW', 70, 150),
      run('1', 220, 5, 96, 9),
      run('ngày 18/01/2022', 226, 90),
    ]);
    expect(lines.map(lineText)).toEqual(['Hướng dẫn số 12-HD/BTCTW 1 ngày 18/01/2022']);
  });

  it('splits a line into segments at a column-wide gap and groups by baseline', () => {
    const lines = buildLines([
      run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 287, 271, 83, 13),
      run('ỦY BAN NHÂN DÂN', 109, 122, 83.2, 13),
      run('TỈNH QUẢNG NGÃI', 109, 122, 98, 13),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.segments.map((segment) => segment.text)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(lineText(lines[1]!)).toBe('TỈNH QUẢNG NGÃI');
  });
});

describe('layOutPage on a decision laid out by ND30', () => {
  /** A run at (x, y) whose width is its text's length at half an em per character. */
  const at = (text: string, x: number, y: number, size = 13): TextRun => ({
    text,
    x,
    y,
    width: text.length * size * 0.5,
    size,
    font: 'f',
    annotation: -1,
  });
  const page = (runs: TextRun[]) => ({ width: 595, height: 842, lines: buildLines(runs) });

  it('reads the header by column, keeps the centred title out of it, joins wrapped body lines, reads the signature by column', () => {
    const runs = [
      at('UBND TỈNH KON TUM', 70, 60),
      at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 60),
      at('SỞ NỘI VỤ', 100, 75),
      at('Độc lập - Tự do - Hạnh phúc', 340, 75),
      at('Số: 435/QĐ-SNV', 85, 100),
      at('Kon Tum, ngày 04 tháng 5 năm 2020', 320, 100),
      at('QUYẾT ĐỊNH', 265, 140),
      at('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của', 100, 180), // first-line indent
      at('Chính phủ về công tác văn thư, số 6138/UBND-', 70, 196, 13),
      at('KGVX và các văn bản khác;', 70, 212),
      at('Theo đề nghị của Trưởng phòng Tổ chức.', 100, 228),
      at('Nơi nhận:', 70, 280, 12),
      at('GIÁM ĐỐC', 380, 280),
      at('- Như Điều 3;', 70, 294, 11),
      at('- Lưu: VT.', 70, 308, 11),
      at('Nguyễn Văn A', 370, 360),
    ];
    // The wrapped lines reach the right margin as justified text does.
    runs[8]!.width = 525 - 70;
    runs[7]!.width = 525 - 100;
    expect(layOutPage(page(runs), true)).toEqual([
      'UBND TỈNH KON TUM',
      'SỞ NỘI VỤ',
      'Số: 435/QĐ-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kon Tum, ngày 04 tháng 5 năm 2020',
      'QUYẾT ĐỊNH',
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, số 6138/UBND-KGVX và các văn bản khác;',
      'Theo đề nghị của Trưởng phòng Tổ chức.',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Lưu: VT.',
      'GIÁM ĐỐC',
      'Nguyễn Văn A',
    ]);
  });

  it('splits header columns set closer than a column gap, but not a title with word spaces', () => {
    const runs = [
      at('ỦY BAN NHÂN DÂN TỈNH', 60, 60),
      at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 60 + 20 * 6.5 + 14, 60),
      at('Số: 435/QĐ-UBND', 70, 80),
      at('Kon Tum, ngày 04 tháng 5 năm 2020', 70 + 16 * 6.5 + 60, 80),
      at('QUYẾT ĐỊNH', 200, 110),
      at('Về việc ban hành', 180, 126),
      at('Quy chế làm việc', 180 + 16 * 6.5 + 3, 126),
    ];
    expect(layOutPage(page(runs), true)).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH',
      'Số: 435/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Kon Tum, ngày 04 tháng 5 năm 2020',
      'QUYẾT ĐỊNH',
      'Về việc ban hành Quy chế làm việc',
    ]);
  });

  it('takes a signature stamp typeset in the page content out of the header', () => {
    const split = splitStamps([
      at('Ký bởi: Sở Nội vụ', 430, 20, 8),
      at('Email: snv@lamdong.gov.vn', 430, 30, 8),
      at('Thời gian ký: 13/11/2025 15:53:50', 430, 40, 8),
      at('UBND TỈNH LÂM ĐỒNG', 70, 60),
      at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 60),
    ]);
    expect(split.stamps).toEqual([['Ký bởi: Sở Nội vụ', 'Email: snv@lamdong.gov.vn', 'Thời gian ký: 13/11/2025 15:53:50']]);
    expect(buildLines(split.body).map(lineText)).toEqual(['UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  });
});

describe('readPdf on made PDFs and bad input', () => {
  const page = (number: number): TextLine[] => [
    { text: 'CÔNG BÁO TỈNH', x: 250, y: 800, size: 10 },
    { text: `Tình hình công tác các ngành tháng này, trang ${number}.`, x: 72, y: 700 },
    { text: String(number), x: 290, y: 30, size: 10 },
  ];

  it('drops a running header and page numbers', async () => {
    const output = await readPdf(makePdf([page(1), page(2), page(3)]), 'ba-trang.pdf', {});
    expect(output.text).toBe(
      [
        'Tình hình công tác các ngành tháng này, trang 1.',
        '\f',
        'Tình hình công tác các ngành tháng này, trang 2.',
        '\f',
        'Tình hình công tác các ngành tháng này, trang 3.',
      ].join('\n'),
    );
  });

  it('puts the number and day a signing tool wrote into widgets in place, and the stamp widget at the end', async () => {
    const pdf = makePdf(
      [
        [
          { text: 'UBND TINH KON TUM', x: 70, y: 780 },
          { text: 'CÔNG HÒA', x: 330, y: 780 },
          { text: 'So:', x: 80, y: 750 },
          { text: '/QÐ-UBND', x: 130, y: 750 },
          { text: 'Kon Tum, ngày', x: 320, y: 750 },
          { text: 'tháng 5', x: 420, y: 750 },
          { text: 'Tình hình công tác các ngành tháng này.', x: 70, y: 700 },
        ],
      ],
      {
        widgets: [
          { page: 1, rect: [98, 745, 130, 765], lines: ['  12'] },
          { page: 1, rect: [398, 745, 420, 765], lines: [' 04'] },
          {
            page: 1,
            rect: [400, 790, 560, 840],
            lines: ['SO NOI VU', 'snv@kontum.gov.vn', '04.05.2020 10:01:14 +07:00'],
            size: 8,
          },
        ],
      },
    );
    const output = await readPdf(pdf, 'ky-so.pdf', {});
    expect(output.text).toBe(
      [
        'UBND TINH KON TUM',
        'So: 12 /QÐ-UBND',
        'CÔNG HÒA',
        'Kon Tum, ngày 04 tháng 5',
        'Tình hình công tác các ngành tháng này.',
        'Chữ ký số: SO NOI VU; snv@kontum.gov.vn; 04.05.2020 10:01:14 +07:00',
      ].join('\n'),
    );
  });

  it('warns about pages without a text layer inside a text PDF', async () => {
    const output = await readPdf(makePdf([page(1), [], page(3)]), 'phu-luc-quet.pdf', {});
    expect(output.text).toContain('trang 3.');
    expect(output.messages).toEqual([expect.objectContaining({ level: 'warning', code: 'pdf-pages-without-text' })]);
    expect(output.messages[0]!.message).toContain('trang 2 không có lớp chữ');
  });

  it(
    'OCRs only the page without a text layer of a mixed PDF (a text letter + a scanned page)',
    { timeout: 180_000 },
    async (context) => {
      const { tesseractAvailable } = await import('../../src/pipeline/read/ocr.ts');
      const tools = await tesseractAvailable();
      let united: Uint8Array;
      const folder = mkdtempSync(join(tmpdir(), 'pdf-mixed-'));
      onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
      try {
        execFileSync('pdfseparate', [
          '-f',
          '1',
          '-l',
          '1',
          join(corpus, 'files', 'quangngai-ct-07-2018-scan.pdf'),
          join(folder, 'scan-%d.pdf'),
        ]);
        execFileSync('pdfunite', [
          join(corpus, 'files', 'bnv-cv-11902-2025.pdf'),
          join(folder, 'scan-1.pdf'),
          join(folder, 'mixed.pdf'),
        ]);
        united = readFileSync(join(folder, 'mixed.pdf'));
      } catch {
        context.skip();
        return;
      }
      const textOnly = await readPdf(united, 'hon-hop.pdf', { ocr: false });
      const [letter] = textOnly.text!.split('\n\f\n');
      expect(letter).toContain('11902');
      expect(textOnly.origin.ocr).toBeNull();
      expect(textOnly.messages.map((message) => message.code)).toContain('pdf-pages-without-text');
      expect(textOnly.messages.find((message) => message.code === 'pdf-pages-without-text')!.message).toContain('trang 2');
      if (!tools.ok) return;
      const output = await readPdf(united, 'hon-hop.pdf', { ocrCacheDir: resolve('.cache/ocr-test') });
      // Page 1 is its text layer, unchanged; page 2 is OCR text of the scanned directive.
      expect(output.text!.startsWith(`${letter}\n\f\n`)).toBe(true);
      expect(output.text).toContain('TỈNH QUẢNG NGÃI');
      expect(output.text).toMatch(/^Số: .*\/CT-UBND$/mu);
      expect(output.origin).toMatchObject({ format: 'pdf', reader: 'pdfjs', pageCount: 2, ocr: { pages: 1 } });
      const notice = output.messages.find((message) => message.code === 'pdf-pages-ocr');
      expect(notice?.message).toContain('trang 2 không có lớp chữ nên đã được nhận dạng bằng OCR');
      expect(output.messages.map((message) => message.code)).not.toContain('pdf-pages-without-text');
    },
  );

  it('reads at most 500 pages of a longer file and says how many it read', async () => {
    const output = await readPdf(makePdf(Array.from({ length: 620 }, (_, index) => page(index + 1))), 'dai.pdf', {});
    expect(output.origin.pageCount).toBe(620);
    expect(output.text!.split('\n').filter((line) => line === '\f')).toHaveLength(499);
    expect(output.messages).toEqual([expect.objectContaining({ level: 'warning', code: 'pdf-truncated' })]);
    expect(output.messages[0]!.message).toContain('620 trang');
    expect(output.messages[0]!.message).toContain('chỉ đọc 500 trang');
  }, 60_000);

  it('reports a password-protected PDF', async () => {
    const output = await readPdf(makePdf([page(1)], { encrypted: true }), 'mat-khau.pdf', {});
    expect(output.text).toBeNull();
    expect(output.messages).toEqual([expect.objectContaining({ level: 'error', code: 'pdf-encrypted' })]);
    expect(output.messages[0]!.message).toContain('mat-khau.pdf');
    expect(output.messages[0]!.message).toContain('được bảo vệ bằng mật khẩu');
  });

  it.each([
    ['truncated', readFileSync(join(corpus, 'files', 'qn-cv-507-2025.pdf')).subarray(0, 200_000)],
    ['corrupt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7)])],
    ['header only', Buffer.from('%PDF-1.4\n')],
  ])('reports a %s PDF without throwing', async (kind, bytes) => {
    const output = await readPdf(bytes, `${kind}.pdf`, {});
    expect(output.text).toBeNull();
    expect(output.messages).toEqual([expect.objectContaining({ level: 'error', code: 'pdf-corrupt' })]);
    expect(output.messages[0]!.message).toContain(`${kind}.pdf`);
  });

  it('gives up on a read that does not end, and stops it', async () => {
    let destroyed = false;
    const result = await withTimeout(
      { cpuMs: 60_000, wallMs: 50 },
      (cancel) => {
        cancel.destroy = async () => {
          destroyed = true;
        };
        return new Promise<string>(() => undefined);
      },
      (limit) => `timed out (${limit})`,
    );
    expect(result).toBe('timed out (wall)');
    expect(destroyed).toBe(true);
  });

  it('stops work that uses more CPU time than its limit', async () => {
    let stopped = false;
    const burn = async (cancel: Cancel): Promise<string> => {
      cancel.destroy = async () => {
        stopped = true;
      };
      // Steps of busy work with turns for the timer between them, as pdfjs works.
      while (!stopped) {
        const until = performance.now() + 20;
        while (performance.now() < until);
        await new Promise((next) => setImmediate(next));
      }
      throw new Error('stopped');
    };
    const started = threadCpuMs();
    const result = await withTimeout({ cpuMs: 200, wallMs: 60_000 }, burn, (limit) => `timed out (${limit})`);
    expect(result).toBe('timed out (cpu)');
    expect(threadCpuMs() - started).toBeGreaterThanOrEqual(200);
    expect(stopped).toBe(true);
  });

  it('does not count time spent waiting: a slow machine does not drop a file', async () => {
    // 600 ms of wall time against a 300 ms limit, but almost none of it CPU time: on a busy
    // machine a read waits like this between its steps.
    const waits = async (): Promise<string> => {
      for (let step = 0; step < 6; step += 1) await new Promise((next) => setTimeout(next, 100));
      return 'read';
    };
    expect(await withTimeout({ cpuMs: 300, wallMs: 60_000 }, waits, (limit) => `timed out (${limit})`)).toBe('read');
  });

  it('counts the CPU time of this thread only', async () => {
    // Other threads at work (the pipeline's analysis workers) do not use up this thread's time.
    const { Worker } = await import('node:worker_threads');
    const busy = new Worker('const until = Date.now() + 600; while (Date.now() < until);', { eval: true });
    const started = threadCpuMs();
    await new Promise((done) => busy.once('exit', done));
    expect(threadCpuMs() - started).toBeLessThan(300);
  });

  it('reads PDFs started together one after another, each within its own limit', async () => {
    const order: string[] = [];
    const job = (name: string) => async (): Promise<string> => {
      order.push(`${name} start`);
      await new Promise((next) => setTimeout(next, 20));
      order.push(`${name} end`);
      return name;
    };
    expect(await Promise.all([oneAtATime(job('a')), oneAtATime(job('b'))])).toEqual(['a', 'b']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    // A failed read does not hold up the next.
    await expect(oneAtATime(() => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(await oneAtATime(job('c'))).toBe('c');
  });

  it('accepts a Node Buffer and leaves the caller’s bytes intact', async () => {
    const bytes = Buffer.from(makePdf([page(1)]));
    const before = Buffer.from(bytes);
    const output = await readPdf(bytes, 'buffer.pdf', {});
    expect(output.text).toContain('trang 1.');
    expect(bytes.equals(before)).toBe(true);
  });
});

describe('pdfjs loading', () => {
  it('leaves the native JSON.stringify and JSON.parse in place after reading a PDF', async () => {
    const isNative = (fn: unknown): boolean => String(fn).includes('[native code]');
    const output = await readPdf(readFileSync(join(corpus, 'files', 'bnv-cv-11902-2025.pdf')), 'bnv-cv-11902-2025.pdf', {
      ocr: false,
    });
    expect(output.text?.length).toBeGreaterThan(500);
    // pdfjs's legacy build bundles core-js, which swaps in a far slower JSON.stringify on Node 20.
    expect(isNative(JSON.stringify)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(JSON.stringify({ a: [1, 'đ'] }, null, 2)).toBe('{\n  "a": [\n    1,\n    "đ"\n  ]\n}');
  });
});
