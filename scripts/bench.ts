/**
 * `npm run bench`: scale benchmark on synthetic corpora.
 *
 * For each size it generates a corpus (scripts/make-synthetic-corpus.ts) into a temporary
 * folder, times ingest and extract in process, then a full build (pipeline, Astro, Pagefind)
 * and a rebuild after one plan is edited, and measures memory and output sizes. Prints a
 * Markdown table and writes it to bench/out/results.md (and the raw numbers to results.json).
 *
 *   npm run bench                      # N = 100 and 1,000
 *   npm run bench -- --full            # and 5,000
 *   npm run bench -- --sizes 20 --runs 1 --no-build
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from './make-synthetic-corpus.ts';
import { fileSize, siteSizes } from './bench/disk.ts';
import { timeIngest, type IngestTiming } from './bench/ingest.ts';
import { memoryMethod } from './bench/measure.ts';
import { medianRecord, toMarkdown, type SizeResult } from './bench/report.ts';
import { addPlan, editPlan, timeSiteBuild, type BuildFolders, type BuildTiming } from './bench/site-build.ts';
import { timeStandardRoute } from './bench/standard-route.ts';

/** Settings of a benchmark run. */
interface BenchOptions {
  sizes: number[];
  /** Runs per size; null means 3 up to 100 documents, else 1. */
  runs: number | null;
  seed: number;
  build: boolean;
  /** Also build the standard Astro route (the baseline row). */
  standard: boolean;
  keep: boolean;
  out: string;
}

/**
 * Read the command line.
 *
 * @param argv Arguments after the script.
 * @returns Options, or a usage error.
 */
function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      full: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-build': { type: 'boolean', default: false },
      'no-standard': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/out' },
    },
  });
  const sizes = values.sizes
    ? values.sizes.split(',').map((size) => Number(size.replace(/[_\s]/g, '')))
    : values.full
      ? [100, 1000, 5000]
      : [100, 1000];
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes không hợp lệ: ${values.sizes}`);
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs không hợp lệ: ${values.runs}`);
  return {
    sizes,
    runs,
    seed: Number(values.seed),
    build: !values['no-build'],
    standard: !values['no-build'] && !values['no-standard'],
    keep: values.keep,
    out: values.out,
  };
}

/**
 * Benchmark one corpus size.
 *
 * @param size Number of plans.
 * @param options Settings.
 * @returns Medians and sizes.
 */
async function benchSize(size: number, options: BenchOptions): Promise<SizeResult> {
  const runs = options.runs ?? (size <= 100 ? 3 : 1);
  const work = await mkdtemp(path.join(os.tmpdir(), `vbg-bench-${size}-`));
  const folders: BuildFolders = {
    sources: path.join(work, 'sources'),
    generated: path.join(work, 'generated'),
    dist: path.join(work, 'dist'),
    cache: path.join(work, 'cache'),
  };
  try {
    log(`N = ${size}: tạo kho văn bản tổng hợp…`);
    await writeSyntheticCorpus({ count: size, seed: options.seed, out: folders.sources });

    const ingests: IngestTiming[] = [];
    for (let run = 1; run <= runs; run += 1) {
      ingests.push(await timeIngest(folders.sources));
      log(`N = ${size}: nạp + trích xuất, lần ${run}/${runs}: ${(ingests.at(-1)!.ingest / 1000).toFixed(2)} s`);
    }

    const builds: BuildTiming[] = [];
    const rebuilds: BuildTiming[] = [];
    const additions: BuildTiming[] = [];
    if (options.build) {
      const names = (await readdir(folders.sources)).sort();
      const edited = path.join(folders.sources, names[Math.floor(names.length / 2)]!);
      for (let run = 1; run <= runs; run += 1) {
        // Cold: no generated dir, no site, no Astro cache.
        for (const dir of [folders.generated, folders.dist, folders.cache]) await rm(dir, { recursive: true, force: true });
        builds.push(await timeSiteBuild(folders));
        log(`N = ${size}: xây dựng đầy đủ, lần ${run}/${runs}: ${(builds.at(-1)!.total / 1000).toFixed(1)} s`);
        const restore = await editPlan(edited);
        try {
          rebuilds.push(await timeSiteBuild(folders));
        } finally {
          await restore();
        }
        log(`N = ${size}: xây dựng lại sau khi sửa một văn bản: ${(rebuilds.at(-1)!.total / 1000).toFixed(1)} s`);
        const remove = await addPlan(folders.sources, options.seed);
        try {
          additions.push(await timeSiteBuild(folders));
        } finally {
          await remove();
        }
        log(`N = ${size}: xây dựng lại sau khi thêm một văn bản: ${(additions.at(-1)!.total / 1000).toFixed(1)} s`);
      }
    }
    // The baseline, in the same run: the standard Astro route on the same plans' MDX.
    const standard = options.standard
      ? await timeStandardRoute(folders.generated).catch((error: unknown) => {
          log(
            `N = ${size}: đường chuẩn của Astro không chạy được: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`,
          );
          return null;
        })
      : null;
    if (standard) log(`N = ${size}: đường chuẩn của Astro (glob + MDX) + Pagefind: ${(standard.total / 1000).toFixed(1)} s`);
    return {
      documents: size,
      runs,
      ingest: medianRecord(ingests),
      build: builds.length > 0 ? medianRecord(builds) : null,
      incremental: rebuilds.length > 0 ? medianRecord(rebuilds) : null,
      added: additions.length > 0 ? medianRecord(additions) : null,
      standard,
      site: options.build ? await siteSizes(folders.dist) : null,
      graphJsonBytes: (await fileSize(path.join(folders.generated, 'graph.json'))) ?? medianRecord(ingests).graphJsonBytes,
    };
  } finally {
    if (options.keep) log(`Giữ thư mục tạm: ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

/** Progress to stderr, so stdout is only the table. */
function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0]!;
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  const cpus = os.cpus();
  const notes = [
    `Máy: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 1e9).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()}.`,
    `Kho tổng hợp: scripts/make-synthetic-corpus.ts --seed ${options.seed}; số lần chạy: ${options.runs ?? '3 khi N ≤ 100, 1 khi lớn hơn'} (lấy trung vị).`,
    `Bộ nhớ đỉnh: ${memoryMethod()}.`,
    `Tải trung bình của máy (1 phút) lúc bắt đầu / kết thúc: ${loadAtStart.toFixed(1)} / ${os.loadavg()[0]!.toFixed(1)} (thời gian CPU ít bị tải của người khác ảnh hưởng hơn thời gian thực).`,
    'Pagefind: thời gian bước Pagefind tự ghi trong nhật ký của `astro build` ("…, trong 12.3 s."); Astro = phần còn lại.',
  ];
  const markdown = `# Benchmark\n\n${toMarkdown(results, notes)}`;
  process.stdout.write(markdown);
  await mkdir(options.out, { recursive: true });
  await writeFile(path.join(options.out, 'results.md'), markdown);
  await writeFile(path.join(options.out, 'results.json'), `${JSON.stringify({ options, results }, null, 2)}\n`);
  log(`Đã ghi ${path.join(options.out, 'results.md')}.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Lỗi benchmark: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
