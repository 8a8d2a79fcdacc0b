/**
 * Emit `/data/graph.json`: the resolved corpus as `GraphData`, validated by `graphSchema`.
 */
import type { ResolvedCorpus } from '../resolve.ts';
import { referenceData } from '../../reference/load.ts';
import { documentStatuses, type DocumentStatus } from '../resolve/status.ts';
import { statusDate } from '../resolve/status-dates.ts';
import { GRAPH_VERSION, UNKNOWN_STATUS, graphSchema, type GraphData } from './graph-schema.ts';

/** A node position from the layout stage. */
export interface Position {
  x: number;
  y: number;
}

/**
 * Build graph data from the resolved corpus. Nodes and edges keep the resolver's order
 * (sorted by id), so the JSON is byte-identical for the same input.
 *
 * @param corpus The resolved corpus.
 * @param positions Node id → layout position; a node without one sits at (0, 0).
 * @returns Graph data, checked against `graphSchema` (throws when a record is invalid).
 */
export function buildGraph(
  corpus: ResolvedCorpus,
  positions: ReadonlyMap<string, Position> = new Map(),
  statuses: CorpusStatuses = corpusStatuses(corpus),
): GraphData {
  return graphSchema.parse(graphData(corpus, positions, statuses));
}

/**
 * The status of every node of a resolved corpus, with the project's reference data.
 *
 * @param corpus The resolved corpus.
 * @param date The build's date ("YYYY-MM-DD", e.g. from `VBG_STATUS_DATE`); by default the
 *   newest full date of a plan of the corpus (`statusDate`), never the clock.
 * @returns Node id → status, and the date.
 */
export function corpusStatuses(corpus: ResolvedCorpus, date?: string): CorpusStatuses {
  const asOf = statusDate(corpus.nodes, date);
  return { date: asOf, byNode: documentStatuses(corpus.nodes, corpus.edges, { reference: referenceData(), asOf }) };
}

/** Every node's status and the date it is computed at. */
export interface CorpusStatuses {
  date: string | null;
  byNode: ReadonlyMap<string, DocumentStatus>;
}

/**
 * `buildGraph` without the schema check, for a caller that checks the result itself
 * (`buildCorpus` validates whatever graph it is given; checking 20,000 edges twice costs a
 * fifth of a second).
 *
 * @param corpus The resolved corpus.
 * @param positions Node id → layout position.
 * @param statuses Validity of every node (`corpusStatuses`).
 * @returns Graph data, not yet validated.
 */
export function graphData(
  corpus: ResolvedCorpus,
  positions: ReadonlyMap<string, Position> = new Map(),
  statuses: CorpusStatuses = corpusStatuses(corpus),
): GraphData {
  return {
    version: GRAPH_VERSION,
    statusDate: statuses.date,
    nodes: corpus.nodes.map((node) => {
      const position = positions.get(node.id);
      return {
        id: node.id,
        url: node.url,
        label: node.label,
        type: node.type,
        number: node.number,
        name: node.name,
        date: node.date ? { iso: node.date.iso, partial: node.date.partial } : null,
        dates: node.dates.map((date) => ({ iso: date.iso, partial: date.partial })),
        dateConflict: node.dateConflict,
        issuer: node.issuer,
        issuers: [...node.issuers],
        issuerLevel: node.issuerLevel,
        subject: node.subject,
        inCorpus: node.inCorpus,
        file: node.file,
        inDegree: node.inDegree,
        outDegree: node.outDegree,
        mentionCount: node.mentionCount,
        status: graphStatus(statuses.byNode.get(node.id)),
        // Rounded so float noise from the layout never changes the bytes.
        x: round(position?.x ?? 0),
        y: round(position?.y ?? 0),
      };
    }),
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

/**
 * Serialize graph data as the file is written: two-space JSON and a final newline.
 *
 * @param graph Graph data.
 * @returns File content.
 */
export function graphJson(graph: GraphData): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** A status as graph.json writes it: its own copy, keys in schema order. */
function graphStatus(status: DocumentStatus | undefined): GraphData['nodes'][number]['status'] {
  if (!status) return { ...UNKNOWN_STATUS, by: [], changes: [] };
  return {
    state: status.state,
    by: [...status.by],
    since: status.since,
    changes: status.changes.map((change) => ({ ...change })),
    inForceFrom: status.inForceFrom,
    current: status.current,
  };
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
