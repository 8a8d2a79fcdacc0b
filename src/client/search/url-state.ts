/**
 * The search state in the page URL, so a search is a shareable link:
 * `/tim-kiem/?q=21%2F2019&type=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh&year=2019`.
 */
import type { FilterSelection } from './pagefind-api.ts';

/** Filters of the search page, in the order of the form. */
export const FILTER_NAMES = ['type', 'level', 'year', 'scope', 'status'] as const;

export interface SearchState {
  query: string;
  filters: FilterSelection;
}

/**
 * Whether a state asks for nothing: no query and no filter (the page then shows its prompt).
 *
 * @param state Query and filters.
 * @returns True when empty.
 */
export function isEmptyState(state: SearchState): boolean {
  return !state.query && Object.keys(state.filters).length === 0;
}

/**
 * Read the state from a query string.
 *
 * @param search `location.search`.
 * @returns Query (trimmed) and the filters that have a value.
 */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: FilterSelection = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/**
 * Write the state as a query string (empty values left out).
 *
 * @param state Query and filters.
 * @returns "?q=…&type=…", or "" for an empty state.
 */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    if (typeof value === 'string' && value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
