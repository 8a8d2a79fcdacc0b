/**
 * Related documents of a document page:
 *
 * - **sharing cited documents**, weighted by rarity: two documents citing the same document C
 *   gain `ln(N / df(C))`, N the number of citing documents of the corpus and df(C) how many
 *   of them cite C (IDF, as in text retrieval). A Luật every plan cites weighs 0; a local
 *   Chỉ thị two plans cite weighs the most. The shared documents are listed, rarest first.
 * - **the same issuer's documents on the same subject in other years** ("Kế hoạch năm
 *   trước"): same issuing body (`issuerKey`), same type, and the same trích yếu once years
 *   and numbers are taken out ("… năm 2024" = "… năm 2023"), from the nearest earlier and
 *   the nearest later year (the latest document of each); with what changed in their
 *   căn cứ (the documents cited as căn cứ or thực hiện) from the earlier to the later one.
 *
 * Cost, near-linear in edges: candidates come only through cited documents with at most
 * `hubLimit` citers (each such C costs df(C)² pairs, so the total is at most hubLimit × E);
 * the best candidates are then scored exactly over every shared document, hubs included. Two
 * documents sharing only documents cited by more than `hubLimit` plans are not related.
 * Years: one pass grouping by (issuer, type, subject key).
 */
import type { GraphData, GraphEdge, GraphNode } from '../emit/graph-schema.ts';
import { foldDiacritics } from '../ids.ts';
import { issuerKey } from '../resolve/issuer-equivalence.ts';
import { compareText } from './coverage.ts';
import { yearOfDate } from './dates.ts';

/** What a related list shows of a document. */
export interface RelatedRef {
  id: string;
  label: string;
  subject: string | null;
  /** ISO date, maybe partial, or null. */
  date: string | null;
}

/** A document sharing cited documents with this one. */
export interface RelatedDocument {
  doc: RelatedRef;
  /** Sum of the shared documents' weights, rounded to 3 decimals. */
  score: number;
  /** Shared cited documents, heaviest (rarest) first. */
  shared: { doc: RelatedRef; weight: number; citers: number }[];
}

/** The same issuer's document on the same subject in another year. */
export interface OtherYear {
  doc: RelatedRef;
  year: string;
  /** Earlier than this document ("năm trước") or later. */
  earlier: boolean;
  /** Căn cứ of the later document that the earlier one did not have, and the reverse. */
  added: RelatedRef[];
  dropped: RelatedRef[];
  /** Căn cứ both have. */
  kept: number;
}

/** Related documents of one document. */
export interface Related {
  sharing: RelatedDocument[];
  otherYears: OtherYear[];
}

/** Options of `buildRelated`. */
export interface RelatedOptions {
  /** Documents listed as sharing cited documents (default 5). */
  limit?: number;
  /** Cited documents with more citers than this bring no candidates (default 200). */
  hubLimit?: number;
  /** Candidates scored exactly per document (default 30). */
  candidates?: number;
}

/** Documents of each neighbouring year compared with a document (the latest of that year). */
const OTHER_YEAR_DOCS = 1;

/** Relations of a text to what it cites. */
const CITATION_RELATIONS = new Set(['can-cu', 'thuc-hien', 'dan-chieu']);
/** The relations whose targets are a document's căn cứ. */
const BASIS_RELATIONS = new Set(['can-cu', 'thuc-hien']);

/** An edge of a text citing a document (its mentions are in the source's own text). */
function isCitation(edge: GraphEdge): boolean {
  return (
    CITATION_RELATIONS.has(edge.relation) &&
    edge.mentions.length > 0 &&
    edge.mentions.every((mention) => mention.plan === edge.source)
  );
}

/** The reference of a node. */
function ref(node: GraphNode): RelatedRef {
  return { id: node.id, label: node.label, subject: node.subject, date: node.date?.iso ?? null };
}

/** Sort order of references: label, then id. */
function byLabel(a: RelatedRef, b: RelatedRef): number {
  return compareText(a.label, b.label) || compareText(a.id, b.id);
}

/**
 * The subject of a document with years, numbers and the words around them taken out, folded:
 * the key under which one body's yearly plans on one matter meet.
 *
 * @param subject A trích yếu.
 * @returns Key, or null when nothing is left.
 */
