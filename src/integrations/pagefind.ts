/**
 * Astro integration: index the built site with Pagefind when `astro build` is done, so
 * `npm run build` ships a working search with no manual step. The index lands in
 * `<outDir>/pagefind/`, under the base path like every other file.
 *
 * Before a page is indexed, the integration changes, in the indexed copy only (files on
 * disk are untouched), what the page template cannot do itself:
 * - every đ/Đ of the indexed body is written "d"/"D" + a combining mark that Pagefind strips
 *   (`markDStroke`), so "nghi dinh" and "nd-cp" find "Nghị định" and "NĐ-CP";
 * - a word is searchable only its first few times on a page (`repeatMuter`);
 *   the search page turns both marks back into the text as written (`readableText`) before
 *   it shows a title or an excerpt;
 * - a `cites` filter per document the page cites, from the graph, for the exact
 *   "which plans cite X" list of the search page.
 * It also writes the number index the search page reads for exact số ký hiệu lookups:
 * `<outDir>/tim-kiem/so-hieu/<shard>.json`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import type { Element, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { codeVersion } from '../pipeline/cache.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';
import type { GraphData } from '../pipeline/emit/graph-schema.ts';
import { checkGraph } from '../pipeline/emit/graph-stamp.ts';
import {
  escapeRepeatMark,
  markDStroke,
  numberShard,
  numberVariants,
  NUMBER_SHARDS,
  repeatMuter,
  shardOfKey,
  STROKE_MARK,
} from '../search/search-terms.ts';
import { numberKey } from '../text/number-key.ts';
import { generatedDir, loadGraph } from '../utils/generated.ts';
import { fileIdentity } from '../fs/file-identity.ts';
import { readDigestRecord, writeDigestRecord, type BodyDigest, type DigestRecord } from './pagefind-digests.ts';
import {
  linkTree,
  onlyInFirstShard,
  pruneStore,
  shardCount,
  shardFingerprint,
  SHARD_PAGES,
  splitShards,
  storeShard,
  storedShardIsWhole,
  type Shard,
  type ShardManifest,
} from './pagefind-shards.ts';

const execFileAsync = promisify(execFile);

/** Options of the integration. */
export interface PagefindOptions {
  /**
   * graph.json to read the citations and numbers from. Default: `<outDir>/data/graph.json`
   * when the site ships one, else `$VBG_GENERATED/graph.json` (`content/generated/graph.json`).
   */
  graphPath?: string;
}

/** One entry of the number index (`/tim-kiem/so-hieu/<shard>.json`). */
export interface NumberEntry {
  /** Number key (`numberKey`): "21/2019/ND-CP". */
  key: string;
  id: string;
  /** Page URL relative to the base: "van-ban/nghi-dinh-21-2019-nd-cp/". */
  url: string;
  label: string;
  /** Number as written: "21/2019/NĐ-CP". */
  number: string;
  type: string | null;
  issuer: string | null;
  /** ISO date, possibly partial, or null. */
  date: string | null;
  inCorpus: boolean;
}

/** What `indexSite` did. */
export interface IndexReport {
  pages: number;
  /** đ/Đ letters marked for folding, over all pages. */
  marked: number;
  /** `cites` filter values added, over all pages. */
  cites: number;
  numbers: number;
  /** Parts of the index, and how many were taken from the store. */
  shards: number;
  reusedShards: number;
}

/**
 * The integration. Add to astro.config.mjs: `integrations: [mdx(), pagefind()]`.
 *
 * @param options Optional settings.
 * @returns Astro integration.
 */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  let storeDir: string | undefined;
  return {
    name: 'van-ban-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The parts of the previous build's index, by fingerprint (`VBG_PAGE_REUSE=off`: none).
        storeDir =
          process.env['VBG_PAGE_REUSE'] === 'off' ? undefined : path.join(fileURLToPath(config.cacheDir), 'van-ban-pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const graph = await readGraph(outDir, options.graphPath);
        if (!graph) logger.warn('Không tìm thấy graph.json: không có bộ lọc dẫn chiếu và tra số hiệu.');
        const started = performance.now();
        const report = await indexSite(outDir, graph, storeDir ? { storeDir } : {});
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `Pagefind: ${report.pages} trang, ${report.marked} chữ đ, ` +
            `${report.cites} dẫn chiếu, ${report.numbers} số hiệu, ` +
            `${report.shards} phần (dùng lại ${report.reusedShards}), trong ${seconds} s.`,
        );
      },
    },
  };
}

