/**
 * `remarkCitations`: link the citations of a document in its mdast tree.
 *
 * The same plugin serves the build and authored notes:
 * - the build passes the plan's mentions already found and resolved (`options.links`: spans
 *   of the plan text, which the plan tree's text positions point into, see
 *   `src/pipeline/parse/tree.ts`);
 * - for an authored note (`content/notes/*.mdx`), the plugin runs the extractor over the
 *   file's text itself and asks `options.resolve` where each mention leads.
 *
 * Spans point into `file.value` (as eyecite's point into the cleaned text), so a mention across
 * emphasis is found whole and linked around it: the link is the outer node, emphasis inside.
 * A span is linked where one block's text holds it (text nodes whose value is their source
 * text: no character references or escapes inside); a link with an anchor that no block holds
 * (a mention in the header, or overlapping an earlier one) keeps its anchor as an empty
 * element at the top, so every `#trich-dan-N` of the graph lands on the page.
 *
 * Results go to typed `file.data`: `mentions` and `citations` (when the plugin extracted
 * them) and `citationLinks` (the links it placed).
 */
import type { Emphasis, Link, Nodes, Parent, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Citation, Mention } from '../model.ts';
import { extract, type ExtractOptions } from '../pipeline/extract.ts';
import { groupCitations } from '../pipeline/group.ts';

/** Where one citation leads, and how its link is marked. */
export interface CitationTarget {
  /** Href of the cited document's page; null when it could not be resolved (then a plain span). */
  href: string | null;
  /** Id of the mention's anchor on the page ("trich-dan-3"), if it has one. */
  anchor?: string;
  /** Tooltip: the cited document's full title. */
  title?: string;
  /** Short label printed after the link on paper (`data-label`); empty for none. */
  label?: string;
  /** Validity state of the cited document (`data-status`). */
  status?: string | null;
  /** Words of that state shown after the link ("Đã bị sửa đổi, bổ sung"); empty for none. */
  flag?: string;
}

/** A citation to link: a span of `file.value` and its target. */
export interface CitationLink extends CitationTarget {
  start: number;
  end: number;
}

/** Options of `remarkCitations`. */
export interface RemarkCitationsOptions {
  /**
   * The citations, found and resolved already (sorted by start). Without them the plugin finds
   * the mentions in `file.value` with `extract` and links the ones `resolve` knows.
   */
  links?: readonly CitationLink[];
  /** The document's own number and issuer, for `extract` (never a citation of itself). */
  extract?: ExtractOptions;
  /** Where a mention found by the plugin leads; null or undefined leaves it as text. */
  resolve?: (mention: Mention) => CitationTarget | null | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** Every citation mention the plugin found in the file, sorted by start (offsets into `file.value`). */
    mentions: Mention[];
    /** The distinct documents those mentions cite. */
    citations: Citation[];
    /** The links the plugin placed in the tree, sorted by start. */
    citationLinks: CitationLink[];
  }
}

/**
 * Link the citations of a document.
 *
 * @param options Links already resolved, or how to find and resolve them.
 * @returns Transform that links the tree in place and fills `file.data`.
 */
const remarkCitations: Plugin<[RemarkCitationsOptions?], Root> = function (options = {}) {
  return (tree, file) => {
    linkCitations(tree, file, options);
  };
};

export default remarkCitations;

/**
 * The transform itself, callable without a processor (the build runs it on thousands of trees).
 *
 * @param tree The document's tree; text positions are offsets into `file.value`.
 * @param file The file (its `value` is the text the spans point into).
 * @param options As for the plugin.
 */
export function linkCitations(tree: Root, file: VFile, options: RemarkCitationsOptions = {}): void {
  const source = String(file.value ?? '');
  let links = options.links;
  if (links === undefined) {
    const mentions = extract(source, options.extract);
    file.data.mentions = mentions;
    file.data.citations = groupCitations(mentions);
    links = options.resolve
      ? mentions.flatMap((mention) => {
          const target = options.resolve!(mention);
          return target ? [{ ...target, start: mention.start, end: mention.end }] : [];
        })
      : [];
  }
  const placed: CitationLink[] = [];
  const orphans: CitationLink[] = [];
  const containers = phrasingContainers(tree, source);
  let previousEnd = -1;
  for (const link of links) {
    const overlaps = link.start < previousEnd;
    const container = overlaps ? undefined : containerOf(containers, link);
    if (container === undefined) {
      if (link.anchor) orphans.push(link);
      continue;
    }
    container.links.push(link);
    placed.push(link);
    previousEnd = link.end;
  }
  for (const container of containers) {
    if (container.links.length > 0) container.node.children = relink(container, source);
  }
  if (orphans.length > 0) {
    tree.children.unshift(
      ...orphans.map((link): RootContent => ({
        type: 'paragraph',
        children: [],
        data: { hName: 'span', hProperties: { id: link.anchor! } },
      })),
    );
  }
  file.data.citationLinks = placed;
}

