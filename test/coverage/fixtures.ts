/**
 * Small graphs for the coverage tests: nodes with a type, number, issuer and date, and
 * citation edges whose mentions are in the citing text (or in a third text, `plan`).
 */
import type { GraphData, GraphEdge, GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { issuerLevel } from '../../src/pipeline/issuer-level.ts';
import { graphNode } from '../support/graph-node.ts';

/** A node: "Chỉ thị 32/CT-UBND" of "UBND tỉnh Tây Ninh" dated "2024-02-01". */
export function doc(
  id: string,
  label: string,
  issuer: string | null,
  date: string | null,
  extra: Partial<GraphNode> = {},
): GraphNode {
  const [type = null, number = null] = label.split(/ (?=[\dA-Z][^ ]*$)/u);
  return graphNode({
    id,
    label,
    type,
    number,
    date: date ? { iso: date, partial: date.length < 10 } : null,
    issuer,
    issuers: issuer ? [issuer] : [],
    issuerLevel: issuerLevel(issuer, number),
    ...extra,
  });
}

/** An edge; its mention is in `plan`'s text (the source's own by default). */
export function edge(source: string, target: string, relation: GraphEdge['relation'], plan = source): GraphEdge {
  return {
    id: `${source}--${relation}--${target}`,
    source,
    target,
    relation,
    count: 1,
    mentions: [{ plan, anchor: 'trich-dan-1', text: target, sentence: `Thực hiện ${target};` }],
  };
}

/** A graph of these nodes and edges, sorted as graph.json is. */
export function graph(nodes: GraphNode[], edges: GraphEdge[]): GraphData {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { version: 2, statusDate: null, nodes: [...nodes].sort(byId), edges: [...edges].sort(byId) };
}