/**
 * Read and validate the graph, or null when there is none.
 *
 * @param outDir Build output directory.
 * @param graphPath Explicit path, if any.
 * @returns Graph data or null.
 */
export async function readGraph(outDir: string, graphPath?: string): Promise<GraphData | null> {
  // The build's own graph: the copy the pages already read and validated in this process
  // (`loadGraph` keeps it), rather than parsing and validating 20 MB (at 1,000 plans) again.
  if (!graphPath && existsSync(path.join(generatedDir(), 'graph.json'))) return loadGraph();
  const candidates = graphPath ? [graphPath] : [path.join(outDir, 'data/graph.json')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) return null;
  return checkGraph(JSON.parse(await readFile(found, 'utf8')), found);
}

/** Settings of `indexSite`. */
export interface IndexOptions {
  /**
   * Folder of the shard store (parts of the previous build's index, by fingerprint); none:
   * every part is indexed.
   */
  storeDir?: string;
  /** Target pages per part (`shardCount`); default `VBG_SEARCH_SHARD_PAGES` or `SHARD_PAGES`. */
  pagesPerShard?: number;
}

/**
 * Index every page of a built site that has a `data-pagefind-body`, and write the
 * number index. Used by the integration and by scripts/bench-search.ts.
 *
 * The indexed copies of the pages (`enrichPage`) are split into parts (`splitShards`); a
 * part whose fingerprint is in the store is taken from it, the others are written to a
 * scratch folder and indexed there by Pagefind's own command-line program, which reads and
 * parses files natively: about twice as fast on 1,000 plans as handing each page to its
 * Node API. Two parts are indexed at a time. Pagefind's fragments keep the marks of the
 * indexed copies; the search page reads them back (`readableText`), which saves rewriting
 * every fragment here.
 *
 * @param dir Built site directory (files as served under the base path).
 * @param graph Citation graph, or null.
 * @param options Shard store and size.
 * @returns Counts.
 */
