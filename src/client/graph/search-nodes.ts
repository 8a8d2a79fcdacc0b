/**
 * Find nodes by number or words, ignoring case and Vietnamese diacritics (đ → d).
 */
import { foldDiacritics } from '../../text/fold.ts';
import type { ViewNode } from './view-data.ts';

/**
 * Fold a text for matching: no diacritics, lower case, separators as spaces.
 *
 * @param text Any text.
 * @returns Folded text.
 */
export function foldForSearch(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

/** A search index over nodes: one folded string each. */
export interface NodeIndex {
  nodes: readonly ViewNode[];
  haystacks: string[];
}

/**
 * Build the index once per page.
 *
 * @param nodes Nodes in rank order.
 * @returns Index.
 */
export function indexNodes(nodes: readonly ViewNode[]): NodeIndex {
  return {
    nodes,
    haystacks: nodes.map((node) =>
      foldForSearch([node.label, node.number, node.type, node.subject, node.issuer].filter(Boolean).join(' ')),
    ),
  };
}

/**
 * Nodes whose text holds every word of the query, most connected first; an exact number
 * match ("21/2019/nđ-cp") comes before all.
 *
 * @param index Index from `indexNodes`.
 * @param query What the user typed.
 * @param limit Most results.
 * @returns Matching nodes.
 */
export function searchNodes(index: NodeIndex, query: string, limit = 20): ViewNode[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  const words = folded.split(' ');
  const exact: ViewNode[] = [];
  const other: ViewNode[] = [];
  index.nodes.forEach((node, position) => {
    const haystack = index.haystacks[position] as string;
    if (!words.every((word) => haystack.includes(word))) return;
    if (node.number && foldForSearch(node.number) === folded) exact.push(node);
    else other.push(node);
  });
  return [...exact, ...other].slice(0, limit);
}

/**
 * The documents cited by the most other documents, for the list shown before any search.
 * Ranked by times cited (citing documents, then mentions), never by degree: a plan that
 * cites forty documents and is cited by none is not "most cited". Uncited nodes are left out.
 *
 * @param nodes Nodes in rank order (the tie-breaker, so the list is stable).
 * @param limit Most results.
 * @returns Nodes cited at least once, most cited first.
 */
export function mostCitedNodes(nodes: readonly ViewNode[], limit = 10): ViewNode[] {
  return nodes
    .filter((node) => node.inDegree > 0)
    .sort((a, b) => b.inDegree - a.inDegree || b.mentionCount - a.mentionCount || a.index - b.index)
    .slice(0, limit);
}
