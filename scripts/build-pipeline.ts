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
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WriteError } from '../src/fs/atomic-write.ts';
import { acquireLock, LockedError } from '../src/fs/lock.ts';
import { fileIdentity } from '../src/fs/file-identity.ts';
import { codeVersion, contentKey, diskCache } from '../src/pipeline/cache.ts';
import { forEachLimited } from '../src/pipeline/for-each-limited.ts';
import { analyseIntoCache, analysisKeys, unanalysedSources, type AnalysisKeys } from '../src/pipeline/analysis-cache.ts';
import { buildCorpus, type BuiltCorpus } from '../src/pipeline/index.ts';
import { GRAPH_STAMP } from '../src/pipeline/emit/graph-stamp.ts';
import { readRecord, SourceChangedError, type ReadRecord, type RecordedRead } from '../src/pipeline/read-record.ts';
import { PLAN_MANIFEST, planHtmlPath, type PlanManifestEntry } from '../src/pipeline/emit/mdx/manifest.ts';
import { readDocument } from '../src/pipeline/read/dispatch.ts';
import { ocrCacheProblems, pruneOcrCache } from '../src/pipeline/read/ocr/cache.ts';
import type { ReadOptions } from '../src/pipeline/read/reader.ts';
import { formatOfExtension } from '../src/pipeline/read/sniff.ts';
import { prepareGenerated, writeInto, type OutputFile, type WriteRecord } from '../src/pipeline/write-generated.ts';
import {
  ASTRO_MAY_START,
  clearBodiesPending,
  clearMdxPending,
  GENERATED_READY,
  HAND_OFF_ENV,
  markBodiesPending,
  markMdxPending,
} from '../src/pipeline/mdx-pending.ts';
import type { PageFileKind, PageJob } from '../src/pipeline/page-cache.ts';
import type { IngestReport } from '../src/pipeline/emit/report-schema.ts';
import type { SourceText } from '../src/model.ts';
import type { AnalyseWork } from './pipeline/analyse-worker.ts';
import type { EmitWork } from './pipeline/emit-worker.ts';
import { stepTimer } from './pipeline/step-timer.ts';

const sourcesDir = path.resolve(process.env['VBG_SOURCES'] ?? 'content/sources');
const generatedDir = path.resolve(process.env['VBG_GENERATED'] ?? 'content/generated');
const strict = process.argv.includes('--strict') || process.env['VBG_STRICT'] === '1';
const cacheSetting =
  process.env['VBG_PIPELINE_CACHE'] ??
  (process.env['VBG_CACHE_DIR'] ? path.join(process.env['VBG_CACHE_DIR'], 'pipeline') : '.cache/pipeline');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What cached values depend on besides their inputs: the pipeline's code and the locked dependencies. */
const CODE_INPUTS = [
  'src/pipeline',
  'src/reference',
  'src/text',
  'src/model.ts',
  'data/reference',
  'content/reference',
  'package-lock.json',
];
/** Cache kind and format of the generated dir's write record (one per generated dir). */
const WRITE_RECORD = 'write-record';
const WRITE_RECORD_FORMAT = '1';

/**
 * Every document file under `dir`, recursively, as "/"-separated paths relative to it, sorted:
 * the extensions the readers know (.txt, .md, .html, .docx, .odt, .doc, .pdf, images). Other
 * files (a README.md is a document too; a .xlsx or .zip is not) are listed apart so the report
 * can say they were not read, instead of dropping them silently.
 *
 * A symbolic link to a file is read as the file; a link to a folder is not followed (so a
 * link loop cannot make the walk endless), and it, a broken link and a folder that cannot be
 * read are each reported by name (`problems`, an entry of the ingest report).
 *
 * @param dir Folder to walk.
 * @returns Relative paths of documents, of files left out, and the entries that could not be walked.
 */
