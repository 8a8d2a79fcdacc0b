/**
 * The OCR reader's work: checks that need no OCR (switched off, image header, pixel cap),
 * then the cache, then Tesseract page by page in a private temporary folder, then the text
 * and the messages. `createOcr` takes the commands and the runner so tests can simulate a
 * machine without Tesseract or count the runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestMessage, SourceFormat } from '../../../model.ts';
import { findDocumentStarts } from '../document-starts.ts';
import { plainOrigin, readerError, type ReaderOutput, type ReadOptions } from '../reader.ts';
import { checkAvailability, type OcrAvailability } from './availability.ts';
import { ocrCacheKey, readOcrCache, writeOcrCache } from './cache.ts';
import { DEFAULT_COMMANDS, runCommand, type OcrCommands, type RunCommand } from './commands.ts';
import { fileBudget } from './file-budget.ts';
import { imageSize } from './image-size.ts';
import * as say from './messages.ts';
import { pageDpi, pdfPages } from './pdf-pages.ts';
import { withOcrSlot } from './slots.ts';
import { meanConfidence, tsvToPages } from './tsv.ts';

export interface OcrLimits {
  /** Render + recognise one page. */
  pageTimeoutMs: number;
  /**
   * All pages of one file, in their programs' CPU time (`file-budget.ts`); pages not started
   * by then are left out with a warning.
   */
  fileTimeoutMs: number;
  /** Pages of a PDF that are recognised; later pages are left out with a warning. */
  maxPages: number;
  /** Largest image (width × height) given to Tesseract. 300 dpi A4 is 8.7 million. */
  maxPixels: number;
}

const DEFAULT_LIMITS: Readonly<OcrLimits> = {
  pageTimeoutMs: 120_000,
  fileTimeoutMs: 30 * 60_000,
  maxPages: 200,
  maxPixels: 50_000_000,
};

/**
 * How pages are read. Measured on the four real scans of the corpus (11 pages; header
 * fields the parser then recovered, of 16 in the gold): psm 4 (one column of text of
 * varying sizes) at 300 dpi 7/16, psm 3 (automatic layout) 5/16, psm 6 (one uniform block)
 * 5/16, psm 3 at 400 dpi 3/16 and 1.5–2× slower. An administrative page is one column with
 * a two-column header; psm 4 keeps each header row on one line, which `tsv.ts` then cuts
 * at the column gap, where psm 3 sometimes splits a seal-covered motto into pieces.
 */
const OCR_SETTINGS: Readonly<OcrSettings> = { language: 'vie', psm: 4, dpi: 300 };

export interface OcrSettings {
  language: string;
  /** Tesseract's page segmentation mode. */
  psm: number;
  /** Resolution PDF pages are rendered at. */
  dpi: number;
}

export interface OcrDependencies {
  commands: OcrCommands;
  run: RunCommand;
  limits: OcrLimits;
}

interface Recognised {
  /** One TSV per page (empty when the page failed). */
  pages: string[];
  failed: { page: number; reason: 'timeout' | 'failed' }[];
  /** Pages in the file (PDF), for the truncation warning. */
  total: number;
  notes: IngestMessage[];
  /** Whether the result may be cached (every page done, none failed). */
  complete: boolean;
}

/** What tests may replace: the programs, the runner, any of the limits. */
export interface OcrOverrides {
  commands?: OcrCommands;
  run?: RunCommand;
  limits?: Partial<OcrLimits>;
  /** For measuring other settings (the cache keeps them apart). */
  settings?: Partial<OcrSettings>;
}

