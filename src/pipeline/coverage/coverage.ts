/**
 * Who implemented what: every `thuc-hien` edge of the graph read as an implementation (the
 * source carries out the target: "Thực hiện Chỉ thị số 32/CT-UBND…", "Triển khai…", or a
 * sentence of another text saying "Công văn 3477 … thực hiện Chỉ thị 34-CT/TU"), with both
 * documents' dates and issuers, grouped per implemented document, issuer and level; and, for
 * each implemented document, the issuers expected to implement it of which the corpus holds
 * no implementation ("chưa thấy văn bản triển khai", see `missingIssuers`).
 *
 * Pure, from graph.json alone; one pass over the edges, then sorts: O(E log E), plus the
 * "none found" lists, which are as long as what they show.
 */
import type { GraphData, GraphNode } from '../emit/graph-schema.ts';
import { slugify } from '../ids.ts';
import { issuerKey } from '../resolve/issuer-equivalence.ts';
import { daySpan, delayDays, delaySortKey, yearOfDate, type Delay, type PartialDate } from './dates.ts';
import { compareLevels, coverageLevel, type CoverageLevel } from './levels.ts';

/** A document as the coverage views show it. */
export interface CoverageDoc {
  id: string;
  label: string;
  type: string | null;
  number: string | null;
  subject: string | null;
  issuer: string | null;
  /** Comparison key of the issuer (`issuerKey`), or null when none is known. */
  issuerKey: string | null;
  level: CoverageLevel;
  date: PartialDate | null;
  /** "2024", or null. */
  year: string | null;
  inCorpus: boolean;
}

/** An issuer of implementing documents: one column of the coverage matrix. */
export interface CoverageIssuer {
  /** `issuerKey` of its name. */
  key: string;
  /** Its name as most often written. */
  name: string;
  level: CoverageLevel;
  /** ASCII slug, unique in the corpus: /trien-khai/co-quan/<slug>/. */
  slug: string;
  /** Implementations it issued. */
  count: number;
}

/** One implementation: `source` carries out `target`. */
export interface Implementation {
  target: CoverageDoc;
  source: CoverageDoc;
  delay: Delay;
  /** Known from a sentence of a third text, not from the implementing document's own text. */
  stated: boolean;
}

/** Implementations of one level, for the "Triển khai" section. */
export interface LevelGroup {
  level: CoverageLevel;
  items: Implementation[];
}

/** A document implemented in the corpus, with everything the views show of it. */
export interface ImplementedDocument {
  doc: CoverageDoc;
  /** By level (top down), then date, then label. */
  implementations: Implementation[];
  groups: LevelGroup[];
  /** Distinct issuers of its implementations (known issuers only), by level then name. */
  issuers: CoverageIssuer[];
  /** Issuers expected to implement it with no implementation in the corpus. */
  missing: CoverageIssuer[];
}

/** The whole coverage of a corpus. */
export interface Coverage {
  /** Most implemented first: distinct issuers, then implementations, then label. */
  documents: ImplementedDocument[];
  byTarget: ReadonlyMap<string, ImplementedDocument>;
  /** Issuers of implementing documents, by level then name. */
  issuers: CoverageIssuer[];
  issuerBySlug: ReadonlyMap<string, CoverageIssuer>;
  /** Years of implemented documents, newest first. */
  years: string[];
  /** Levels having at least one issuer or missing issuer, top down. */
  levels: CoverageLevel[];
}

/** Code-point order: the same everywhere, unlike a locale collator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The coverage view of a node.
 *
 * @param node A graph node.
 * @returns Its coverage document.
 */
function coverageDoc(node: GraphNode): CoverageDoc {
  const key = node.issuer ? issuerKey(node.issuer) : '';
  return {
    id: node.id,
    label: node.label,
    type: node.type,
    number: node.number,
    subject: node.subject,
    issuer: node.issuer,
    issuerKey: key === '' ? null : key,
    level: coverageLevel(node.issuerLevel, node.issuer),
    date: node.date,
    year: yearOfDate(node.date),
    inCorpus: node.inCorpus,
  };
}

/**
 * Order of implementations in a list: level, then delay (earliest first, unknown last), then
 * label and id.
 */
