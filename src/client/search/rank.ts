/**
 * Order of the results when the query names a document by number: the document's own
 * page first, then the pages citing it, then everything else as Pagefind ranked it.
 *
 * Why: Pagefind scores words, and "nghi dinh 21" matches "đề nghị … 21 …" on any plan as
 * well as the decree itself, so a plan that merely asks for something ranked above the
 * plan that cites Nghị định 21/2019/NĐ-CP twice. The number index knows which document
 * was meant, and the `cites` filter knows who cites it.
 */
import type { PageResult } from './pagefind-api.ts';

/**
 * Reorder results around the documents a number query names. Only results of the search
 * move (a page the filters or the words left out is not brought back); within each group
 * Pagefind's order is kept.
 *
 * @param results Pagefind's results, best first.
 * @param own Ids of the named documents' own pages.
 * @param citing Ids of the pages citing them.
 * @returns A reordered copy.
 */
export function numberFirst(results: readonly PageResult[], own: ReadonlySet<string>, citing: ReadonlySet<string>): PageResult[] {
  if (own.size === 0 && citing.size === 0) return [...results];
  const group = (result: PageResult): number => (own.has(result.id) ? 0 : citing.has(result.id) ? 1 : 2);
  // Array.prototype.sort is stable: equal groups keep Pagefind's order.
  return [...results].sort((a, b) => group(a) - group(b));
}
