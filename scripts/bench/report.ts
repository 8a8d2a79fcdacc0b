/**
 * Benchmark results: medians over runs and the Markdown table of bench/out/results.md.
 */
import type { SiteSizes } from './disk.ts';
import type { IngestTiming } from './ingest.ts';
import type { BuildTiming } from './site-build.ts';
import type { StandardTiming } from './standard-route.ts';

/** Everything measured for one corpus size (medians over the runs). */
export interface SizeResult {
  documents: number;
  runs: number;
  ingest: IngestTiming;
  build: BuildTiming | null;
  incremental: BuildTiming | null;
  /** A rebuild after one new plan was added to the sources (issue 16's third rebuild target). */
  added: BuildTiming | null;
  /** The standard Astro route on the same plans (baseline), or null when not run. */
  standard: StandardTiming | null;
  site: SiteSizes | null;
  graphJsonBytes: number | null;
}

/**
 * Median of numbers (mean of the middle two for an even count).
 *
 * @param values Non-empty list.
 * @returns Median.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Field-by-field median of records with the same numeric (or null) fields.
 *
 * @param records Non-empty list of runs.
 * @returns A record of medians; a field null in any run is null.
 */
export function medianRecord<T extends object>(records: readonly T[]): T {
  const first = records[0]!;
  const result: Record<string, number | null> = {};
  for (const key of Object.keys(first)) {
    const values = records.map((record) => (record as Record<string, unknown>)[key]);
    result[key] = values.every((value) => typeof value === 'number') ? median(values as number[]) : null;
  }
  return result as T;
}

const seconds = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2));
const megabytes = (bytes: number | null | undefined): string =>
  bytes === null || bytes === undefined ? '–' : (bytes / 1e6).toFixed(1);
const kilobytes = (bytes: number | null | undefined): string =>
  bytes === null || bytes === undefined ? '–' : (bytes / 1e3).toFixed(0);

/** CPU time of a build's two steps, "12.30 / 45.60". */
const cpuPair = (build: BuildTiming | null): string =>
  build ? `${seconds(build.cpuPipeline)} / ${seconds(build.cpuAstro)}` : '–';

/**
 * The results as a Markdown table: one row per measure, one column per corpus size.
 *
 * @param results One result per size.
 * @param notes Lines printed under the table (machine, memory method, seed).
 * @returns Markdown.
 */
export function toMarkdown(results: readonly SizeResult[], notes: readonly string[]): string {
  const rows: [string, (result: SizeResult) => string][] = [
    ['Runs (median of)', (r) => String(r.runs)],
    ['Corpus size (MB)', (r) => megabytes(r.ingest.bytes)],
    ['Ingest + extract: documents/s', (r) => (r.ingest.documents / (r.ingest.ingest / 1000)).toFixed(0)],
    ['Ingest + extract: MB/s', (r) => (r.ingest.bytes / 1e6 / (r.ingest.ingest / 1000)).toFixed(2)],
    ['  read (s)', (r) => seconds(r.ingest.read)],
    ['  normalize + parse (s)', (r) => seconds(r.ingest.normalizeParse)],
    ['  extract + group (s)', (r) => seconds(r.ingest.extract)],
    ['`buildCorpus` in memory (s)', (r) => seconds(r.ingest.buildCorpus)],
    ['Mentions / graph nodes / edges', (r) => `${r.ingest.mentions} / ${r.ingest.nodes} / ${r.ingest.edges}`],
    ['Full build (s)', (r) => seconds(r.build?.total)],
    ['  pipeline, to the hand-off to Astro (s)', (r) => seconds(r.build?.pipeline)],
    ['  Astro (s)', (r) => seconds(r.build?.astro)],
    ['  Pagefind (s)', (r) => seconds(r.build?.pagefind)],
    ['  CPU time, pipeline / Astro + Pagefind (s)', (r) => cpuPair(r.build)],
    ['Baseline: standard Astro route (glob + MDX) + Pagefind CLI, clean (s)', (r) => seconds(r.standard?.total)],
    ['  Astro (s)', (r) => seconds(r.standard?.astro)],
    ['  Pagefind CLI (s)', (r) => seconds(r.standard?.pagefind)],
    ['  CPU time (s)', (r) => seconds(r.standard?.cpu)],
    ['Rebuild after editing one plan (s)', (r) => seconds(r.incremental?.total)],
    ['  pipeline (s)', (r) => seconds(r.incremental?.pipeline)],
    ['  Astro (s)', (r) => seconds(r.incremental?.astro)],
    ['  Pagefind (s)', (r) => seconds(r.incremental?.pagefind)],
    ['  CPU time, pipeline / Astro + Pagefind (s)', (r) => cpuPair(r.incremental)],
    [
      '  search index parts reused',
      (r) => (r.incremental?.shards == null ? '–' : `${r.incremental.reusedShards} of ${r.incremental.shards}`),
    ],
    ['Rebuild after adding one plan (s)', (r) => seconds(r.added?.total)],
    ['  pipeline (s)', (r) => seconds(r.added?.pipeline)],
    ['  Astro (s)', (r) => seconds(r.added?.astro)],
    ['  Pagefind (s)', (r) => seconds(r.added?.pagefind)],
    ['  CPU time, pipeline / Astro + Pagefind (s)', (r) => cpuPair(r.added)],
    ['  search index parts reused', (r) => (r.added?.shards == null ? '–' : `${r.added.reusedShards} of ${r.added.shards}`)],
    ['Peak memory, pipeline (MB)', (r) => megabytes(r.build?.peakRssPipeline)],
    ['Peak memory, Astro + Pagefind (MB)', (r) => megabytes(r.build?.peakRssAstro)],
    ['dist/ size (MB)', (r) => megabytes(r.site?.total)],
    ['  of which Pagefind index (MB)', (r) => megabytes(r.site?.pagefind)],
    ['HTML pages', (r) => (r.site ? String(r.site.pages) : '–')],
    [
      'Largest page (KB)',
      (r) => (r.site?.largestPage ? `${kilobytes(r.site.largestPage.bytes)} (${r.site.largestPage.path})` : '–'),
    ],
    ['graph.json (KB)', (r) => kilobytes(r.graphJsonBytes)],
    ['Graph page first download, du-lieu.json (KB)', (r) => kilobytes(r.site?.graphView)],
  ];
  const header = `| Measure | ${results.map((result) => `N = ${result.documents}`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  const body = rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`);
  return [header, rule, ...body, '', ...notes.map((note) => `- ${note}`), ''].join('\n');
}
