/**
 * Run a query with Pagefind. The index holds every đ-word under its "d" form (see
 * `markDStroke` in search-terms.ts), so the query is given without đ as well: "nghị định",
 * "nghi dinh" and "NGHỊ ĐỊNH" are one search with the same results.
 */
import { searchableQuery } from '../../search/search-terms.ts';
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
  return stableOrder((await pagefind.search(searchableQuery(query), { filters })).results);
}

/**
 * Start downloading the index chunks a query will need while the user is still typing, so
 * the search itself (after the typing pause) finds them cached.
 *
 * @param pagefind Loaded API.
 * @param query Query as typed so far.
 */
export function preloadSearch(pagefind: Pagefind, query: string): void {
  const words = typedWords(query);
  // A failed preload only means the search fetches the chunk itself.
  if (words) pagefind.preload(searchableQuery(words)).catch(() => undefined);
}

/**
 * The words of a query being typed that are complete: all but the one still being typed
 * (none when the query ends with a space). Pagefind loads, per word and per part of the
 * index, the chunk whose range holds it, and "q", "qu", "quo" of "quốc" often lie in other
 * chunks than the word: preloading every beginning downloaded up to twice a query's bytes
 * (1.2 MB instead of 0.5 MB for a seven-word query at 1,000 plans, `bench-search.ts --typed`).
 *
 * @param query Query as typed so far.
 * @returns The complete words, joined by spaces ("" for none).
 */
export function typedWords(query: string): string {
  const words = query.split(/\s+/).filter(Boolean);
  if (!/\s$/.test(query)) words.pop();
  return words.join(' ');
}

/**
 * Run one search that matches nothing, so the user's first query does not pay for
 * Pagefind's first search: in a fresh page it took ~130 ms longer than the same search
 * afterwards (its worker compiles and sets up the search code on first use; measured on
 * 1,000 plans, `scripts/bench-search.ts`). A filter-only search for a value no page has
 * downloads no index chunk and costs the worker ~50 ms while the user reads or types.
 *
 * @param pagefind Loaded API.
 * @returns When done; a failure only means the first query warms up itself.
 */
export async function warmUp(pagefind: Pagefind): Promise<void> {
  await pagefind.search(null, { filters: { year: WARM_UP_YEAR } }).catch(() => undefined);
}

/** A `year` filter value no document has (years are four digits). */
const WARM_UP_YEAR = '-';

/**
 * Results by score, ties by page id, so equal scores never reorder between runs.
 *
 * @param results Pagefind's results.
 * @returns A sorted copy.
 */
function stableOrder(results: readonly PageResult[]): PageResult[] {
  return [...results].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
