/**
 * Page count and page sizes of a PDF from `pdfinfo`, and the resolution each page is
 * rendered at: 300 dpi, lowered for a page so large that 300 dpi would pass the pixel cap.
 */
import type { RunCommand } from './commands.ts';

export interface PdfPageSize {
  widthPt: number;
  heightPt: number;
}

/**
 * Pages of the PDF and the sizes of the first `upTo`, or null when pdfinfo cannot read it.
 *
 * @param pdfinfo Command.
 * @param path PDF in the private temporary folder.
 */
export async function pdfPages(
  run: RunCommand,
  pdfinfo: string,
  path: string,
  upTo: number,
  timeoutMs: number,
): Promise<{ pages: number; sizes: PdfPageSize[] } | null> {
  const result = await run(pdfinfo, ['-f', '1', '-l', String(Math.max(1, upTo)), path], timeoutMs);
  if (!result.ok) return null;
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(result.stdout)?.[1] ?? NaN);
  if (!Number.isInteger(pages) || pages < 1) return null;
  const sizes: PdfPageSize[] = [];
  for (const match of result.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gmu)) {
    sizes.push({ widthPt: Number(match[1]), heightPt: Number(match[2]) });
  }
  return { pages, sizes };
}

/** Resolution for one page: `dpi`, or the highest whole dpi that keeps it under `maxPixels`. */
export function pageDpi(size: PdfPageSize | undefined, dpi: number, maxPixels: number): number {
  if (!size) return dpi;
  const pixels = (size.widthPt / 72) * dpi * ((size.heightPt / 72) * dpi);
  if (pixels <= maxPixels) return dpi;
  return Math.max(1, Math.floor(dpi * Math.sqrt(maxPixels / pixels)));
}
