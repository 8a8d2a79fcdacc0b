/**
 * `npm run pipeline`: read every .txt under the sources folder, run the pipeline, write the
 * generated dir (plan MDX pages, graph.json, citations.csv, graph.graphml, report.json and
 * copies of the source texts) and print the ingest report to stderr.
 *
 * Bad input never stops the build; `--strict` (or VBG_STRICT=1) exits 1 on any warning.
 *
 * Incremental: what normalize, parse and extract make of each file is cached on disk by
 * content hash (`src/pipeline/cache.ts`), so after editing one plan only that plan is parsed
 * and extracted again. Resolve is redone (it takes the whole corpus); the layout is reused
 * while the graph's structure is unchanged, a plan page while its plan and resolved mentions
 * are, and a generated file whose content did not change is not rewritten (nor, when the last
 * write's record says it is untouched, even read).
 *
 * Cold: the sources the cache lacks are analysed on every core first (worker threads, up to
 * four; VBG_PIPELINE_THREADS=1 turns them off), then found cached by `buildCorpus`.
 *
 * Env: VBG_SOURCES (default content/sources), VBG_GENERATED (default content/generated),
 * VBG_PIPELINE_CACHE (default `<VBG_CACHE_DIR>/pipeline` when that is set, else .cache/pipeline;
 * "off" disables it).
 */
