/**
 * The body of a plan page: its blocks as MDX JSX (or the HTML it renders to), one flow
 * element per line.
 *
 * Every block is a single line of JSX (`<h2 id=…>…</h2>`, `<p>…</p>`), so MDX never reads
 * plan text as Markdown structure (a paragraph "1. …" stays a paragraph, not a list).
 */
import type { Block, EmphasisSpan } from '../../../model.ts';
import { renderInline, type MentionLink } from './inline.ts';
import { mdxSyntax, type Syntax } from './syntax.ts';

/** What the body is made from: the parsed plan's text, blocks and emphasis. */
export interface BodyInput {
  text: string;
  blocks: readonly Block[];
  emphasis: readonly EmphasisSpan[];
}

/**
 * Render the body.
 *
 * Mentions that no block holds (e.g. in the header) or that overlap an earlier mention
 * still get their anchor, as an empty element at the top, so every `#trich-dan-N` of the
 * graph lands on the page.
 *
 * Both lookups (which block holds a mention, which mentions touch a block) are binary
 * searches: a plan of thousands of blocks and mentions stays linear-ish, not quadratic.
 *
 * @param input Text, blocks and emphasis of the plan.
 * @param links Every mention of the plan, sorted by start.
 * @param syntax MDX (default) or HTML.
 * @returns Source of the body: MDX, or the HTML that MDX renders to.
 */
export function renderBody(input: BodyInput, links: readonly MentionLink[], syntax: Syntax = mdxSyntax): string {
  const starts = input.blocks.map((block) => contentStart(input.text, block));
  const inAnyBlock = blockContainment(starts, input.blocks);
  const placed: MentionLink[] = [];
  const orphans: MentionLink[] = [];
  for (const link of links) {
    const previous = placed.at(-1);
    const overlaps = previous !== undefined && link.start < previous.end;
    (overlaps || !inAnyBlock(link) ? orphans : placed).push(link);
  }

  // Ascending and disjoint, so their ends ascend too: the first link ending after a block's
  // start is found by binary search, and the block's links follow it.
  const placedEnds = placed.map((link) => link.end);
  const lines: string[] = orphans.map((link) => `<span ${syntax.attribute('id', link.anchor)}></span>`);
  let items: string[] | null = null;
  const closeList = (): void => {
    if (items === null) return;
    lines.push(['<ul class="plan-bullets">', ...items, '</ul>'].join(syntax.childSeparator));
    items = null;
  };
  input.blocks.forEach((block, index) => {
    if (block.kind !== 'bullet') closeList();
    const from = starts[index]!;
    const touching: MentionLink[] = [];
    for (let at = firstAbove(placedEnds, from); at < placed.length && placed[at]!.start < block.end; at++) {
      touching.push(placed[at]!);
    }
    const inline = renderInline(input.text, from, block.end, touching, input.emphasis, syntax);
    if (block.kind === 'heading') {
      const level = Math.min(block.level + 1, 6);
      lines.push(`<h${level} ${syntax.attribute('id', block.anchor)}>${inline}</h${level}>`);
    } else if (block.kind === 'bullet') {
      (items ??= []).push(`<li>${inline}</li>`);
    } else {
      lines.push(`<p>${inline}</p>`);
    }
  });
  closeList();
  return lines.join('\n') + syntax.end;
}

/**
 * A test "does some block hold this span whole" (from its content start to its end), answered
 * by binary search over the blocks sorted by content start with the running maximum of ends.
 *
 * @param starts Content start of each block.
 * @param blocks The blocks.
 * @returns The test.
 */
function blockContainment(
  starts: readonly number[],
  blocks: readonly Block[],
): (span: { start: number; end: number }) => boolean {
  const order = blocks.map((_, index) => index).sort((a, b) => starts[a]! - starts[b]!);
  const sortedStarts = order.map((index) => starts[index]!);
  const maxEnd: number[] = [];
  for (const index of order) maxEnd.push(Math.max(maxEnd.at(-1) ?? -Infinity, blocks[index]!.end));
  return (span) => {
    // Blocks starting at or before the span: the prefix up to the last start <= span.start.
    const count = firstAbove(sortedStarts, span.start);
    return count > 0 && maxEnd[count - 1]! >= span.end;
  };
}

/**
 * @param sorted Ascending numbers.
 * @param value A number.
 * @returns Index of the first element greater than `value` (length when none).
 */
function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where a block's own words start: after a bullet's marker ("- ", "+ "), which the list
 * style draws instead; headings and paragraphs keep everything, numbering included.
 *
 * @param text The plan's text.
 * @param block The block.
 * @returns Offset in `text`.
 */
export function contentStart(text: string, block: Block): number {
  if (block.kind !== 'bullet' || !block.marker) return block.start;
  const slice = text.slice(block.start, block.end);
  if (!slice.startsWith(block.marker)) return block.start;
  const rest = slice.slice(block.marker.length);
  return block.start + block.marker.length + (rest.length - rest.trimStart().length);
}