async function listDocuments(dir: string): Promise<{ documents: string[]; ignored: string[]; problems: SourceText[] }> {
  const relative: string[] = [];
  const problems: SourceText[] = [];
  const walk = async (folder: string): Promise<void> => {
    const full = path.join(dir, folder);
    let entries;
    try {
      entries = await readdir(full, { withFileTypes: true });
    } catch (error) {
      // The sources folder itself must be readable; a sub-folder that is not is reported.
      if (folder === '') throw error;
      problems.push(
        walkProblem(
          folder,
          'unreadable-folder',
          `Không đọc được thư mục “${folder}” (${codeOf(error)}); các tệp trong đó bị bỏ qua.`,
        ),
      );
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const name = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) relative.push(name);
      else if (entry.isSymbolicLink()) {
        const target = await stat(path.join(dir, name)).catch((error: unknown) => error as Error);
        if (target instanceof Error) {
          problems.push(
            walkProblem(
              name,
              'broken-link',
              `Liên kết “${name}” không trỏ tới tệp nào đọc được (${codeOf(target)}: liên kết hỏng hoặc vòng lặp liên kết); bỏ qua.`,
            ),
          );
        } else if (target.isFile()) relative.push(name);
        else if (target.isDirectory()) {
          problems.push(
            walkProblem(
              name,
              'folder-link',
              `Liên kết “${name}” trỏ tới một thư mục; không đi theo liên kết thư mục (tránh vòng lặp), bỏ qua.`,
            ),
          );
        }
      }
    }
  };
  await walk('');
  relative.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    documents: relative.filter((file) => formatOfExtension(file) !== null),
    ignored: relative.filter((file) => formatOfExtension(file) === null),
    problems,
  };
}

/** The error code of a failed file-system call ("EACCES"), for messages. */
function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'lỗi không rõ';
}

/** A source that could not be read, as the ingest report lists it. */
function walkProblem(file: string, code: string, message: string): SourceText {
  return {
    file,
    text: null,
    encoding: null,
    sha256: createHash('sha256').digest('hex'),
    byteLength: 0,
    messages: [{ file, level: 'error', code, message }],
  };
}

/**
 * Bounds of one document: a file larger than this is not read at all, and a text longer than
 * this (in characters; the longest real codes, a Bộ luật, are about 1 MB) is not analysed,
 * so one hostile or mistaken file (a 50 MB log saved as .txt) cannot take the build's time
 * and memory. Either is reported by name and skipped.
 */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_TEXT_CHARS = 16 * 1024 * 1024;

/** A source skipped for its size. */
function tooLarge(file: string, size: number, unit: 'tệp' | 'chữ'): SourceText {
  const megabytes = (size / (1024 * 1024)).toFixed(0);
  const limit =
    unit === 'tệp' ? `${MAX_FILE_BYTES / (1024 * 1024)} MB một tệp` : `${MAX_TEXT_CHARS / (1024 * 1024)} triệu ký tự một văn bản`;
  const what = unit === 'tệp' ? `${megabytes} MB` : `${megabytes} triệu ký tự`;
  return walkProblem(
    file,
    'too-large',
    `Tệp “${file}” quá lớn (${what}, giới hạn ${limit}); bỏ qua. Nếu đây là nhiều văn bản gộp lại, hãy tách thành từng tệp.`,
  );
}

/**
 * Read one source. The bytes of a file whose page links to its original (Word, PDF, scans)
 * are kept, so the copy on the site is what was analysed even if the file is edited or
 * deleted while the build runs.
 *
 * @param file Path relative to the sources folder.
 * @param options Reader settings.
 * @param kept Where to keep the bytes of originals.
 * @param recorded The read record of the last build, if any (`read-record.ts`).
 * @param identity The file's identity on disk now, taken before reading it.
 * @returns The source, or the record's copy of it with its analysis key.
 */