import { readFile, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { codeVersion, contentKey, diskCache } from '../src/pipeline/cache.ts';
import { forEachLimited } from '../src/pipeline/for-each-limited.ts';
import { analyseIntoCache, buildCorpus, unanalysedSources, type BuiltCorpus } from '../src/pipeline/index.ts';
import { PLAN_MANIFEST, type PlanManifestEntry } from '../src/pipeline/emit/mdx/manifest.ts';
import { readSource } from '../src/pipeline/read.ts';
import type { ReadOptions } from '../src/pipeline/read/reader.ts';
import { formatOfExtension } from '../src/pipeline/read/sniff.ts';
import { writeGenerated, type OutputFile, type WriteRecord } from '../src/pipeline/write-generated.ts';
import type { IngestReport } from '../src/pipeline/emit/report-schema.ts';
import type { SourceText } from '../src/model.ts';
import type { AnalyseWork } from './pipeline/analyse-worker.ts';
import type { EmitWork } from './pipeline/emit-worker.ts';

const sourcesDir = path.resolve(process.env['VBG_SOURCES'] ?? 'content/sources');
const generatedDir = path.resolve(process.env['VBG_GENERATED'] ?? 'content/generated');
const strict = process.argv.includes('--strict') || process.env['VBG_STRICT'] === '1';
const cacheSetting =
  process.env['VBG_PIPELINE_CACHE'] ??
  (process.env['VBG_CACHE_DIR'] ? path.join(process.env['VBG_CACHE_DIR'], 'pipeline') : '.cache/pipeline');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What cached values depend on besides their inputs: the pipeline's code and the locked dependencies. */
const CODE_INPUTS = ['src/pipeline', 'src/reference', 'src/text', 'src/model.ts', 'data/reference', 'content/reference', 'package-lock.json'];
/** Cache kind and format of the generated dir's write record (one per generated dir). */
const WRITE_RECORD = 'write-record';
const WRITE_RECORD_FORMAT = '1';

/**
 * Every document file under `dir`, recursively, as "/"-separated paths relative to it, sorted:
 * the extensions the readers know (.txt, .md, .html, .docx, .odt, .doc, .pdf, images). Other
 * files (a README.md is a document too; a .xlsx or .zip is not) are listed apart so the report
 * can say they were not read, instead of dropping them silently.
 *
 * @param dir Folder to walk.
 * @returns Relative paths of documents, and of files left out.
 */
async function listDocuments(dir: string): Promise<{ documents: string[]; ignored: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const relative = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.startsWith('~$'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    documents: relative.filter((file) => formatOfExtension(file) !== null),
    ignored: relative.filter((file) => formatOfExtension(file) === null),
  };
}

/**
 * The generated dir's copies of the original files that a browser cannot show as text
 * (Word, PDF, scans), served unchanged under `data/goc/` and linked from each page.
 *
 * @param report The ingest report (which file became which page).
 * @param built Generated files (the plan manifest gives each page's copy name).
 * @returns Files to write, keyed by the source's hash (the copy is its bytes).
 */
async function originalCopies(built: BuiltCorpus): Promise<{ files: OutputFile[]; hashes: Map<string, string> }> {
  const byId = new Map(built.report.files.filter((entry) => entry.id !== null).map((entry) => [entry.id!, entry]));
  const manifest = JSON.parse(built.files.find((file) => file.path === PLAN_MANIFEST)?.content ?? '[]') as PlanManifestEntry[];
  const files: OutputFile[] = [];
  const hashes = new Map<string, string>();
  for (const page of manifest) {
    const entry = byId.get(page.id);
    if (!page.data.original || !entry) continue;
    const target = `originals/${page.data.original}`;
    files.push({ path: target, content: await readFile(path.join(sourcesDir, entry.file)) });
    hashes.set(target, entry.sha256);
  }
  return { files, hashes };
}

/**
 * The report as Vietnamese lines for the terminal.
 *
 * @param report The ingest report.
 * @returns Text to print.
 */
function describe(report: IngestReport): string {
  const status = { built: 'đã tạo trang', warnings: 'đã tạo trang, có cảnh báo', skipped: 'BỎ QUA' } as const;
  const lines = [`Báo cáo nạp tệp (${report.files.length} tệp):`];
  for (const entry of report.files) {
    lines.push(`  ${entry.file}: ${status[entry.status]}${entry.id ? ` → /van-ban/${entry.id}/` : ''}`);
    for (const message of entry.messages) {
      lines.push(`    - [${message.level === 'error' ? 'lỗi' : 'cảnh báo'}] ${message.message}`);
    }
  }
  if (report.unresolved.length > 0) {
    lines.push(`Dẫn chiếu chưa xác định được văn bản: ${report.unresolved.length}`);
  }
  if (report.problems.length > 0) {
    lines.push(`Vấn đề dữ liệu khác: ${report.problems.length}`);
    for (const problem of report.problems) lines.push(`  - ${problem.message}`);
  }
  return lines.join('\n');
}

/** Below this many sources to analyse, threads cost more than they save. */
const PARALLEL_THRESHOLD = 64;

/**
 * Analyse the sources the cache lacks on every core (up to four): worker threads take all
 * shares but one, which this thread takes meanwhile. `buildCorpus` then finds them cached.
 * Normalize, parse and extract are most of a cold build's pipeline time and independent
 * per file.
 *
 * @param sources All sources.
 * @param cacheDir The pipeline's disk cache.
 * @param version Code version of the cache keys.
 * @returns How many sources were analysed here (0 when left to `buildCorpus`).
 */
async function analyseInParallel(sources: readonly SourceText[], cacheDir: string, version: string): Promise<number> {
  const options = { cache: diskCache(cacheDir), codeVersion: version };
  const missing = unanalysedSources(sources, options);
  const threads = Number(process.env['VBG_PIPELINE_THREADS']) || Math.min(availableParallelism(), 4);
  if (missing.length < PARALLEL_THRESHOLD || threads < 2) return 0;
  const shares = Array.from({ length: threads }, (_, share) => missing.filter((_, index) => index % threads === share));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const work: AnalyseWork = { sources: share, cacheDir, codeVersion: version };
        // A JavaScript entry: threads do not inherit tsx's loader (it loads the TS worker).
        const worker = new Worker(new URL('./pipeline/analyse-worker.mjs', import.meta.url), { workerData: work });
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Luồng phân tích dừng với mã ${code}.`))));
      }),
  );
  analyseIntoCache(shares[0] ?? [], options);
  await Promise.all(workers);
  return missing.length;
}

/**
 * Make the plan pages the cache lacks on every core (up to four), as the analyses: worker
 * threads take all shares but one, which this thread makes meanwhile by reading its files.
 * Each page's HTML and MDX come from its mdast tree through unified's serializers, the
 * costliest step after analysis.
 *
 * @param built The corpus, its pending pages not made yet.
 * @param cacheDir The pipeline's disk cache.
 */
async function emitInParallel(built: BuiltCorpus, cacheDir: string): Promise<void> {
  const jobs = built.pendingPages;
  const threads = Number(process.env['VBG_PIPELINE_THREADS']) || Math.min(availableParallelism(), 4);
  if (jobs.length < PARALLEL_THRESHOLD || threads < 2) return;
  const shares = Array.from({ length: threads }, (_, share) => jobs.filter((_, index) => index % threads === share));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const work: EmitWork = { jobs: share, cacheDir };
        const worker = new Worker(new URL('./pipeline/emit-worker.mjs', import.meta.url), { workerData: work });
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Luồng tạo trang dừng với mã ${code}.`))));
      }),
  );
  const files = new Map(built.files.map((file) => [file.path, file]));
  for (const job of shares[0] ?? []) {
    void files.get(`plans/${job.id}.mdx`)?.content;
  }
  await Promise.all(workers);
}

