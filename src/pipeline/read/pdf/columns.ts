/**
 * Two-column regions: the header table (organ, "Số: …", V/v on the left; motto, place and
 * date on the right) and the signature table ("Nơi nhận:" on the left, the signer on the
 * right). A PDF draws both columns on shared baselines; read line by line they interleave
 * (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…`), so a region is read column by column instead.
 *
 * A region is a run of lines with a vertical gutter no segment crosses. The gutter starts
 * as the widest gap of the first line with two segments and narrows as lines are added.
 */
import { splitAtGutter, type Line, type Segment } from './lines.ts';

export interface ColumnRegion {
  /** First line of the region (index in the page's lines). */
  start: number;
  /** One past the last line. */
  end: number;
  left: string[];
  right: string[];
}

export type RegionKind = 'header' | 'signature';

/** Lines searched for the first two-segment line of a region. */
const SEED_SEARCH = 4;
/** Vertical distance (in font sizes) within which one-column lines still belong to the header. */
const HEADER_LINE_GAP = 2.3;

interface Gutter {
  left: number;
  right: number;
}

/**
 * The two-column region starting at `from`, or null when the lines there are not in two
 * columns. `textCentre` is the middle of the page's text area: a one-column line centred
 * on it is a title under the header, not part of it.
 */
export function columnRegion(lines: readonly Line[], from: number, kind: RegionKind, textCentre: number): ColumnRegion | null {
  const found = findSeed(lines, from);
  if (found === null) return null;
  const seed = found.index;
  let gutter: Gutter | null = widestGap(found.segments);
  if (!gutter) return null;

  // Lines above the seed join the region only if they already fit its gutter.
  let start = seed;
  for (let index = seed - 1; index >= from; index -= 1) {
    const fitted = fit(lines[index]!.segments, gutter);
    if (!fitted) break;
    gutter = fitted.gutter;
    start = index;
  }

  let end = start;
  let lastTwoSided = seed;
  const sides: { left: Segment[]; right: Segment[] }[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fitted = fit(line.segments, gutter);
    if (!fitted) break;
    if (kind === 'header' && index > lastTwoSided) {
      const previous = lines[index - 1]!;
      const oneSided = fitted.left.length === 0 || fitted.right.length === 0;
      if (oneSided && (line.y - previous.y > HEADER_LINE_GAP * line.size || isCentredTitle(line, textCentre))) break;
    }
    gutter = fitted.gutter;
    sides.push({ left: fitted.left, right: fitted.right });
    if (fitted.left.length > 0 && fitted.right.length > 0) lastTwoSided = index;
    end = index + 1;
  }
  if (!sides.some((side) => side.left.length > 0 && side.right.length > 0)) return null;
  const join = (segments: Segment[]): string => segments.map((segment) => segment.text).join(' ');
  return {
    start,
    end,
    left: sides.filter((side) => side.left.length > 0).map((side) => join(side.left)),
    right: sides.filter((side) => side.right.length > 0).map((side) => join(side.right)),
  };
}

/** The first line of the region: one with two segments, or the motto set close to the organ. */
function findSeed(lines: readonly Line[], from: number): { index: number; segments: Segment[] } | null {
  const last = Math.min(lines.length, from + SEED_SEARCH);
  for (let index = from; index < last; index += 1) {
    if (lines[index]!.segments.length >= 2) return { index, segments: lines[index]!.segments };
  }
  for (let index = from; index < last; index += 1) {
    const line = lines[index]!;
    const motto = line.segments.length === 1 ? MOTTO.exec(line.segments[0]!.text) : null;
    if (!motto || motto.index === 0) continue;
    const segment = line.segments[0]!;
    const parts = splitAtGutter(segment, segment.x, segment.xEnd);
    if (parts && parts.length === 2 && MOTTO.test(parts[1]!.text) && !MOTTO.test(parts[0]!.text))
      return { index, segments: parts };
  }
  return null;
}

/** The right column's first line of a state or Party header. */
const MOTTO = /CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM/u;

function widestGap(segments: readonly Segment[]): Gutter | null {
  let best: Gutter | null = null;
  for (let index = 1; index < segments.length; index += 1) {
    const gap = { left: segments[index - 1]!.xEnd, right: segments[index]!.x };
    if (!best || gap.right - gap.left > best.right - best.left) best = gap;
  }
  return best;
}

/** Segments of a line sorted to the two sides, and the narrowed gutter; null when one crosses it. */
function fit(segments: readonly Segment[], gutter: Gutter): { left: Segment[]; right: Segment[]; gutter: Gutter } | null {
  let { left: gutterLeft, right: gutterRight } = gutter;
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (const segment of segments) {
    if (segment.xEnd <= gutterRight) {
      left.push(segment);
      gutterLeft = Math.max(gutterLeft, segment.xEnd);
    } else if (segment.x >= gutterLeft) {
      right.push(segment);
      gutterRight = Math.min(gutterRight, segment.x);
    } else {
      // Two cells set closer than a column gap ("Số: 12/QĐ-UBND   Kon Tum, ngày …") are split
      // where a wide gap between runs falls in the gutter; a title across the gutter has none.
      const parts = splitAtGutter(segment, gutterLeft, gutterRight);
      if (!parts || parts.length !== 2) return null;
      const [first, second] = parts as [Segment, Segment];
      if (first.xEnd > gutterRight || second.x < gutterLeft) return null;
      left.push(first);
      right.push(second);
      gutterLeft = Math.max(gutterLeft, first.xEnd);
      gutterRight = Math.min(gutterRight, second.x);
    }
    if (gutterLeft >= gutterRight) return null;
  }
  return { left, right, gutter: { left: gutterLeft, right: gutterRight } };
}

/** A one-segment line centred on the text area ("THÔNG BÁO", "QUYẾT ĐỊNH"). */
function isCentredTitle(line: Line, textCentre: number): boolean {
  if (line.segments.length !== 1) return false;
  const segment = line.segments[0]!;
  const centre = (segment.x + segment.xEnd) / 2;
  return Math.abs(centre - textCentre) < 2 * line.size;
}
