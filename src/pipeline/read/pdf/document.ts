/**
 * Opening a PDF with pdfjs and reading its pages' text runs, within a page cap and a time
 * budget (CPU time, see timeout.ts).
 *
 * pdfjs runs in this thread ("fake worker", the legacy build's default on Node). It is
 * told to fetch nothing and draw nothing: no font faces, no eval, no system fonts, no
 * WebAssembly image decoders, images skipped when the annotation operator lists are built
 * (`maxImageSize`), and warnings silenced (a broken PDF makes pdfjs print one per object).
 */
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { legacyEvidence } from '../legacy-encoding.ts';
import { loadPdfjs, pdfjs } from './pdfjs.ts';
import { pageRuns, type PageRuns } from './runs.ts';

/** Pages read at most; the rest of a very long file is left out with a warning. */
export const MAX_PAGES = 500;

export type OpenResult =
  | { ok: true; document: PDFDocumentProxy; destroy: () => Promise<void> }
  | { ok: false; problem: 'encrypted' | 'corrupt'; detail: string };

/**
 * Open a PDF. `bytes` is copied into a plain Uint8Array: pdfjs takes over (detaches) the
 * buffer it is given, and refuses a Node Buffer.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenResult> {
  let task: PDFDocumentLoadingTask;
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  try {
    task = startLoading(getDocument, VerbosityLevel.ERRORS, new Uint8Array(bytes));
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: (error as Error).message ?? String(error) };
  }
  // Without this, an encrypted file makes pdfjs wait for a password forever.
  task.onPassword = () => {
    void task.destroy();
  };
  try {
    const document = await task.promise;
    return { ok: true, document, destroy: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name ?? '';
    const detail = (error as Error).message ?? String(error);
    if (name === 'PasswordException' || /password/iu.test(detail)) return { ok: false, problem: 'encrypted', detail };
    return { ok: false, problem: 'corrupt', detail };
  }
}

function startLoading(
  getDocument: typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument,
  verbosity: number,
  data: Uint8Array,
): PDFDocumentLoadingTask {
  return getDocument({
    data,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    fontExtraProperties: false,
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity,
  });
}

export interface ReadPages {
  pages: PageRuns[];
  /** Pages in the file. */
  pageCount: number;
  /** Why fewer pages than `pageCount` were read, if so. */
  stoppedBy: 'page-cap' | 'time-budget' | null;
  /** Pages pdfjs could not read (kept as empty pages). */
  failedPages: number[];
  /** Real names of the fonts behind pdfjs's ids (`g_d0_f3` → `ABCDEE+.VnTime`), where known. */
  fontNames: Map<string, string>;
}

/** Read every page's runs, up to `MAX_PAGES` and until `outOfTime()` says the time budget is used. */
export async function readPages(document: PDFDocumentProxy, outOfTime: () => boolean): Promise<ReadPages> {
  const pageCount = document.numPages;
  const pages: PageRuns[] = [];
  const failedPages: number[] = [];
  const fontNames = new Map<string, string>();
  let stoppedBy: ReadPages['stoppedBy'] = null;
  const last = Math.min(pageCount, MAX_PAGES);
  for (let number = 1; number <= last; number += 1) {
    if (outOfTime()) {
      stoppedBy = 'time-budget';
      break;
    }
    try {
      const page = await document.getPage(number);
      const runs = await pageRuns(page);
      if (needsFontNames(runs, fontNames)) {
        // pdfjs hands font objects (with the PDF's font names) to this side only when it builds
        // an operator list; that is asked for only where the text looks legacy-encoded.
        await page.getOperatorList({ intent: 'display', annotationMode: pdfjs().AnnotationMode.DISABLE }).catch(() => undefined);
      }
      collectFontNames(page.commonObjs, runs, fontNames);
      pages.push(runs);
      page.cleanup();
    } catch {
      failedPages.push(number);
      pages.push({ width: 0, height: 0, runs: [] });
    }
  }
  if (stoppedBy === null && last < pageCount) stoppedBy = 'page-cap';
  return { pages, pageCount, stoppedBy, failedPages, fontNames };
}

/** Whether a page has runs in fonts not named yet and text that may be TCVN3 or VNI. */
function needsFontNames(page: PageRuns, names: ReadonlyMap<string, string>): boolean {
  const unnamed = page.runs.filter((run) => run.font !== '' && !names.has(run.font));
  if (unnamed.length === 0) return false;
  const evidence = legacyEvidence(unnamed.map((run) => run.text).join(' '));
  return evidence.tcvn3 + evidence.vni > 0;
}

function collectFontNames(
  commonObjs: { has(id: string): boolean; get(id: string): unknown },
  page: PageRuns,
  names: Map<string, string>,
): void {
  for (const run of page.runs) {
    if (names.has(run.font) || !run.font) continue;
    try {
      const font = commonObjs.has(run.font) ? (commonObjs.get(run.font) as { name?: unknown } | null) : null;
      if (typeof font?.name === 'string') names.set(run.font, font.name);
    } catch {
      // A font pdfjs failed to load has no name to give; detection by text still applies.
    }
  }
}
