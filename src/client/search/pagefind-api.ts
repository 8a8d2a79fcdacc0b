/**
 * The part of Pagefind's browser API the search page uses, typed, and its loading from
 * the site's own `pagefind/` folder under the base path (no CDN, CSP `script-src 'self'`).
 */
import { readableText } from '../../search/search-terms.ts';
import { keptShards, matchedForms, metaForms, queryTerms, shardOfResult, termMatch } from './shards.ts';

/** Metadata Pagefind returns for a page: see `searchFields` for the keys. */
export type PageMeta = Partial<Record<string, string>>;

/** A loaded result. */
export interface PageData {
  /** URL with the base path already applied by `baseUrl`. */
  url: string;
  /** Escaped text with `<mark>` around matched words. */
  excerpt: string;
  meta: PageMeta;
  /** The page's indexed text, and the positions of the words the query matched in it. */
  content?: string;
  locations?: number[];
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
  /** Add another index to this one's searches (Pagefind ≥ 1.0). */
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  /** Fetch the index chunks a term needs, without searching (Pagefind ≥ 1.0). */
  preload(term: string, options?: { filters?: FilterSelection }): Promise<void>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Load Pagefind once: the parts of the index listed in `<base>pagefind/shards.json`
 * (src/integrations/pagefind-shards.ts), the first one's `pagefind.js` searching them all.
 *
 * @param base Site base path ending in "/" (`import.meta.env.BASE_URL`).
 * @returns The Pagefind API.
 */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const response = await fetch(`${base}pagefind/shards.json`);
    if (!response.ok) throw new Error(`pagefind/shards.json: ${response.status}`);
    const { shards } = (await response.json()) as { shards: string[] };
    const [first, ...others] = shards;
    if (first === undefined) throw new Error('pagefind/shards.json: no shard');
    // Not a bundled module: it is written by the build next to the index.
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/${first}/pagefind.js`)) as Pagefind;
    const options = {
      baseUrl: base,
      excerptLength: 24,
      // A plan whose trích yếu matches the query comes before the short pages of cited
      // documents, which otherwise win on page length alone (see `searchFields`). A plan
      // that returns to a topic throughout its 30 KB is about it: Pagefind's default
      // pageLength (0.75) ranked a one-line mention in a short text above it; 0.3 keeps a
      // mild preference for short pages (measured on the seeds + e2e fixtures).
      ranking: { metaWeights: { summary: 5 }, pageLength: 0.3 },
    };
    await pagefind.options(options);
    await pagefind.init();
    // The other parts share the first one's WebAssembly and worker.
    await Promise.all(others.map((shard) => pagefind.mergeIndex(`${base}pagefind/${shard}/`, options)));
    return readable(others.length > 0 ? oneIndex(pagefind) : pagefind);
  })();
  return loading;
}

/**
 * Pagefind over the parts of an index, whose results are those one index would give: the
 * results of a part that fell back to a shorter word (see shards.ts) are dropped.
 *
 * @param pagefind Loaded API with every part merged.
 * @returns The same API.
 */
function oneIndex(pagefind: Pagefind): Pagefind {
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    preload: (term, options) => pagefind.preload(term, options),
    filters: () => pagefind.filters(),
    mergeIndex: (indexPath, options) => pagefind.mergeIndex(indexPath, options),
    search: async (term, options) => {
      const response = await pagefind.search(term, options);
      if (term === null) return response;
      const best = new Map<string, PageResult>();
      for (const result of response.results) {
        const shard = shardOfResult(result.id);
        if (shard === null) return response;
        if (!best.has(shard)) best.set(shard, result);
      }
      if (best.size < 2) return response;
      const terms = queryTerms(term);
      const matches = new Map(
        await Promise.all(
          [...best].map(async ([shard, result]) => {
            const data = await result.data();
            const forms = [...matchedForms(data.content ?? '', data.locations ?? []), ...metaForms(data.meta)];
            return [shard, terms.map((word) => termMatch(word, forms))] as const;
          }),
        ),
      );
      const kept = keptShards(matches);
      if (kept.size === best.size) return response;
      return { ...response, results: response.results.filter((result) => kept.has(shardOfResult(result.id) ?? '')) };
    },
  };
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
    meta: Object.fromEntries(
      Object.entries(data.meta).map(([key, value]) => [key, value === undefined ? value : readableText(value)]),
    ),
  });
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    preload: (term, options) => pagefind.preload(term, options),
    filters: () => pagefind.filters(),
    mergeIndex: (indexPath, options) => pagefind.mergeIndex(indexPath, options),
    search: async (term, options) => {
      const response = await pagefind.search(term, options);
      return {
        ...response,
        results: response.results.map((result) => ({ ...result, data: async () => readableData(await result.data()) })),
      };
    },
  };
}
