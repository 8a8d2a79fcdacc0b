/**
 * View models of a document page, from graph.json: what it cites (by relation), who cites
 * it (with each mention's sentence and anchor), and stated relations between documents.
 */
import type { GraphData, GraphEdge, GraphMention, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { tDynamic } from '../i18n/t.ts';
import type { ActFacts } from './act-facts.ts';
import { citationCards, type CitationCard } from './citation-cards.ts';
import { coverageOf, relatedOf, type ImplementedDocument, type Related } from '../pipeline/coverage/index.ts';
import { reviewLocation } from './review-pages.ts';

/** Relations of a plan to what it cites, strongest first (the panel's groups). */
const citationRelations = ['can-cu', 'thuc-hien', 'dan-chieu'] as const;
export type CitationRelation = (typeof citationRelations)[number];

/**
 * What a document page shows of another document: a link labelled and titled with these.
 * Only these fields, so a page's inputs (`documentView`) change only when what it shows
 * changes — not when a linked document gains a citation or moves in the graph layout.
 */
export type DocumentRef = Pick<GraphNode, 'id' | 'label' | 'subject'> & {
  /** Validity at the build's date: the metadata card sums up the căn cứ with it. */
  state?: GraphNode['status']['state'];
};

/**
 * The link fields of a node.
 *
 * @param node A node.
 * @returns Its reference.
 */
function documentRef(node: GraphNode): DocumentRef {
  return { id: node.id, label: node.label, subject: node.subject, state: node.status.state };
}

/** A group of the "cited documents" panel. */
export interface CitedGroup {
  relation: CitationRelation;
  items: { node: DocumentRef; count: number }[];
}

/** A plan citing the document, with every mention of it there. */
export interface CitingPlan {
  node: DocumentRef;
  /** Every relation the plan states to it, strongest first. */
  relations: CitationRelation[];
  /** Mentions in text order. */
  mentions: GraphMention[];
}

/** A stated relation to another document, phrased from this document's side. */
export interface DocumentRelation {
  /** "sửa đổi, bổ sung", "được hướng dẫn bởi"… */
  phrase: string;
  node: DocumentRef;
  /** Where the relation is stated. */
  mentions: GraphMention[];
}

/**
 * Whether an edge is a plan citing a document (as opposed to a relation between two cited
 * documents stated in some plan's sentence): its mentions are in the source's own text.
 *
 * @param edge An edge.
 * @returns True for a citation edge.
 */
function isCitationEdge(edge: GraphEdge): edge is GraphEdge & { relation: CitationRelation } {
  return (
    (citationRelations as readonly string[]).includes(edge.relation) &&
    edge.mentions.length > 0 &&
    edge.mentions.every((mention) => mention.plan === edge.source)
  );
}

/** Edges and nodes of a graph indexed once, so a page never scans the whole graph. */
interface GraphIndex {
  nodes: Map<string, GraphNode>;
  /** Citation edges by source, and by target. */
  citing: Map<string, GraphEdge[]>;
  citedBy: Map<string, GraphEdge[]>;
  /** Stated relations between documents by source, and by target. */
  statedFrom: Map<string, GraphEdge[]>;
  statedTo: Map<string, GraphEdge[]>;
}

/**
 * Built once per graph object: tens of thousands of pages each asking for their edges would
 * otherwise scan every edge per page (quadratic in the corpus).
 */
const indexes = new WeakMap<GraphData, GraphIndex>();

/**
 * The index of a graph (edges keep their graph.json order in every list).
 *
 * @param graph The graph.
 * @returns Its index, cached.
 */
function indexOf(graph: GraphData): GraphIndex {
  let index = indexes.get(graph);
  if (index) return index;
  index = { nodes: new Map(), citing: new Map(), citedBy: new Map(), statedFrom: new Map(), statedTo: new Map() };
  for (const node of graph.nodes) index.nodes.set(node.id, node);
  const add = (map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  for (const edge of graph.edges) {
    if (isCitationEdge(edge)) {
      add(index.citing, edge.source, edge);
      add(index.citedBy, edge.target, edge);
    } else {
      add(index.statedFrom, edge.source, edge);
      add(index.statedTo, edge.target, edge);
    }
  }
  indexes.set(graph, index);
  return index;
}

/**
 * Node lookup by id (built once per graph).
 *
 * @param graph The graph.
 * @returns Map id → node.
 */
export function nodesById(graph: GraphData): ReadonlyMap<string, GraphNode> {
  return indexOf(graph).nodes;
}

/**
 * Compare nodes for listing: by label, code-point order (deterministic everywhere).
 *
 * @param a A node.
 * @param b A node.
 * @returns Sort order.
 */
export function byLabel(a: GraphNode, b: GraphNode): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What a document cites, grouped by relation (empty groups dropped).
 *
 * @param graph The graph.
 * @param id The citing document.
 * @returns Groups in the order Căn cứ, Thực hiện, Dẫn chiếu.
 */
export function citedGroups(graph: GraphData, id: string): CitedGroup[] {
  const { nodes, citing } = indexOf(graph);
  const edges = (citing.get(id) ?? []) as (GraphEdge & { relation: CitationRelation })[];
  return citationRelations
    .map((relation) => ({
      relation,
      items: edges
        .filter((edge) => edge.relation === relation)
        .flatMap((edge) => {
          const node = nodes.get(edge.target);
          return node ? [{ node, count: edge.count }] : [];
        })
        .sort((a, b) => byLabel(a.node, b.node))
        .map(({ node, count }) => ({ node: documentRef(node), count })),
    }))
    .filter((group) => group.items.length > 0);
}

/**
 * The plans citing a document, each with its mentions in text order.
 *
 * @param graph The graph.
 * @param id The cited document.
 * @returns Citing plans, sorted by label.
 */
export function citingPlans(graph: GraphData, id: string): CitingPlan[] {
  const { nodes, citedBy } = indexOf(graph);
  const byPlan = new Map<string, { node: GraphNode; relations: CitationRelation[]; mentions: GraphMention[] }>();
  for (const edge of citedBy.get(id) ?? []) {
    if (!isCitationEdge(edge)) continue;
    const node = nodes.get(edge.source);
    if (!node) continue;
    const entry = byPlan.get(node.id) ?? { node, relations: [], mentions: [] };
    entry.relations.push(edge.relation);
    // A copy: the sort below must not reorder the graph's own mention lists.
    entry.mentions.push(...edge.mentions);
    byPlan.set(node.id, entry);
  }
  return [...byPlan.values()]
    .sort((a, b) => byLabel(a.node, b.node))
    .map((entry) => ({
      node: documentRef(entry.node),
      relations: citationRelations.filter((relation) => entry.relations.includes(relation)),
      mentions: entry.mentions.sort((a, b) => anchorIndex(a.anchor) - anchorIndex(b.anchor)),
    }));
}

/**
 * The number of a mention anchor, for text order ("trich-dan-12" → 12).
 *
 * @param anchor Anchor id.
 * @returns Its number, or 0.
 */
function anchorIndex(anchor: string): number {
  return Number(/(\d+)$/.exec(anchor)?.[1] ?? 0);
}

/**
 * Relations stated between this document and others, phrased in Vietnamese from its side:
 * an edge "139/2020 sửa đổi 13/2014" reads "sửa đổi, bổ sung Nghị định 13/2014/NĐ-CP" on
 * 139's page and "được sửa đổi, bổ sung bởi Nghị định 139/2020/NĐ-CP" on 13's.
 *
 * @param graph The graph.
 * @param id The document.
 * @returns Relations, outgoing first.
 */
export function documentRelations(graph: GraphData, id: string): DocumentRelation[] {
  const { nodes, statedFrom, statedTo } = indexOf(graph);
  const outgoing = statedFrom.get(id) ?? [];
  const incoming = statedTo.get(id) ?? [];
  const make = (edge: GraphEdge, other: string, reverse: boolean): DocumentRelation[] => {
    const node = nodes.get(other);
    if (!node) return [];
    const phrase = tDynamic(`docRelation.${edge.relation}${reverse ? '.reverse' : ''}`);
    return [{ phrase, node: documentRef(node), mentions: edge.mentions }];
  };
  return [
    ...outgoing.flatMap((edge) => make(edge, edge.target, false)),
    ...incoming.flatMap((edge) => make(edge, edge.source, true)),
  ];
}

/** Everything a document page shows of the graph besides its own node. */
export interface DocumentView {
  cited: CitedGroup[];
  citing: CitingPlan[];
  relations: DocumentRelation[];
  /** The reference facts of a cited legislative act (`act-facts.ts`), set by the page's route. */
  act?: ActFacts | null;
  /** The card of each document the text cites (src/components/CitationCards.astro). */
  cards: CitationCard[];
  /** Its implementations ("Triển khai" section), or null when nothing implements it. */
  implementation: ImplementedDocument | null;
  /** Documents sharing its cited documents, and its other years; null when it cites nothing. */
  related: Related | null;
  /** Where its rows of /ra-soat/ are (`reviewLocation`: page and section), or null when it has none. */
  review: string | null;
}

/**
 * The graph as one document page shows it.
 *
 * @param graph The graph.
 * @param id The document.
 * @returns Its view.
 */
export function documentView(graph: GraphData, id: string): DocumentView {
  const cited = citedGroups(graph, id);
  const cards = citationCards(nodesById(graph), graph.statusDate, id, cited);
  return {
    cited,
    citing: citingPlans(graph, id),
    relations: documentRelations(graph, id),
    cards,
    implementation: coverageOf(graph).byTarget.get(id) ?? null,
    related: relatedOf(graph).get(id) ?? null,
    review: reviewLocation(graph, id),
  };
}

/**
 * Above this many citing plans, a page lists each plan and a link to each of its mentions but
 * not the quoted sentences: the page of a document cited by every plan would otherwise carry
 * every plan's sentences (6 MB at 5,000 plans) to slow office machines. The sentences stay one
 * click away and all of them are in citations.csv.
 */
export const CITING_SENTENCES_LIMIT = 50;

/**
 * Whether a page quotes the sentence of every mention of it.
 *
 * @param citing The plans citing the document.
 * @returns True up to `CITING_SENTENCES_LIMIT` plans.
 */
export function quotesCitingSentences(citing: readonly CitingPlan[]): boolean {
  return citing.length <= CITING_SENTENCES_LIMIT;
}
