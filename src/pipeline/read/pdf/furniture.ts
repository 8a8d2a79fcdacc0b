/**
 * Page furniture: running headers and footers (the same line at the same place on most
 * pages) and page numbers (a lone number in the top or bottom margin). Neither is part of
 * the document's text, and a page number left between two halves of a sentence breaks it.
 */
import { lineText, type Line } from './lines.ts';

export interface PageLines {
  width: number;
  height: number;
  lines: Line[];
}

/** Share of the page height that counts as the top or bottom margin. */
const MARGIN_SHARE = 0.15;
/** Lines at each end of a page looked at as candidates. */
const EDGE_LINES = 2;

const PAGE_NUMBER = /^[-–—\s(]*(?:trang\s*)?\d{1,4}(?:\s*(?:\/|trên)\s*\d{1,4})?[-–—\s)]*$/iu;

/** Pages without their running headers, footers and page numbers. */
export function withoutFurniture(pages: readonly PageLines[]): PageLines[] {
  const repeated = repeatedEdgeLines(pages);
  return pages.map((page) => ({
    ...page,
    lines: page.lines.filter((line, index) => {
      if (!isEdge(page, index)) return true;
      if (repeated.has(edgeKey(line)) && inMargin(page, line)) return false;
      return !(PAGE_NUMBER.test(lineText(line)) && inMargin(page, line));
    }),
  }));
}

function isEdge(page: PageLines, index: number): boolean {
  return index < EDGE_LINES || index >= page.lines.length - EDGE_LINES;
}

function inMargin(page: PageLines, line: Line): boolean {
  return line.y < page.height * MARGIN_SHARE || line.y > page.height * (1 - MARGIN_SHARE);
}

/** Text with its digits folded (page numbers inside a running footer change) and its height band. */
function edgeKey(line: Line): string {
  return `${Math.round(line.y / 4)}|${lineText(line).replace(/\d+/gu, '#')}`;
}

/** Keys of edge lines found on at least half of the pages (and on two at least). */
function repeatedEdgeLines(pages: readonly PageLines[]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((_, index) => isEdge(page, index)).map(edgeKey));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}