async function readOne(
  file: string,
  options: ReadOptions,
  kept: Map<string, Uint8Array>,
  recorded?: ReadRecord,
  identity: string | null = null,
): Promise<SourceText | RecordedRead> {
  // A plain text unchanged since the last build: as the record has it, its text read only if needed.
  const known = recorded?.lookup(file, identity);
  if (known) return known;
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path.join(sourcesDir, file));
    if (size > MAX_FILE_BYTES) return tooLarge(file, size, 'tệp');
    bytes = await readFile(path.join(sourcesDir, file));
  } catch (error) {
    const code = codeOf(error);
    const why = code === 'ENOENT' ? 'ENOENT: tệp đã bị xoá hoặc đổi tên trong lúc dựng' : code;
    return walkProblem(file, 'unreadable-file', `Không đọc được tệp “${file}” (${why}).`);
  }
  const source = await readDocument(bytes, file, options);
  if (source.text !== null && source.text.length > MAX_TEXT_CHARS) return tooLarge(file, source.text.length, 'chữ');
  const format = source.origin?.format ?? 'txt';
  if (format !== 'txt' && format !== 'md' && format !== 'html') kept.set(file, bytes);
  return source;
}

/**
 * The generated dir's copies of the original files that a browser cannot show as text
 * (Word, PDF, scans), served unchanged under `data/goc/` and linked from each page.
 *
 * @param report The ingest report (which file became which page).
 * @param built Generated files (the plan manifest gives each page's copy name).
 * @returns Files to write, keyed by the source's hash (the copy is its bytes).
 */
async function originalCopies(
  built: BuiltCorpus,
  kept: ReadonlyMap<string, Uint8Array>,
): Promise<{ files: OutputFile[]; hashes: Map<string, string> }> {
  const byId = new Map(built.report.files.filter((entry) => entry.id !== null).map((entry) => [entry.id!, entry]));
  const manifest = JSON.parse(built.files.find((file) => file.path === PLAN_MANIFEST)?.content ?? '[]') as PlanManifestEntry[];
  const files: OutputFile[] = [];
  const hashes = new Map<string, string>();
  for (const page of manifest) {
    const entry = byId.get(page.id);
    if (!page.data.original || !entry) continue;
    const target = `originals/${page.data.original}`;
    files.push({ path: target, content: kept.get(entry.file) ?? (await readFile(path.join(sourcesDir, entry.file))) });
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
 * @param keys The sources' analysis keys.
 * @param onOwnShareDone Called when this thread has analysed its share (the workers may still run).
 * @returns How many sources were analysed here (0 when left to `buildCorpus`).
 */
async function analyseInParallel(
  sources: readonly SourceText[],
  cacheDir: string,
  version: string,
  keys: AnalysisKeys,
  onOwnShareDone: () => void,
): Promise<number> {
  const options = { cache: diskCache(cacheDir), codeVersion: version };
  const missing = unanalysedSources(sources, options, keys);
  const threads = Number(process.env['VBG_PIPELINE_THREADS']) || Math.min(availableParallelism(), 4);
  if (missing.length < PARALLEL_THRESHOLD || threads < 2) return 0;
  const shares = Array.from({ length: threads }, (_, share) => missing.filter((_, index) => index % threads === share));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const work: AnalyseWork = {
          sources: share,
          keys: share.map((source) => keys.get(source)!),
          cacheDir,
          codeVersion: version,
        };
        // A JavaScript entry: threads do not inherit tsx's loader (it loads the TS worker).
        const worker = new Worker(new URL('./pipeline/analyse-worker.mjs', import.meta.url), { workerData: work });
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Luồng phân tích dừng với mã ${code}.`))));
      }),
  );
  analyseIntoCache(shares[0] ?? [], options, (source) => keys.get(source));
  onOwnShareDone();
  await Promise.all(workers);
  return missing.length;
}

/**
 * Make one file (HTML or MDX) of the plan pages the cache lacks on every core (up to four), as
 * the analyses: worker threads take all shares but one, which this thread makes meanwhile by
 * reading its files. Each page's HTML and MDX come from its mdast tree through unified's
 * serializers, the costliest step after analysis.
 *
 * @param built The corpus, its pending pages not made yet.
 * @param kind Which file.
 * @param cacheDir The pipeline's disk cache.
 * @param threads Threads to use, this one included (below 2: none but this one, on first access).
 */
async function emitInParallel(built: BuiltCorpus, kind: PageFileKind, cacheDir: string, threads: number): Promise<void> {
  const jobs = built.pendingPages;
  if (jobs.length < PARALLEL_THRESHOLD || threads < 2) return;
  const shares = Array.from({ length: threads }, (_, share) => jobs.filter((_, index) => index % threads === share));
  const workers = shares.slice(1).map((share) => emitOnWorker(share, kind, cacheDir));
  const files = new Map(built.files.map((file) => [file.path, file]));
  for (const job of shares[0] ?? []) {
    void files.get(pageFilePath(job, kind))?.content;
  }
  await Promise.all(workers);
}

/**
 * Make one file of the given pages on a worker thread, into the pipeline's disk cache.
 *
 * @param jobs Pages.
 * @param kind Which file.
 * @param cacheDir The pipeline's disk cache.
 * @returns When the worker is done.
 */
function emitOnWorker(jobs: PageJob[], kind: PageFileKind, cacheDir: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const work: EmitWork = { jobs, kind, cacheDir };
    const worker = new Worker(new URL('./pipeline/emit-worker.mjs', import.meta.url), { workerData: work });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Luồng tạo trang dừng với mã ${code}.`))));
  });
}