export async function indexSite(dir: string, graph: GraphData | null, options: IndexOptions = {}): Promise<IndexReport> {
  const citesOf = citationsBySource(graph);
  const files = await htmlFiles(dir);
  const report: IndexReport = { pages: 0, marked: 0, cites: 0, numbers: 0, shards: 0, reusedShards: 0 };
  // First only what decides each indexed copy (the page's bytes and the documents it cites),
  // digested: the copies themselves are made only for the parts indexed again. A page that is
  // the same file as in the last build (hard-linked from the page store) is not read again.
  const known: DigestRecord = options.storeDir ? await readDigestRecord(options.storeDir) : new Map();
  const record: DigestRecord = new Map();
  const pages: { file: string; digest: string }[] = [];
  for (let start = 0; start < files.length; start += STAGING_BATCH) {
    const batch = files.slice(start, start + STAGING_BATCH);
    const bodies = await Promise.all(
      batch.map(async (file): Promise<BodyDigest> => {
        // The identity before the read: a file changed in between is read again next time.
        const identity = await fileIdentity(path.join(dir, file));
        const last = known.get(file);
        if (identity !== null && last?.identity === identity) {
          record.set(file, last);
          return last.digest;
        }
        const digest = bodyDigest(await readFile(path.join(dir, file), 'utf8'));
        if (identity !== null) record.set(file, { identity, digest });
        return digest;
      }),
    );
    for (const [index, file] of batch.entries()) {
      const digest = pageDigest(bodies[index]!, citesOf);
      if (digest) pages.push({ file, digest });
    }
  }
  report.pages = pages.length;
  const envPages = Number(process.env['VBG_SEARCH_SHARD_PAGES']);
  const perShard = options.pagesPerShard ?? (Number.isInteger(envPages) && envPages > 0 ? envPages : SHARD_PAGES);
  const shards = splitShards(pages, shardCount(pages.length, perShard));
  const output = path.join(dir, 'pagefind');
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const settings = `${pagefindVersion()}\0${PAGEFIND_ARGS.join(' ')}\0chunks ${INDEX_CHUNK_SIZE}\0${indexCodeVersion()}`;
  const used = new Set<string>();
  await forEachLimited(
    shards.map((shard, index) => ({ shard, first: index === 0 })),
    2,
    async ({ shard, first }) => {
      const fingerprint = shardFingerprint(shard, `${settings}\0${first ? 'first' : 'other'}`);
      used.add(fingerprint);
      const target = path.join(output, shard.name);
      const stored = options.storeDir ? path.join(options.storeDir, fingerprint) : null;
      if (stored && existsSync(path.join(stored, 'pagefind-entry.json'))) {
        if (await storedShardIsWhole(stored)) {
          await linkTree(stored, target);
          report.reusedShards += 1;
          return;
        }
        console.warn(
          `Chỉ mục tìm kiếm đã lưu “${stored}” bị hỏng: lập chỉ mục lại phần này. / Stored search index part is damaged: indexing it again.`,
        );
        await rm(stored, { recursive: true, force: true });
      }
      const counts = await indexShard(dir, shard, citesOf, target, first);
      report.marked += counts.marked;
      report.cites += counts.cites;
      if (options.storeDir) await storeShard(target, options.storeDir, fingerprint);
    },
  );
  report.shards = shards.length;
  const manifest: ShardManifest = { version: 1, shards: shards.map((shard) => shard.name) };
  await writeFile(path.join(output, 'shards.json'), `${JSON.stringify(manifest)}\n`);
  if (options.storeDir) {
    await pruneStore(options.storeDir, used);
    await writeDigestRecord(options.storeDir, record);
  }
  report.numbers = await writeNumberIndex(dir, graph);
  return report;
}

/**
 * What the indexed copy of a page is made from in the page itself (`enrichPage` reads nothing
 * else of it): its indexed element's opening tag and content as Pagefind is given it
 * (`indexedSource`: without the parts it ignores and the attributes it never reads), digested,
 * and the node id in it. A change Pagefind cannot see leaves the page's index part as it was:
 * a cited document's list of citing plans growing (an ignored part) when a plan is added, or
 * the link of a plan's "Xem rà soát" to the rà soát page that holds its rows, which moves to
 * the next page when a plan is added before it (an `href`).
 *
 * @param html Page HTML.
 * @returns The digest (null for a page Pagefind does not index) and the node id.
 */
export function bodyDigest(html: string): BodyDigest {
  const region = bodyRegion(html);
  if (!region) return { body: null, nodeId: null };
  const body = html.slice(region.innerStart, region.end);
  const nodeId = /\bdata-node-id="([^"]*)"/.exec(body)?.[1] ?? null;
  const digest = createHash('sha256').update(region.openingTag).update('\0').update(indexedSource(body)).digest('hex');
  return { body: digest, nodeId };
}

/**
 * Digest of what the indexed copy of a page is made from (`enrichPage`): its indexed element
 * and the documents its node cites. Null for a page Pagefind does not index.
 *
 * @param page The page's own part (`bodyDigest`).
 * @param citesOf Node id → cited documents.
 * @returns Hex digest, or null.
 */
function pageDigest(page: BodyDigest, citesOf: ReadonlyMap<string, readonly CitedDocument[]>): string | null {
  if (page.body === null) return null;
  const cites = page.nodeId ? (citesOf.get(page.nodeId) ?? []) : [];
  return createHash('sha256').update(page.body).update('\0').update(JSON.stringify(cites)).digest('hex');
}

/**
 * The files (relative to the project root) of the code that makes the indexed copies. `codeVersion` skips a path that
 * does not exist, so a file moved without this list would drop out of the fingerprint unseen (a test checks each exists).
 */
