/**
 * Runs → lines → segments, by position only.
 *
 * A line is the runs sharing a baseline. pdfjs cuts text into runs at font changes, often
 * inside a word (`điề` + `u của`), so a space is put only where the gap between two runs
 * is as wide as a space. A gap of several spaces' width splits the line into segments:
 * the two columns of a header or signature table, or the cells of a table row.
 */
import type { TextRun } from './runs.ts';

export interface Segment {
  text: string;
  x: number;
  xEnd: number;
  /** Largest font size in the segment. */
  size: number;
  runs: TextRun[];
}

export interface Line {
  /** Baseline from the page's top. */
  y: number;
  size: number;
  segments: Segment[];
}

/** Gap (in font sizes) from which two runs are separate words. A Times space is 0.25 em. */
const SPACE_GAP = 0.12;
/** Gap (in font sizes) from which two runs are in separate columns or cells. */
const COLUMN_GAP = 2.0;
/** Baseline difference (in font sizes) within which runs share a line (superscripts included). */
const BASELINE_TOLERANCE = 0.5;

/** Group runs into lines, top to bottom, each split into segments left to right. */
export function buildLines(runs: readonly TextRun[]): Line[] {
  const sorted = withoutOverdraw(runs).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const group = findGroup(groups, run);
    if (group) {
      group.runs.push(run);
      // The baseline of the line is that of its biggest text (a footnote mark is raised and small).
      if (run.size > group.size) {
        group.size = run.size;
        group.y = run.y;
      }
    } else {
      groups.push({ y: run.y, size: run.size, runs: [run] });
    }
  }
  groups.sort((a, b) => a.y - b.y);
  return groups.map((group) => ({ y: group.y, size: group.size, segments: segmentsOf(group.runs) }));
}

function findGroup(groups: { y: number; size: number; runs: TextRun[] }[], run: TextRun) {
  // Runs come sorted by baseline, so only the last few lines can take this one.
  for (let index = groups.length - 1; index >= Math.max(0, groups.length - 3); index -= 1) {
    const group = groups[index]!;
    const tolerance = BASELINE_TOLERANCE * Math.max(Math.min(group.size, run.size), 4);
    if (Math.abs(group.y - run.y) <= tolerance) return group;
  }
  return null;
}

/**
 * Runs drawn twice at (almost) the same place: some producers fake bold type by drawing
 * the text again shifted by a fraction of a point.
 */
function withoutOverdraw(runs: readonly TextRun[]): TextRun[] {
  const kept: TextRun[] = [];
  const seen = new Map<string, TextRun[]>();
  for (const run of runs) {
    const twins = seen.get(run.text) ?? [];
    if (twins.some((twin) => Math.abs(twin.x - run.x) < 0.3 * run.size && Math.abs(twin.y - run.y) < 0.3 * run.size)) continue;
    twins.push(run);
    seen.set(run.text, twins);
    kept.push(run);
  }
  return kept;
}

function segmentsOf(runs: readonly TextRun[]): Segment[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const run of sorted) {
    const size = Math.max(run.size, 1);
    if (current) {
      const gap = run.x - current.xEnd;
      const em = Math.max(current.size, size);
      if (gap < COLUMN_GAP * em) {
        const previous = current.runs[current.runs.length - 1]!;
        // Text a signing tool wrote into a widget (the day in "ngày ␣ tháng") is a word of its own,
        // and so is a footnote mark: glued on, it would change a number ("12-HD/BTCTW¹" → "…BTCTW1").
        const apart = previous.annotation !== run.annotation || isSuperscript(run, previous) || isSuperscript(previous, run);
        current.text = joinRuns(current.text, run.text, apart ? Infinity : gap / em);
        current.xEnd = Math.max(current.xEnd, run.x + run.width);
        current.size = Math.max(current.size, size);
        current.runs.push(run);
        continue;
      }
      segments.push(current);
    }
    current = { text: run.text, x: run.x, xEnd: run.x + run.width, size, runs: [run] };
  }
  if (current) segments.push(current);
  return segments.map((segment) => ({ ...segment, text: segment.text.replace(/\s+/gu, ' ').trim() }));
}

/** A small run raised above the one before it: a footnote mark or an exponent. */
function isSuperscript(run: TextRun, previous: TextRun): boolean {
  return run.size < 0.8 * previous.size && previous.y - run.y > 0.2 * previous.size;
}

/** Gap (in font sizes) between runs that is wider than any word space: a narrow column gutter. */
const NARROW_GUTTER = 0.8;

/**
 * Split a segment at a gap between two of its runs that lies within [left, right] and is
 * wider than a word space: two columns set closer than `COLUMN_GAP`. Null when there is none.
 */
export function splitAtGutter(segment: Segment, left: number, right: number): Segment[] | null {
  const runs = [...segment.runs].sort((a, b) => a.x - b.x);
  let best: { at: number; gap: number } | null = null;
  for (let index = 1; index < runs.length; index += 1) {
    const before = runs[index - 1]!;
    const after = runs[index]!;
    const end = before.x + before.width;
    const gap = after.x - end;
    if (end > right || after.x < left || gap < NARROW_GUTTER * segment.size) continue;
    if (!best || gap > best.gap) best = { at: (end + after.x) / 2, gap };
  }
  if (!best) return null;
  const at = best.at;
  return [...segmentsOf(runs.filter((run) => run.x < at)), ...segmentsOf(runs.filter((run) => run.x >= at))];
}

/** Join two runs of a line; `gap` is in font sizes. */
function joinRuns(left: string, right: string, gap: number): string {
  if (gap >= SPACE_GAP) return `${left} ${right}`;
  return left + right;
}

/** A segment's text joined over the line (columns separated by one space). */
export function lineText(line: Line): string {
  return line.segments.map((segment) => segment.text).join(' ');
}

/** Left edge of a line. */
export function lineStart(line: Line): number {
  return line.segments[0]?.x ?? 0;
}

/** Right edge of a line. */
export function lineEnd(line: Line): number {
  return line.segments[line.segments.length - 1]?.xEnd ?? 0;
}
