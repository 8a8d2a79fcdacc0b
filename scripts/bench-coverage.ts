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
 * measure the pages' sizes. CPU time (user + system of the measuring process) and wall time
 * of each part; the sections' figure is net of the container's own cost per render call
 * (the same calls with nothing to show), which a document page does not pay.
 *
 * `--baseline <git ref>` measures that commit's code too, in the same run, on the same
 * generated files: the ref is exported (`git archive`) to a temporary folder sharing this
 * worktree's node_modules, and this measuring script is run there (old vs new).
 * `--no-pipeline` reuses the generated dir of an earlier run when there is one (the graph does
 * not depend on the coverage code; trien-khai.csv's cost is measured as "csv").
 *
 * Prints a Markdown table and writes bench/out/coverage.md and coverage-<N>[-<ref>].json.
 * Targets: added build time < 2 s at 1,000 plans; the coverage page < 300 KB at 5,000.
 *
 *   npx tsx scripts/bench-coverage.ts [--sizes 1000,5000] [--runs 3] [--work DIR] [--baseline REF] [--no-pipeline]
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
    baseline: { type: 'string' },
    'no-pipeline': { type: 'boolean', default: false },
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
  sectionCount: number;
  computeMs: Record<string, number>;
  computeCpuMs: Record<string, number>;
  renderMs: { pages: number; sections: number; sectionsBaseline: number };
  renderCpuMs: { pages: number; sections: number; sectionsBaseline: number };
  loadAverage: number[];
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

/** A tree to measure: this worktree, or the baseline's export. */
interface Tree {
  name: string;
  root: string;
}
const trees: Tree[] = [];
if (values.baseline) {
  const ref = values.baseline;
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-coverage-baseline-'));
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(root)}`], { cwd: ROOT });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  // This measuring script, so both trees are measured alike.
  mkdirSync(path.join(root, 'scripts/bench/coverage'), { recursive: true });
  for (const file of ['measure.run.ts', 'vitest.config.ts', 'astro-modules.d.ts'])
    copyFileSync(path.join(ROOT, 'scripts/bench/coverage', file), path.join(root, 'scripts/bench/coverage', file));
  trees.push({ name: ref, root });
}
trees.push({ name: 'new', root: ROOT });

const results: { size: number; tree: string; figures: Figures }[] = [];
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
  const env = { ...process.env, VBG_SOURCES: sources, VBG_GENERATED: generated, VBG_PIPELINE_CACHE: path.join(dir, 'cache') };
  if (!values['no-pipeline'] || !existsSync(path.join(generated, 'graph.json'))) {
    process.stderr.write(`Pipeline (${size} văn bản)…\n`);
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-pipeline.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  for (const tree of trees) {
    process.stderr.write(`Đo trang triển khai (${size} văn bản, ${tree.name})…\n`);
    const suffix = tree.name === 'new' ? '' : `-${tree.name.replace(/[^\w.-]+/g, '_')}`;
    const json = path.join(out, `coverage-${size}${suffix}.json`);
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'scripts/bench/coverage/vitest.config.ts'],
      {
        cwd: tree.root,
        env: { ...env, BENCH_COVERAGE_OUT: json, BENCH_COVERAGE_RUNS: values.runs },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    results.push({ size, tree: tree.name, figures: JSON.parse(readFileSync(json, 'utf8')) as Figures });
  }
}
for (const tree of trees) if (tree.root !== ROOT) rmSync(tree.root, { recursive: true, force: true });

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)}`;
/** Compute, pages and sections (net of the container's cost) in CPU and wall ms; timelines are drawn inside the sections. */
function added(f: Figures, cpu: boolean): { compute: number; pages: number; sections: number; total: number } {
  const c = cpu ? f.computeCpuMs : f.computeMs;
  const r = cpu ? f.renderCpuMs : f.renderMs;
  // Timelines are measured alone and again inside the sections when the sections draw them;
  // count them once (in the sections).
  const compute = (c['total'] ?? 0) - (c['timelines'] ?? 0);
  const sections = Math.max(0, r.sections - r.sectionsBaseline);
  return { compute, pages: r.pages, sections, total: compute + r.pages + sections };
}
const lines = [
  '| plans | code | nodes / edges | implemented docs / implementations / issuers | compute CPU (coverage + related + views + csv; timelines) | render /trien-khai/ pages CPU | render sections CPU (net) | **added, CPU** | added, wall | load avg | /trien-khai/ first page | largest coverage page | coverage pages (total) | sections: count, total, largest |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(({ size, tree, figures: f }) => {
    const c = f.computeCpuMs;
    const parts = ['coverage', 'related', 'views', 'csv'].map((key) => `${Math.round(c[key] ?? 0)}`).join(' + ');
    const cpu = added(f, true);
    const wall = added(f, false);
    return (
      `| ${size} | ${tree} | ${f.nodes} / ${f.edges} | ${f.implemented} / ${f.implementations} / ${f.issuers} | ` +
      `${s(cpu.compute)} s (${parts} ms; ${Math.round(c['timelines'] ?? 0)} ms) | ${s(cpu.pages)} s | ${s(cpu.sections)} s | ` +
      `**${s(cpu.total)} s** | ${s(wall.total)} s | ${(f.loadAverage ?? []).map((x) => x.toFixed(1)).join(' ')} | ` +
      `${kb(f.sizes.first)} | ${kb(f.sizes.largest)} (${f.sizes.largestPath || '/'}) | ${f.sizes.pages} (${mb(f.sizes.total)}) | ` +
      `${f.sectionCount ?? ''}, ${mb(f.sizes.sectionTotal)}, ${kb(f.sizes.sectionLargest)} |`
    );
  }),
];
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
writeFileSync(path.join(out, 'coverage.md'), table);
