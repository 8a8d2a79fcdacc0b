import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcr, ocrPdf, readImage, tesseractAvailable } from '../../src/pipeline/read/ocr.ts';
import { runCommand, type OcrCommands, type RunCommand, type RunResult } from '../../src/pipeline/read/ocr/commands.ts';
import { imageSize } from '../../src/pipeline/read/ocr/image-size.ts';
import { readOcrCache, writeOcrCache } from '../../src/pipeline/read/ocr/cache.ts';
import { tsvToPages } from '../../src/pipeline/read/ocr/tsv.ts';

const INSTALL = 'apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils';
const tesseract = await tesseractAvailable();
const NO_TESSERACT = `Tesseract (vie) + poppler not installed here (${tesseract.reason ?? ''}): ${INSTALL}`;
const scans = '../shared/corpus/files';

// Every folder made here is removed after the file's tests: five were left in /tmp per run.
const temporaryFolders: string[] = [];
const temporary = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'ocr-test-'));
  temporaryFolders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------
// Headers built byte by byte: what a file claims about its size, without pixels.

function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24); // 8-bit greyscale
  return bytes;
}

function jpegHeader(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment to skip, then SOF0 with height and width.
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    4,
    0,
    0,
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
  ]);
}

function tiffHeader(sizes: readonly [number, number][]): Uint8Array {
  const bytes = new Uint8Array(8 + sizes.length * 30);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0]);
  view.setUint32(4, 8, true);
  sizes.forEach(([width, height], index) => {
    const ifd = 8 + index * 30;
    view.setUint16(ifd, 2, true);
    view.setUint16(ifd + 2, 256, true);
    view.setUint16(ifd + 4, 4, true);
    view.setUint32(ifd + 6, 1, true);
    view.setUint32(ifd + 10, width, true);
    view.setUint16(ifd + 14, 257, true);
    view.setUint16(ifd + 16, 4, true);
    view.setUint32(ifd + 18, 1, true);
    view.setUint32(ifd + 22, height, true);
    view.setUint32(ifd + 26, index + 1 < sizes.length ? ifd + 30 : 0, true);
  });
  return bytes;
}

// ---------------------------------------------------------------------------------------
// A simulated Tesseract/poppler: answers like the real programs, counts the runs.

/** TSV rows of level 5 (words) for lines of words, as Tesseract writes them. */
function tsv(lines: readonly string[], confidence = 92, page = 1): string {
  const rows = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext'];
  lines.forEach((line, lineIndex) => {
    let left = 100;
    line.split(' ').forEach((word, wordIndex) => {
      rows.push(
        ['5', page, 1, 1, lineIndex + 1, wordIndex + 1, left, 100 + lineIndex * 60, word.length * 25, 50, confidence, word].join(
          '\t',
        ),
      );
      left += word.length * 25 + 15;
    });
  });
  return `${rows.join('\n')}\n`;
}

let fakeCount = 0;

interface Fake {
  commands: OcrCommands;
  run: RunCommand;
  /** Recognition runs (Tesseract on an image, not the version checks). */
  recognitions: () => number;
  renders: string[][];
  mostAtOnce: () => number;
  /** The time limit each recognition was given. */
  recognitionLimits: number[];
}

