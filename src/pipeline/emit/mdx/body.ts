/**
 * The body of a plan page: its blocks as MDX JSX, one flow element per line.
 *
 * Every block is a single line of JSX (`<h2 id=…>…</h2>`, `<p>…</p>`), so MDX never reads
 * plan text as Markdown structure (a paragraph "1. …" stays a paragraph, not a list).
 */
import type { Block, EmphasisSpan } from '../../../model.ts';
import { attribute } from './jsx-text.ts';
import { renderInline, type MentionLink } from './inline.ts';

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
 * @param input Text, blocks and emphasis of the plan.
 * @param links Every mention of the plan, sorted by start.
 * @returns MDX source of the body.
 */
export function renderBody(input: BodyInput, links: readonly MentionLink[]): string {
  const placed: MentionLink[] = [];
  const orphans: MentionLink[] = [];
  for (const link of links) {
    const previous = placed.at(-1);
    const overlaps = previous !== undefined && link.start < previous.end;
    const inBlock = input.blocks.some((block) => link.start >= contentStart(input.text, block) && link.end <= block.end);
    (overlaps || !inBlock ? orphans : placed).push(link);
  }

  const lines: string[] = orphans.map((link) => `<span ${attribute('id', link.anchor)}></span>`);
  let inList = false;
  for (const block of input.blocks) {
    if (block.kind !== 'bullet' && inList) {
      lines.push('</ul>');
      inList = false;
    }
    const inline = renderInline(input.text, contentStart(input.text, block), block.end, placed, input.emphasis);
    if (block.kind === 'heading') {
      const level = Math.min(block.level + 1, 6);
      lines.push(`<h${level} ${attribute('id', block.anchor)}>${inline}</h${level}>`);
    } else if (block.kind === 'bullet') {
      if (!inList) lines.push('<ul class="plan-bullets">');
      inList = true;
      lines.push(`<li>${inline}</li>`);
    } else {
      lines.push(`<p>${inline}</p>`);
    }
  }
  if (inList) lines.push('</ul>');
  return lines.join('\n') + '\n';
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
