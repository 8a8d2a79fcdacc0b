/**
 * The PDF reader (pdfjs): a text PDF's text layer → lines in reading order; a scan (no
 * text layer, a garbage OCR layer, or only a signature stamp) → the OCR reader.
 *
 * Steps, each in its own module under `pdf/`: open and read pages' positioned runs, with
 * the text signing tools write into signature widgets (`document.ts`, `runs.ts`); take the
 * signature stamp out (`stamp.ts`); runs → lines → segments (`lines.ts`); drop running
 * headers, footers and page numbers (`furniture.ts`); read the header and signature tables
 * column by column and join wrapped body lines (`layout.ts`, `columns.ts`); judge whether
 * the text layer is Vietnamese at all (`quality.ts`); convert runs of TCVN3/VNI fonts
 * (`legacy.ts`).
 */
import type { IngestMessage } from '../../model.ts';
import { MAX_PAGES, openPdf, readPages, type ReadPages } from './pdf/document.ts';
import { convertLegacyRuns } from './pdf/legacy.ts';
import { withoutFurniture, type PageLines } from './pdf/furniture.ts';
import { layOutPage } from './pdf/layout.ts';
import { buildLines, lineText } from './pdf/lines.ts';
import { measureText, readsAsVietnamese } from './pdf/quality.ts';
import { readScan, type ScanContext } from './pdf/scan.ts';
import { cpuBudget, oneAtATime, withTimeout, type Cancel } from './pdf/timeout.ts';
import { splitStamps, stampLines, uniqueStamps } from './pdf/stamp.ts';
import { plainOrigin, readerError, type Reader, type ReaderOutput, type ReadOptions } from './reader.ts';
import { ocrPdfPages } from './ocr.ts';
import { INSTALL_COMMAND } from './ocr/messages.ts';

/**
 * CPU time of the pdfjs part of a read, after which the file is reported instead of holding
 * up the build; CPU time, not wall time, so a busy machine does not drop files (timeout.ts).
 * The wall-time backstop is for a read that waits without working.
 */
const TIMEOUT_MS = 60_000;
const WALL_TIMEOUT_MS = 10 * 60_000;
/** Reading pages stops after this much CPU time, leaving time to lay out what was read. */
const PAGE_BUDGET_MS = 45_000;

export const readPdf: Reader = async (bytes, file, options) => {
  // One text layer at a time, so the CPU time counted is this file's (timeout.ts).
  const read = await oneAtATime(() =>
    withTimeout(
      { cpuMs: TIMEOUT_MS, wallMs: WALL_TIMEOUT_MS },
      (cancel) => readTextLayer(bytes, file, cancel),
      (limit) => ({
        kind: 'done' as const,
        output: readerError(
          file,
          plainOrigin('pdf', 'pdfjs'),
          'pdf-timeout',
          limit === 'cpu'
            ? `Không đọc được tệp “${file}” (PDF): đọc đã dùng quá ${TIMEOUT_MS / 1000} giây xử lý nên đã dừng; tệp có thể bị hỏng hoặc quá lớn.`
            : `Không đọc được tệp “${file}” (PDF): đọc quá ${WALL_TIMEOUT_MS / 60_000} phút nên đã dừng; tệp có thể bị hỏng hoặc quá lớn.`,
        ),
      }),
    ),
  );
  if (read.kind === 'done') return read.output;
  // OCR has its own page and file time limits (ocr/), so it runs outside this reader's timeout.
  if (read.kind === 'mixed') return readScannedPages(bytes, file, options, read);
  return readScan(bytes, file, options, read.pageCount, read.context);
};

/** A text PDF some of whose pages have no text layer: those pages still to be read by OCR. */
interface MixedRead {
  kind: 'mixed';
  /** Each page's laid-out text ('' for a page without a text layer). */
  pages: string[];
  /** Pages (1-based) without a text layer. */
  withoutText: number[];
  stampLines: string[];
  origin: ReaderOutput['origin'];
  messages: IngestMessage[];
}

type TextLayerRead =
  { kind: 'done'; output: ReaderOutput } | { kind: 'scan'; pageCount: number; context: ScanContext } | MixedRead;

/**
 * The pages of a text PDF that have no text layer (typically scanned: a signed last page, an
 * appendix) are read by OCR, page by page, and put in their place; the rest of the file keeps
 * its text layer. When OCR cannot run, or a page gives no text, the page is left out with a warning.
 */
