/**
 * The parsed plan as one mdast tree: the document structure every later step renders
 * (page HTML through `mdast-util-to-hast`, the MDX file through `mdast-util-to-markdown`) and
 * the citation plugin links (`src/remark/remark-citations.ts`).
 *
 * - a heading block is a `heading` (depth = level + 1, the page's own title being the h1)
 *   with its stable anchor as `data.hProperties.id`;
 * - a paragraph block is a `paragraph`; a run of bullet blocks is one tight `list` (class
 *   `plan-bullets`: the list style draws the marker, so the item's text starts after it);
 * - emphasis spans of the text are `strong` / `emphasis` nodes, cut where blocks end.
 *
 * Every text node has a `position` whose offsets point into `plan.text` (the same text the
 * extractor's mention spans point into), and `value === plan.text.slice(start, end)`: a plugin
 * can map any span of the text onto the tree.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import type { Block, EmphasisSpan } from '../../model.ts';

/** What the tree is made from: the parsed plan's text, blocks and emphasis. */
export interface TreeInput {
  text: string;
  blocks: readonly Block[];
  emphasis: readonly EmphasisSpan[];
}

/**
 * Build the tree of a plan.
 *
 * @param input Text, blocks and emphasis of the plan (a `ParsedPlan` will do).
 * @returns mdast root, one child per block (a list per run of bullets).
 */
export function planTree(input: TreeInput): Root {
  const point = pointFinder(input.text);
  const emphasis = [...input.emphasis].sort((a, b) => a.start - b.start || a.end - b.end);
  const children: RootContent[] = [];
  let list: List | null = null;
  for (const block of input.blocks) {
    const from = contentStart(input.text, block);
    const phrasing = inline(input.text, from, block.end, emphasis, point);
    const position = { start: point(block.start), end: point(block.end) };
    if (block.kind === 'bullet') {
      if (list === null) {
        list = {
          type: 'list',
          ordered: false,
          spread: false,
          children: [],
          data: { hProperties: { className: ['plan-bullets'] } },
        };
        children.push(list);
      }
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: phrasing,
        position: { start: point(from), end: point(block.end) },
      };
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph], position };
      list.children.push(item);
      continue;
    }
    list = null;
    if (block.kind === 'heading') {
      const depth = Math.min(block.level + 1, 6) as Heading['depth'];
      children.push({ type: 'heading', depth, children: phrasing, position, data: { hProperties: { id: block.anchor } } });
    } else {
      children.push({ type: 'paragraph', children: phrasing, position });
    }
  }
  return { type: 'root', children };
}

/**
 * The phrasing content of `text[start, end)`: text cut at emphasis boundaries, one `strong` or
 * `emphasis` node per span (strong outside emphasis where both cover a piece).
 *
 * @param text The plan's text.
 * @param start Start of the run.
 * @param end End of the run.
 * @param emphasis Emphasis spans sorted by start.
 * @param point Offset → point.
 * @returns Phrasing nodes (none for an empty run).
 */
function inline(
  text: string,
  start: number,
  end: number,
  emphasis: readonly EmphasisSpan[],
  point: (offset: number) => Point,
): PhrasingContent[] {
  const spans = emphasis.filter((span) => span.start < end && span.end > start && span.end > span.start);
  const textNode = (from: number, to: number): Text => ({
    type: 'text',
    value: text.slice(from, to),
    position: { start: point(from), end: point(to) },
  });
  if (start >= end) return [];
  if (spans.length === 0) return [textNode(start, end)];
  const cuts = new Set<number>([start, end]);
  for (const span of spans) {
    if (span.start > start && span.start < end) cuts.add(span.start);
    if (span.end > start && span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { from: number; to: number; strong: EmphasisSpan | null; emphasis: EmphasisSpan | null }[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    const covers = (span: EmphasisSpan): boolean => span.start <= from && span.end >= to;
    pieces.push({
      from,
      to,
      strong: spans.find((span) => span.kind === 'strong' && covers(span)) ?? null,
      emphasis: spans.find((span) => span.kind === 'emphasis' && covers(span)) ?? null,
    });
  }
  // Consecutive pieces of one span make one node: strong outside, emphasis inside.
  const group = <T>(items: readonly T[], key: (item: T) => unknown): T[][] => {
    const groups: T[][] = [];
    for (const item of items) {
      const last = groups.at(-1);
      if (last && key(last[0]!) !== null && key(last[0]!) === key(item)) last.push(item);
      else groups.push([item]);
    }
    return groups;
  };
  const styled = (
    kind: 'strong' | 'emphasis',
    run: readonly (typeof pieces)[number][],
    children: PhrasingContent[],
  ): PhrasingContent => ({
    type: kind,
    children,
    position: { start: point(run[0]!.from), end: point(run.at(-1)!.to) },
  });
  const emphasised = (run: readonly (typeof pieces)[number][]): PhrasingContent[] =>
    group(run, (piece) => piece.emphasis).map((part) => {
      const leaves = part.map((piece) => textNode(piece.from, piece.to));
      return part[0]!.emphasis ? styled('emphasis', part, leaves) : leaves[0]!;
    });
  return group(pieces, (piece) => piece.strong).flatMap((run) =>
    run[0]!.strong ? [styled('strong', run, emphasised(run))] : emphasised(run),
  );
}

/**
 * @param text A text.
 * @returns A function from an offset to its unist point (1-based line and column).
 */
function pointFinder(text: string): (offset: number) => Point {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  };
}

/**
 * Where a block's own words start: after a bullet's marker ("- ", "+ "), which the list
 * style draws instead; headings and paragraphs keep everything, numbering included.
 *
 * @param text The plan's text.
 * @param block The block.
 * @returns Offset in `text`.
 */
function contentStart(text: string, block: Block): number {
  if (block.kind !== 'bullet' || !block.marker) return block.start;
  const slice = text.slice(block.start, block.end);
  if (!slice.startsWith(block.marker)) return block.start;
  const rest = slice.slice(block.marker.length);
  return block.start + block.marker.length + (rest.length - rest.trimStart().length);
}
