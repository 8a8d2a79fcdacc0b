/**
 * Split the occurrences of one number into documents by date.
 *
 * Numbers without a year ("46-CT/TW", "07/CT-UBND") restart each year (local bodies) or
 * each congress term (Party central), so the same number can name documents years apart.
 *
 * Rule: two dated occurrences are the same document when their dates fall in the same
 * calendar year, or within 7 days of each other (a typo across New Year), and they do not
 * name different congress terms (khóa). An undated occurrence joins the only document of
 * its number; with several, it joins the one of its khóa if that is unique, else it is
 * ambiguous. A cluster holds at most one plan of the corpus (a second is a duplicate).
 */
import type { DocDate } from '../../model.ts';

/** What clustering needs to know about one occurrence. */
export interface ClusterItem {
  date: DocDate | null;
  /** Congress term ("XII") when stated. */
  term: string | null;
  isPlan: boolean;
}

/** Result of `clusterByDate`. */
export interface Clusters<T> {
  clusters: T[][];
  /** Undated items that could belong to several clusters; together in one undated cluster. */
  ambiguous: T[];
  /** Plans that matched a cluster already holding a plan; each left in its own cluster. */
  duplicates: T[];
}

/** Days allowed between two full dates of one document across a year boundary. */
const maxDays = 7;

/**
 * Whether two dates can belong to one document under the rule above.
 *
 * @param a A date.
 * @param b Another date.
 * @returns True when compatible.
 */
export function sameDocumentDates(a: DocDate, b: DocDate): boolean {
  if (a.iso.slice(0, 4) === b.iso.slice(0, 4)) return true;
  if (a.partial || b.partial) return false;
  const days = Math.abs(Date.parse(a.iso) - Date.parse(b.iso)) / 86_400_000;
  return days <= maxDays;
}

/**
 * Cluster the occurrences of one number.
 *
 * @param items Occurrences in a deterministic order.
 * @param byDate False for numbers that carry their year: then all occurrences are one
 *   document, whatever dates they give.
 * @returns Clusters in order of first (earliest) date, undated last.
 */
export function clusterByDate<T extends ClusterItem>(items: readonly T[], byDate: boolean): Clusters<T> {
  const clusters: T[][] = [];
  const ambiguous: T[] = [];
  const duplicates: T[] = [];
  const dated = items
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => byDate && item.date)
    .sort((a, b) => (a.item.date!.iso < b.item.date!.iso ? -1 : a.item.date!.iso > b.item.date!.iso ? 1 : a.order - b.order))
    .map(({ item }) => item);
  const undated = items.filter((item) => !(byDate && item.date));

  // What `fits` and `place` ask of a cluster, kept as members join: a hub's cluster holds
  // thousands of occurrences, and scanning its members for every new one was quadratic.
  const summaries = new Map<T[], { dates: Map<string, DocDate>; terms: Set<string>; hasPlan: boolean }>();
  const summaryOf = (cluster: T[]): { dates: Map<string, DocDate>; terms: Set<string>; hasPlan: boolean } => {
    let summary = summaries.get(cluster);
    if (!summary) summaries.set(cluster, (summary = { dates: new Map(), terms: new Set(), hasPlan: false }));
    return summary;
  };
  const join = (cluster: T[], item: T): void => {
    cluster.push(item);
    const summary = summaryOf(cluster);
    // `sameDocumentDates` looks at nothing but these two fields.
    if (item.date) summary.dates.set(`${item.date.iso} ${item.date.partial}`, item.date);
    if (item.term) summary.terms.add(item.term);
    if (item.isPlan) summary.hasPlan = true;
  };
  const fits = (cluster: T[], item: T): boolean => {
    const { dates, terms } = summaryOf(cluster);
    const date = item.date;
    if (!date || ![...dates.values()].some((member) => sameDocumentDates(member, date))) return false;
    // No member names another term.
    return !item.term || terms.size === 0 || (terms.size === 1 && terms.has(item.term));
  };

  for (const item of dated) {
    const cluster = clusters.find((candidate) => fits(candidate, item));
    place(cluster, item);
  }

  // Undated occurrences are matched against dated documents only, never against each other.
  const datedClusters = clusters.slice();
  let undatedCluster: T[] | undefined;
  for (const item of undated) {
    if (datedClusters.length <= 1) {
      place(datedClusters[0] ?? undatedCluster, item);
      if (datedClusters.length === 0) undatedCluster ??= clusters[0];
      continue;
    }
    const term = item.term;
    const sameTerm = term ? datedClusters.filter((cluster) => summaryOf(cluster).terms.has(term)) : [];
    if (sameTerm.length === 1) {
      place(sameTerm[0], item);
    } else {
      // All ambiguous occurrences of the number share one undated document.
      ambiguous.push(item);
      place(undatedCluster, item);
      undatedCluster ??= clusters[clusters.length - 1];
    }
  }
  return { clusters, ambiguous, duplicates };

  /** Put an item into a cluster, or a new one; a second plan starts its own. */
  function place(cluster: T[] | undefined, item: T): void {
    if (cluster && item.isPlan && summaryOf(cluster).hasPlan) {
      duplicates.push(item);
      clusters.push(started(item));
    } else if (cluster) {
      join(cluster, item);
    } else {
      clusters.push(started(item));
    }
  }

  /** A new cluster of one item. */
  function started(item: T): T[] {
    const cluster: T[] = [];
    join(cluster, item);
    return cluster;
  }
}