async function readScannedPages(bytes: Uint8Array, file: string, options: ReadOptions, read: MixedRead): Promise<ReaderOutput> {
  const messages = [...read.messages];
  const pages = [...read.pages];
  let origin = read.origin;
  let missing = read.withoutText;
  const ocr = await ocrPdfPages(bytes, file, options, read.withoutText);
  if (ocr.ok) {
    const done = read.withoutText.filter((page) => (ocr.pages.get(page) ?? []).some((line) => line.trim() !== ''));
    for (const page of done) pages[page - 1] = ocr.pages.get(page)!.join('\n');
    missing = read.withoutText.filter((page) => !done.includes(page));
    if (done.length > 0) {
      origin = { ...origin, ocr: { engine: ocr.engine, confidence: ocr.confidence, pages: done.length } };
      const level = ocr.confidence === null ? 'không rõ' : `${ocr.confidence.toFixed(1).replace('.', ',')}%`;
      messages.push({
        file,
        level: 'warning',
        code: 'pdf-pages-ocr',
        message: `Tệp “${file}” (PDF): trang ${done.join(', ')} không có lớp chữ nên đã được nhận dạng bằng OCR (${ocr.engine}), độ tin cậy trung bình ${level}. Số, ngày và tên riêng trên ${done.length > 1 ? 'các trang' : 'trang'} này có thể sai; hãy đối chiếu với bản gốc.`,
      });
    }
  }
  if (missing.length > 0) {
    const why = ocr.ok
      ? 'OCR không đọc được chữ nào'
      : ocr.reason === 'off'
        ? 'nhận dạng chữ (OCR) đang tắt'
        : ocr.reason === 'unavailable'
          ? `máy này chưa đọc được bản quét: ${ocr.detail ?? ''}. Cài bằng lệnh: ${INSTALL_COMMAND}`
          : 'OCR không chạy được';
    messages.push({
      file,
      level: 'warning',
      code: 'pdf-pages-without-text',
      message: `Tệp “${file}” (PDF): trang ${missing.join(', ')} không có lớp chữ (có thể là ảnh quét) nên không có trong văn bản (${why}).`,
    });
  }
  const text = [...pages.join('\n\f\n').split('\n'), ...read.stampLines].join('\n');
  return { text, origin, messages };
}

async function readTextLayer(bytes: Uint8Array, file: string, cancel: Cancel): Promise<TextLayerRead> {
  const opened = await openPdf(bytes);
  if (!opened.ok) {
    return {
      kind: 'done',
      output:
        opened.problem === 'encrypted'
          ? readerError(
              file,
              plainOrigin('pdf', 'pdfjs'),
              'pdf-encrypted',
              `Không đọc được tệp “${file}” (PDF): tệp được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi đặt lại tệp vào thư mục nguồn.`,
            )
          : readerError(
              file,
              plainOrigin('pdf', 'pdfjs'),
              'pdf-corrupt',
              `Không đọc được tệp “${file}” (PDF): tệp bị hỏng hoặc không đầy đủ (${describeProblem(opened.detail)}).`,
            ),
    };
  }
  cancel.destroy = opened.destroy;
  try {
    const read = await readPages(opened.document, cpuBudget(PAGE_BUDGET_MS));
    return layOut(read, file);
  } finally {
    await opened.destroy().catch(() => undefined);
  }
}

function layOut(read: ReadPages, file: string): TextLayerRead {
  const messages = readMessages(read, file);
  const legacy = convertLegacyRuns(read.pages, read.fontNames);
  const split = legacy.pages.map((page) => splitStamps(page.runs));
  const stamps = uniqueStamps(split.flatMap((page) => page.stamps));
  const pages: PageLines[] = legacy.pages.map((page, index) => ({
    width: page.width,
    height: page.height,
    lines: buildLines(split[index]!.body),
  }));

  const layerText = pages.flatMap((page) => page.lines.map(lineText)).join('\n');
  if (!readsAsVietnamese(measureText(layerText))) {
    return {
      kind: 'scan',
      pageCount: read.pageCount,
      context: { stampLines: stampLines(stamps), messages, hadTextLayer: layerText.trim() !== '' },
    };
  }

  const withoutText = pages.flatMap((page, index) =>
    page.lines.length === 0 && !read.failedPages.includes(index + 1) ? [index + 1] : [],
  );
  const body = withoutFurniture(pages).map((page, index) => layOutPage(page, index === 0).join('\n'));
  const origin = {
    format: 'pdf' as const,
    reader: 'pdfjs',
    pageCount: read.pageCount,
    conversions: legacy.conversions,
    ocr: null,
  };
  // Typically scanned pages (an appendix, a signed last page) inside an exported PDF: OCR'd next.
  if (withoutText.length > 0)
    return { kind: 'mixed', pages: body, withoutText, stampLines: stampLines(stamps), origin, messages };
  const text = [...body.join('\n\f\n').split('\n'), ...stampLines(stamps)].join('\n');
  return { kind: 'done', output: { text, origin, messages } };
}

/** pdfjs's reason, in Vietnamese where it is a known one. */
function describeProblem(detail: string): string {
  if (/Invalid PDF structure|No PDF header|Invalid XRef|startxref/iu.test(detail)) return 'cấu trúc PDF không hợp lệ';
  return `pdfjs: ${detail}`;
}

function readMessages(read: ReadPages, file: string): IngestMessage[] {
  const messages: IngestMessage[] = [];
  if (read.stoppedBy) {
    const why = read.stoppedBy === 'page-cap' ? `quá ${MAX_PAGES} trang` : 'đọc quá lâu';
    messages.push({
      file,
      level: 'warning',
      code: 'pdf-truncated',
      message: `Tệp “${file}” (PDF) có ${read.pageCount} trang; vì ${why} nên chỉ đọc ${read.pages.length} trang đầu.`,
    });
  }
  if (read.failedPages.length > 0) {
    messages.push({
      file,
      level: 'warning',
      code: 'pdf-page-unreadable',
      message: `Tệp “${file}” (PDF): không đọc được trang ${read.failedPages.join(', ')}; các trang khác vẫn được đọc.`,
    });
  }
  return messages;
}
