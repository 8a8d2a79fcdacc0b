/**
 * Run a query: the query as typed, plus its đ-variant when it has one, merged by page.
 *
 * Pagefind folds tone marks but not đ, so "nghi dinh" alone only meets the pages' `folded`
 * metadata; "nghi đinh" meets "Nghị định" in the text itself, with real ranking and
 * highlighted excerpts. Each page keeps its best score of the two searches. A query typed
 * with marks gets no variant (see `typedWithMarks`).
 */
import { dStrokeVariant } from '../../pipeline/search-terms.ts';
import type { FilterSelection, Pagefind, PageResult } from './pagefind-api.ts';

/**
 * Search with Pagefind; an empty query with filters lists every page the filters keep.
 *
 * @param pagefind Loaded API.
 * @param query Query as typed (trimmed), may be empty.
 * @param filters Selected filters.
 * @returns Results, best first; ties in a stable order (by id).
 */
export async function runSearch(pagefind: Pagefind, query: string, filters: FilterSelection): Promise<PageResult[]> {
  if (!query) {
    if (Object.keys(filters).length === 0) return [];
    return (await pagefind.search(null, { filters })).results;
  }
  const variant = typedWithMarks(query) ? null : dStrokeVariant(query);
  const terms = [query, variant].filter((term): term is string => term !== null);
  const responses = await Promise.all(terms.map((term) => pagefind.search(term, { filters })));
  return mergeResults(responses.map((response) => response.results));
}

/**
 * Start downloading the index chunks a query will need while the user is still typing, so
 * the search itself (after the typing pause) finds them cached.
 *
 * @param pagefind Loaded API.
 * @param query Query as typed so far.
 */
export function preloadSearch(pagefind: Pagefind, query: string): void {
  const trimmed = query.trim();
  if (!trimmed) return;
  for (const term of [trimmed, dStrokeVariant(trimmed)]) {
    // A failed preload only means the search fetches the chunk itself.
    if (term) pagefind.preload(term).catch(() => undefined);
  }
}

/**
 * Whether the query carries Vietnamese marks (tone marks, â, ơ…). Whoever types them has a
 * Vietnamese keyboard, which types đ as well: a "d" in such a query is meant as "d", so the
 * đ-variant search (as long again as the search itself, about a second for a seven-word
 * query on 1,000 plans) is skipped.
 *
 * @param query Query.
 * @returns True when some letter has a combining mark once decomposed.
 */
export function typedWithMarks(query: string): boolean {
  return /[\u0300-\u036f]/.test(query.normalize('NFD'));
}

/**
 * Merge result lists by page id, keeping each page's best score.
 *
 * @param lists Result lists of several searches.
 * @returns One list, best score first, then by id.
 */
export function mergeResults(lists: readonly (readonly PageResult[])[]): PageResult[] {
  const best = new Map<string, PageResult>();
  for (const list of lists) {
    for (const result of list) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