async function main(): Promise<void> {
  const { documents: files, ignored } = await listDocuments(sourcesDir);
  for (const file of ignored) {
    process.stderr.write(`Bỏ qua tệp “${file}”: không phải định dạng văn bản đọc được (.txt, .md, .html, .docx, .odt, .doc, .pdf, ảnh .png/.jpg/.tif).\n`);
  }
  const readOptions: ReadOptions = {
    ocrCacheDir: cacheSetting === 'off' ? null : path.join(path.dirname(path.resolve(cacheSetting)), 'ocr'),
    onProgress: (line) => process.stderr.write(`${line}\n`),
  };
  // Sixteen reads in flight, each into its place: one after another, every read waited on the
  // disk (3–4 s of idle time in the 8 s it took to read 5,000 plans). Slow readers (OCR) bound
  // themselves: they run at most two pages at a time whatever is in flight here.
  const sources: SourceText[] = new Array(files.length);
  await forEachLimited([...files.keys()], 16, async (index) => {
    sources[index] = await readSource(path.join(sourcesDir, files[index]!), files[index]!, readOptions);
  });
  const cacheDir = path.resolve(cacheSetting);
  const cache = cacheSetting === 'off' ? undefined : diskCache(cacheDir);
  const version = codeVersion(projectRoot, CODE_INPUTS);
  const fresh = cache ? await analyseInParallel(sources, cacheDir, version) : 0;
  // VBG_STATUS_DATE ("YYYY-MM-DD") fixes the date validity is shown at; by default it is the
  // newest plan's date, so the same sources always give the same site.
  const statusDate = process.env['VBG_STATUS_DATE'];
  const built = buildCorpus(sources, { ...(cache ? { cache, codeVersion: version } : {}), ...(statusDate ? { statusDate } : {}) });
  if (cache) await emitInParallel(built, cacheDir);

  // Exactly these files, nothing else (a plan removed from the sources loses its page), and
  // unchanged files left untouched. The record of the last write lets it skip those unread.
  const recordKey = contentKey(WRITE_RECORD_FORMAT, generatedDir);
  const record = cache?.get(WRITE_RECORD, recordKey);
  const originals = await originalCopies(built);
  const written = await writeGenerated(generatedDir, [...built.files, ...originals.files], {
    hashes: new Map([...built.hashes, ...originals.hashes]),
    ...(record === undefined ? {} : { record: JSON.parse(record) as WriteRecord }),
  });
  cache?.set(WRITE_RECORD, recordKey, JSON.stringify(written.record));

  process.stderr.write(`${describe(built.report)}\n`);
  const plans = built.report.files.filter((entry) => entry.status !== 'skipped').length;
  process.stderr.write(
    `Đã ghi ${built.files.length} tệp vào ${path.relative(process.cwd(), generatedDir) || '.'}: ` +
      `${plans} văn bản, ${built.graph.nodes.length} nút, ${built.graph.edges.length} cạnh ` +
      `(${written.written} tệp ghi mới, ${written.unchanged} tệp không đổi, ${written.removed} tệp cũ đã xoá).\n`,
  );
  if (cache) {
    // Analyses made by the parallel pass count as new, not as reused.
    process.stderr.write(
      `Bộ nhớ đệm pipeline: ${cache.stats.hits - fresh} tệp dùng lại, ${cache.stats.misses + fresh} tệp phân tích mới.\n`,
    );
  }
  if (cache && cache.stats.corrupt.length > 0) {
    process.stderr.write(
      `Cảnh báo: ${cache.stats.corrupt.length} mục bộ nhớ đệm bị hỏng (tệp bị cắt cụt hoặc bị sửa), đã bỏ và tính lại: ` +
        `${cache.stats.corrupt.slice(0, 5).join(', ')}${cache.stats.corrupt.length > 5 ? ', …' : ''}.\n`,
    );
  }
  const flagged = built.report.files.some((entry) => entry.messages.length > 0);
  if (strict && flagged) {
    process.stderr.write('Chế độ nghiêm ngặt (--strict): có cảnh báo nên dừng với mã lỗi 1.\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Lỗi pipeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