/**
 * @param job A page.
 * @param kind One of its files.
 * @returns That file's path in the generated dir.
 */
function pageFilePath(job: PageJob, kind: PageFileKind): string {
  return kind === 'page-mdx' ? `plans/${job.id}.mdx` : planHtmlPath(job.id);
}

/**
 * @param file A generated file.
 * @returns Whether Astro reads it only when it renders the pages or at its last step: a page's
 *   body or MDX (`plans/`), a source copy (`sources/`, `originals/`).
 */
function isPageFile(file: OutputFile): boolean {
  return file.path.startsWith('plans/') || file.path.startsWith('sources/') || file.path.startsWith('originals/');
}

/**
 * @param file A generated file.
 * @returns Whether it is a plan's MDX source (`plans/<id>.mdx`), the files written last.
 */
function isPlanMdx(file: OutputFile): boolean {
  return file.path.startsWith('plans/') && file.path.endsWith('.mdx');
}

async function main(): Promise<void> {
  const timer = stepTimer(process.env['VBG_PIPELINE_TIMINGS'] === '1');
  if (process.env['VBG_LOCKS_HELD'] !== '1') {
    // Run on its own (`npm run pipeline`): lock what it writes. `npm run build` locks them itself.
    try {
      acquireLock(generatedDir, 'npm run pipeline');
      if (cacheSetting !== 'off') acquireLock(path.resolve(cacheSetting), 'npm run pipeline');
    } catch (error) {
      if (!(error instanceof LockedError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
  }
  const { documents: files, ignored, problems } = await listDocuments(sourcesDir);
  for (const file of ignored) {
    process.stderr.write(
      `Bỏ qua tệp “${file}”: không phải định dạng văn bản đọc được (.txt, .md, .html, .docx, .odt, .doc, .pdf, ảnh .png/.jpg/.tif).\n`,
    );
  }
  const readOptions: ReadOptions = {
    ocrCacheDir: cacheSetting === 'off' ? null : path.join(path.dirname(path.resolve(cacheSetting)), 'ocr'),
    onProgress: (line) => process.stderr.write(`${line}\n`),
  };
  // Sixteen reads in flight, each into its place: one after another, every read waited on the
  // disk (3–4 s of idle time in the 8 s it took to read 5,000 plans). Slow readers (OCR) bound
  // themselves: they run at most two pages at a time whatever is in flight here.
  const cacheDir = path.resolve(cacheSetting);
  const cache = cacheSetting === 'off' ? undefined : diskCache(cacheDir);
  const version = codeVersion(projectRoot, CODE_INPUTS);
  // The sources as the last build read them: an unchanged plain text is not read again.
  const recorded = cache ? readRecord(cache, sourcesDir, version) : undefined;
  const read: SourceText[] = new Array(files.length);
  const identities: (string | null)[] = new Array(files.length).fill(null);
  const recordedKeys = new Map<SourceText, string>();
  const kept = new Map<string, Uint8Array>();
  await forEachLimited([...files.keys()], 16, async (index) => {
    // The identity before the read: a file changed meanwhile is read again by the next build.
    const identity = recorded ? await fileIdentity(path.join(sourcesDir, files[index]!)) : null;
    const result = await readOne(files[index]!, readOptions, kept, recorded, identity);
    identities[index] = identity;
    if ('key' in result) {
      read[index] = result.source;
      recordedKeys.set(result.source, result.key);
    } else read[index] = result;
  });
  const sources = [...read, ...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  timer.mark('read');
  // Each text is hashed once, here: the key goes with its source to the threads and to `buildCorpus`.
  const keys = cache
    ? new Map([
        ...analysisKeys(
          sources.filter((source) => !recordedKeys.has(source)),
          { cache, codeVersion: version },
        ),
        ...recordedKeys,
      ])
    : new Map<SourceText, string>();
  // Under `npm run build`: from the end of this thread's share of the analyses to the hand-off
  // one core is mostly free (the last worker finishing, then resolve, graph and pages on this
  // thread), so Astro starts then and loads itself there (src/pipeline/mdx-pending.ts).
  const astroWaiting = process.env[HAND_OFF_ENV] === '1' && process.send !== undefined;
  let astroMayStart = (): void => {
    if (astroWaiting) process.send!(ASTRO_MAY_START);
    astroMayStart = () => {};
  };
  const fresh = cache ? await analyseInParallel(sources, cacheDir, version, keys, () => astroMayStart()) : 0;
  astroMayStart();
  timer.mark('analyse-threads');
  // VBG_STATUS_DATE ("YYYY-MM-DD") fixes the date validity is shown at; by default it is the
  // newest plan's date, so the same sources always give the same site.
  const statusDate = process.env['VBG_STATUS_DATE'];
  const built = buildCorpus(sources, {
    ...(cache ? { cache, codeVersion: version, analysisKeys: keys } : {}),
    ...(statusDate ? { statusDate } : {}),
    // The one stamp of graph.json's validation, as the last build left it (graph-stamp.ts).
    lastGraphStamp: await readFile(path.join(generatedDir, GRAPH_STAMP), 'utf8').catch(() => null),
    mark: timer.mark,
  });
  const threads = Number(process.env['VBG_PIPELINE_THREADS']) || Math.min(availableParallelism(), 4);

  // Exactly these files, nothing else (a plan removed from the sources loses its page), and
  // unchanged files left untouched. The record of the last write lets it skip those unread.
  const recordKey = contentKey(WRITE_RECORD_FORMAT, generatedDir);
  const record = cache?.get(WRITE_RECORD, recordKey);
  const originals = await originalCopies(built, kept);
  const outputs = [...built.files, ...originals.files];
  const writeOptions = {
    hashes: new Map([...built.hashes, ...originals.hashes]),
    ...(record === undefined ? {} : { record: JSON.parse(record) as WriteRecord }),
  };
  const prepared = await prepareGenerated(
    generatedDir,
    outputs.map((file) => file.path),
  );
  // Under `npm run build` (an IPC channel to scripts/build.ts): first what Astro reads before
  // it renders a page (the manifest, graph.json, report.json, the open data); then the hand-off,
  // and Astro syncs and bundles while the pipeline makes and writes the pages' bodies and the
  // source copies, then the MDX, each with its marker (src/pipeline/mdx-pending.ts). Alone, the
  // pipeline makes the bodies, then the MDX, on every core, and writes them.
  const data = astroWaiting
    ? await writeInto(
        prepared,
        outputs.filter((file) => !isPageFile(file)),
        writeOptions,
      )
    : null;
  if (astroWaiting) {
    await markBodiesPending(generatedDir);
    await markMdxPending(generatedDir);
    await new Promise<void>((resolve) => process.send!(GENERATED_READY, () => resolve()));
    process.disconnect?.();
    timer.mark('write-data');
  }
  // After the hand-off, one thread: the other core is Astro's, whose sync and bundling take
  // longer than the bodies (~5 s of CPU at 1,000 plans), and a worker thread costs its start-up
  // and a round trip through the disk cache for each page.
  if (cache) await emitInParallel(built, 'page-html', cacheDir, astroWaiting ? 1 : threads);
  timer.mark('emit-threads');
  const first = await writeInto(
    prepared,
    outputs.filter((file) => !isPlanMdx(file) && (data === null || isPageFile(file))),
    writeOptions,
  );
  if (astroWaiting) await clearBodiesPending(generatedDir);
  timer.mark('write');
  if (cache) await emitInParallel(built, 'page-mdx', cacheDir, astroWaiting ? 1 : threads);
  const last = await writeInto(prepared, outputs.filter(isPlanMdx), writeOptions);
  const written = {
    written: (data?.written ?? 0) + first.written + last.written,
    unchanged: (data?.unchanged ?? 0) + first.unchanged + last.unchanged,
    removed: prepared.removed,
    record: { ...data?.record, ...first.record, ...last.record },
  };
  cache?.set(WRITE_RECORD, recordKey, JSON.stringify(written.record));
  if (recorded) {
    for (const [index, source] of read.entries()) recorded.note(identities[index]!, source, keys.get(source));
    recorded.save();
  }
  if (astroWaiting) await clearMdxPending(generatedDir);
  timer.mark('mdx');

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
      `Cảnh báo: ${cache.stats.corrupt.length} mục bộ nhớ đệm bị hỏng hoặc không đọc được, đã bỏ qua và tính lại: ` +
        `${cache.stats.corrupt.slice(0, 5).join(', ')}${cache.stats.corrupt.length > 5 ? ', …' : ''}.\n`,
    );
  }
  if (cache && cache.stats.unwritable.length > 0) {
    process.stderr.write(
      `Cảnh báo: ${cache.stats.unwritable.length} mục bộ nhớ đệm không ghi được (bản dựng vẫn tiếp tục, lần sau sẽ tính lại), ` +
        `ví dụ: ${cache.stats.unwritable[0]}\n`,
    );
  }
  if (ocrCacheProblems.length > 0) {
    process.stderr.write(
      `Cảnh báo: ${ocrCacheProblems.length} mục bộ nhớ đệm OCR bị hỏng hoặc không đọc được, đã nhận dạng lại: ${ocrCacheProblems.join(', ')}.\n`,
    );
  }
  // The build is complete: bound the caches (rules in src/fs/prune.ts, cache.ts, ocr/cache.ts).
  const pruned = (cache?.prune() ?? 0) + (readOptions.ocrCacheDir ? pruneOcrCache(readOptions.ocrCacheDir) : 0);
  if (pruned > 0) process.stderr.write(`Đã xoá ${pruned} mục bộ nhớ đệm cũ không còn dùng.\n`);
  timer.mark('prune');
  const timings = timer.report();
  if (timings) process.stderr.write(`${timings}\n`);
  const flagged = built.report.files.some((entry) => entry.messages.length > 0);
  if (strict && flagged) {
    process.stderr.write('Chế độ nghiêm ngặt (--strict): có cảnh báo nên dừng với mã lỗi 1.\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  // A failed write names its path and the reason (a full disk) in words: no stack needed.
  const detail =
    error instanceof WriteError || error instanceof SourceChangedError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Lỗi pipeline: ${detail}\n`);
  process.exitCode = 1;
});