function compareImplementations(a: Implementation, b: Implementation): number {
  return (
    compareLevels(a.source.level, b.source.level) ||
    delaySortKey(a.delay) - delaySortKey(b.delay) ||
    compareText(a.source.label, b.source.label) ||
    compareText(a.source.id, b.source.id)
  );
}

/**
 * Every implementation of the graph, one per (implementing, implemented) pair.
 *
 * @param graph The graph.
 * @returns Implementations in CSV order: implemented label, then as `compareImplementations`.
 */
export function implementations(graph: GraphData): Implementation[] {
  const docs = new Map<string, CoverageDoc>();
  const doc = (node: GraphNode): CoverageDoc => {
    let known = docs.get(node.id);
    if (!known) docs.set(node.id, (known = coverageDoc(node)));
    return known;
  };
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const list: Implementation[] = [];
  for (const edge of graph.edges) {
    if (edge.relation !== 'thuc-hien' || edge.source === edge.target) continue;
    const key = `${edge.source}\u0000${edge.target}`;
    if (seen.has(key)) continue;
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    seen.add(key);
    const stated = !edge.mentions.some((mention) => mention.plan === edge.source);
    list.push({ target: doc(target), source: doc(source), delay: delayDays(target.date, source.date), stated });
  }
  return list.sort(
    (a, b) =>
      compareText(a.target.label, b.target.label) || compareText(a.target.id, b.target.id) || compareImplementations(a, b),
  );
}

/**
 * The issuers of a list of implementations, with the name most often written for each key
 * and a unique slug.
 *
 * @param list Implementations.
 * @returns Issuers by key.
 */
