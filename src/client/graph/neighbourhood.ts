/**
 * The neighbourhood of one node (depth 1 and 2), computed at build time into
 * `/do-thi/lan-can/<id>.json` so a document page never loads the whole graph.
 */
import type { GraphData, GraphNode } from '../../pipeline/emit/graph-schema.ts';
import { LEVELS, RELATIONS } from './palette.ts';
import { compareByImportance } from './view-data.ts';

export const NEIGHBOURHOOD_VERSION = 1;

/** A node row: id, label, level index, inCorpus (0/1), depth (0 = the centre), inDegree, mentionCount, url (0 when usual). */
export type LocalNodeRow = [string, string, number, 0 | 1, 0 | 1 | 2, number, number, string | 0];
/** An edge row: source index, target index (into `nodes`), relation index. */
export type LocalEdgeRow = [number, number, number];

export interface NeighbourhoodFile {
  version: typeof NEIGHBOURHOOD_VERSION;
  nodes: LocalNodeRow[];
  edges: LocalEdgeRow[];
  /** Neighbours (depth 1 / depth 2) left out by the caps. */
  hidden: [number, number];
}

export interface NeighbourhoodOptions {
  /** Most depth-1 neighbours (default 120), most connected first. */
  maxDepth1?: number;
  /** Most depth-2 neighbours (default 120). */
  maxDepth2?: number;
}

/** Adjacency of a graph, built once and reused for every node's file. */
export interface Adjacency {
  byId: Map<string, GraphNode>;
  neighbours: Map<string, Set<string>>;
  graph: GraphData;
}

/**
 * Index a graph's adjacency (direction ignored).
 *
 * @param graph Graph data.
 * @returns Adjacency.
 */
export function buildAdjacency(graph: GraphData): Adjacency {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const neighbours = new Map<string, Set<string>>(graph.nodes.map((node) => [node.id, new Set<string>()]));
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue;
    neighbours.get(edge.source)?.add(edge.target);
    neighbours.get(edge.target)?.add(edge.source);
  }
  return { byId, neighbours, graph };
}

/**
 * The neighbourhood file of one node.
 *
 * @param adjacency From `buildAdjacency`.
 * @param id Centre node id.
 * @param options Caps.
 * @returns The file, or undefined for an unknown id.
 */
export function neighbourhood(adjacency: Adjacency, id: string, options: NeighbourhoodOptions = {}): NeighbourhoodFile | undefined {
  const { maxDepth1 = 120, maxDepth2 = 120 } = options;
  const centre = adjacency.byId.get(id);
  if (!centre) return undefined;
  const ranked = (ids: Iterable<string>): GraphNode[] =>
    [...ids].map((other) => adjacency.byId.get(other)).filter((node): node is GraphNode => Boolean(node)).sort(compareByImportance);

  const depth1All = ranked(adjacency.neighbours.get(id) ?? []);
  const depth1 = depth1All.slice(0, maxDepth1);
  const depth2Ids = new Set<string>();
  for (const node of depth1) {
    for (const other of adjacency.neighbours.get(node.id) ?? []) {
      if (other !== id && !adjacency.neighbours.get(id)?.has(other)) depth2Ids.add(other);
    }
  }
  const depth2All = ranked(depth2Ids);
  const depth2 = depth2All.slice(0, maxDepth2);

  const members: [GraphNode, 0 | 1 | 2][] = [[centre, 0], ...depth1.map((node) => [node, 1] as [GraphNode, 1]), ...depth2.map((node) => [node, 2] as [GraphNode, 2])];
  const indexOf = new Map(members.map(([node], index) => [node.id, index]));
  const depthOf = new Map(members.map(([node, depth]) => [node.id, depth]));
  const nodes: LocalNodeRow[] = members.map(([node, depth]) => [
    node.id,
    node.label,
    Math.max(0, LEVELS.indexOf(node.issuerLevel)),
    node.inCorpus ? 1 : 0,
    depth,
    node.inDegree,
    node.mentionCount,
    node.url === `van-ban/${node.id}/` ? 0 : node.url,
  ]);
  const edges: LocalEdgeRow[] = [];
  for (const edge of adjacency.graph.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    // Edges between two depth-2 nodes would only clutter the outer ring.
    if (depthOf.get(edge.source) === 2 && depthOf.get(edge.target) === 2) continue;
    edges.push([source, target, Math.max(0, RELATIONS.indexOf(edge.relation))]);
  }
  return {
    version: NEIGHBOURHOOD_VERSION,
    nodes,
    edges,
    hidden: [depth1All.length - depth1.length, depth2All.length - depth2.length],
  };
}
