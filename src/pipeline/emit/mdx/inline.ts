/**
 * Inline content of one block: plain text, emphasis and citation links, as MDX JSX.
 *
 * Mentions and emphasis may start and end anywhere, even across each other, so the block is
 * cut at every boundary and each piece carries the link and styles covering it. A link is
 * then the outer element and emphasis sits inside it: always well nested, whatever the input.
 */
import type { EmphasisSpan } from '../../../model.ts';
import type { DocumentState } from '../../resolve/status-states.ts';
import { mdxSyntax, type Syntax } from './syntax.ts';

/** A mention to render as a link (or as a bare anchor when it was not resolved). */
export interface MentionLink {
  /** Span in the plan's normalized text. */
  start: number;
  end: number;
  /** Anchor id on the plan page: `mentionAnchor(i)` of the mention's index sorted by start. */
  anchor: string;
  /** Href of the cited document's page, relative to the plan page ("../nghi-dinh-…/"); null when unresolved. */
  href: string | null;
  /** Full title of the cited document, shown as the link's tooltip. */
  title: string;
  /**
   * Short label of the cited document ("Nghị định 21/2019/NĐ-CP"), printed after the link on
   * paper; empty when the mention already reads as much (no `data-label` then).
   */
  label: string;
  /** Validity state of the cited document (`data-status`), or null when unresolved. */
  status?: DocumentState | null;
  /**
   * Words of the state shown right after the link ("Đã bị sửa đổi, bổ sung"), so the state
   * is told in words and an icon, never by colour alone; empty for none.
   */
  flag?: string;
}

interface Piece {
  start: number;
  end: number;
  link: MentionLink | null;
  strong: boolean;
  emphasis: boolean;
}

/**
 * Render `text[start, end)` with its links and emphasis.
 *
 * @param text The plan's normalized text.
 * @param start Start of the run.
 * @param end End of the run.
 * @param links Links sorted by start, not overlapping each other (only those touching the run are read).
 * @param emphasis Emphasis spans of the plan.
 * @param syntax MDX (default) or HTML.
 * @returns Source of the inline content (may be empty).
 */
export function renderInline(
  text: string,
  start: number,
  end: number,
  links: readonly MentionLink[],
  emphasis: readonly EmphasisSpan[],
  syntax: Syntax = mdxSyntax,
): string {
  const inRun = (span: { start: number; end: number }): boolean => span.start < end && span.end > start;
  const runLinks = links.filter(inRun);
  const runEmphasis = emphasis.filter(inRun);
  const cuts = new Set<number>([start, end]);
  for (const span of [...runLinks, ...runEmphasis]) {
    if (span.start > start && span.start < end) cuts.add(span.start);
    if (span.end > start && span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    const covers = (span: { start: number; end: number }): boolean => span.start <= from && span.end >= to;
    pieces.push({
      start: from,
      end: to,
      link: runLinks.find(covers) ?? null,
      strong: runEmphasis.some((span) => span.kind === 'strong' && covers(span)),
      emphasis: runEmphasis.some((span) => span.kind === 'emphasis' && covers(span)),
    });
  }

  let out = '';
  const opened = new Set<string>();
  for (let index = 0; index < pieces.length; ) {
    const link = pieces[index]!.link;
    let last = index;
    while (last + 1 < pieces.length && pieces[last + 1]!.link === link && link !== null) last++;
    const inner = pieces
      .slice(index, last + 1)
      .map((piece) => styled(text.slice(piece.start, piece.end), piece, syntax))
      .join('');
    out += link ? linkElement(link, inner, !opened.has(link.anchor), syntax) : inner;
    // The flag once, after the link's last part.
    if (link?.flag && link.href !== null && pieces[last]!.end >= link.end) out += flagElement(link, syntax);
    if (link) opened.add(link.anchor);
    index = last + 1;
  }
  return out;
}

/**
 * A piece of text in its emphasis elements.
 *
 * @param value Literal text.
 * @param piece Its styles.
 * @param syntax MDX or HTML.
 * @returns Source.
 */
function styled(value: string, piece: Piece, syntax: Syntax): string {
  let out = syntax.text(value);
  if (piece.emphasis) out = `<em>${out}</em>`;
  if (piece.strong) out = `<strong>${out}</strong>`;
  return out;
}

/**
 * The element of one mention: a link to the cited document, or a bare anchor when unresolved.
 *
 * @param link The mention.
 * @param inner Rendered content.
 * @param withId Whether this part carries the anchor id (only the first part of a split mention).
 * @param syntax MDX or HTML.
 * @returns Source.
 */
function linkElement(link: MentionLink, inner: string, withId: boolean, syntax: Syntax): string {
  const { attribute } = syntax;
  const id = withId ? ` ${attribute('id', link.anchor)}` : '';
  if (link.href === null) {
    return `<span class="citation citation-unresolved"${id}>${inner}</span>`;
  }
  const title = link.flag ? `${link.title} (${link.flag})` : link.title;
  const attributes = [attribute('href', link.href), attribute('title', title)];
  if (link.label) attributes.push(attribute('data-label', link.label));
  if (link.status) attributes.push(attribute('data-status', link.status));
  return `<a class="citation"${id} ${attributes.join(' ')}>${inner}</a>`;
}

/**
 * The words of a citation's state after it. Left out of the search index: the plan does not
 * say them, the build does.
 *
 * @param link The mention.
 * @param syntax MDX or HTML.
 * @returns Source.
 */
function flagElement(link: MentionLink, syntax: Syntax): string {
  const attributes = [
    syntax.attribute('class', 'status-flag'),
    syntax.attribute('data-status', link.status ?? ''),
    syntax.attribute('data-pagefind-ignore', 'all'),
  ];
  return `<span ${attributes.join(' ')}>${syntax.text(link.flag ?? '')}</span>`;
}
