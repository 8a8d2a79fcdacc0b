/**
 * The neighbourhood of one node (depth 1 and 2), computed at build time into
 * `/do-thi/lan-can/<id>.json` so a document page never loads the whole graph.
 */
import type { GraphData, GraphNode } from '../../pipeline/emit/graph-schema.ts';
import { LEVELS, RELATIONS } from './palette.ts';
import { compareByImportance } from './view-data.ts';

const NEIGHBOURHOOD_VERSION = 1;

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

/**
 * Adjacency of a graph, built once and reused for every node's file. Nodes are numbered by
 * their rank in `compareByImportance` order, so "most connected first" is "lowest number
 * first" and a neighbourhood is found with typed arrays: a plan citing a hub reaches all
 * the hub's citers at depth 2, for each of thousands of files.
 */
export interface Adjacency {
  /** Nodes in `compareByImportance` order. */
  byRank: GraphNode[];
  rank: Map<string, number>;
  /** Neighbours of each node (direction ignored), by rank, ascending. */
  neighbours: Int32Array[];
  /** Indices into `graph.edges` of the edges at each node, ascending. */
  incident: Int32Array[];
  /** Ranks of each edge's source and target (`2i`, `2i + 1`); -1 for an unknown node. */
  edgeEnds: Int32Array;
  /** Each edge's index in `RELATIONS`. */
  edgeRelation: Uint8Array;
  graph: GraphData;
  /**
   * Neighbour sets as bitsets over ranks, for nodes with at least `BITSET_DEGREE` neighbours:
   * the depth-2 ring of a plan that cites hubs is the union of the hubs' neighbours, and
   * OR-ing bitsets costs a few hundred words where walking the lists cost thousands of steps
   * per hub, for each of thousands of files.
   */
  neighbourBits: Map<number, Uint32Array>;
  /** Scratch bitset for that union. */
  union: Uint32Array;
  /** Scratch marks for `neighbourhood`, one per node, and each node's place in a file. */
  marks: Uint32Array;
  position: Int32Array;
  /** Last mark value used. */
  stamp: number;
}

/** Nodes with this many neighbours keep them as a bitset too (`Adjacency.neighbourBits`). */
const BITSET_DEGREE = 64;

/**
 * The set bits of a bitset: the lowest `limit` of them, ascending, and how many there are.
 *
 * @param bits Bitset.
 * @param limit Most positions to return.
 * @returns Positions and count.
 */
