/**
 * Where a citation in authored content (`content/notes/*.mdx`, `content/pages/*.mdx`) leads:
 * the document of the built graph with that number, or that law's name.
 *
 * A number names a document when exactly one node carries it (folded: "21/2019/ND-CP" and
 * "21/2019/NĐ-CP" are one); a local number several provinces use ("07/CT-UBND") names none
 * and stays text. A named law ("Luật Quốc phòng") is found by its name.
 */
import type { Mention } from '../model.ts';
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { foldDiacritics } from '../text/fold.ts';
import { documentNumberKey } from '../text/number-key.ts';
import { STATUS_WORDS } from '../pipeline/resolve/status-labels.ts';
import { isChanged } from '../pipeline/resolve/status-states.ts';
import type { CitationTarget } from './remark-citations.ts';

/** Finds documents of a graph by number or law name. */
export interface DocumentLookup {
  /** The node a number names, if exactly one. */
  byNumber(number: string): GraphNode | undefined;
  /** The node a mention cites, if the graph has exactly one. */
  byMention(mention: Pick<Mention, 'number' | 'name'>): GraphNode | undefined;
}

/**
 * @param graph The built graph.
 * @returns Lookups over its nodes.
 */
export function documentLookup(graph: Pick<GraphData, 'nodes'>): DocumentLookup {
  const numbers = new Map<string, GraphNode | null>();
  const names = new Map<string, GraphNode | null>();
  const add = (map: Map<string, GraphNode | null>, key: string, node: GraphNode): void => {
    // null marks a key more than one document carries.
    map.set(key, map.has(key) && map.get(key)?.id !== node.id ? null : node);
  };
  for (const node of graph.nodes) {
    if (node.number) add(numbers, documentNumberKey(node.number), node);
    if (node.name) add(names, foldName(node.name), node);
  }
  const byNumber = (number: string): GraphNode | undefined => numbers.get(documentNumberKey(number)) ?? undefined;
  return {
    byNumber,
    byMention: (mention) =>
      mention.number ? byNumber(mention.number) : mention.name ? (names.get(foldName(mention.name)) ?? undefined) : undefined,
  };
}

/**
 * A `resolve` function for `remarkCitations`: the cited document's page, its full title and
 * validity, as on the plans' pages.
 *
 * @param lookup Documents of the graph.
 * @param href A node's page URL.
 * @returns The resolver.
 */
export function citationResolver(
  lookup: DocumentLookup,
  href: (node: GraphNode) => string,
): (mention: Mention) => CitationTarget | null {
  return (mention) => {
    const node = lookup.byMention(mention);
    if (!node) return null;
    const state = node.status.state;
    const flag = isChanged(state) ? STATUS_WORDS[state] : '';
    return { href: href(node), title: node.subject ? `${node.label} ${node.subject}` : node.label, status: state, flag };
  };
}

function foldName(name: string): string {
  return foldDiacritics(name).toLowerCase().replace(/\s+/g, ' ').trim();
}