export const INDEX_CODE = [
  'src/integrations/pagefind.ts',
  'src/integrations/pagefind-shards.ts',
  'src/integrations/pagefind-digests.ts',
  'src/search/search-terms.ts',
  'src/pipeline/ids.ts',
] as const;

/** Hash of the code that makes the indexed copies, part of every part's fingerprint. */
function indexCodeVersion(): string {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return codeVersion(root, INDEX_CODE);
}

/**
 * Index one part: make the indexed copies of its pages, stage them in a scratch folder (in memory when /dev/shm allows, on
 * disk when that fills up) and run Pagefind on it into `target`.
 *
 * @param dir Built site directory.
 * @param shard The part.
 * @param citesOf Node id → cited documents.
 * @param target Output folder of the part.
 * @param first Whether it is the first part (which keeps Pagefind's UI files).
 * @returns đ letters marked and `cites` values added in the part.
 */
async function indexShard(
  dir: string,
  shard: Shard,
  citesOf: ReadonlyMap<string, readonly CitedDocument[]>,
  target: string,
  first: boolean,
): Promise<{ marked: number; cites: number }> {
  const counts = { marked: 0, cites: 0 };
  const pages: { file: string; html: string }[] = [];
  for (const { file } of shard.pages) {
    const enriched = enrichPage(await readFile(path.join(dir, file), 'utf8'), citesOf);
    if (!enriched) continue;
    pages.push({ file, html: enriched.html });
    counts.marked += enriched.marked;
    counts.cites += enriched.cites;
  }
  const roots = await stagingRoots();
  for (const [attempt, root] of roots.entries()) {
    try {
      await stageAndIndex(pages, target, root, shard.language);
      break;
    } catch (error) {
      // A memory file system that fills up is not a reason to fail: stage on disk instead.
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC' || attempt === roots.length - 1) throw error;
    }
  }
  if (!first) {
    for (const name of await readdir(target)) if (onlyInFirstShard(name)) await rm(path.join(target, name), { force: true });
  }
  return counts;
}

/**
 * Write a part's indexed copies under a scratch folder in `root` and index them into `target`.
 *
 * @param pages Indexed copies, in path order.
 * @param target Output folder.
 * @param root Folder for the scratch folder.
 * @param language Language tag of the part.
 */