function issuersOf(list: readonly Implementation[]): Map<string, CoverageIssuer> {
  const names = new Map<string, Map<string, number>>();
  const levels = new Map<string, CoverageLevel>();
  const counts = new Map<string, number>();
  for (const { source } of list) {
    if (!source.issuerKey || !source.issuer) continue;
    const byName = names.get(source.issuerKey) ?? new Map<string, number>();
    byName.set(source.issuer, (byName.get(source.issuer) ?? 0) + 1);
    names.set(source.issuerKey, byName);
    counts.set(source.issuerKey, (counts.get(source.issuerKey) ?? 0) + 1);
    const level = levels.get(source.issuerKey);
    // One level per body: the highest any of its documents gets.
    if (!level || compareLevels(source.level, level) < 0) levels.set(source.issuerKey, source.level);
  }
  const issuers = new Map<string, CoverageIssuer>();
  const slugs = new Set<string>();
  for (const key of [...names.keys()].sort(compareText)) {
    const byName = [...(names.get(key) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    // The slug of the name as written ("ubnd-tinh-tay-ninh"): shorter than the key's.
    const base = slugify(byName[0]?.[0] ?? key) || 'co-quan';
    let slug = base;
    for (let n = 2; slugs.has(slug); n += 1) slug = `${base}-${n}`;
    slugs.add(slug);
    issuers.set(key, { key, name: byName[0]?.[0] ?? key, level: levels.get(key) ?? 'khac', slug, count: counts.get(key) ?? 0 });
  }
  return issuers;
}

/** Order of issuers: level, then name, then key. */
export function compareIssuers(a: CoverageIssuer, b: CoverageIssuer): number {
  return compareLevels(a.level, b.level) || compareText(a.name, b.name) || compareText(a.key, b.key);
}

/**
 * The "none found" rule. An issuer E is expected to implement a document D, and is listed
 * under D as "chưa thấy văn bản triển khai", when all of these hold:
 *
 * 1. E has no implementation of D in the corpus;
 * 2. E implements another document D′ of the same issuing body as D (same `issuerKey`:
 *    a unit that carries out one Chỉ thị of UBND tỉnh Tây Ninh is expected to carry out the
 *    others; since a local body's key names its place, this also keeps a Bình Phước unit
 *    off a Tây Ninh document);
 * 3. E was still issuing such implementations after D appeared: one of them is dated on or
 *    after D's date (when both dates are known; an unknown date does not exclude);
 * 4. E is not D's own issuer (a body's later texts are not expected to implement its own).
 *
 * D with no known issuer has no expected issuers. Cost: for each D, the implementers of its
 * issuing body's documents — as many as the lists this rule produces and checks.
 *
 * @param documents Implemented documents with their implementations and issuers.
 * @param issuers All issuers by key.
 * @returns Missing issuers per implemented document id, by level then name.
 */
function missingIssuers(
  documents: readonly { doc: CoverageDoc; implementations: readonly Implementation[] }[],
  issuers: ReadonlyMap<string, CoverageIssuer>,
): Map<string, CoverageIssuer[]> {
  // Issuing body of D′ → implementer key → the latest last day of its implementations (NaN: a date unknown).
  const activity = new Map<string, Map<string, number>>();
  for (const { doc, implementations: list } of documents) {
    if (!doc.issuerKey) continue;
    const byIssuer = activity.get(doc.issuerKey) ?? new Map<string, number>();
    activity.set(doc.issuerKey, byIssuer);
    for (const { source } of list) {
      if (!source.issuerKey) continue;
      const last = daySpan(source.date)?.last ?? Number.POSITIVE_INFINITY;
      byIssuer.set(source.issuerKey, Math.max(byIssuer.get(source.issuerKey) ?? Number.NEGATIVE_INFINITY, last));
    }
  }
  const missing = new Map<string, CoverageIssuer[]>();
  for (const { doc, implementations: list } of documents) {
    const candidates = doc.issuerKey ? activity.get(doc.issuerKey) : undefined;
    if (!candidates) {
      missing.set(doc.id, []);
      continue;
    }
    const own = new Set(list.flatMap(({ source }) => (source.issuerKey ? [source.issuerKey] : [])));
    const first = daySpan(doc.date)?.first ?? Number.NEGATIVE_INFINITY;
    const found: CoverageIssuer[] = [];
    for (const [key, last] of candidates) {
      if (own.has(key) || key === doc.issuerKey || last < first) continue;
      const issuer = issuers.get(key);
      if (issuer) found.push(issuer);
    }
    missing.set(doc.id, found.sort(compareIssuers));
  }
  return missing;
}

/**
 * The coverage of a graph.
 *
 * @param graph The graph.
 * @returns Implemented documents, issuers, years and levels.
 */
export function buildCoverage(graph: GraphData): Coverage {
  const list = implementations(graph);
  const issuers = issuersOf(list);
  const byTargetList = new Map<string, { doc: CoverageDoc; implementations: Implementation[] }>();
  for (const item of list) {
    const entry = byTargetList.get(item.target.id) ?? { doc: item.target, implementations: [] };
    entry.implementations.push(item);
    byTargetList.set(item.target.id, entry);
  }
  const entries = [...byTargetList.values()];
  for (const entry of entries) entry.implementations.sort(compareImplementations);
  const missing = missingIssuers(entries, issuers);
  const documents: ImplementedDocument[] = entries.map(({ doc, implementations: items }) => {
    const groups: LevelGroup[] = [];
    for (const item of items) {
      const last = groups.at(-1);
      if (last && last.level === item.source.level) last.items.push(item);
      else groups.push({ level: item.source.level, items: [item] });
    }
    const own = new Map<string, CoverageIssuer>();
    for (const { source } of items) {
      const issuer = source.issuerKey ? issuers.get(source.issuerKey) : undefined;
      if (issuer) own.set(issuer.key, issuer);
    }
    return {
      doc,
      implementations: items,
      groups,
      issuers: [...own.values()].sort(compareIssuers),
      missing: missing.get(doc.id) ?? [],
    };
  });
  documents.sort(
    (a, b) =>
      b.issuers.length - a.issuers.length ||
      b.implementations.length - a.implementations.length ||
      compareText(a.doc.label, b.doc.label) ||
      compareText(a.doc.id, b.doc.id),
  );
  const allIssuers = [...issuers.values()].sort(compareIssuers);
  const years = [...new Set(documents.flatMap(({ doc }) => (doc.year ? [doc.year] : [])))].sort((a, b) => compareText(b, a));
  const levelSet = new Set<CoverageLevel>();
  for (const entry of documents) {
    for (const item of entry.implementations) levelSet.add(item.source.level);
    for (const issuer of entry.missing) levelSet.add(issuer.level);
  }
  return {
    documents,
    byTarget: new Map(documents.map((entry) => [entry.doc.id, entry])),
    issuers: allIssuers,
    issuerBySlug: new Map(allIssuers.map((issuer) => [issuer.slug, issuer])),
    years,
    levels: [...levelSet].sort(compareLevels),
  };
}