/** A node holding phrasing content, with the span of `file.value` its text covers. */
interface Container {
  node: Parent & { children: PhrasingContent[] };
  start: number;
  end: number;
  /** Leaves in order: text that may be cut, or anything else (kept whole, never linked). */
  leaves: Leaf[];
  links: CitationLink[];
}

interface Leaf {
  node: PhrasingContent;
  /** Styling ancestors inside the container, outermost first. */
  chain: (Emphasis | Strong)[];
  /** Span of a cuttable text leaf in the source; undefined for an atomic one. */
  start?: number;
  end?: number;
  /**
   * Source offset of each character of the leaf's value (and of its end), when the value is
   * not its source span verbatim (a paragraph's continuation lines lose their indentation);
   * absent when it is.
   */
  map?: readonly number[];
}

/**
 * Every paragraph and heading (and table cell) of the tree, in document order.
 *
 * @param tree The tree.
 * @returns Their containers (only those with positioned text).
 */
function phrasingContainers(tree: Root, source: string): Container[] {
  const out: Container[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const leaves: Leaf[] = [];
      collectLeaves(node.children, [], leaves, source);
      const cuttable = leaves.filter((leaf) => leaf.start !== undefined);
      if (cuttable.length > 0) {
        out.push({ node, start: cuttable[0]!.start!, end: cuttable.at(-1)!.end!, leaves, links: [] });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/**
 * @param nodes Phrasing nodes.
 * @param chain Their styling ancestors.
 * @param out Leaves, appended in order.
 * @param source The file's text.
 */
function collectLeaves(nodes: readonly PhrasingContent[], chain: (Emphasis | Strong)[], out: Leaf[], source: string): void {
  for (const node of nodes) {
    if (node.type === 'emphasis' || node.type === 'strong') {
      collectLeaves(node.children, [...chain, node], out, source);
      continue;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const map =
      node.type === 'text' && start !== undefined && end !== undefined ? sourceMap(node.value, source, start, end) : null;
    if (map === null) out.push({ node, chain });
    else if (map === 'verbatim') out.push({ node, chain, start: start!, end: end! });
    else out.push({ node, chain, start: start!, end: end!, map });
  }
}

/**
 * Where each character of a text node's value is in the source.
 *
 * @param value The node's value.
 * @param source The file's text.
 * @param start Start offset of the node.
 * @param end End offset of the node.
 * @returns "verbatim" when the value is its source span; else the offset of each character
 *   (and of the end), skipping indentation after line endings; null when the value differs
 *   otherwise (character references, escapes: offsets inside it cannot be told).
 */
function sourceMap(value: string, source: string, start: number, end: number): 'verbatim' | number[] | null {
  if (end - start === value.length && source.startsWith(value, start)) return 'verbatim';
  const map: number[] = [];
  let at = start;
  for (let index = 0; index < value.length; index++) {
    if (index > 0 && value[index - 1] === '\n')
      while (at < end && (source[at] === ' ' || source[at] === '\t') && source[at] !== value[index]) at++;
    if (source[at] !== value[index]) return null;
    map.push(at);
    at++;
  }
  map.push(at);
  return map;
}

/**
 * @param leaf A cuttable leaf.
 * @param offset A source offset inside it.
 * @returns Index in the leaf's value.
 */
function valueIndex(leaf: Leaf, offset: number): number {
  if (!leaf.map) return offset - leaf.start!;
  let low = 0;
  let high = leaf.map.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (leaf.map[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The container whose text holds a link whole, with only cuttable text inside the span.
 *
 * @param containers Containers in document order (their spans ascend).
 * @param link The link.
 * @returns The container, or undefined.
 */
function containerOf(containers: readonly Container[], link: CitationLink): Container | undefined {
  let low = 0;
  let high = containers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (containers[middle]!.end < link.end) low = middle + 1;
    else high = middle;
  }
  const container = containers[low];
  if (!container || container.start > link.start) return undefined;
  let startsInText = false;
  let endsInText = false;
  for (const leaf of container.leaves) {
    if (leaf.start === undefined) {
      // An atomic leaf inside the span is never wrapped in a link. Its place is between the
      // cuttable leaves around it; the source offsets of neither side tell where, so any
      // atomic leaf between the span's first and last text refuses the link.
      if (startsInText && !endsInText) return undefined;
      continue;
    }
    const end = leaf.end!;
    if (!startsInText && leaf.start <= link.start && link.start < end) startsInText = true;
    if (startsInText && leaf.start < link.end && link.end <= end) endsInText = true;
  }
  return startsInText && endsInText ? container : undefined;
}

/** A piece of a container's content after cutting: a leaf (or part of one) and its link. */
interface Piece {
  node: PhrasingContent;
  chain: (Emphasis | Strong)[];
  link: CitationLink | null;
}

/**
 * The container's children with its links placed.
 *
 * @param container The container and its links (sorted, disjoint).
 * @param source The file's text.
 * @returns New children.
 */
function relink(container: Container, source: string): PhrasingContent[] {
  const pieces: Piece[] = [];
  const links = container.links;
  let next = 0;
  for (const leaf of container.leaves) {
    if (leaf.start === undefined) {
      pieces.push({ node: leaf.node, chain: leaf.chain, link: null });
      continue;
    }
    const text = leaf.node as Text;
    const end = leaf.end!;
    let at = leaf.start;
    while (next < links.length && links[next]!.end <= at) next++;
    for (let index = next; at < end;) {
      const link = links[index];
      if (link === undefined || link.start >= end) {
        pieces.push({ node: cut(text, leaf, at, end, source), chain: leaf.chain, link: null });
        break;
      }
      if (link.start > at) {
        pieces.push({ node: cut(text, leaf, at, link.start, source), chain: leaf.chain, link: null });
        at = link.start;
      }
      const to = Math.min(link.end, end);
      pieces.push({ node: cut(text, leaf, at, to, source), chain: leaf.chain, link });
      at = to;
      if (to === link.end) index++;
    }
  }
  // Consecutive pieces of one link make one link node, its styles rebuilt inside it.
  const out: PhrasingContent[] = [];
  for (let index = 0; index < pieces.length;) {
    const link = pieces[index]!.link;
    let last = index;
    while (link !== null && last + 1 < pieces.length && pieces[last + 1]!.link === link) last++;
    const run = pieces.slice(index, last + 1);
    if (link === null) out.push(...restyle(run, 0));
    else out.push(...linkNodes(link, restyle(run, 0)));
    index = last + 1;
  }
  return out;
}

/**
 * @param text A cuttable text node.
 * @param leaf Its leaf.
 * @param from Source offset of the part's start.
 * @param to Source offset of the part's end.
 * @param source The file's text.
 * @returns The part as a text node of its own, positioned.
 */
function cut(text: Text, leaf: Leaf, from: number, to: number, source: string): Text {
  const origin = leaf.start!;
  if (from === origin && to === leaf.end) return text;
  const value = text.value.slice(valueIndex(leaf, from), valueIndex(leaf, to));
  const start = text.position!.start;
  const point = (offset: number): { line: number; column: number; offset: number } => {
    const before = source.slice(origin, offset);
    const lineBreak = before.lastIndexOf('\n');
    return {
      line: start.line + countLines(before),
      column: lineBreak === -1 ? start.column + before.length : before.length - lineBreak,
      offset,
    };
  };
  return { type: 'text', value, position: { start: point(from), end: point(to) } };
}

function countLines(value: string): number {
  let count = 0;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Rebuild styling nodes around consecutive pieces that shared them.
 *
 * @param pieces Pieces in order.
 * @param depth How many chain levels are already open.
 * @returns Phrasing nodes.
 */
function restyle(pieces: readonly Piece[], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let index = 0; index < pieces.length;) {
    const style = pieces[index]!.chain[depth];
    if (style === undefined) {
      out.push(pieces[index]!.node);
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < pieces.length && pieces[last + 1]!.chain[depth] === style) last++;
    const children = restyle(pieces.slice(index, last + 1), depth + 1);
    const { children: _old, ...rest } = style;
    out.push({ ...rest, children } as Emphasis | Strong);
    index = last + 1;
  }
  return out;
}

/**
 * The nodes of one citation: a link (or a span when unresolved), then its state's words.
 *
 * @param link The citation.
 * @param children Its content.
 * @returns Phrasing nodes.
 */
function linkNodes(link: CitationLink, children: PhrasingContent[]): PhrasingContent[] {
  if (link.href === null) {
    const properties: Record<string, string> = { className: 'citation citation-unresolved' };
    if (link.anchor) properties['id'] = link.anchor;
    // An emphasis node renamed: mdast has no plain span, and its children stay phrasing.
    return [{ type: 'emphasis', children, data: { hName: 'span', hProperties: properties } }];
  }
  const title = link.flag ? `${link.title ?? ''} (${link.flag})` : (link.title ?? null);
  // The attributes in the order the page has always written them.
  const properties: Record<string, string> = { className: 'citation' };
  if (link.anchor) properties['id'] = link.anchor;
  properties['href'] = link.href;
  if (title !== null) properties['title'] = title;
  if (link.label) properties['dataLabel'] = link.label;
  if (link.status) properties['dataStatus'] = link.status;
  const node: Link = { type: 'link', url: link.href, title, children, data: { hProperties: properties } };
  if (!link.flag) return [node];
  const flag: Text = {
    type: 'text',
    value: link.flag,
    data: {
      hName: 'span',
      hProperties: { className: 'status-flag', dataStatus: link.status ?? '', dataPagefindIgnore: 'all' },
    },
  };
  return [node, flag];
}
