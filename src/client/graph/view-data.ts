/**
 * The compact graph the browser draws (`/do-thi/du-lieu.json`): graph.json without mentions,
 * nodes and edges as arrays, nodes ranked most connected first.
 *
 * graph.json carries every mention sentence, which grows fast with the corpus; the view needs
 * a tenth of that. Encoded at build time, decoded in the browser, both here so they agree.
 */
import type { GraphData, GraphNode, GraphRelation } from '../../pipeline/emit/graph-schema.ts';
import type { IssuerLevel } from '../../model.ts';
import { LEVELS, RELATIONS } from './palette.ts';

const VIEW_VERSION = 1;

/**
 * A node row: id, label, type, number, date iso, issuer, level index, inCorpus (0/1), inDegree,
 * outDegree, mentionCount, x, y, subject, url (0 when it is the usual `van-ban/<id>/`).
 */
export type NodeRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  0 | 1,
  number,
  number,
  number,
  number,
  number,
  string | null,
  string | 0,
];

/** An edge row: source index, target index, relation index, mention count. */
export type EdgeRow = [number, number, number, number];

export interface ViewFile {
  version: typeof VIEW_VERSION;
  nodes: NodeRow[];
  edges: EdgeRow[];
  /**
   * Set in an overview (`overviewOf`): the file holds only what the default view draws, and
   * these are the whole graph's counts (nodes, and edges between the drawn nodes).
   */
  partial?: { nodes: number; matchingEdges: number };
}

/** A decoded node, with what the page needs precomputed. */
export interface ViewNode {
  /** Rank: 0 is the most connected node. */
  index: number;
  id: string;
  url: string;
  label: string;
  type: string | null;
  number: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  level: IssuerLevel;
  inCorpus: boolean;
  inDegree: number;
  outDegree: number;
  mentionCount: number;
  x: number;
  y: number;
  subject: string | null;
}

export interface ViewEdge {
  index: number;
  source: number;
  target: number;
  relation: GraphRelation;
  count: number;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Whole-graph counts when this is an overview (see `ViewFile.partial`). */
  partial?: { nodes: number; matchingEdges: number };
}

/**
 * Ranking used to pick what a capped view draws: most cited first, then most citing, then
 * most mentioned, then id (stable).
 *
 * @param a Node.
 * @param b Node.
 * @returns Sort order.
 */
export function compareByImportance(a: GraphNode, b: GraphNode): number {
  return (
    b.inDegree + b.outDegree - (a.inDegree + a.outDegree) ||
    b.mentionCount - a.mentionCount ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Encode graph data for the browser.
 *
 * @param graph Graph data.
 * @returns The compact view file.
 */
export function encodeView(graph: GraphData): ViewFile {
  const ranked = [...graph.nodes].sort(compareByImportance);
  const indexOf = new Map(ranked.map((node, index) => [node.id, index]));
  const nodes: NodeRow[] = ranked.map((node) => [
    node.id,
    node.label,
    node.type,
    node.number,
    node.date?.iso ?? null,
    node.issuer,
    Math.max(0, LEVELS.indexOf(node.issuerLevel)),
    node.inCorpus ? 1 : 0,
    node.inDegree,
    node.outDegree,
    node.mentionCount,
    node.x,
    node.y,
    node.subject,
    node.url === `van-ban/${node.id}/` ? 0 : node.url,
  ]);
  const edges: EdgeRow[] = [];
  for (const edge of graph.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined) continue;
    edges.push([source, target, Math.max(0, RELATIONS.indexOf(edge.relation)), edge.count]);
  }
  return { version: VIEW_VERSION, nodes, edges };
}

/**
 * Decode the view file.
 *
 * @param file Parsed JSON of `du-lieu.json`.
 * @returns Nodes (rank order) and edges.
 */
export function decodeView(file: ViewFile): ViewGraph {
  const nodes = file.nodes.map((row, index): ViewNode => {
    const [id, label, type, number, date, issuer, level, inCorpus, inDegree, outDegree, mentionCount, x, y, subject, url] = row;
    const year = date ? Number(date.slice(0, 4)) : null;
    return {
      index,
      id,
      url: url === 0 ? `van-ban/${id}/` : url,
      label,
      type,
      number,
      date,
      year: year !== null && Number.isFinite(year) ? year : null,
      issuer,
      level: LEVELS[level] ?? 'khac',
      inCorpus: inCorpus === 1,
      inDegree,
      outDegree,
      mentionCount,
      x,
      y,
      subject,
    };
  });
  const edges = file.edges.map(([source, target, relation, count], index): ViewEdge => ({
    index,
    source,
    target,
    relation: RELATIONS[relation] ?? 'dan-chieu',
    count,
  }));
  return file.partial ? { nodes, edges, partial: file.partial } : { nodes, edges };
}

/**
 * The overview of a view file: the nodes and edges the page draws by default and nothing
 * else, so the graph page's first download stays bounded (≤ `caps.nodes` nodes and
 * ≤ `caps.edges` edges) whatever the corpus; the page loads the whole file when the reader
 * filters, searches or asks for every document. The default view's nodes are the first
 * ranks, so node indexes are unchanged. A graph the default view draws whole is returned as is.
 *
 * @param file The whole view file.
 * @param select The page's selection of the default view (`selectView` with no filters).
 * @returns The overview.
 */
export function overviewOf(
  file: ViewFile,
  select: (graph: ViewGraph) => { nodes: readonly ViewNode[]; edges: readonly ViewEdge[]; matchingEdges: number },
): ViewFile {
  const selection = select(decodeView(file));
  if (selection.nodes.length === file.nodes.length && selection.edges.length === file.edges.length) return file;
  const drawn = selection.nodes.length;
  if (selection.nodes.some((node, rank) => node.index !== rank))
    throw new Error('overviewOf: the default view is not the first ranks');
  return {
    version: VIEW_VERSION,
    nodes: file.nodes.slice(0, drawn),
    edges: selection.edges.map((edge) => file.edges[edge.index]!),
    partial: { nodes: file.nodes.length, matchingEdges: selection.matchingEdges },
  };
}
