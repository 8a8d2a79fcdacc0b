/**
 * The in-Astro half of `scripts/bench-coverage.ts`, run by Vitest with Astro's Vite config
 * (`vitest.config.ts` next to this file) so .astro components render through Astro's
 * container API exactly as `astro build` renders them. Reads the generated dir
 * `VBG_GENERATED`, writes its figures as JSON to `BENCH_COVERAGE_OUT`.
 *
 * Measured, each the median of `BENCH_COVERAGE_RUNS` runs on a freshly parsed graph (so no
 * per-graph cache is reused):
 * - compute: `buildCoverage`, `buildRelated`, every /trien-khai/ view, every timeline SVG and
 *   trien-khai.csv — what the build adds before rendering;
 * - render: every /trien-khai/ page and the issuer list, and the coverage sections
 *   (`CoverageSections`) of every document page — what the build adds to Astro's pages;
 * - sizes: the /trien-khai/ pages (first, largest, total) and the largest section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { it } from 'vitest';
import CoveragePage from '../../../src/pages/trien-khai/[...path].astro';
import IssuersPage from '../../../src/pages/trien-khai/co-quan/index.astro';
import CoverageSections from '../../../src/components/CoverageSections.astro';
import { buildCoverage, buildRelated, coverageViews, timelineSvg, toCoverageCsv } from '../../../src/pipeline/coverage/index.ts';
import { graphSchema, type GraphData } from '../../../src/pipeline/emit/graph-schema.ts';
import { documentView } from '../../../src/utils/document-view.ts';
import { loadGraph } from '../../../src/utils/generated.ts';

const runs = Number(process.env['BENCH_COVERAGE_RUNS'] ?? 3);

/** Median of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** CPU milliseconds (user + system) of this process since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds of every part of the current run, by name. */
let cpu: Record<string, number> = {};

/** Wall milliseconds of one call; its CPU milliseconds go to `cpu[name]`. */
function time(name: string, fn: () => unknown): number {
  const since = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  cpu[name] = cpuMs(since);
  return wall;
}

it('measures the coverage views', async () => {
  const text = readFileSync(path.join(process.env['VBG_GENERATED'] ?? 'content/generated', 'graph.json'), 'utf8');
  const fresh = (): GraphData => graphSchema.parse(JSON.parse(text));
  const compute: Record<string, number[]> = { coverage: [], related: [], views: [], timelines: [], csv: [], total: [] };
  const computeCpu: Record<string, number[]> = { coverage: [], related: [], views: [], timelines: [], csv: [], total: [] };
  for (let run = 0; run < runs; run++) {
    const graph = fresh();
    // A first call warms the JIT; the timed one runs on a graph whose caches are empty.
    buildCoverage(fresh());
    let coverage = buildCoverage(graph);
    cpu = {};
    const parts = {
      coverage: time('coverage', () => (coverage = buildCoverage(graph))),
      related: time('related', () => buildRelated(graph)),
      views: time('views', () => coverageViews(coverage)),
      timelines: time('timelines', () => coverage.documents.forEach((entry) => timelineSvg(entry))),
      csv: time('csv', () => toCoverageCsv(graph)),
    };
    for (const [key, value] of Object.entries(parts)) compute[key]!.push(value);
    for (const [key, value] of Object.entries(cpu)) computeCpu[key]!.push(value);
    compute['total']!.push(Object.values(parts).reduce((a, b) => a + b, 0));
    computeCpu['total']!.push(Object.values(cpu).reduce((a, b) => a + b, 0));
  }

  const graph = loadGraph();
  const container = await AstroContainer.create();
  const { coverageOf } = await import('../../../src/pipeline/coverage/index.ts');
  const views = coverageViews(coverageOf(graph));
  const render = { pages: [] as number[], sections: [] as number[], sectionsBaseline: [] as number[] };
  const renderCpu = { pages: [] as number[], sections: [] as number[], sectionsBaseline: [] as number[] };
  const sizes = {
    pages: views.length + 1,
    first: 0,
    largest: 0,
    largestPath: '',
    total: 0,
    sectionLargest: 0,
    sectionLargestId: '',
    sectionTotal: 0,
  };
  // The document pages' own views (built for the page anyway), outside the timing.
  const documentViews = graph.nodes.flatMap((node) => {
    const view = documentView(graph, node.id);
    return view.implementation || view.related ? [[node, view] as const] : [];
  });
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    let since = process.cpuUsage();
    for (const view of views) {
      const html = await container.renderToString(CoveragePage, {
        props: { view },
        params: { path: view.path === '' ? undefined : view.path.replace(/\/$/, '') },
      });
      if (run === 0) {
        const bytes = Buffer.byteLength(html);
        if (view.path === '') sizes.first = bytes;
        if (bytes > sizes.largest) {
          sizes.largest = bytes;
          sizes.largestPath = view.path;
        }
        sizes.total += bytes;
      }
    }
    const issuers = await container.renderToString(IssuersPage);
    if (run === 0) sizes.total += Buffer.byteLength(issuers);
    render.pages.push(performance.now() - start);
    renderCpu.pages.push(cpuMs(since));
    start = performance.now();
    since = process.cpuUsage();
    for (const [node, view] of documentViews) {
      const html = await container.renderToString(CoverageSections, { props: { node, view } });
      if (run === 0) {
        const bytes = Buffer.byteLength(html);
        sizes.sectionTotal += bytes;
        if (bytes > sizes.sectionLargest) {
          sizes.sectionLargest = bytes;
          sizes.sectionLargestId = node.id;
        }
      }
    }
    render.sections.push(performance.now() - start);
    renderCpu.sections.push(cpuMs(since));
    // The container's own cost of a render call, which a document page (the sections are
    // inside it) does not pay: the same calls with nothing to show. Subtracted as "net".
    start = performance.now();
    since = process.cpuUsage();
    for (const [node, view] of documentViews) {
      await container.renderToString(CoverageSections, {
        props: { node, view: { ...view, implementation: null, related: null } },
      });
    }
    render.sectionsBaseline.push(performance.now() - start);
    renderCpu.sectionsBaseline.push(cpuMs(since));
  }
  const coverage = coverageOf(graph);
  const result = {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    implemented: coverage.documents.length,
    implementations: coverage.documents.reduce((sum, entry) => sum + entry.implementations.length, 0),
    issuers: coverage.issuers.length,
    computeMs: Object.fromEntries(Object.entries(compute).map(([key, values]) => [key, median(values)])),
    renderMs: {
      pages: median(render.pages),
      sections: median(render.sections),
      sectionsBaseline: median(render.sectionsBaseline),
    },
    computeCpuMs: Object.fromEntries(Object.entries(computeCpu).map(([key, values]) => [key, median(values)])),
    renderCpuMs: {
      pages: median(renderCpu.pages),
      sections: median(renderCpu.sections),
      sectionsBaseline: median(renderCpu.sectionsBaseline),
    },
    sectionCount: documentViews.length,
    loadAverage: os.loadavg(),
    sizes,
  };
  writeFileSync(process.env['BENCH_COVERAGE_OUT'] ?? 'bench/out/coverage.json', `${JSON.stringify(result, null, 2)}\n`);
});
