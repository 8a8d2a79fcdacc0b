/**
 * Body structure: headings, numbered paragraphs, bullets and paragraphs, with
 * heading levels that follow the numbering.
 *
 * Rule for numbered items. Parts, chapters, sections, articles, "A." and Roman
 * items are always headings. Other numbered items ("1.", "2.1.", "a)", "1)",
 * "Một là,") are headings when their text (after the marker) is
 * - at most `maxHeadingLength` characters and one unfinished sentence (no "."
 *   or ";" at the end, none followed by a capital inside): a title such as
 *   "2. Chỉ tiêu thi đua" or "9. UBND các huyện, thị xã, thành phố:"; or
 * - at most `maxListLeadLength` characters and followed by bullets or deeper
 *   items it introduces ("3. Thực hiện cải cách thủ tục hành chính; … pháp luật."
 *   followed by "- …").
 * Otherwise they are numbered paragraphs: a `paragraph` block whose text keeps
 * the marker ("1. Tiếp tục nâng cao chất lượng, … địa phương."). Either way they
 * take part in the nesting, so "2.1." stays under "2.".
 *
 * Nesting. Items of the same kind (and decimal depth) are siblings: a new item
 * closes every deeper open item of its kind. Parts > chapters > sections >
 * "A." > Roman > articles close everything below them; other kinds nest in the
 * order the document first uses them. A heading's `level` is 1 + the number of
 * open headings above it, so the table of contents never skips a level.
 */
import type { Block } from '../../model.ts';
import { slugify } from '../ids.ts';
import type { Line } from './lines.ts';
import { type ItemMarker, type MarkerKind, readBullet, readItemMarker } from './markers.ts';
import { isUpperCase, startsLowerCase } from './text-case.ts';

/** Longest text (after the marker) a numbered item may have and still be a heading. */
const maxHeadingLength = 300;
/** Longest sentence-like item that is still a heading because it introduces a list. */
const maxListLeadLength = 200;
/** Deepest nesting kept; deeper items become paragraphs (bounds work on adversarial input). */
const maxDepth = 8;
/** Lines a block may be joined from (wrapped headings, lower-case continuations). */
const maxJoinedLines = 50;

/** Fixed ranks: a marker of these kinds closes every open item of equal or lower rank. */
const fixedRank: Partial<Record<MarkerKind, number>> = {
  part: 0,
  chapter: 1,
  section: 2,
  'upper-letter': 3,
  roman: 4,
  article: 5,
};

interface OpenItem {
  kind: MarkerKind;
  depth: number;
  numbers: string[];
  heading: boolean;
  /** Anchor path part contributed by this item. */
  path: string[];
}

/**
 * Split body lines into blocks.
 *
 * @param lines The body's lines (non-empty, trimmed, with spans).
 * @returns Blocks in text order; heading anchors are unique, ASCII and stable.
 */
export function readBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  const open: OpenItem[] = [];
  const anchors: Anchors = { taken: new Set(), next: new Map() };
  // Each line is classified once; the look-ahead below reuses it.
  const markers = lines.map((line) => readItemMarker(line.text));
  const bullets = lines.map((line, at) => (markers[at] ? null : readBullet(line.text)));
  let index = 0;

  while (index < lines.length) {
    const line = lines[index];
    if (!line) break;
    const marker = markers[index] ?? null;
    const bullet = bullets[index] ?? null;
    // Lower-case lines continue the block before them (a line cut by the export).
    let end = index + 1;
    let text = marker ? marker.text : bullet ? bullet.text : line.text;
    while (end < lines.length && end - index < maxJoinedLines) {
      const next = lines[end];
      if (!next || markers[end] || bullets[end] || !continues(text, next.text, marker)) break;
      text = `${text} ${next.text}`;
      end++;
    }
    const last = lines[end - 1] ?? line;
    const span = { start: line.start, end: last.end };

    if (marker) {
      const item = openItem(open, marker, isHeading(marker, text, markers[end] ?? null, Boolean(bullets[end])));
      if (item) {
        if (item.heading) {
          const level = open.filter((entry) => entry.heading).length;
          const anchor = uniqueAnchor(`muc-${slugify(open.flatMap((entry) => entry.path).join('-'))}`, anchors);
          blocks.push({ kind: 'heading', level, marker: marker.marker, text: headingText(text), ...span, anchor });
        } else {
          blocks.push({ kind: 'paragraph', text: `${marker.marker} ${text}`.trim(), ...span });
        }
        index = end;
        continue;
      }
      text = [line.text, ...lines.slice(index + 1, end).map((next) => next.text)].join(' ');
    }
    if (bullet) blocks.push({ kind: 'bullet', marker: bullet.marker, text, ...span });
    else blocks.push({ kind: 'paragraph', text, ...span });
    index = end;
  }
  return blocks;
}

