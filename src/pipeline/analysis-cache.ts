/**
 * The analysis of each source (normalize + parse + extract, `analyse.ts`) kept in the
 * pipeline's content-hash cache (`cache.ts`): `buildCorpus` reads it, worker threads fill it
 * before a large build (`analyseIntoCache`).
 */
import type { Mention, ParsedPlan, SourceText } from '../model.ts';
import { readByOcr } from './parse/file-name-number.ts';
import { analyse, type Analysed } from './analyse.ts';
import { ANALYSED, contentKey, type StageCache } from './cache.ts';
import { sentenceAround } from './resolve/sentence.ts';

/** The settings of `buildCorpus` the analysis cache uses. */
export interface AnalysisOptions {
  /** Where analyses are kept by content hash (default: none). */
  cache?: StageCache;
  /** Hash of the code computing cached values (`codeVersion`); part of every cache key. */
  codeVersion?: string;
}

/**
 * The cache key of each decodable source's analysis (`analysisKeys`): hashed once per build
 * (the text of the whole corpus, 0.1–0.3 s at 1,000 plans) and carried with the source from
 * finding what the cache lacks to the analysis itself.
 */
export type AnalysisKeys = ReadonlyMap<SourceText, string>;

/** Version of the cached `Analysed` layout; bump when it changes shape. */
const ANALYSED_FORMAT = '3';

/** Cache kind of a plan's body blocks, kept apart from the rest of its analysis (see `analyseCached`). */
const ANALYSED_BLOCKS = 'analysed-blocks';

/** Cache kind of a plan's normalized text, kept apart too (three quarters of the bytes). */
const ANALYSED_TEXT = 'analysed-text';

/** The analysis entry: the plan without blocks and text, and the sentence around each mention. */
type StoredAnalysis = { empty: true } | { empty: false; plan: ParsedPlan; mentions: Mention[]; sentences?: string[] };

/**
 * Normalize, parse and extract one source, or take the result from the cache. The key is the
 * file's name (messages name it), its text and the code version, so a hit is always what
 * computing would give.
 *
 * The body blocks and the normalized text (most of the bytes) are stored apart and read only
 * when the plan's page has to be emitted again: resolve, which needs every plan, reads only
 * the sentence around each mention, kept with the rest, and a rebuild after one edit takes
 * all other pages from the page cache.
 *
 * @param file Source file name.
 * @param sha256 Hash of its bytes.
 * @param text Its decoded text, or a function giving it (called only when the text is needed).
 * @param options Cache and code version.
 * @param ocr Whether the text was read by OCR.
 * @param known Its key when already computed (`analysisKeys`, with the same options).
 * @returns Its plan and mentions, or `empty`, the cache key, and on a hit the sentence around each mention.
 */
export function analyseCached(
  file: string,
  sha256: string,
  text: string | (() => string),
  options: AnalysisOptions,
  ocr = false,
  known?: string,
): { analysed: Analysed; key: string; sentences?: ReadonlyMap<Mention, string> } {
  const cache = options.cache;
  // Given as a function, the text is got only when needed (a source the build did not read again).
  const textOf = typeof text === 'string' ? () => text : text;
  // Also without a cache: the page's version keys in plans.json derive from it, and a build
  // without a cache must equal one with it.
  const key = known ?? analysisKey(file, sha256, textOf(), options);
  const hit = cache?.get(ANALYSED, key);
  if (cache && hit !== undefined) {
    const stored = JSON.parse(hit) as StoredAnalysis;
    if (stored.empty) return { analysed: stored, key };
    const { sentences, ...analysed } = stored;
    // Computed again only if an entry was removed from the cache by hand.
    let again: Analysed | undefined;
    const analyseAgain = (): Analysed => (again ??= analyse(file, sha256, textOf(), ocr));
    const plan = analysed.plan;
    lazyProperty(plan, 'blocks', () => {
      const value = cache.get(ANALYSED_BLOCKS, key);
      if (value !== undefined) return JSON.parse(value) as ParsedPlan['blocks'];
      const fresh = analyseAgain();
      return fresh.empty ? [] : fresh.plan.blocks;
    });
    lazyProperty(plan, 'text', () => {
      const value = cache.get(ANALYSED_TEXT, key);
      if (value !== undefined) return value;
      const fresh = analyseAgain();
      return fresh.empty ? '' : fresh.plan.text;
    });
    // Still wanted though a rebuild rarely reads them (its pages come from the page cache):
    // without this, pruning deleted all but 100 after every rebuild, and the next page to
    // make again had to analyse its plan again.
    cache.keep?.(ANALYSED_BLOCKS, key);
    cache.keep?.(ANALYSED_TEXT, key);
    const aligned = sentences !== undefined && sentences.length === analysed.mentions.length;
    return {
      analysed,
      key,
      ...(aligned ? { sentences: new Map(analysed.mentions.map((mention, index) => [mention, sentences[index]!])) } : {}),
    };
  }
  const analysed = analyse(file, sha256, textOf(), ocr);
  if (cache) storeAnalysis(cache, key, analysed);
  return { analysed, key };
}