export function createOcr(overrides: OcrOverrides = {}) {
  const deps: OcrDependencies = {
    commands: overrides.commands ?? DEFAULT_COMMANDS,
    run: overrides.run ?? runCommand,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
  };
  const settings: OcrSettings = { ...OCR_SETTINGS, ...overrides.settings };
  const available = (): Promise<OcrAvailability> => checkAvailability(deps.commands, deps.run);

  async function readImage(bytes: Uint8Array, file: string, options: ReadOptions): Promise<ReaderOutput> {
    const origin = plainOrigin('image', 'tesseract', null);
    if (options.ocr === false) return readerError(file, origin, 'ocr-off', say.offMessage(file, 'ảnh quét'));
    const size = imageSize(bytes);
    if (!size) return readerError(file, origin, 'ocr-failed', say.corruptImageMessage(file));
    if (size.width * size.height > deps.limits.maxPixels) {
      return readerError(
        file,
        origin,
        'ocr-too-large',
        say.tooLargeMessage(file, size.width, size.height, deps.limits.maxPixels),
      );
    }
    if (size.frames > deps.limits.maxPages) {
      return readerError(file, origin, 'ocr-too-large', say.tooManyFramesMessage(file, size.frames, deps.limits.maxPages));
    }
    const tools = await available();
    if (!tools.ok)
      return readerError(file, origin, 'ocr-unavailable', say.unavailableMessage(file, 'ảnh quét', tools.reason ?? ''));

    return cached(bytes, tools, options, 'image', file, size.frames, async (folder) => {
      const input = join(folder, `page.${size.kind === 'jpeg' ? 'jpg' : size.kind === 'tiff' ? 'tif' : 'png'}`);
      await writeFile(input, bytes);
      options.onProgress?.(`OCR “${file}”: trang 1/${size.frames}…`);
      const timeout = Math.min(deps.limits.fileTimeoutMs, deps.limits.pageTimeoutMs * size.frames);
      const result = await withOcrSlot(() => recognise(input, timeout));
      if (!result.ok) return { error: result.reason };
      // A multi-page TIFF comes back as one TSV with page numbers; the cache keeps one TSV per page.
      return { pages: [result.stdout], failed: [], total: size.frames, notes: [], complete: true };
    });
  }

  async function ocrPdf(bytes: Uint8Array, file: string, options: ReadOptions, pageCount: number | null): Promise<ReaderOutput> {
    const origin = plainOrigin('pdf-scan', 'tesseract', pageCount);
    if (options.ocr === false) return readerError(file, origin, 'ocr-off', say.offMessage(file, 'PDF bản quét'));
    const tools = await available();
    if (!tools.ok || !tools.pdf) {
      return readerError(
        file,
        origin,
        'ocr-unavailable',
        say.unavailableMessage(file, 'PDF bản quét', (tools.ok ? tools.pdfReason : tools.reason) ?? ''),
      );
    }
    return cached(bytes, tools, options, 'pdf-scan', file, pageCount, async (folder) => {
      const input = join(folder, 'input.pdf');
      await writeFile(input, bytes);
      // Sizes of every page that may be rendered (pdfinfo stops at the last page), for the pixel cap.
      const info = await pdfPages(deps.run, deps.commands.pdfinfo, input, deps.limits.maxPages, deps.limits.pageTimeoutMs);
      if (!info) return { error: 'broken-pdf' };
      return recognisePdf(input, folder, file, info.pages, info.sizes, options);
    });
  }

  /** Cache lookup around `work`, and the output built from the TSVs either way. */
  async function cached(
    bytes: Uint8Array,
    tools: OcrAvailability,
    options: ReadOptions,
    format: SourceFormat,
    file: string,
    pageCount: number | null,
    work: (folder: string) => Promise<Recognised | { error: 'timeout' | 'failed' | 'missing' | 'broken-pdf' }>,
  ): Promise<ReaderOutput> {
    const engine = `tesseract ${tools.version ?? 'unknown'} (${settings.language})`;
    // The cache keeps Tesseract's TSV, so how lines are rebuilt from it is not part of the key.
    const key = ocrCacheKey(bytes, engine, {
      ...settings,
      output: 'tsv',
      format,
      maxPages: deps.limits.maxPages,
      maxPixels: deps.limits.maxPixels,
    });
    const directory = options.ocrCacheDir ?? null;
    const kind = format === 'image' ? 'ảnh quét' : 'PDF bản quét';

    let recognised: Recognised;
    const hit = directory ? await readOcrCache(directory, key) : null;
    if (hit) {
      recognised = { pages: hit.pages, failed: [], total: Math.max(pageCount ?? 0, hit.pages.length), notes: [], complete: true };
      if (format === 'pdf-scan' && (pageCount ?? 0) > deps.limits.maxPages) {
        recognised.notes.push(say.truncatedWarning(file, pageCount!, deps.limits.maxPages));
      }
    } else {
      const folder = await mkdtemp(join(tmpdir(), 'vbg-ocr-'));
      try {
        const result = await work(folder);
        if ('error' in result) {
          const origin = plainOrigin(format, 'tesseract', pageCount);
          return result.error === 'broken-pdf'
            ? readerError(file, origin, 'ocr-failed', say.brokenPdfMessage(file))
            : readerError(file, origin, 'ocr-failed', say.failedMessage(file, kind, result.error));
        }
        // Not one page could be read: the file is broken, whatever pdfinfo said.
        if (result.pages.length > 0 && result.failed.length === result.pages.length) {
          const origin = plainOrigin(format, 'tesseract', pageCount);
          const reason = result.failed.every((entry) => entry.reason === 'timeout') ? 'timeout' : 'failed';
          return readerError(file, origin, 'ocr-failed', say.failedMessage(file, kind, reason), result.notes);
        }
        recognised = result;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      if (directory && recognised.complete) await writeOcrCache(directory, { key, pages: recognised.pages });
    }
    return output(file, format, engine, recognised);
  }

  /** Pages of a PDF, two at a time, each rendered then recognised, within the file's time. */
  async function recognisePdf(
    input: string,
    folder: string,
    file: string,
    total: number,
    sizes: readonly { widthPt: number; heightPt: number }[],
    options: ReadOptions,
  ): Promise<Recognised> {
    const count = Math.min(total, deps.limits.maxPages);
    const notes: IngestMessage[] = total > count ? [say.truncatedWarning(file, total, count)] : [];
    const dpis = Array.from({ length: count }, (_, index) => pageDpi(sizes[index], settings.dpi, deps.limits.maxPixels));
    const lowered = dpis.flatMap((dpi, index) => (dpi < settings.dpi ? [index + 1] : []));
    if (lowered.length > 0) notes.push(say.downscaledWarning(file, lowered, settings.dpi));

    const pages = new Array<string>(count).fill('');
    const failed: Recognised['failed'] = [];
    const budget = fileBudget(deps.limits.fileTimeoutMs);
    let started = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (started < count) {
        const index = started;
        started += 1;
        await withOcrSlot(async () => {
          const left = budget.left();
          if (left <= 0) return;
          options.onProgress?.(`OCR “${file}”: trang ${index + 1}/${count}…`);
          const result = await recognisePdfPage(
            input,
            folder,
            index + 1,
            dpis[index]!,
            Math.min(deps.limits.pageTimeoutMs, left),
          );
          budget.spend(result.cpuMs);
          if (result.ok) pages[index] = result.tsv;
          else failed.push({ page: index + 1, reason: result.reason });
          done += 1;
        });
      }
    };
    await Promise.all([worker(), worker()]);
    if (done < count) notes.push(say.fileTimeoutWarning(file, done, count));
    failed.sort((a, b) => a.page - b.page);
    return { pages, failed, total, notes, complete: done === count && failed.length === 0 };
  }

  async function recognisePdfPage(
    input: string,
    folder: string,
    page: number,
    dpi: number,
    timeoutMs: number,
  ): Promise<({ ok: true; tsv: string } | { ok: false; reason: 'timeout' | 'failed' }) & { cpuMs: number }> {
    const prefix = join(folder, `page-${page}`);
    const render = await deps.run(
      deps.commands.pdftoppm,
      ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', input, prefix],
      timeoutMs,
    );
    if (!render.ok) return { ok: false, reason: render.reason === 'timeout' ? 'timeout' : 'failed', cpuMs: render.cpuMs };
    try {
      // The page's limit covers both programs' CPU time: Tesseract gets what rendering left.
      const result = await recognise(`${prefix}.png`, Math.max(1, timeoutMs - render.cpuMs));
      const cpuMs = render.cpuMs + result.cpuMs;
      return result.ok
        ? { ok: true, tsv: result.stdout, cpuMs }
        : { ok: false, reason: result.reason === 'timeout' ? 'timeout' : 'failed', cpuMs };
    } finally {
      await rm(`${prefix}.png`, { force: true });
    }
  }

  function recognise(image: string, timeoutMs: number) {
    return deps.run(
      deps.commands.tesseract,
      [image, 'stdout', '-l', settings.language, '--psm', String(settings.psm), 'tsv'],
      timeoutMs,
    );
  }

  /**
   * OCR of some pages of a PDF only: the pages of a text PDF that have no text layer (a signed
   * last page or an appendix scanned into an exported file). Cached like whole scans, the page
   * list being part of the key.
   */
  async function ocrPdfPages(
    bytes: Uint8Array,
    file: string,
    options: ReadOptions,
    pageNumbers: readonly number[],
  ): Promise<PagesOcr> {
    if (options.ocr === false) return { ok: false, reason: 'off' };
    const tools = await available();
    if (!tools.ok || !tools.pdf)
      return { ok: false, reason: 'unavailable', detail: (tools.ok ? tools.pdfReason : tools.reason) ?? '' };
    const engine = `tesseract ${tools.version ?? 'unknown'} (${settings.language})`;
    const wanted = [...new Set(pageNumbers)]
      .filter((page) => Number.isInteger(page) && page >= 1)
      .sort((a, b) => a - b)
      .slice(0, deps.limits.maxPages);
    const key = ocrCacheKey(bytes, engine, {
      ...settings,
      output: 'tsv',
      format: 'pdf-pages',
      pages: wanted,
      maxPixels: deps.limits.maxPixels,
    });
    const directory = options.ocrCacheDir ?? null;
    let tsvs: string[] | null = (directory ? await readOcrCache(directory, key) : null)?.pages ?? null;
    let failed: number[] = [];
    if (!tsvs || tsvs.length !== wanted.length) {
      const folder = await mkdtemp(join(tmpdir(), 'vbg-ocr-'));
      try {
        const input = join(folder, 'input.pdf');
        await writeFile(input, bytes);
        const info = await pdfPages(deps.run, deps.commands.pdfinfo, input, Math.max(...wanted, 1), deps.limits.pageTimeoutMs);
        if (!info) return { ok: false, reason: 'failed' };
        const results = new Array<string>(wanted.length).fill('');
        const budget = fileBudget(deps.limits.fileTimeoutMs);
        let next = 0;
        const worker = async (): Promise<void> => {
          while (next < wanted.length) {
            const index = next;
            next += 1;
            const page = wanted[index]!;
            await withOcrSlot(async () => {
              const left = budget.left();
              if (left <= 0 || page > info.pages) {
                failed.push(page);
                return;
              }
              options.onProgress?.(`OCR “${file}”: trang ${page} (không có lớp chữ)…`);
              const dpi = pageDpi(info.sizes[page - 1], settings.dpi, deps.limits.maxPixels);
              const result = await recognisePdfPage(input, folder, page, dpi, Math.min(deps.limits.pageTimeoutMs, left));
              budget.spend(result.cpuMs);
              if (result.ok) results[index] = result.tsv;
              else failed.push(page);
            });
          }
        };
        await Promise.all([worker(), worker()]);
        tsvs = results;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      failed = failed.sort((a, b) => a - b);
      if (directory && failed.length === 0) await writeOcrCache(directory, { key, pages: tsvs });
    }
    const pages = new Map<number, string[]>();
    const confidences: number[] = [];
    wanted.forEach((page, index) => {
      const read = tsvToPages(tsvs![index] ?? '');
      pages.set(
        page,
        read.flatMap((item) => item.lines),
      );
      confidences.push(...read.flatMap((item) => item.confidences));
    });
    return { ok: true, engine, pages, confidence: meanConfidence(confidences), failed };
  }

  async function tesseractAvailable(): Promise<{ ok: boolean; reason?: string }> {
    const tools = await available();
    if (!tools.ok) return { ok: false, reason: tools.reason ?? '' };
    if (!tools.pdf) return { ok: false, reason: tools.pdfReason ?? '' };
    return { ok: true };
  }

  return { readImage, ocrPdf, ocrPdfPages, tesseractAvailable };
}

/** What OCR of some pages of a PDF gives: each page's lines, or why it could not run. */
export type PagesOcr =
  | { ok: true; engine: string; pages: Map<number, string[]>; confidence: number | null; failed: number[] }
  | { ok: false; reason: 'off' | 'unavailable' | 'failed'; detail?: string };

/** Text and messages from the TSVs of the pages. */
function output(file: string, format: SourceFormat, engine: string, recognised: Recognised): ReaderOutput {
  const pages = recognised.pages.flatMap((tsv) => tsvToPages(tsv));
  const text = pages.map((page) => page.lines.join('\n')).join('\n\f\n');
  const confidence = meanConfidence(pages.flatMap((page) => page.confidences));
  const messages: IngestMessage[] = [say.ocrNotice(file, engine, confidence, pages.length), ...recognised.notes];
  if (confidence !== null && confidence < LOW_CONFIDENCE) messages.push(say.lowConfidenceWarning(file, confidence));
  for (const reason of ['timeout', 'failed'] as const) {
    const failedPages = recognised.failed.filter((entry) => entry.reason === reason).map((entry) => entry.page);
    if (failedPages.length > 0) messages.push(say.pageFailedWarning(file, failedPages, reason));
  }
  const starts = findDocumentStarts(text);
  if (starts.length > 0) messages.push(say.multipleDocumentsWarning(file, starts));
  return {
    text,
    origin: {
      format,
      reader: 'tesseract',
      pageCount: format === 'image' ? pages.length : recognised.total,
      conversions: [],
      ocr: { engine, confidence, pages: pages.length },
    },
    messages,
  };
}

/** Below this mean word confidence the text is flagged as error-prone. */
const LOW_CONFIDENCE = 60;