function fakeTools(
  options: {
    pages?: number;
    pageSize?: string;
    languages?: string;
    confidence?: number;
    failPage?: number;
    delayMs?: number;
    /** CPU time each recognition reports (default 1 ms), and each render. */
    recognitionCpuMs?: number;
    renderCpuMs?: number;
  } = {},
): Fake {
  fakeCount += 1;
  const commands = {
    tesseract: `fake-tesseract-${fakeCount}`,
    pdftoppm: `fake-pdftoppm-${fakeCount}`,
    pdfinfo: `fake-pdfinfo-${fakeCount}`,
  };
  const pages = options.pages ?? 2;
  let recognitions = 0;
  let running = 0;
  let mostAtOnce = 0;
  const renders: string[][] = [];
  const recognitionLimits: number[] = [];
  const ok = (stdout: string, cpuMs = 1): RunResult => ({ ok: true, stdout, stderr: '', cpuMs });
  const run: RunCommand = async (command, args, timeoutMs) => {
    if (command === commands.tesseract) {
      if (args[0] === '--version') return ok('tesseract 5.3.0\n leptonica-1.82.0\n');
      if (args[0] === '--list-langs')
        return ok(
          `List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (2):\n${options.languages ?? 'eng\nvie'}\n`,
        );
      recognitions += 1;
      recognitionLimits.push(timeoutMs);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((done) => setTimeout(done, options.delayMs ?? 1));
      running -= 1;
      const page = Number(/page-(\d+)\.png$/u.exec(args[0]!)?.[1] ?? 1);
      const cpuMs = options.recognitionCpuMs ?? 1;
      if (page === options.failPage) return { ok: false, reason: 'failed', stderr: 'Error in pixReadStream', cpuMs };
      return ok(tsv([`Trang ${page} dòng một`, `Trang ${page} dòng hai`], options.confidence), cpuMs);
    }
    if (command === commands.pdfinfo) {
      const sizes = Array.from(
        { length: pages },
        (_, index) => `Page ${String(index + 1).padStart(4)} size: ${options.pageSize ?? '595 x 842'} pts (A4)`,
      );
      return ok(`Producer: EPSON Scan\nPages:          ${pages}\n${sizes.join('\n')}\n`);
    }
    if (command === commands.pdftoppm) {
      if (args[0] !== '-v') renders.push([...args]);
      return ok('', options.renderCpuMs ?? 1);
    }
    return { ok: false, reason: 'missing', stderr: '', cpuMs: 0 };
  };
  return { commands, run, recognitions: () => recognitions, renders, mostAtOnce: () => mostAtOnce, recognitionLimits };
}

const pdfBytes = (label: string): Uint8Array => new TextEncoder().encode(`%PDF-1.4 ${label}`);

// ---------------------------------------------------------------------------------------