/**
 * Make a plan's property load its value on first read, in the place (and key order) it had.
 *
 * @param plan The plan.
 * @param name The property.
 * @param load Gives its value.
 */
function lazyProperty<K extends 'blocks' | 'text'>(plan: ParsedPlan, name: K, load: () => ParsedPlan[K]): void {
  let value: ParsedPlan[K] | undefined;
  Object.defineProperty(plan, name, { enumerable: true, configurable: true, get: () => (value ??= load()) });
}

/**
 * The cache key of a source's analysis: its name, bytes, text and the code version.
 *
 * @param file Source file name.
 * @param sha256 Hash of its bytes.
 * @param text Its decoded text.
 * @param options Code version.
 * @returns Key.
 */
function analysisKey(file: string, sha256: string, text: string, options: AnalysisOptions): string {
  return contentKey(ANALYSED_FORMAT, options.codeVersion ?? '', file, sha256, text);
}

/**
 * The analysis key of every decodable source, to hand to `unanalysedSources`,
 * `analyseIntoCache` and `buildCorpus` (`analysisKeys` option), so no text is hashed twice.
 *
 * @param sources Sources.
 * @param options Cache and code version (without a cache there are no keys).
 * @returns Key per source (sources without text have none).
 */
export function analysisKeys(sources: readonly SourceText[], options: AnalysisOptions): Map<SourceText, string> {
  const keys = new Map<SourceText, string>();
  if (!options.cache) return keys;
  for (const source of sources) {
    if (source.text !== null) keys.set(source, analysisKey(source.file, source.sha256, source.text, options));
  }
  return keys;
}

/**
 * Store an analysis: the body blocks and the text apart from the rest (see `analyseCached`).
 *
 * @param cache The cache.
 * @param key Its key.
 * @param analysed The analysis.
 */
function storeAnalysis(cache: StageCache, key: string, analysed: Analysed): void {
  if (analysed.empty) {
    cache.set(ANALYSED, key, JSON.stringify(analysed));
    return;
  }
  const { plan, mentions } = analysed;
  cache.set(ANALYSED_BLOCKS, key, JSON.stringify(plan.blocks));
  cache.set(ANALYSED_TEXT, key, plan.text);
  const rest: StoredAnalysis = {
    ...analysed,
    plan: { ...plan, blocks: [], text: '' },
    sentences: mentions.map((mention) => sentenceAround(plan.text, mention.start, mention.end)),
  };
  cache.set(ANALYSED, key, JSON.stringify(rest));
}

/**
 * The sources whose analysis the cache lacks (decodable ones only).
 *
 * @param sources Sources.
 * @param options Cache and code version.
 * @param keys Their keys (`analysisKeys`), computed here when not given.
 * @returns Those to analyse.
 */
export function unanalysedSources(
  sources: readonly SourceText[],
  options: AnalysisOptions,
  keys: AnalysisKeys = analysisKeys(sources, options),
): SourceText[] {
  const cache = options.cache;
  if (!cache) return [];
  // Presence only: `buildCorpus` reads each entry once, then (a corrupt one is analysed there).
  const stored = (key: string): boolean => (cache.has ? cache.has(ANALYSED, key) : cache.get(ANALYSED, key) !== undefined);
  return sources.filter((source) => {
    // A source with a key has a text (asked first: a source the build did not read again loads its text on access).
    const key = keys.get(source);
    if (key !== undefined) return !stored(key);
    if (source.text === null) return false;
    return !stored(analysisKey(source.file, source.sha256, source.text, options));
  });
}

/**
 * Analyse sources into the cache, exactly as `buildCorpus` would one by one: worker threads
 * run it on parts of a large corpus before the build (scripts/build-pipeline.ts), so the
 * build then finds every analysis cached.
 *
 * @param sources Sources to analyse.
 * @param options Cache and code version (without a cache, nothing is done).
 * @param keys Their keys when known (`analysisKeys`; a worker thread gets them with its share).
 * @returns How many were analysed.
 */
export function analyseIntoCache(
  sources: readonly SourceText[],
  options: AnalysisOptions,
  keys?: (source: SourceText, index: number) => string | undefined,
): number {
  const cache = options.cache;
  if (!cache) return 0;
  let count = 0;
  for (const [index, source] of sources.entries()) {
    if (source.text === null) continue;
    storeAnalysis(
      cache,
      keys?.(source, index) ?? analysisKey(source.file, source.sha256, source.text, options),
      analyse(source.file, source.sha256, source.text, readByOcr(source.origin)),
    );
    count += 1;
  }
  return count;
}
