/**
 * A synthetic citation graph, deterministic from a seed, for the layout benchmark and tests.
 *
 * Shape follows the real corpus: a minority of plans (the sources of edges) cite a long tail of
 * documents with a heavy-tailed popularity (a few laws and decrees cited by most plans, many
 * cited once), plus a few document-to-document relations (sửa đổi, hướng dẫn…).
 *
 * Use: `npx tsx scripts/make-synthetic-graph.ts 2000 10000 [seed] > graph.json`
 * (positions are left at 0; `--layout` fills them with `layoutGraph`).
 */
import { pathToFileURL } from 'node:url';
import {
  GRAPH_VERSION,
  UNKNOWN_STATUS,
  type GraphData,
  type GraphEdge,
  type GraphNode,
  type GraphRelation,
} from '../src/pipeline/emit/graph-schema.ts';
import { ISSUER_LEVELS } from '../src/model.ts';
import { layoutGraph } from '../src/pipeline/emit/layout.ts';
import { mulberry32 } from '../src/pipeline/emit/layout/seeded-random.ts';

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  /** PRNG seed (default 7). */
  seed?: number;
  /** Fill x/y with `layoutGraph` (default false). */
  layout?: boolean;
}

const LEVELS: readonly GraphNode['issuerLevel'][] = ISSUER_LEVELS;
const CITED_TYPES: [string, string, GraphNode['issuerLevel']][] = [
  ['Luật', 'QH', 'quoc-hoi'],
  ['Nghị định', 'NĐ-CP', 'chinh-phu'],
  ['Quyết định', 'QĐ-TTg', 'chinh-phu'],
  ['Thông tư', 'TT-BQP', 'bo-nganh'],
  ['Chỉ thị', 'CT/TW', 'dang-trung-uong'],
  ['Nghị quyết', 'NQ/TU', 'dang-dia-phuong'],
  ['Quyết định', 'QĐ-UBND', 'tinh'],
  ['Kế hoạch', 'KH-UBND', 'huyen'],
];
const PLAN_RELATIONS: GraphRelation[] = ['can-cu', 'can-cu', 'can-cu', 'thuc-hien', 'dan-chieu'];
const DOC_RELATIONS: GraphRelation[] = ['sua-doi', 'huong-dan', 'ban-hanh-kem-theo', 'phe-duyet', 'thay-the', 'thuc-hien'];
const SUBJECTS = [
  'về công tác quốc phòng địa phương',
  'về xây dựng khu vực phòng thủ',
  'về giáo dục quốc phòng và an ninh',
  'về phòng, chống thiên tai',
  'về dân quân tự vệ',
  'về đảm bảo trật tự an toàn giao thông',
  'về chuyển đổi số',
  'về phòng cháy, chữa cháy',
];

/**
 * Generate the graph.
 *
 * @param options Sizes and seed.
 * @returns Graph data valid against `graphSchema`.
 */
export function makeSyntheticGraph(options: SyntheticOptions): GraphData {
  const random = mulberry32(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const planCount = Math.max(1, Math.round(options.nodes * 0.15));

  const nodes: GraphNode[] = [];
  for (let index = 0; index < options.nodes; index++) {
    const isPlan = index < planCount;
    const year = 2005 + Math.floor(random() * 20);
    const [type, code, level] = isPlan ? (['Kế hoạch', 'KH-UBND', pick(LEVELS)] as const) : pick(CITED_TYPES);
    const serial = index + 1;
    const number = `${serial}/${year}/${code}`;
    const id = `${isPlan ? 'ke-hoach' : 'van-ban'}-${String(serial).padStart(5, '0')}`;
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    nodes.push({
      id,
      url: `van-ban/${id}/`,
      label: `${type} ${number}`,
      type,
      number,
      name: null,
      date: { iso: `${year}-03-${day}`, partial: false },
      dates: [{ iso: `${year}-03-${day}`, partial: false }],
      dateConflict: false,
      issuer: null,
      issuers: [],
      issuerLevel: level,
      subject: pick(SUBJECTS),
      inCorpus: isPlan,
      file: isPlan ? `${id}.txt` : null,
      inDegree: 0,
      outDegree: 0,
      mentionCount: 0,
      status: UNKNOWN_STATUS,
      x: 0,
      y: 0,
    });
  }

  // Popularity of cited documents: Zipf-like via a power of a uniform draw (few hubs, long tail).
  const cited = nodes.length - planCount;
  const drawCited = (): number => planCount + Math.min(cited - 1, Math.floor(Math.pow(random(), 2.6) * cited));
  const edgeKeys = new Set<string>();
  const edges: GraphEdge[] = [];
  let attempts = 0;
  while (edges.length < options.edges && attempts < options.edges * 20 && cited > 0) {
    attempts++;
    const fromPlan = random() < 0.9;
    const source = fromPlan ? Math.floor(random() * planCount) : drawCited();
    const target = drawCited();
    if (source === target) continue;
    const relation = pick(fromPlan ? PLAN_RELATIONS : DOC_RELATIONS);
    const sourceId = (nodes[source] as GraphNode).id;
    const targetId = (nodes[target] as GraphNode).id;
    const key = `${sourceId}>${targetId}`;
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    const count = 1 + Math.floor(random() * 3);
    edges.push({
      id: `${sourceId}--${relation}--${targetId}`,
      source: sourceId,
      target: targetId,
      relation,
      count,
      mentions: [],
    });
    (nodes[source] as GraphNode).outDegree++;
    (nodes[target] as GraphNode).inDegree++;
    (nodes[target] as GraphNode).mentionCount += count;
  }
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  if (options.layout) {
    const positions = layoutGraph(nodes, edges);
    for (const node of nodes) {
      const point = positions.get(node.id);
      node.x = point?.x ?? 0;
      node.y = point?.y ?? 0;
    }
  }
  return { version: GRAPH_VERSION, statusDate: null, nodes, edges };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [nodes = '2000', edges = '10000', seed = '7'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const graph = makeSyntheticGraph({
    nodes: Number(nodes),
    edges: Number(edges),
    seed: Number(seed),
    layout: process.argv.includes('--layout'),
  });
  process.stdout.write(`${JSON.stringify(graph)}\n`);
}