describe('image headers and the pixel cap (no Tesseract needed)', () => {
  it('reads the size of PNG, JPEG and multi-page TIFF headers', () => {
    expect(imageSize(pngHeader(2480, 3508))).toEqual({ kind: 'png', width: 2480, height: 3508, frames: 1 });
    expect(imageSize(jpegHeader(1974, 2862))).toEqual({ kind: 'jpeg', width: 1974, height: 2862, frames: 1 });
    expect(
      imageSize(
        tiffHeader([
          [2400, 3423],
          [2413, 3429],
        ]),
      ),
    ).toEqual({ kind: 'tiff', width: 2413, height: 3429, frames: 2 });
    expect(imageSize(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it('refuses a PNG that claims 20,000 × 20,000 pixels before any OCR', async () => {
    const output = await readImage(pngHeader(20_000, 20_000), 'ban-quet-khong-lo.png', {});
    expect(output.text).toBeNull();
    expect(output.messages).toHaveLength(1);
    expect(output.messages[0]).toMatchObject({ level: 'error', code: 'ocr-too-large', file: 'ban-quet-khong-lo.png' });
    expect(output.messages[0]!.message).toContain('“ban-quet-khong-lo.png”');
    expect(output.messages[0]!.message).toContain('20000 × 20000');
  });

  it('refuses a JPEG and a TIFF page over the cap too', async () => {
    const jpeg = await readImage(jpegHeader(60_000, 1_000), 'a.jpg', {});
    const tiff = await readImage(
      tiffHeader([
        [2480, 3508],
        [20_000, 20_000],
      ]),
      'b.tif',
      {},
    );
    expect(jpeg.messages.map((message) => message.code)).toEqual(['ocr-too-large']);
    expect(tiff.messages.map((message) => message.code)).toEqual(['ocr-too-large']);
  });

  it('says a truncated image header is a broken image', async () => {
    const output = await readImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'hong.png', {});
    expect(output.text).toBeNull();
    expect(output.messages[0]).toMatchObject({ level: 'error', code: 'ocr-failed' });
    expect(output.messages[0]!.message).toContain('“hong.png”');
  });
});

describe('when OCR cannot run (no Tesseract needed)', () => {
  const missing = createOcr({
    commands: { tesseract: '/khong-co/tesseract', pdftoppm: '/khong-co/pdftoppm', pdfinfo: '/khong-co/pdfinfo' },
  });

  it('reports a scan PDF with the install command, and does not crash', async () => {
    const output = await missing.ocrPdf(pdfBytes('scan'), 'cong-van-quet.pdf', {}, 2);
    expect(output.text).toBeNull();
    expect(output.origin).toMatchObject({ format: 'pdf-scan', pageCount: 2, ocr: null });
    expect(output.messages).toHaveLength(1);
    const [message] = output.messages;
    expect(message).toMatchObject({ level: 'error', code: 'ocr-unavailable', file: 'cong-van-quet.pdf' });
    expect(message!.message).toContain('“cong-van-quet.pdf”');
    expect(message!.message).toContain('bản quét');
    expect(message!.message).toContain(INSTALL);
  });

  it('reports an image the same way, and says so when asked', async () => {
    const output = await missing.readImage(pngHeader(2480, 3508), 'anh.png', {});
    expect(output.messages.map((message) => message.code)).toEqual(['ocr-unavailable']);
    expect(output.messages[0]!.message).toContain(INSTALL);
    expect(await missing.tesseractAvailable()).toEqual({ ok: false, reason: 'không tìm thấy chương trình tesseract' });
  });

  it('names the missing Vietnamese data when Tesseract has no "vie"', async () => {
    const fake = fakeTools({ languages: 'eng\nosd' });
    const output = await createOcr(fake).ocrPdf(pdfBytes('no-vie'), 'x.pdf', {}, 1);
    expect(output.messages[0]!.code).toBe('ocr-unavailable');
    expect(output.messages[0]!.message).toContain('tesseract-ocr-vie');
    expect(fake.recognitions()).toBe(0);
  });

  it('reports OCR switched off (options.ocr === false) without running anything', async () => {
    const fake = fakeTools();
    const output = await createOcr(fake).ocrPdf(pdfBytes('off'), 'tat.pdf', { ocr: false }, 1);
    const image = await createOcr(fake).readImage(pngHeader(100, 100), 'tat.png', { ocr: false });
    expect(output.messages.map((message) => message.code)).toEqual(['ocr-off']);
    expect(image.messages.map((message) => message.code)).toEqual(['ocr-off']);
    expect(output.messages[0]!.message).toContain('“tat.pdf”');
    expect(fake.recognitions()).toBe(0);
  });
});

describe('OCR pipeline with a simulated Tesseract (no Tesseract needed)', () => {
  it('joins pages with "\\f" lines, reports progress, confidence and the OCR notice', async () => {
    const fake = fakeTools({ pages: 3 });
    const progress: string[] = [];
    const output = await createOcr(fake).ocrPdf(
      pdfBytes('three'),
      'ba-trang.pdf',
      { onProgress: (line) => progress.push(line) },
      3,
    );
    expect(output.text).toBe(
      'Trang 1 dòng một\nTrang 1 dòng hai\n\f\nTrang 2 dòng một\nTrang 2 dòng hai\n\f\nTrang 3 dòng một\nTrang 3 dòng hai',
    );
    expect(output.origin).toEqual({
      format: 'pdf-scan',
      reader: 'tesseract',
      pageCount: 3,
      conversions: [],
      ocr: { engine: 'tesseract 5.3.0 (vie)', confidence: 92, pages: 3 },
    });
    expect([...progress].sort()).toEqual([
      'OCR “ba-trang.pdf”: trang 1/3…',
      'OCR “ba-trang.pdf”: trang 2/3…',
      'OCR “ba-trang.pdf”: trang 3/3…',
    ]);
    expect(output.messages.map((message) => message.code)).toEqual(['ocr']);
    expect(output.messages[0]).toMatchObject({ level: 'warning' });
    expect(output.messages[0]!.message).toContain('92,0%');
    // One page per render, at 300 dpi in greyscale.
    expect(fake.renders.map((args) => args.slice(0, 8))).toContainEqual(['-r', '300', '-gray', '-png', '-f', '2', '-l', '2']);
  });

  it('OCRs only the first pages of a very long PDF, and says so', async () => {
    const fake = fakeTools({ pages: 5 });
    const output = await createOcr({ ...fake, limits: { maxPages: 2 } }).ocrPdf(pdfBytes('long'), 'dai.pdf', {}, 5);
    expect(fake.recognitions()).toBe(2);
    expect(output.origin.ocr?.pages).toBe(2);
    expect(output.origin.pageCount).toBe(5);
    const truncated = output.messages.find((message) => message.code === 'ocr-truncated');
    expect(truncated?.message).toBe('Tệp “dai.pdf” có 5 trang; chỉ OCR 2 trang đầu, các trang sau không được đọc.');
  });

  it("counts the CPU time of its programs against the file's limit, not the time they wait", async () => {
    // Ten pages that each wait 40 ms (a loaded machine) and work 1 ms, against a limit of
    // 100 ms: a wall-time limit would have left the last four pages out.
    const fake = fakeTools({ pages: 10, delayMs: 40 });
    const output = await createOcr({ ...fake, limits: { fileTimeoutMs: 100 } }).ocrPdf(pdfBytes('slow'), 'cham.pdf', {}, 10);
    expect(fake.recognitions()).toBe(10);
    expect(output.origin.ocr?.pages).toBe(10);
    expect(output.messages.map((message) => message.code)).not.toContain('ocr-timeout');
  });

  it('stops a file whose pages have used its CPU time, and says how many pages it read', async () => {
    // 40 s of work a page against 100 s for the file: pages 1–4 start before it is spent.
    const fake = fakeTools({ pages: 6, recognitionCpuMs: 40_000 });
    const output = await createOcr({ ...fake, limits: { fileTimeoutMs: 100_000 } }).ocrPdf(pdfBytes('busy'), 'nang.pdf', {}, 6);
    expect(fake.recognitions()).toBe(4);
    const timeout = output.messages.find((message) => message.code === 'ocr-timeout');
    expect(timeout?.message).toBe('Tệp “nang.pdf”: OCR quá thời gian cho cả tệp, chỉ đọc được 4/6 trang.');
  });

  it("gives Tesseract the CPU time of the page's limit that rendering left", async () => {
    const fake = fakeTools({ pages: 1, renderCpuMs: 30_000 });
    await createOcr({ ...fake, limits: { pageTimeoutMs: 120_000 } }).ocrPdf(pdfBytes('render'), 've.pdf', {}, 1);
    expect(fake.recognitionLimits).toEqual([90_000]);
  });

  it('renders a page too big for the pixel cap at a lower resolution, with a warning', async () => {
    const fake = fakeTools({ pages: 1, pageSize: '14400 x 14400' }); // 200 × 200 inches
    const output = await createOcr(fake).ocrPdf(pdfBytes('huge'), 'kho-lon.pdf', {}, 1);
    const dpi = Number(fake.renders[0]![1]);
    expect(dpi).toBeLessThan(300);
    expect((200 * dpi) ** 2).toBeLessThanOrEqual(50_000_000);
    expect(output.messages.map((message) => message.code)).toContain('ocr-downscaled');
  });

  it('warns about low confidence and about a page that failed, keeping the other pages', async () => {
    const fake = fakeTools({ pages: 2, confidence: 41, failPage: 2 });
    const output = await createOcr(fake).ocrPdf(pdfBytes('bad'), 'mo.pdf', {}, 2);
    expect(output.text).toBe('Trang 1 dòng một\nTrang 1 dòng hai\n\f\n');
    expect(output.messages.map((message) => message.code)).toEqual(['ocr', 'ocr-low-confidence', 'ocr-page-failed']);
    expect(output.messages[2]!.message).toContain('trang 2');
  });

  it('OCRs only the pages of a text PDF that have no text layer, and caches them by page list', async () => {
    const fake = fakeTools({ pages: 4 });
    const folder = temporary();
    const engine = createOcr(fake);
    const read = await engine.ocrPdfPages(pdfBytes('mixed'), 'hon-hop.pdf', { ocrCacheDir: folder }, [4, 2]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(fake.recognitions()).toBe(2);
    expect(fake.renders.map((args) => args.slice(4, 8)).sort()).toEqual([
      ['-f', '2', '-l', '2'],
      ['-f', '4', '-l', '4'],
    ]);
    expect([...read.pages.entries()]).toEqual([
      [2, ['Trang 2 dòng một', 'Trang 2 dòng hai']],
      [4, ['Trang 4 dòng một', 'Trang 4 dòng hai']],
    ]);
    expect(read).toMatchObject({ engine: 'tesseract 5.3.0 (vie)', confidence: 92, failed: [] });
    // Again: from the cache. Another page list is another entry.
    const again = await engine.ocrPdfPages(pdfBytes('mixed'), 'hon-hop.pdf', { ocrCacheDir: folder }, [2, 4]);
    expect(fake.recognitions()).toBe(2);
    expect(again.ok && [...again.pages.keys()]).toEqual([2, 4]);
    await engine.ocrPdfPages(pdfBytes('mixed'), 'hon-hop.pdf', { ocrCacheDir: folder }, [3]);
    expect(fake.recognitions()).toBe(3);
  });

  it("says why pages of a text PDF cannot be OCR'd (off, not installed)", async () => {
    const fake = fakeTools({ languages: 'eng' });
    expect(await createOcr(fake).ocrPdfPages(pdfBytes('x'), 'x.pdf', { ocr: false }, [1])).toEqual({ ok: false, reason: 'off' });
    expect(await createOcr(fake).ocrPdfPages(pdfBytes('x'), 'x.pdf', {}, [1])).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('says a scan whose every page fails cannot be read', async () => {
    const fake = fakeTools({ pages: 1, failPage: 1 });
    const output = await createOcr(fake).ocrPdf(pdfBytes('all-bad'), 'hong-het.pdf', {}, 1);
    expect(output.text).toBeNull();
    expect(output.messages).toHaveLength(1);
    expect(output.messages[0]).toMatchObject({ level: 'error', code: 'ocr-failed', file: 'hong-het.pdf' });
    expect(output.messages[0]!.message).toContain('“hong-het.pdf”');
  });

  it('runs at most two pages at once', async () => {
    const fake = fakeTools({ pages: 6, delayMs: 20 });
    await createOcr(fake).ocrPdf(pdfBytes('six'), 'sau.pdf', {}, 6);
    expect(fake.recognitions()).toBe(6);
    expect(fake.mostAtOnce()).toBe(2);
  });

  it('says a PDF pdfinfo cannot read is broken', async () => {
    const fake = fakeTools();
    const broken = createOcr({
      ...fake,
      run: async (command, args, timeout) =>
        command === fake.commands.pdfinfo
          ? { ok: false, reason: 'failed', stderr: 'Syntax Error', cpuMs: 1 }
          : fake.run(command, args, timeout),
    });
    const output = await broken.ocrPdf(pdfBytes('broken'), 'hong.pdf', {}, null);
    expect(output.text).toBeNull();
    expect(output.messages[0]).toMatchObject({ level: 'error', code: 'ocr-failed' });
    expect(output.messages[0]!.message).toContain('“hong.pdf”');
  });

  it('caches by content: a second read runs no OCR; another file, or a corrupt entry, is a miss', async () => {
    const cache = temporary();
    const fake = fakeTools({ pages: 2 });
    const ocr = createOcr(fake);
    const first = await ocr.ocrPdf(pdfBytes('cached'), 'a.pdf', { ocrCacheDir: cache }, 2);
    expect(fake.recognitions()).toBe(2);
    const second = await ocr.ocrPdf(pdfBytes('cached'), 'b.pdf', { ocrCacheDir: cache }, 2);
    expect(fake.recognitions()).toBe(2);
    expect(second.text).toBe(first.text);
    expect(second.origin).toEqual(first.origin);
    expect(second.messages[0]!.message).toContain('“b.pdf”');

    await ocr.ocrPdf(pdfBytes('other'), 'c.pdf', { ocrCacheDir: cache }, 2);
    expect(fake.recognitions()).toBe(4);

    const entries = readdirSync(cache);
    expect(entries.every((name) => name.endsWith('.json'))).toBe(true); // no temporary files left
    for (const name of entries) writeFileSync(join(cache, name), '{"key": "not json');
    await ocr.ocrPdf(pdfBytes('cached'), 'a.pdf', { ocrCacheDir: cache }, 2);
    expect(fake.recognitions()).toBe(6);
  });

  it('does not cache a result with a failed page', async () => {
    const cache = temporary();
    const fake = fakeTools({ pages: 2, failPage: 1 });
    await createOcr(fake).ocrPdf(pdfBytes('fail'), 'f.pdf', { ocrCacheDir: cache }, 2);
    await createOcr(fake).ocrPdf(pdfBytes('fail'), 'f.pdf', { ocrCacheDir: cache }, 2);
    expect(fake.recognitions()).toBe(4);
  });

  it('reads back what it wrote, and treats an entry of another key as a miss', async () => {
    const cache = temporary();
    await writeOcrCache(cache, { key: 'k1', pages: ['a', 'b'] });
    expect(await readOcrCache(cache, 'k1')).toEqual({ key: 'k1', pages: ['a', 'b'] });
    writeFileSync(join(cache, 'k2.json'), JSON.stringify({ key: 'k1', pages: ['a'] }));
    expect(await readOcrCache(cache, 'k2')).toBeNull();
    expect(await readOcrCache(cache, 'absent')).toBeNull();
  });
});

describe('the time limit of an OCR program (no Tesseract needed)', () => {
  // Tesseract and pdftoppm stand in for programs that work or wait: `sh` and `sleep`.
  it('stops a program that works past its limit of CPU time', async () => {
    const result = await runCommand('sh', ['-c', 'while :; do :; done'], 300);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('does not count time the program spends waiting: a busy machine does not drop a page', async () => {
    // 0.8 s of wall time against a 0.3 s limit, almost none of it CPU time, as a page
    // recognised on a machine at load 25 spends most of its time waiting for a core.
    const result = await runCommand('sleep', ['0.8'], 300);
    expect(result).toMatchObject({ ok: true });
    expect(result.cpuMs).toBeLessThan(300);
  });

  it('reports the CPU time a program used', async () => {
    const result = await runCommand('sh', ['-c', 'while :; do :; done'], 600);
    expect(result.cpuMs).toBeGreaterThan(600);
  });

  it('stops a program that waits ten times its limit', async () => {
    const result = await runCommand('sleep', ['30'], 100);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('tells a missing program and a failing one apart', async () => {
    expect(await runCommand('no-such-program-vbg', [], 1000)).toMatchObject({ ok: false, reason: 'missing' });
    expect(await runCommand('sh', ['-c', 'echo hỏng >&2; exit 3'], 1000)).toMatchObject({
      ok: false,
      reason: 'failed',
      stderr: 'hỏng\n',
    });
  });
});

describe('TSV → lines', () => {
  const row = (block: number, line: number, left: number, width: number, text: string, height = 50, conf = 95): string =>
    ['5', 1, block, 1, line, 1, left, 100 * line, width, height, conf, text].join('\t');

  it('cuts a header line at the column gap, drops table borders and specks, keeps list dashes', () => {
    const rows = [
      row(1, 1, 250, 100, 'ỦY'),
      row(1, 1, 370, 120, 'BAN'),
      row(1, 1, 510, 110, 'NHÂN'),
      row(1, 1, 640, 115, 'DÂN'),
      row(1, 1, 860, 16, 'š', 10, 35),
      row(1, 1, 1063, 157, 'CỘNG'),
      row(1, 1, 1240, 100, 'HÒA'),
      row(2, 2, 200, 20, '-'),
      row(2, 2, 240, 100, 'Như'),
      row(2, 2, 360, 100, 'trên;'),
      row(2, 2, 700, 5, '|'),
    ];
    expect(tsvToPages(rows.join('\n'))).toEqual([
      { lines: ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA', '- Như trên;'], confidences: [95, 95, 95, 95, 35, 95, 95, 95, 95, 95] },
    ]);
  });

  /** One line of words with their confidences, laid out left to right with word spaces. */
  const line = (block: number, words: readonly [string, number][], lineNumber = 1): string[] => {
    let left = 100;
    return words.map(([text, conf]) => {
      const cells = ['5', 1, block, 1, lineNumber, 1, left, 100 * lineNumber, text.length * 25, 50, conf, text].join('\t');
      left += text.length * 25 + 15;
      return cells;
    });
  };
  const textOf = (rows: readonly string[]): string[] => tsvToPages(rows.join('\n'))[0]!.lines;

  it('drops a doubtful handwritten number but keeps the printed code (real readings of handwriting)', () => {
    expect(
      textOf(
        line(1, [
          ['Số:', 93],
          ['JT§', 27],
          ['/STTTT-CNTT', 85],
        ]),
      ),
    ).toEqual(['Số: /STTTT-CNTT']);
    expect(
      textOf(
        line(1, [
          ['Số:', 96],
          ['/42/UBND-', 13],
          ['KSTTHC', 90],
        ]),
      ),
    ).toEqual(['Số: /UBND- KSTTHC']);
    expect(
      textOf(
        line(1, [
          ['Só:J¿92', 39],
          ['/TB-UBND', 92],
        ]),
      ),
    ).toEqual(['Số: /TB-UBND']);
    // A number Tesseract is sure of, or digits, stay as read.
    expect(
      textOf(
        line(1, [
          ['Số:', 96],
          ['435/QĐ-UBND', 95],
        ]),
      ),
    ).toEqual(['Số: 435/QĐ-UBND']);
    expect(
      textOf(
        line(1, [
          ['Số:', 96],
          ['275', 41],
          ['/STTTT-CNTT', 85],
        ]),
      ),
    ).toEqual(['Số: 275 /STTTT-CNTT']);
    // "Sở" is not "Số", and a line without a code is not a number line.
    expect(
      textOf(
        line(1, [
          ['Sở', 96],
          ['Nội', 96],
          ['vụ;', 40],
        ]),
      ),
    ).toEqual(['Sở Nội vụ;']);
  });

  it('drops an impossible handwritten day or month in the header date only', () => {
    expect(
      textOf(
        line(1, [
          ['Quảng', 96],
          ['Ngãi,', 95],
          ['ngày', 96],
          ['80', 70],
          ['tháng', 95],
          ['3', 90],
          ['năm', 96],
          ['2018', 96],
        ]),
      ),
    ).toEqual(['Quảng Ngãi, ngày tháng 3 năm 2018']);
    expect(
      textOf(
        line(1, [
          ['Lâm', 96],
          ['Đông,', 86],
          ['ngày', 96],
          ['J2', 74],
          ['tháng', 94],
          ['11', 68],
          ['năm', 96],
          ['2025', 96],
        ]),
      ),
    ).toEqual(['Lâm Đông, ngày tháng 11 năm 2025']);
    expect(
      textOf(
        line(1, [
          ['Hà', 96],
          ['Nội,', 96],
          ['ngày', 96],
          ['07', 50],
          ['tháng', 96],
          ['12', 96],
          ['năm', 96],
          ['2011', 96],
        ]),
      ),
    ).toEqual(['Hà Nội, ngày 07 tháng 12 năm 2011']);
    // A sentence of the body is never touched.
    const body: [string, number][] = [
      ['trong', 96],
      ['30', 96],
      ['ngày', 96],
      ['kể', 96],
      ['tháng', 96],
      ['này', 96],
      ['năm', 96],
      ['2011', 96],
    ];
    expect(textOf(line(1, body))).toEqual(['trong 30 ngày kể tháng này năm 2011']);
  });

  it('does not cut a line at the blank left for a handwritten day', () => {
    const rows = [
      ['5', 1, 1, 1, 1, 1, 1181, 100, 80, 40, 96, 'Phú'].join('\t'),
      ['5', 1, 1, 1, 1, 2, 1275, 100, 70, 40, 96, 'Thọ,'].join('\t'),
      ['5', 1, 1, 1, 1, 3, 1360, 100, 90, 40, 96, 'ngày'].join('\t'),
      ['5', 1, 1, 1, 1, 4, 1620, 100, 100, 40, 96, 'tháng'].join('\t'),
      ['5', 1, 1, 1, 1, 5, 1735, 100, 40, 40, 96, '12'].join('\t'),
      ['5', 1, 1, 1, 1, 6, 1790, 100, 70, 40, 96, 'năm'].join('\t'),
      ['5', 1, 1, 1, 1, 7, 1875, 100, 90, 40, 96, '2011'].join('\t'),
    ];
    expect(textOf(rows)).toEqual(['Phú Thọ, ngày tháng 12 năm 2011']);
  });

  it('moves a digital-signature box to the end of the page and drops lines of pure noise', () => {
    const rows = [
      ...line(
        1,
        [
          ['Ký', 96],
          ['bởi:', 95],
          ['ỦY', 95],
          ['BAN', 96],
          ['NHÂN', 96],
        ],
        1,
      ),
      ...line(
        1,
        [
          ['Thời', 96],
          ['gian', 96],
          ['ký:', 96],
          ['13/11/2025', 95],
        ],
        2,
      ),
      ...line(
        2,
        [
          ['ỦY', 96],
          ['BAN', 96],
          ['NHÂN', 96],
          ['DÂN', 96],
        ],
        3,
      ),
      ...line(
        3,
        [
          ['1©', 29],
          ['#xÄ', 0],
          ['2{', 18],
        ],
        4,
      ),
      ...line(
        4,
        [
          ['THÔNG', 91],
          ['BÁO', 82],
        ],
        5,
      ),
    ];
    expect(textOf(rows)).toEqual(['ỦY BAN NHÂN DÂN', 'THÔNG BÁO', 'Ký bởi: ỦY BAN NHÂN', 'Thời gian ký: 13/11/2025']);
  });

  it('gives an empty page for an image without text', () => {
    expect(tsvToPages('level\tpage_num\n1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n')).toEqual([{ lines: [], confidences: [] }]);
  });
});

describe.skipIf(!tesseract.ok)('real scans with Tesseract', () => {
  // A cache that survives runs (like the build's .cache/ocr) keeps this suite fast after the first run.
  const cache = resolve('.cache/ocr-test');

  it(
    'reads a two-letter scan: header lines, body citations, two pages, the second letter found',
    { timeout: 120_000 },
    async () => {
      const file = 'phutho-ubnd-cv-4532-2011-scan.pdf';
      const output = await ocrPdf(readFileSync(join(scans, file)), file, { ocrCacheDir: cache }, 2);
      const lines = output.text!.split('\n');
      expect(lines).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(lines.filter((line) => line === '\f')).toHaveLength(1);
      expect(output.text).toContain('Nghị định số 63/2010/NĐ-CP ngày 08/6/2010');
      expect(output.text).toContain('Văn bản số 6582/VPCP-KSTT');
      expect(output.origin.format).toBe('pdf-scan');
      expect(output.origin.ocr).toMatchObject({ engine: expect.stringMatching(/^tesseract \d+\.\d+.* \(vie\)$/u), pages: 2 });
      expect(output.origin.ocr!.confidence).toBeGreaterThan(80);
      expect(output.messages.map((message) => message.code)).toEqual(['ocr', 'multiple-documents']);
      expect(output.messages[1]!.message).toContain(`“${file}”`);
      expect(output.messages[1]!.message).toContain('trang 2');

      // The same bytes again: answered from the cache, Tesseract never runs.
      let recognitions = 0;
      const counting = createOcr({
        run: async (command, args, timeout) => {
          if (command === 'tesseract' && !args[0]!.startsWith('--')) recognitions += 1;
          const { runCommand } = await import('../../src/pipeline/read/ocr/commands.ts');
          return runCommand(command, args, timeout);
        },
      });
      const again = await counting.ocrPdf(readFileSync(join(scans, file)), file, { ocrCacheDir: cache }, 2);
      expect(recognitions).toBe(0);
      expect(again.text).toBe(output.text);
    },
  );

  it('reads a PNG: the header of a 1-bit CCITT scan, cropped', { timeout: 60_000 }, async () => {
    const folder = temporary();
    // Top 1,000 pixel rows of page 1 at 300 dpi: organ, motto, number, date, title.
    execFileSync('pdftoppm', [
      '-r',
      '300',
      '-gray',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      '0',
      '-y',
      '0',
      '-W',
      '2400',
      '-H',
      '1000',
      '-singlefile',
      join(scans, 'quangngai-ct-07-2018-scan.pdf'),
      join(folder, 'header'),
    ]);
    const output = await readImage(readFileSync(join(folder, 'header.png')), 'header.png', {});
    const lines = output.text!.split('\n');
    expect(lines).toContain('ỦY BAN NHÂN DÂN');
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('TỈNH QUẢNG NGÃI');
    expect(output.text).toMatch(/^Số: .*\/CT-UBND$/mu);
    expect(output.origin).toMatchObject({ format: 'image', reader: 'tesseract', pageCount: 1, ocr: { pages: 1 } });
    expect(output.messages.map((message) => message.code)).toEqual(['ocr']);
  });

  it('says a corrupt image is unreadable', async () => {
    const bytes = new Uint8Array(400);
    bytes.set(pngHeader(1000, 1000));
    bytes.fill(0x5a, 33);
    const output = await readImage(bytes, 'hong-ruot.png', {});
    expect(output.text).toBeNull();
    expect(output.messages).toHaveLength(1);
    expect(output.messages[0]).toMatchObject({ level: 'error', code: 'ocr-failed', file: 'hong-ruot.png' });
    expect(output.messages[0]!.message).toContain('“hong-ruot.png”');
  });
});

it.skipIf(tesseract.ok)(`skips the real-scan tests: ${NO_TESSERACT}`, () => {
  expect(tesseract.ok).toBe(false);
});
