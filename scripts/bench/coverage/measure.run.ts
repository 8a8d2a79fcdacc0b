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

/** Milliseconds of one call. */
function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

it('measures the coverage views', async () => {
  const text = readFileSync(path.join(process.env['VBG_GENERATED'] ?? 'content/generated', 'graph.json'), 'utf8');
  const fresh = (): GraphData => graphSchema.parse(JSON.parse(text));
  const compute: Record<string, number[]> = { coverage: [], related: [], views: [], timelines: [], csv: [], total: [] };
  for (let run = 0; run < runs; run++) {
    const graph = fresh();
    let coverage = buildCoverage(graph);
    const parts = {
      coverage: time(() => (coverage = buildCoverage(graph))),
      related: time(() => buildRelated(graph)),
      views: time(() => coverageViews(coverage)),
      timelines: time(() => coverage.documents.forEach((entry) => timelineSvg(entry))),
      csv: time(() => toCoverageCsv(graph)),
    };
    for (const [key, value] of Object.entries(parts)) compute[key]!.push(value);
    compute['total']!.push(Object.values(parts).reduce((a, b) => a + b, 0));
  }

  const graph = loadGraph();
  const container = await AstroContainer.create();
  const { coverageOf } = await import('../../../src/pipeline/coverage/index.ts');
  const views = coverageViews(coverageOf(graph));
  const render: { pages: number[]; sections: number[] } = { pages: [], sections: [] };
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
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
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
    start = performance.now();
    for (const node of graph.nodes) {
      const view = documentView(graph, node.id);
      if (!view.implementation && !view.related) continue;
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
  }
  const coverage = coverageOf(graph);
  const result = {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    implemented: coverage.documents.length,
    implementations: coverage.documents.reduce((sum, entry) => sum + entry.implementations.length, 0),
    issuers: coverage.issuers.length,
    computeMs: Object.fromEntries(Object.entries(compute).map(([key, values]) => [key, median(values)])),
    renderMs: { pages: median(render.pages), sections: median(render.sections) },
    sizes,
  };
  writeFileSync(process.env['BENCH_COVERAGE_OUT'] ?? 'bench/out/coverage.json', `${JSON.stringify(result, null, 2)}\n`);
});
