/**
 * Coverage benchmark: what the "who implemented what" views add to a build, on synthetic
 * corpora of 1,000 and 5,000 plans (scripts/make-synthetic-corpus.ts, seed 1).
 *
 * For each size: write the corpus (kept in the work folder and reused when already there),
 * run the pipeline once (scripts/build-pipeline.ts, which writes graph.json and
 * trien-khai.csv), then, through Vitest with Astro's Vite config
 * (scripts/bench/coverage/measure.run.ts), time the coverage computation (coverage index,
 * related documents, page views, timelines, CSV) and the rendering of every /trien-khai/ page
 * and of the coverage sections of every document page with Astro's container API, and
 * measure the pages' sizes. Prints a Markdown table and writes bench/out/coverage.md and
 * coverage-<N>.json. Targets: added build time < 2 s at 1,000 plans; the coverage page
 * < 300 KB at 5,000.
 *
 *   npx tsx scripts/bench-coverage.ts [--sizes 1000,5000] [--runs 3] [--work DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from './make-synthetic-corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string', default: path.join(os.tmpdir(), 'bench-coverage') },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const out = path.join(ROOT, 'bench/out');
mkdirSync(out, { recursive: true });

/** Figures written by measure.run.ts. */
interface Figures {
  nodes: number;
  edges: number;
  implemented: number;
  implementations: number;
  issuers: number;
  computeMs: Record<string, number>;
  renderMs: { pages: number; sections: number };
  sizes: {
    pages: number;
    first: number;
    largest: number;
    largestPath: string;
    total: number;
    sectionLargest: number;
    sectionLargestId: string;
    sectionTotal: number;
  };
}

const results: { size: number; pipelineMs: number; figures: Figures }[] = [];
for (const size of sizes) {
  const dir = path.join(values.work, String(size));
  const sources = path.join(dir, 'sources');
  const generated = path.join(dir, 'generated');
  if (!existsSync(sources) || readdirSync(sources).length !== size) {
    process.stderr.write(`Tạo kho tổng hợp ${size} văn bản…\n`);
    await writeSyntheticCorpus({
      count: size,
      seed: Number(values.seed),
      out: sources,
      seeds: path.join(ROOT, 'content/sources'),
    });
  }
  process.stderr.write(`Pipeline (${size} văn bản)…\n`);
  const env = { ...process.env, VBG_SOURCES: sources, VBG_GENERATED: generated, VBG_PIPELINE_CACHE: path.join(dir, 'cache') };
  const start = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-pipeline.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pipelineMs = performance.now() - start;
  process.stderr.write(`Đo trang triển khai (${size} văn bản)…\n`);
  const json = path.join(out, `coverage-${size}.json`);
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'scripts/bench/coverage/vitest.config.ts'],
    {
      cwd: ROOT,
      env: { ...env, BENCH_COVERAGE_OUT: json, BENCH_COVERAGE_RUNS: values.runs },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  results.push({ size, pipelineMs, figures: JSON.parse(readFileSync(json, 'utf8')) as Figures });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const lines = [
  '| plans | nodes / edges | implemented docs / implementations / issuers | compute (coverage, related, views, timelines, csv) | render /trien-khai/ pages | render sections | added total | /trien-khai/ first page | largest coverage page | pages (total size) | largest section |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(({ size, figures: f }) => {
    const c = f.computeMs;
    const parts = ['coverage', 'related', 'views', 'timelines', 'csv'].map((key) => `${Math.round(c[key] ?? 0)}`).join(' + ');
    const added = (c['total'] ?? 0) + f.renderMs.pages + f.renderMs.sections;
    return `| ${size} | ${f.nodes} / ${f.edges} | ${f.implemented} / ${f.implementations} / ${f.issuers} | ${s(c['total'] ?? 0)} (${parts} ms) | ${s(f.renderMs.pages)} | ${s(f.renderMs.sections)} | ${s(added)} | ${kb(f.sizes.first)} | ${kb(f.sizes.largest)} (${f.sizes.largestPath || '/'}) | ${f.sizes.pages} (${kb(f.sizes.total)}) | ${kb(f.sizes.sectionLargest)} |`;
  }),
];
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
writeFileSync(path.join(out, 'coverage.md'), table);
