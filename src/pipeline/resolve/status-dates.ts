/**
 * Comparing dates that may be partial ("2020", "2020-11", "2020-11-27") and choosing the
 * deterministic date a build's statuses are computed at (never the clock).
 */

/**
 * Order of two ISO dates, or null when the known parts cannot tell them apart ("2020" and
 * "2020-11-27": the year alone does not say which came first).
 *
 * @param a ISO date, possibly partial.
 * @param b ISO date, possibly partial.
 * @returns -1, 0, 1, or null when undecidable.
 */
export function compareIso(a: string, b: string): -1 | 0 | 1 | null {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  if (left < right) return -1;
  if (left > right) return 1;
  return a.length === b.length ? 0 : null;
}

/**
 * Whether `date` is known to be on or before `limit`.
 *
 * @param date ISO date, possibly partial.
 * @param limit ISO date, possibly partial.
 * @returns True only when the known parts decide it.
 */
export function onOrBefore(date: string, limit: string): boolean {
  const order = compareIso(date, limit);
  return order !== null && order <= 0;
}

/** A full calendar date "YYYY-MM-DD" (the form `VBG_STATUS_DATE` must take). */
export const FULL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/**
 * The date a build's statuses are "as of": the one given (`VBG_STATUS_DATE`, passed in by the
 * build script), else the newest full date of a document of the corpus, else the newest full
 * date of any document. Never today's date: the same inputs must give the same site.
 *
 * @param nodes Documents with their dates and whether they are plans of the corpus.
 * @param given A date from the environment, or undefined.
 * @returns "YYYY-MM-DD", or null when no document has a full date.
 */
export function statusDate(
  nodes: readonly { inCorpus: boolean; date: { iso: string; partial: boolean } | null }[],
  given?: string,
): string | null {
  if (given !== undefined && FULL_DATE.test(given)) return given;
  const newest = (list: readonly { date: { iso: string; partial: boolean } | null }[]): string | null => {
    let best: string | null = null;
    for (const node of list) {
      if (node.date && !node.date.partial && FULL_DATE.test(node.date.iso) && (best === null || node.date.iso > best))
        best = node.date.iso;
    }
    return best;
  };
  return newest(nodes.filter((node) => node.inCorpus)) ?? newest(nodes);
}
