/**
 * Rà soát (review): for every document, each document it rests on (căn cứ, thực hiện) that
 * is no longer as it was: amended, replaced, repealed or expired at the build's date, with the
 * documents that changed it, and whether that happened before or after the citing document.
 *
 * One list for the /ra-soat/ page and /data/ra-soat.csv, read from graph.json alone, so the
 * page, the file and the flags in the texts never disagree.
 */
import type { GraphData, GraphNode } from './graph-schema.ts';
import { csvField } from './citations-csv.ts';
import { changesGiving, citationTiming, isChanged, statusAt, type DocumentState } from '../resolve/status.ts';
import { STATUS_WORDS } from '../resolve/status-labels.ts';

/** The relations a document rests on, strongest first. */
const BASIS_RELATIONS = ['can-cu', 'thuc-hien'] as const;
export type BasisRelation = (typeof BASIS_RELATIONS)[number];

/** A document of a review row, as shown. */
export interface ReviewDocument {
  /** Node id, or null for a changer known only from the reference data. */
  id: string | null;
  label: string;
  /** Số ký hiệu, else the label. */
  number: string;
}

/** One citing document and one changed document it rests on. */
export interface ReviewRow {
  plan: ReviewDocument & { date: string | null };
  relation: BasisRelation;
  cited: ReviewDocument;
  /** State at the build's date. */
  state: DocumentState;
  /** State at the citing document's date. */
  stateThen: DocumentState;
  /** Changed before (`truoc`) or after (`sau`) the citing document's date, or unknown. */
  timing: 'truoc' | 'sau' | 'khong-ro';
  /** The documents that gave the state. */
  changers: ReviewDocument[];
  since: string | null;
}

/**
 * Every review row, by citing document id then relation then cited label.
 *
 * @param graph The graph (its nodes carry `status`).
 * @returns Rows.
 */
export function reviewRows(graph: GraphData): ReviewRow[] {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  // One row per citing and cited document: the strongest relation of its citation edges.
  const strongest = new Map<string, { source: GraphNode; target: GraphNode; relation: BasisRelation }>();
  for (const edge of graph.edges) {
    const rank = (BASIS_RELATIONS as readonly string[]).indexOf(edge.relation);
    if (rank < 0 || !edge.mentions.some((mention) => mention.plan === edge.source)) continue;
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target || !isChanged(target.status.state)) continue;
    const key = `${edge.source}\u0000${edge.target}`;
    const known = strongest.get(key);
    if (!known || rank < BASIS_RELATIONS.indexOf(known.relation)) {
      strongest.set(key, { source, target, relation: BASIS_RELATIONS[rank]! });
    }
  }
  const rows: ReviewRow[] = [];
  for (const { source, target, relation } of strongest.values()) {
    const citingDate = source.date?.iso ?? null;
    const status = target.status;
    rows.push({
      plan: { ...reviewDocument(source), date: citingDate },
      relation,
      cited: reviewDocument(target),
      state: status.state,
      stateThen: citingDate === null ? 'khong-ro' : statusAt(status, citingDate).state,
      timing: citationTiming(status, citingDate) ?? 'khong-ro',
      changers: changesGiving(status, graph.statusDate, true).map((change) => {
        const node = change.by ? nodes.get(change.by) : undefined;
        return node ? reviewDocument(node) : { id: null, label: change.label, number: change.label };
      }),
      since: status.since,
    });
  }
  return rows.sort(
    (a, b) =>
      compare(a.plan.id ?? '', b.plan.id ?? '') ||
      BASIS_RELATIONS.indexOf(a.relation) - BASIS_RELATIONS.indexOf(b.relation) ||
      compare(a.cited.label, b.cited.label) ||
      compare(a.cited.id ?? '', b.cited.id ?? ''),
  );
}

/** Column headers of ra-soat.csv (documented in docs/graph-json.md). */
export const REVIEW_CSV_HEADER = [
  'ma_van_ban',
  'so_ky_hieu',
  'ngay_van_ban',
  'quan_he',
  'ma_van_ban_duoc_trich',
  'so_ky_hieu_duoc_trich',
  'tinh_trang',
  'tinh_trang_chu',
  'tinh_trang_khi_trich',
  'thoi_diem',
  'van_ban_thay_doi',
  'ma_van_ban_thay_doi',
  'tu_ngay',
] as const;

/**
 * ra-soat.csv: UTF-8 with a BOM (Excel), CRLF, RFC 4180 quoting, as citations.csv.
 *
 * @param graph The graph.
 * @returns File content.
 */
export function toReviewCsv(graph: GraphData): string {
  const rows: string[][] = [[...REVIEW_CSV_HEADER]];
  for (const row of reviewRows(graph)) {
    rows.push([
      row.plan.id ?? '',
      row.plan.number,
      row.plan.date ?? '',
      row.relation,
      row.cited.id ?? '',
      row.cited.number,
      row.state,
      STATUS_WORDS[row.state],
      row.stateThen,
      row.timing,
      row.changers.map((changer) => changer.number).join('; '),
      row.changers.flatMap((changer) => (changer.id ? [changer.id] : [])).join('; '),
      row.since ?? '',
    ]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function reviewDocument(node: GraphNode): ReviewDocument {
  return { id: node.id, label: node.label, number: node.number ?? node.label };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