async function stageAndIndex(
  pages: readonly { file: string; html: string }[],
  target: string,
  root: string,
  language: string,
): Promise<void> {
  const scratch = await mkdtemp(path.join(root, 'vbg-pagefind-'));
  try {
    // Written one by one in path order: Pagefind numbers pages in the order it finds them in
    // the folders, which on a memory file system is the order they were created.
    for (const page of pages) {
      // Synchronous calls: one small file after another, each await cost more than its write.
      const file = path.join(scratch, page.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, page.html);
    }
    await rm(target, { recursive: true, force: true });
    await runPagefind(scratch, target, language);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Pages read at once while staging. */
const STAGING_BATCH = 32;

/** Size from which /dev/shm is used for staging. */
const SHM_MIN_SIZE = 2 * 1024 ** 3;

/**
 * Where the indexed copies of the pages may be staged, best first: /dev/shm when it is a
 * memory file system of at least `SHM_MIN_SIZE` (a Docker container's 64 MB is not), then
 * the temporary folder. Every page is a folder of its own (van-ban/<id>/index.html), and
 * creating 2,000 folders on the build machines' disk took 2.5 s; in memory, 0.3 s. The
 * choice rests on the file system's size, not on its free space, so that two builds on one
 * machine stage in the same place (Pagefind's output follows the order of the folders).
 *
 * @returns Folders for `mkdtemp`.
 */
async function stagingRoots(): Promise<string[]> {
  try {
    const { blocks, bsize } = await statfs('/dev/shm');
    if (blocks * bsize >= SHM_MIN_SIZE) return ['/dev/shm', tmpdir()];
  } catch {
    // No /dev/shm on this system.
  }
  return [tmpdir()];
}

/** Pagefind's command line besides the folders and the language. */
const PAGEFIND_ARGS = ['--quiet'];

/**
 * Size of Pagefind's word-index chunks, in word occurrences (Pagefind's default: 20,000;
 * set through its `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`). A query downloads, for each of its
 * words and in every part of the index, the chunk holding that word; with the index in
 * parts, most of a 20,000-occurrence chunk is other words' postings. At 1,000 plans
 * (`scripts/bench-search.ts`, 16 parts) 4,000 cut the index bytes of the median query from
 * 709 KB to 135 KB, for 19 KB more when the search page opens (the chunk list); results and
 * their order do not change (chunks only split the postings into files).
 */
export const INDEX_CHUNK_SIZE = 4000;

/**
 * Pagefind's version, from the installed package (part of every shard's fingerprint).
 *
 * @returns Version string.
 */
function pagefindVersion(): string {
  const packageFile = path.join(path.dirname(pagefindLauncher()), '../../package.json');
  return (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
}

/**
 * Run Pagefind's program (the one the `pagefind` package installed for this platform) on
 * a folder of pages, indexing everything as Vietnamese (`vi`, or a private-use tag of it).
 *
 * @param site Folder of HTML pages.
 * @param output Folder for the index.
 * @param language Language tag to index under.
 * @throws When the program fails, with its output.
 */
async function runPagefind(site: string, output: string, language: string): Promise<void> {
  const launcher = pagefindLauncher();
  try {
    await execFileAsync(
      process.execPath,
      [launcher, '--site', site, '--output-path', output, '--force-language', language, ...PAGEFIND_ARGS],
      {
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) },
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Pagefind không lập được chỉ mục tìm kiếm: ${`${stderr}\n${stdout}`.trim() || String(error)}`);
  }
}

/**
 * The `pagefind` package's own launcher, which finds the binary installed for this
 * platform (or PAGEFIND_BINARY_PATH). Looked up along Node's module paths, since the
 * package exports no file but its Node API.
 *
 * @returns Path of `pagefind/lib/runner/bin.cjs`.
 * @throws When the package is not installed.
 */
function pagefindLauncher(): string {
  const folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
  const found = folders.map((folder) => path.join(folder, 'pagefind/lib/runner/bin.cjs')).find((file) => existsSync(file));
  if (!found) throw new Error('Không tìm thấy gói pagefind: hãy chạy `npm ci`.');
  return found;
}

/** A document a page cites, as the indexed copy of the page needs it. */
export interface CitedDocument {
  id: string;
  /** Its số ký hiệu as written, or null. */
  number: string | null;
}

/**
 * Map of node id → the documents it cites (every outgoing edge), each list sorted by id.
 *
 * @param graph Graph or null.
 * @returns Lookup.
 */
function citationsBySource(graph: GraphData | null): Map<string, CitedDocument[]> {
  const numberOf = new Map((graph?.nodes ?? []).map((node) => [node.id, node.number]));
  const map = new Map<string, Set<string>>();
  for (const edge of graph?.edges ?? []) {
    const targets = map.get(edge.source) ?? new Set<string>();
    targets.add(edge.target);
    map.set(edge.source, targets);
  }
  return new Map(
    [...map].map(([source, targets]) => [source, [...targets].sort().map((id) => ({ id, number: numberOf.get(id) ?? null }))]),
  );
}

/**
 * The indexed copy of a page: its `data-pagefind-body` element alone, without what Pagefind
 * ignores, with đ/Đ marked for folding (`markBody`), and inserted at its start, from the graph, a `cites` filter per cited
 * document and a `cited` metadata value with the searchable forms of their numbers.
 * Null for a page without such an element (Pagefind would skip it anyway).
 *
 * Why `cited`: Pagefind indexes "21/2019/NĐ-CP" in a sentence as "212019ndcp" and its single
 * parts, never as "ndcp", so "nd-cp 21/2019" would miss every plan citing the decree; the
 * metadata holds "nd-cp" and "21/2019" as words of their own (searched, never shown).
 *
 * @param html Page HTML.
 * @param citesOf Node id → cited documents.
 * @returns Indexed HTML and what was changed, or null.
 */
export function enrichPage(
  html: string,
  citesOf: ReadonlyMap<string, readonly CitedDocument[]>,
): { html: string; marked: number; cites: number } | null {
  const region = bodyRegion(html);
  if (!region) return null;
  const body = html.slice(region.innerStart, region.end);
  const nodeId = /\bdata-node-id="([^"]*)"/.exec(body)?.[1];
  const cites = nodeId ? (citesOf.get(nodeId) ?? []) : [];
  const numbers = [
    ...new Set(cites.flatMap(({ number }) => (number ? numberVariants(number) : [])).map((key) => key.toLowerCase())),
  ];
  const hidden = (properties: Properties): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { hidden: true, ...properties },
    children: [],
  });
  const added = toHtml([
    ...(numbers.length > 0 ? [hidden({ dataPagefindMeta: 'cited[data-cited]', dataCited: numbers.join(' ') })] : []),
    ...cites.map(({ id }) => hidden({ dataPagefindFilter: 'cites[data-cites]', dataCites: id })),
  ]);
  // Only the indexed element goes to Pagefind, without the parts it would ignore: it parses
  // every byte it is given, and the page of a hub lists thousands of citing sentences.
  const indexed = markBody(indexedSource(body));
  return {
    html:
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>' +
      `${region.openingTag}${added}${indexed}</${region.name}></body></html>`,
    marked: indexed.split(STROKE_MARK).length - 1,
    cites: cites.length,
  };
}

/**
 * The indexed form of an HTML fragment: đ/Đ marked (`markDStroke`) in its text and
 * attributes, its text's repeated words muted (`repeatMuter`), the text's own U+2054 doubled
 * first (`escapeRepeatMark`) — except in the tags of filters: filter values are shown in the
 * search page's menus as Pagefind stores them, and only text the search page shows is read
 * back (`readableText`). (Filters are therefore read from attributes, as SearchMeta writes
 * them, never from element text.)
 *
 * @param html HTML fragment.
 * @returns The fragment as indexed.
 */
export function markBody(html: string): string {
  const muteRepeats = repeatMuter();
  return html.replace(/<[^>]*>|[^<]+/g, (segment) => {
    if (!segment.startsWith('<')) return markDStroke(muteRepeats(escapeRepeatMark(segment)));
    return /\sdata-pagefind-filter\b/.test(segment) ? segment : markDStroke(escapeRepeatMark(segment));
  });
}

/**
 * An indexed element as Pagefind is given it, and as its digest is made (`bodyDigest`): without
 * the parts Pagefind ignores (`withoutIgnored`) and, in every tag, without the attributes it
 * neither indexes nor shows (`withoutUnreadAttributes`). The indexed copy is this, marked
 * (`markBody`); a change the index cannot show therefore changes neither copy nor digest.
 *
 * @param body Content of the indexed element.
 * @returns What Pagefind is given of it (before marking).
 */
export function indexedSource(body: string): string {
  // Only the tags holding such an attribute are rewritten (a plan has thousands of tags).
  return withoutIgnored(body).replace(/<[^>]*\s(?:id|href)="[^>]*>/g, withoutUnreadAttributes);
}

/**
 * A tag without the attributes of the page that the index never holds:
 * - its `id`. Pagefind keeps every element with an id as an "anchor" of the page and, each time
 *   a result's data is loaded, builds an excerpt per anchor that holds a match, each one
 *   splitting the page's whole text again: a plan has ~50 headings with ids, so a result's data
 *   took 50 passes over ~4,700 words, the most expensive step of a search (`scripts/bench-search.ts
 *   --profile`). The search page shows one excerpt per page and no anchor, so the indexed copy
 *   has none (the page itself keeps its ids).
 * - its `href`. Pagefind indexes a link's text, never its target, and stores no link in a
 *   result; a target that moves without its text (the "Xem rà soát" of a plan points at the
 *   rà soát page holding its rows, one page further once a plan is added before it) would
 *   otherwise make the page's index part again for the same bytes. Kept in a tag holding a
 *   filter, metadata or sort, which may read it (`url[href]`).
 *
 * @param tag An HTML tag as written by the site (double-quoted attributes).
 * @returns The tag without those attributes.
 */
export function withoutUnreadAttributes(tag: string): string {
  const withoutId = tag.replace(/\sid="[^"]*"/, '');
  return /\sdata-pagefind-(filter|meta|sort)\b/.test(withoutId) ? withoutId : withoutId.replace(/\shref="[^"]*"/, '');
}

/**
 * Locate the element marked `data-pagefind-body`: where its content starts and ends.
 * A small scan over tags of the same name is enough for the HTML Astro writes.
 *
 * @param html Page HTML.
 * @returns Offsets, or null when the page has no such element.
 */
export function bodyRegion(html: string): { openingTag: string; name: string; innerStart: number; end: number } | null {
  const marker = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/.exec(html);
  if (!marker?.[1]) return null;
  const innerStart = marker.index + marker[0].length;
  return { openingTag: marker[0], name: marker[1], innerStart, end: closingTag(html, marker[1], innerStart).start };
}

/** Elements without a closing tag. */
const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * An HTML fragment without its `data-pagefind-ignore` elements, whose words Pagefind would
 * not index anyway — unless one holds a filter, metadata or sort, which Pagefind still
 * reads there (it is kept then).
 *
 * @param html HTML fragment.
 * @returns The fragment with those elements cut out.
 */
export function withoutIgnored(html: string): string {
  const ignored = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
  let out = '';
  let at = 0;
  for (let match = ignored.exec(html); match?.[1]; match = ignored.exec(html)) {
    const afterOpen = match.index + match[0].length;
    const end = voidElements.has(match[1].toLowerCase()) ? afterOpen : closingTag(html, match[1], afterOpen).end;
    if (/\sdata-pagefind-(filter|meta|sort)\b/.test(html.slice(afterOpen, end))) continue;
    out += html.slice(at, match.index);
    at = end;
    ignored.lastIndex = end;
  }
  return out + html.slice(at);
}

/**
 * Find the closing tag of an element by counting the tags of the same name after it.
 *
 * @param html HTML.
 * @param name Tag name of the element.
 * @param from Offset just after its opening tag.
 * @returns Start and end offsets of the closing tag (both `html.length` when missing).
 */
function closingTag(html: string, name: string, from: number): { start: number; end: number } {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return { start: html.length, end: html.length };
}

/**
 * Every .html file of the site, relative and sorted (so the index is deterministic),
 * without Pagefind's own output.
 *
 * @param dir Site directory.
 * @returns Relative paths with "/" separators.
 */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * Write the number index: every numbered node of the graph, split into
 * `NUMBER_SHARDS` files by the first digits of its number. Every shard is written, even
 * empty, so a lookup never meets a 404.
 *
 * @param dir Site directory.
 * @param graph Graph or null.
 * @returns Number of entries.
 */
async function writeNumberIndex(dir: string, graph: GraphData | null): Promise<number> {
  const shards = new Map<string, NumberEntry[]>();
  for (let shard = 0; shard < NUMBER_SHARDS; shard += 1) shards.set(numberShard(String(shard)), []);
  let count = 0;
  for (const node of graph?.nodes ?? []) {
    if (!node.number) continue;
    const key = numberKey(node.number);
    const shard = shardOfKey(key);
    if (!shard) continue;
    shards.get(shard)?.push({
      key,
      id: node.id,
      url: node.url,
      label: node.label,
      number: node.number,
      type: node.type,
      issuer: node.issuer,
      date: node.date?.iso ?? null,
      inCorpus: node.inCorpus,
    });
    count += 1;
  }
  const out = path.join(dir, 'tim-kiem/so-hieu');
  await mkdir(out, { recursive: true });
  for (const [shard, entries] of shards) {
    entries.sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1));
    await writeFile(path.join(out, `${shard}.json`), JSON.stringify(entries) + '\n');
  }
  return count;
}