function setBits(bits: Uint32Array, limit: number): { first: Int32Array; count: number } {
  const first: number[] = [];
  let count = 0;
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word]!;
    if (value === 0) continue;
    // Population count of a 32-bit word.
    let pop = value - ((value >>> 1) & 0x55555555);
    pop = (pop & 0x33333333) + ((pop >>> 2) & 0x33333333);
    count += Math.imul((pop + (pop >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    while (value !== 0 && first.length < limit) {
      const lowest = value & -value;
      first.push(word * 32 + 31 - Math.clz32(lowest));
      value ^= lowest;
    }
  }
  return { first: Int32Array.from(first), count };
}

/**
 * Index a graph's adjacency (direction ignored).
 *
 * @param graph Graph data.
 * @returns Adjacency.
 */
export function buildAdjacency(graph: GraphData): Adjacency {
  const byRank = [...graph.nodes].sort(compareByImportance);
  const rank = new Map(byRank.map((node, index) => [node.id, index]));
  const neighbours: Set<number>[] = byRank.map(() => new Set<number>());
  const incident: number[][] = byRank.map(() => []);
  const edgeEnds = new Int32Array(graph.edges.length * 2).fill(-1);
  const edgeRelation = new Uint8Array(graph.edges.length);
  graph.edges.forEach((edge, index) => {
    const source = rank.get(edge.source);
    const target = rank.get(edge.target);
    edgeRelation[index] = Math.max(0, RELATIONS.indexOf(edge.relation));
    if (source === undefined || target === undefined || source === target) return;
    edgeEnds[2 * index] = source;
    edgeEnds[2 * index + 1] = target;
    neighbours[source]?.add(target);
    neighbours[target]?.add(source);
    incident[source]?.push(index);
    incident[target]?.push(index);
  });
  const words = Math.ceil(byRank.length / 32);
  const neighbourBits = new Map<number, Uint32Array>();
  neighbours.forEach((set, rank) => {
    if (set.size < BITSET_DEGREE) return;
    const bits = new Uint32Array(words);
    for (const other of set) bits[other >>> 5]! |= 1 << (other & 31);
    neighbourBits.set(rank, bits);
  });
  return {
    byRank,
    rank,
    neighbourBits,
    union: new Uint32Array(words),
    neighbours: neighbours.map((set) => Int32Array.from(set).sort()),
    incident: incident.map((list) => Int32Array.from(list)),
    edgeEnds,
    edgeRelation,
    graph,
    marks: new Uint32Array(byRank.length),
    position: new Int32Array(byRank.length),
    stamp: 0,
  };
}

/**
 * The neighbourhood file of one node.
 *
 * @param adjacency From `buildAdjacency`.
 * @param id Centre node id.
 * @param options Caps.
 * @returns The file, or undefined for an unknown id.
 */
export function neighbourhood(
  adjacency: Adjacency,
  id: string,
  options: NeighbourhoodOptions = {},
): NeighbourhoodFile | undefined {
  const { maxDepth1 = 120, maxDepth2 = 120 } = options;
  const centreRank = adjacency.rank.get(id);
  const centre = centreRank === undefined ? undefined : adjacency.byRank[centreRank];
  if (centreRank === undefined || !centre) return undefined;
  const { marks, byRank } = adjacency;
  const nodesOf = (ranks: Int32Array): GraphNode[] =>
    [...ranks].map((rank) => byRank[rank]).filter((node): node is GraphNode => Boolean(node));

  const direct = adjacency.neighbours[centreRank] ?? new Int32Array();
  const depth1 = nodesOf(direct.subarray(0, maxDepth1));
  // Depth 2: the neighbours of the drawn depth-1 nodes, less the centre and all its
  // neighbours; the most connected first (lowest rank = lowest bit).
  const { union } = adjacency;
  union.fill(0);
  for (const rank of direct.subarray(0, maxDepth1)) {
    const bits = adjacency.neighbourBits.get(rank);
    if (bits) for (let word = 0; word < bits.length; word += 1) union[word]! |= bits[word]!;
    else for (const other of adjacency.neighbours[rank] ?? []) union[other >>> 5]! |= 1 << (other & 31);
  }
  union[centreRank >>> 5]! &= ~(1 << (centreRank & 31));
  for (const rank of direct) union[rank >>> 5]! &= ~(1 << (rank & 31));
  const { first: depth2Ranks, count: depth2Count } = setBits(union, maxDepth2);
  const depth2 = nodesOf(depth2Ranks);

  const members: [GraphNode, 0 | 1 | 2][] = [
    [centre, 0],
    ...depth1.map((node) => [node, 1] as [GraphNode, 1]),
    ...depth2.map((node) => [node, 2] as [GraphNode, 2]),
  ];
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
  const memberRanks = [centreRank, ...direct.subarray(0, maxDepth1), ...depth2Ranks];
  const member = ++adjacency.stamp;
  memberRanks.forEach((rank, index) => {
    marks[rank] = member;
    adjacency.position[rank] = index;
  });
  // A drawn edge has an end at depth 0 or 1 (edges between two depth-2 nodes would only
  // clutter the outer ring), so the edges at those nodes are all there is to look at. An
  // edge between two of them is taken from the end listed first; graph order keeps files
  // stable.
  const inner = 1 + depth1.length;
  const kept: number[] = [];
  for (let at = 0; at < inner; at += 1) {
    for (const index of adjacency.incident[memberRanks[at] ?? -1] ?? []) {
      const source = adjacency.edgeEnds[2 * index] ?? -1;
      const target = adjacency.edgeEnds[2 * index + 1] ?? -1;
      if (marks[source] !== member || marks[target] !== member) continue;
      const other = adjacency.position[source] === at ? target : source;
      const otherAt = adjacency.position[other] ?? 0;
      if (otherAt < inner && otherAt < at) continue;
      kept.push(index);
    }
  }
  const edges: LocalEdgeRow[] = [...Int32Array.from(kept).sort()].map((index) => [
    adjacency.position[adjacency.edgeEnds[2 * index] ?? 0] ?? 0,
    adjacency.position[adjacency.edgeEnds[2 * index + 1] ?? 0] ?? 0,
    adjacency.edgeRelation[index] ?? 0,
  ]);
  return {
    version: NEIGHBOURHOOD_VERSION,
    nodes,
    edges,
    hidden: [direct.length - depth1.length, depth2Count - depth2.length],
  };
}