export function subjectKey(subject: string | null): string | null {
  if (!subject) return null;
  const key = foldDiacritics(subject.normalize('NFC'))
    .toLowerCase()
    .replace(/\b(?:nam|giai doan|den nam|tu nam|dot|quy|thang)\s+[\divxlc]+(?:\s*[-–]\s*\d+)?\b/g, ' ')
    .replace(/\d+/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return key === '' ? null : key;
}

/**
 * Related documents of every citing document of a graph.
 *
 * @param graph The graph.
 * @param options Limits.
 * @returns Related documents by node id (nodes citing nothing are absent).
 */
export function buildRelated(graph: GraphData, options: RelatedOptions = {}): Map<string, Related> {
  const limit = options.limit ?? 5;
  const hubLimit = options.hubLimit ?? 200;
  const candidateCount = options.candidates ?? 30;
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.id, i));
  const n = graph.nodes.length;
  // Distinct cited documents per citing document, and the basis among them.
  const cites: number[][] = Array.from({ length: n }, () => []);
  const basis: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    if (!isCitation(edge)) continue;
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    if (BASIS_RELATIONS.has(edge.relation)) basis[s]!.add(t);
    const key = `${s}:${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cites[s]!.push(t);
  }
  const citers: number[][] = Array.from({ length: n }, () => []);
  let citing = 0;
  for (let s = 0; s < n; s += 1) {
    const list = cites[s]!;
    if (list.length === 0) continue;
    citing += 1;
    list.sort((a, b) => a - b);
    for (const t of list) citers[t]!.push(s);
  }
  const weight = new Float64Array(n);
  for (let t = 0; t < n; t += 1) {
    const df = citers[t]!.length;
    if (df > 0) weight[t] = Math.log(citing / df);
  }

  const refs: (RelatedRef | undefined)[] = new Array<RelatedRef | undefined>(n);
  const refOf = (i: number): RelatedRef => (refs[i] ??= ref(graph.nodes[i]!));
  const result = new Map<string, Related>();
  const score = new Float64Array(n);
  const touched: number[] = [];
  const citesSet: Set<number>[] = cites.map((list) => new Set(list));
  for (let s = 0; s < n; s += 1) {
    const list = cites[s]!;
    if (list.length === 0) continue;
    // Candidates through rare enough cited documents.
    for (const t of list) {
      const others = citers[t]!;
      if (others.length > hubLimit || weight[t]! <= 0) continue;
      for (const q of others) {
        if (q === s) continue;
        if (score[q] === 0) touched.push(q);
        score[q] = score[q]! + weight[t]!;
      }
    }
    const candidates = touched.sort((a, b) => score[b]! - score[a]! || a - b).slice(0, candidateCount);
    for (const q of touched) score[q] = 0;
    touched.length = 0;
    // Exact scores over every shared document, hubs included; the lists of shared documents
    // only for the `limit` kept.
    const scored: { q: number; shared: number[]; score: number }[] = [];
    for (const q of candidates) {
      const theirs = citesSet[q]!;
      const shared = list.filter((t) => theirs.has(t) && weight[t]! > 0);
      const total = shared.reduce((sum, t) => sum + weight[t]!, 0);
      if (total > 0) scored.push({ q, shared, score: Math.round(total * 1000) / 1000 });
    }
    scored.sort((a, b) => b.score - a.score || byLabel(refOf(a.q), refOf(b.q)));
    const sharing: RelatedDocument[] = scored.slice(0, limit).map(({ q, shared, score }) => ({
      doc: refOf(q),
      score,
      shared: shared
        .map((t) => ({ doc: refOf(t), weight: Math.round(weight[t]! * 1000) / 1000, citers: citers[t]!.length }))
        .sort((a, b) => b.weight - a.weight || byLabel(a.doc, b.doc)),
    }));
    result.set(graph.nodes[s]!.id, { sharing, otherYears: [] });
  }

  // The same body's documents on the same subject in other years.
  const groups = new Map<string, number[]>();
  graph.nodes.forEach((node, i) => {
    if (cites[i]!.length === 0 || !node.issuer) return;
    const year = yearOfDate(node.date);
    const subject = subjectKey(node.subject);
    if (!year || !subject) return;
    const key = `${issuerKey(node.issuer)}\u0000${(node.type ?? '').toLowerCase()}\u0000${subject}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const byYear = new Map<string, number[]>();
    for (const i of group) {
      const year = yearOfDate(graph.nodes[i]!.date)!;
      const list = byYear.get(year);
      if (list) list.push(i);
      else byYear.set(year, [i]);
    }
    if (byYear.size < 2) continue;
    const years = [...byYear.keys()].sort(compareText);
    for (const list of byYear.values())
      list.sort((a, b) => compareText(graph.nodes[b]!.date?.iso ?? '', graph.nodes[a]!.date?.iso ?? '') || a - b);
    years.forEach((year, y) => {
      // The nearest earlier and the nearest later year, a few documents each: bounded work per document.
      const neighbours = [years[y - 1], years[y + 1]].flatMap((other) =>
        other ? (byYear.get(other) ?? []).slice(0, OTHER_YEAR_DOCS) : [],
      );
      for (const s of byYear.get(year)!) {
        const otherYears = neighbours.map((q): OtherYear => {
          const other = graph.nodes[q]!;
          const otherYear = yearOfDate(other.date)!;
          const earlier = otherYear < year;
          const [before, after] = earlier ? [basis[q]!, basis[s]!] : [basis[s]!, basis[q]!];
          const added = [...after]
            .filter((t) => !before.has(t))
            .map(refOf)
            .sort(byLabel);
          const dropped = [...before]
            .filter((t) => !after.has(t))
            .map(refOf)
            .sort(byLabel);
          return {
            doc: refOf(q),
            year: otherYear,
            earlier,
            added,
            dropped,
            kept: [...after].filter((t) => before.has(t)).length,
          };
        });
        const id = graph.nodes[s]!.id;
        result.set(id, { sharing: result.get(id)?.sharing ?? [], otherYears });
      }
    });
  }
  return result;
}
