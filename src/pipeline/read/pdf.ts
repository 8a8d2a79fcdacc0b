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
import { withTimeout, type Cancel } from './pdf/timeout.ts';
import { splitStamps, stampLines, uniqueStamps } from './pdf/stamp.ts';
import { plainOrigin, readerError, type Reader, type ReaderOutput } from './reader.ts';

/** The pdfjs part of a read, after which the file is reported instead of holding up the build. */
const TIMEOUT_MS = 60_000;
/** Reading pages stops after this, leaving time to lay out what was read. */
const PAGE_BUDGET_MS = 45_000;

export const readPdf: Reader = async (bytes, file, options) => {
  const read = await withTimeout(TIMEOUT_MS, (cancel) => readTextLayer(bytes, file, cancel), () => ({
    kind: 'done' as const,
    output: readerError(file, plainOrigin('pdf', 'pdfjs'), 'pdf-timeout',
      `Không đọc được tệp “${file}” (PDF): đọc quá ${TIMEOUT_MS / 1000} giây nên đã dừng; tệp có thể bị hỏng hoặc quá lớn.`),
  }));
  if (read.kind !== 'scan') return read.output;
  // OCR has its own page and file time limits (ocr/), so it runs outside this reader's timeout.
  return readScan(bytes, file, options, read.pageCount, read.context);
};

type TextLayerRead =
  | { kind: 'done'; output: ReaderOutput }
  | { kind: 'scan'; pageCount: number; context: ScanContext };

async function readTextLayer(bytes: Uint8Array, file: string, cancel: Cancel): Promise<TextLayerRead> {
  const opened = await openPdf(bytes);
  if (!opened.ok) {
    return {
      kind: 'done',
      output: opened.problem === 'encrypted'
        ? readerError(file, plainOrigin('pdf', 'pdfjs'), 'pdf-encrypted',
          `Không đọc được tệp “${file}” (PDF): tệp được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi đặt lại tệp vào thư mục nguồn.`)
        : readerError(file, plainOrigin('pdf', 'pdfjs'), 'pdf-corrupt',
          `Không đọc được tệp “${file}” (PDF): tệp bị hỏng hoặc không đầy đủ (${describeProblem(opened.detail)}).`),
    };
  }
  cancel.destroy = opened.destroy;
  try {
    const read = await readPages(opened.document, Date.now() + PAGE_BUDGET_MS);
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
    return { kind: 'scan', pageCount: read.pageCount, context: { stampLines: stampLines(stamps), messages, hadTextLayer: layerText.trim() !== '' } };
  }

  const withoutText = pages.flatMap((page, index) => (page.lines.length === 0 && !read.failedPages.includes(index + 1) ? [index + 1] : []));
  if (withoutText.length > 0) {
    // Typically scanned pages (an appendix, a signed last page) inside an exported PDF.
    messages.push({
      file, level: 'warning', code: 'pdf-pages-without-text',
      message: `Tệp “${file}” (PDF): trang ${withoutText.join(', ')} không có lớp chữ (có thể là ảnh quét) nên không có trong văn bản.`,
    });
  }
  const body = withoutFurniture(pages).map((page, index) => layOutPage(page, index === 0).join('\n'));
  const text = [...body.join('\n\f\n').split('\n'), ...stampLines(stamps)].join('\n');
  const origin = { format: 'pdf' as const, reader: 'pdfjs', pageCount: read.pageCount, conversions: legacy.conversions, ocr: null };
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
      file, level: 'warning', code: 'pdf-truncated',
      message: `Tệp “${file}” (PDF) có ${read.pageCount} trang; vì ${why} nên chỉ đọc ${read.pages.length} trang đầu.`,
    });
  }
  if (read.failedPages.length > 0) {
    messages.push({
      file, level: 'warning', code: 'pdf-page-unreadable',
      message: `Tệp “${file}” (PDF): không đọc được trang ${read.failedPages.join(', ')}; các trang khác vẫn được đọc.`,
    });
  }
  return messages;
}