/** Place a numbered item among the open ones; null when nesting would go too deep. */
function openItem(open: OpenItem[], marker: ItemMarker, heading: boolean): OpenItem | null {
  const close = closingIndex(open, marker);
  if (close === -1 && open.length >= maxDepth) return null;
  if (close !== -1) open.length = close;
  const parent = open[open.length - 1];
  const item: OpenItem = { kind: marker.kind, depth: marker.depth, numbers: marker.numbers, heading, path: [] };
  item.path = pathOf(item, parent);
  open.push(item);
  return item;
}

/** Index of the first open item the new one closes (itself included), or -1 to nest. */
function closingIndex(open: readonly OpenItem[], marker: ItemMarker): number {
  const rank = fixedRank[marker.kind];
  return open.findIndex((entry) => {
    if (rank !== undefined) {
      const entryRank = fixedRank[entry.kind];
      return entryRank === undefined || entryRank >= rank;
    }
    if (entry.kind !== marker.kind) return false;
    return marker.kind !== 'decimal' || entry.depth >= marker.depth;
  });
}

/**
 * See the rule at the top of this module.
 *
 * @param marker The item's marker.
 * @param text Its text after the marker, wrapped lines joined.
 * @param nextMarker Marker of the line after it, if any.
 * @param nextIsBullet Whether the line after it is a bullet.
 */
function isHeading(marker: ItemMarker, text: string, nextMarker: ItemMarker | null, nextIsBullet: boolean): boolean {
  if (fixedRank[marker.kind] !== undefined) return true;
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  // A title has one sentence: no "." or ";" at its end, no ". Trong đó…" inside.
  if (trimmed.length <= maxHeadingLength && !/[.;]$/u.test(trimmed) && !/[.;]\s+\p{Lu}/u.test(trimmed)) return true;
  return trimmed.length <= maxListLeadLength && (nextIsBullet || introducesList(marker, nextMarker));
}

/** Whether the next line's marker opens an item nested under `marker`. */
function introducesList(marker: ItemMarker, child: ItemMarker | null): boolean {
  if (!child || fixedRank[child.kind] !== undefined) return false;
  if (child.kind === 'decimal' && marker.kind === 'decimal') return child.depth > marker.depth;
  return child.kind !== marker.kind;
}

/**
 * Anchor path of an item: its numbers, with a decimal's leading numbers dropped
 * when its parent already gives them ("2.1." under "2." adds only "1").
 */
function pathOf(item: OpenItem, parent: OpenItem | undefined): string[] {
  if (item.kind === 'decimal' && parent?.kind === 'decimal') {
    const prefix = parent.numbers;
    if (prefix.length < item.numbers.length && prefix.every((number, at) => item.numbers[at] === number)) {
      return item.numbers.slice(prefix.length);
    }
  }
  return item.numbers;
}

/** Whether `next` (neither a numbered item nor a bullet) continues a block whose text so far is `text`. */
function continues(text: string, next: string, marker: ItemMarker | null): boolean {
  if (startsLowerCase(next)) return true;
  // "I. MỤC ĐÍCH," / "YÊU CẦU": an upper-case heading cut after a comma.
  return marker !== null && /,$/u.test(text) && isUpperCase(next) && isUpperCase(text);
}

function headingText(text: string): string {
  return text.replace(/\s*:\s*$/u, '').trim();
}

/** Anchors given so far, and the next suffix to try per base (keeps repeats linear). */
interface Anchors {
  taken: Set<string>;
  next: Map<string, number>;
}

/** `base`, or `base-2`, `base-3`… when taken. */
function uniqueAnchor(base: string, anchors: Anchors): string {
  let anchor = base;
  let suffix = anchors.next.get(base) ?? 2;
  while (anchors.taken.has(anchor)) anchor = `${base}-${suffix++}`;
  anchors.next.set(base, suffix);
  anchors.taken.add(anchor);
  return anchor;
}
