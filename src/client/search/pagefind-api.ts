/**
 * The part of Pagefind's browser API the search page uses, typed, and its loading from
 * the site's own `pagefind/` folder under the base path (no CDN, CSP `script-src 'self'`).
 */
import { readableText } from '../../pipeline/search-terms.ts';

/** Metadata Pagefind returns for a page: see `searchFields` for the keys. */
export type PageMeta = Partial<Record<string, string>>;

/** A loaded result. */
export interface PageData {
  /** URL with the base path already applied by `baseUrl`. */
  url: string;
  /** Escaped text with `<mark>` around matched words. */
  excerpt: string;
  meta: PageMeta;
}

/** A result before its data is loaded (cheap: data is fetched per result). */
export interface PageResult {
  id: string;
  score: number;
  data(): Promise<PageData>;
}

/** Filter values → page counts, per filter name. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A filter selection: name → one value, or values of which any may match. */
export type FilterSelection = Record<string, string | string[]>;

export interface SearchResponse {
  results: PageResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: FilterSelection }): Promise<SearchResponse>;
  /** Fetch the index chunks a term needs, without searching (Pagefind ≥ 1.0). */
  preload(term: string, options?: { filters?: FilterSelection }): Promise<void>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Load Pagefind once, from `<base>pagefind/pagefind.js`.
 *
 * @param base Site base path ending in "/" (`import.meta.env.BASE_URL`).
 * @returns The Pagefind API.
 */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    // Not a bundled module: it is written by the build next to the index.
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({
      baseUrl: base,
      excerptLength: 24,
      // A plan whose trích yếu matches the query comes before the short pages of cited
      // documents, which otherwise win on page length alone (see `searchFields`). A plan
      // that returns to a topic throughout its 30 KB is about it: Pagefind's default
      // pageLength (0.75) ranked a one-line mention in a short text above it; 0.3 keeps a
      // mild preference for short pages (measured on the seeds + e2e fixtures).
      ranking: { metaWeights: { summary: 5 }, pageLength: 0.3 },
    });
    await pagefind.init();
    return readable(pagefind);
  })();
  return loading;
}

/**
 * Pagefind whose results give their text as written: the index keeps the marks of its
 * indexed copy of each page (`readableText`).
 *
 * @param pagefind Loaded API.
 * @returns The same API, results' data read back.
 */
function readable(pagefind: Pagefind): Pagefind {
  const readableData = (data: PageData): PageData => ({
    ...data,
    excerpt: readableText(data.excerpt),
    meta: Object.fromEntries(Object.entries(data.meta).map(([key, value]) => [key, value === undefined ? value : readableText(value)])),
  });
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    preload: (term, options) => pagefind.preload(term, options),
    filters: () => pagefind.filters(),
    search: async (term, options) => {
      const response = await pagefind.search(term, options);
      return {
        ...response,
        results: response.results.map((result) => ({ ...result, data: async () => readableData(await result.data()) })),
      };
    },
  };
}
