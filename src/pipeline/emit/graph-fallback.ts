/**
 * FALLBACK, to be removed: a minimal `ResolvedCorpus` → `GraphData` used by `buildCorpus`
 * only until `emit/graph.ts` (`buildGraph`) and `emit/layout.ts` (positions) land.
 * Positions are a plain circle; everything else is copied from the resolver.
 */
import { GRAPH_VERSION, type GraphData } from './graph-schema.ts';
import type { ResolvedCorpus } from '../resolve.ts';

/**
 * @param corpus The resolved corpus.
 * @returns Graph data valid against `graphSchema`.
 */
export function fallbackGraph(corpus: ResolvedCorpus): GraphData {
  const count = Math.max(corpus.nodes.length, 1);
  return {
    version: GRAPH_VERSION,
    nodes: corpus.nodes.map((node, index) => ({
      ...node,
      date: node.date ? { ...node.date } : null,
      dates: node.dates.map((date) => ({ ...date })),
      x: Math.round(Math.cos((2 * Math.PI * index) / count) * 500),
      y: Math.round(Math.sin((2 * Math.PI * index) / count) * 500),
    })),
    edges: corpus.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      relation: edge.relation,
      count: edge.count,
      mentions: edge.mentions.map((mention) => ({
        plan: mention.plan,
        anchor: mention.anchor,
        text: mention.text,
        sentence: mention.sentence,
      })),
    })),
  };
}
