/**
 * One page's lines → the reader's text lines, in reading order.
 *
 * - The header table at the top of the first page and the signature table (from
 *   "Nơi nhận:") are read column by column (`columnRegion`).
 * - Other lines with several segments are table rows: one line per cell.
 * - Body lines wrapped by the layout are joined into one line per paragraph where the
 *   geometry says so (the line above runs to the right margin, the line below starts at the
 *   left margin without the first-line indent, same size, normal line spacing). What is
 *   left is repaired by normalize's hard-wrap join, which reads the words.
 * - A number cut after its hyphen or slash (`6138/UBND-` ⏎ `KGVX`) is joined without a space.
 */
import { columnRegion, type ColumnRegion } from './columns.ts';
import type { PageLines } from './furniture.ts';
import { lineEnd, lineStart, type Line } from './lines.ts';

interface OutputLine {
  text: string;
  /** Geometry for joining; null for lines that are never joined (header, cells). */
  box: { x: number; xEnd: number; y: number; size: number } | null;
}

const SIGNATURE_START = /^(?:Nơi nhận|TM\.|T\/M|KT\.|TL\.|TUQ\.)/u;
const LIST_MARKER =
  /^(?:[-–+•*]\s|\(?\d{1,3}[.)]\s|\(?[a-zđ][.)]\s|[IVXLC]{1,6}\.\s|Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|Phần\s+[IVXLC\d])/u;
/** A number or code cut at a hyphen or slash at the end of a line: "6138/UBND-", "Số 12/2024/". */
const CUT_NUMBER = /[\p{L}\p{N}]+\/[\p{L}\p{N}/.-]*[-/]$|\p{N}+[-/]$/u;

/** Text lines of one page. `firstPage` enables the header table. */
export function layOutPage(page: PageLines, firstPage: boolean): string[] {
  const lines = page.lines;
  const textCentre = centreOf(lines, page.width);
  const output: OutputLine[] = [];
  let index = 0;
  const header = firstPage ? columnRegion(lines, 0, 'header', textCentre) : null;
  if (header) {
    for (let before = 0; before < header.start; before += 1) output.push(...cells(lines[before]!));
    pushRegion(output, header);
    index = header.end;
  }
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.segments.some((segment) => SIGNATURE_START.test(segment.text))) {
      const signature = columnRegion(lines, index, 'signature', textCentre);
      if (signature && signature.start === index) {
        pushRegion(output, signature);
        index = signature.end;
        continue;
      }
    }
    output.push(...cells(line));
    index += 1;
  }
  return joinWrapped(output);
}

function pushRegion(output: OutputLine[], region: ColumnRegion): void {
  for (const text of [...region.left, ...region.right]) output.push({ text, box: null });
}

/** A body line (one segment, joinable) or a table row (one line per cell). */
function cells(line: Line): OutputLine[] {
  if (line.segments.length === 1) {
    const segment = line.segments[0]!;
    return [{ text: segment.text, box: { x: segment.x, xEnd: segment.xEnd, y: line.y, size: line.size } }];
  }
  return line.segments.map((segment) => ({ text: segment.text, box: null }));
}

function centreOf(lines: readonly Line[], width: number): number {
  if (lines.length === 0) return width / 2;
  const left = Math.min(...lines.map(lineStart));
  const right = Math.max(...lines.map(lineEnd));
  return (left + right) / 2;
}

/** Join lines the layout wrapped. */
function joinWrapped(lines: readonly OutputLine[]): string[] {
  const boxes = lines.flatMap((line) => (line.box ? [line.box] : []));
  const leftMargin = percentile(
    boxes.map((box) => box.x),
    0.1,
  );
  const rightMargin = percentile(
    boxes.map((box) => box.xEnd),
    0.9,
  );
  const result: string[] = [];
  let previous: OutputLine | null = null;
  for (const line of lines) {
    const last = result.length - 1;
    if (previous && last >= 0 && continues(previous, line, leftMargin, rightMargin)) {
      result[last] = joinText(result[last]!, line.text);
    } else {
      result.push(line.text);
    }
    previous = line;
  }
  return result;
}

function continues(previous: OutputLine, next: OutputLine, leftMargin: number, rightMargin: number): boolean {
  const a = previous.box;
  const b = next.box;
  if (!a || !b) return false;
  const size = Math.max(a.size, b.size);
  const spacing = b.y - a.y;
  if (spacing <= 0 || spacing > 1.7 * size || Math.abs(a.size - b.size) > 1.5) return false;
  if (CUT_NUMBER.test(previous.text) && /^[\p{Lu}\p{N}]/u.test(next.text)) return true;
  const fullLine = a.xEnd >= rightMargin - 3 * size;
  const atMargin = b.x <= leftMargin + 0.8 * size;
  if (!fullLine || !atMargin) return false;
  return !(LIST_MARKER.test(next.text) && /[.;:!?]$/u.test(previous.text));
}

function joinText(previous: string, next: string): string {
  if (CUT_NUMBER.test(previous) && /^[\p{L}\p{N}]/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
