/**
 * Graph benchmark: synthetic citation graphs (2,000 nodes / 10,000 edges, and 10,000 / 50,000
 * for the capped default view) laid out as the build does (`layoutGraph`), then drawn by the
 * real graph page script in headless Chromium under the site's CSP. Reports layout time, view
 * data size, time to the first drawn frame and to interactive (a click on a node shows its
 * details), and the page's main-thread CPU time to the first frame (from a trace, in separate
 * runs: it moves less than wall times with the load of a shared machine, though it still does);
 * prints a table and writes bench/out/graph.md. Target: first frame < 1 s.
 *
 * Use: `npx tsx scripts/bench-graph.ts [--runs 3]`
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { DEFAULT_CAPS } from '../src/client/graph/select-view.ts';
import { encodeView } from '../src/client/graph/view-data.ts';
import { layoutGraph } from '../src/pipeline/emit/layout.ts';
import { launchBrowser, serveDist } from '../test/e2e/harness.ts';
import { makeSyntheticGraph } from './make-synthetic-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const CASES = [
  { nodes: 2000, edges: 10000 },
  { nodes: 10000, edges: 50000 },
];
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));
const work = path.join(os.tmpdir(), 'bench-graph');
const cap = DEFAULT_CAPS.nodes;

/** The markup GraphView.astro renders, reduced to what the script reads. */
function page(src: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="graph.css"></head>
<body><main class="graph-page">
<link rel="preload" href="${src}" as="fetch" crossorigin="anonymous">
<section class="graph-view" data-graph-view data-src="${src}" data-base="/" data-cap="${cap}" data-edge-cap="${DEFAULT_CAPS.edges}">
<div class="graph-layout"><div class="graph-side" data-graph-needs-js hidden>
<form data-graph-search><input id="graph-search-input" name="q"></form>
<div data-graph-results></div><select data-graph-node-list></select>
<form data-graph-filters><input name="showAll" type="checkbox"></form></div>
<div class="graph-main"><p data-graph-status></p><div class="graph-canvas" data-graph-canvas></div>
<p data-graph-announce></p></div>
<aside class="graph-details" data-graph-needs-js hidden><div data-graph-details-body></div></aside>
</div></section></main>
<script type="module" src="global-graph.js"></script></body></html>`;
}

/**
 * Median, best and worst of the runs: the best shows the cost on an idle machine, the median a
 * typical run, the worst (the p95 of so few runs) what a user may meet.
 */
function stats(list: number[]): Stat {
  const sorted = [...list].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] as number,
    best: sorted[0] as number,
    worst: sorted[sorted.length - 1] as number,
  };
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
await build({
  entryPoints: [path.join(ROOT, 'src/client/graph/global-graph.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  outdir: work,
  logLevel: 'warning',
});
copyFileSync(path.join(ROOT, 'src/styles/graph.css'), path.join(work, 'graph.css'));

interface Stat {
  median: number;
  best: number;
  worst: number;
}
interface Row {
  nodes: number;
  edges: number;
  layoutMs: number;
  viewKb: number;
  drawn: number;
  dataMs: Stat;
  initMs: Stat;
  firstFrameMs: Stat;
  cpuMs: Stat;
  edgesMs: Stat;
  interactiveMs: Stat;
}
type Sample = { drawn: number; dataMs: number; initMs: number; firstFrameMs: number; edgesMs: number; interactiveMs: number };
type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
};

/**
 * Main-thread CPU time of the page from navigation to its first drawn frame: the thread time
 * of the renderer's tasks that started in between, from a Chrome trace.
 *
 * @param events Trace events of one page load.
 * @param url The page's URL.
 * @returns Milliseconds.
 */
function mainThreadCpu(events: TraceEvent[], url: string): number {
  const start = events.find((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === url);
  const drawn = events.find((event) => event.name === 'vbg-graph-drawn' && event.pid === start?.pid);
  const main = events.find(
    (event) => event.name === 'thread_name' && event.pid === start?.pid && event.args?.name === 'CrRendererMain',
  );
  if (!start || !drawn || !main) throw new Error('Không đọc được trace của trang.');
  let micros = 0;
  for (const event of events) {
    if (
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      event.pid === main.pid &&
      event.tid === main.tid &&
      event.ts >= start.ts &&
      event.ts <= drawn.ts
    ) {
      micros += event.tdur ?? 0;
    }
  }
  return micros / 1000;
}
const rows: Row[] = [];
const loadBefore = os.loadavg();
const browser = await launchBrowser();
for (const size of CASES) {
  const graph = makeSyntheticGraph({ nodes: size.nodes, edges: size.edges });
  const started = performance.now();
  const positions = layoutGraph(graph.nodes, graph.edges);
  const layoutMs = performance.now() - started;
  for (const node of graph.nodes) Object.assign(node, positions.get(node.id));
  const view = JSON.stringify(encodeView(graph));
  const name = `view-${size.nodes}.json`;
  writeFileSync(path.join(work, name), view);
  writeFileSync(path.join(work, `page-${size.nodes}.html`), page(name));

  const served = await serveDist(work, '/', { 'Content-Security-Policy': CSP });
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(`${served.url}page-${size.nodes}.html`);
    // Interactive: a real click on the biggest node, sent as soon as the nodes are drawn
    // (one round trip: wait and find the node in the same call), shows its details.
    const handle = await tab.waitForFunction(
      () => {
        if (document.querySelector<HTMLElement>('[data-graph-view]')?.dataset['ready'] !== 'true') return null;
        const cy = window.__vbgGraph?.cy;
        const node = cy?.nodes().max((element) => element.degree(false)).ele;
        const box = (cy?.container() as HTMLElement).getBoundingClientRect();
        const position = node?.renderedPosition() ?? { x: 0, y: 0 };
        return { x: box.left + position.x, y: box.top + position.y };
      },
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    const point = (await handle.jsonValue()) as { x: number; y: number };
    await tab.mouse.click(point.x, point.y);
    await tab.waitForSelector('[data-graph-details-body] a[data-node-link]', { timeout: 30_000 });
    // When the page showed the details (its own mark), not when this process noticed.
    const interactive = await tab.evaluate(() => performance.getEntriesByName('vbg-graph-details')[0]?.startTime ?? NaN);
    await tab.waitForSelector('[data-graph-view][data-edges-ready="true"]', { timeout: 120_000 });
    const timing = await tab.evaluate(() => ({
      edges: performance.getEntriesByName('vbg-graph-edges-drawn')[0]?.startTime ?? NaN,
      data: performance.getEntriesByName('vbg-graph-data')[0]?.startTime ?? NaN,
      init: performance.getEntriesByName('vbg-graph-init')[0]?.startTime ?? NaN,
      drawn: performance.getEntriesByName('vbg-graph-drawn')[0]?.startTime ?? NaN,
      count: Number(document.querySelector<HTMLElement>('[data-graph-view]')?.dataset['nodeCount']),
    }));
    if (errors.length > 0) throw new Error(`Lỗi trong trình duyệt: ${errors.join('; ')}`);
    samples.push({
      drawn: timing.count,
      dataMs: timing.data,
      initMs: timing.init,
      firstFrameMs: timing.drawn,
      edgesMs: timing.edges,
      interactiveMs: interactive,
    });
    await context.close();
  }
  // CPU: the same page load again, traced (tracing slows it a little: not in the times above).
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    const url = `${served.url}page-${size.nodes}.html`;
    await browser.startTracing(tab, { categories: ['blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    await tab.goto(url);
    await tab.waitForSelector('[data-graph-view][data-ready="true"]', { timeout: 120_000 });
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    cpu.push(mainThreadCpu(trace.traceEvents, url));
    await context.close();
  }
  await served.close();
  rows.push({
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    layoutMs,
    viewKb: Buffer.byteLength(view) / 1024,
    drawn: samples[0]?.drawn ?? 0,
    dataMs: stats(samples.map((sample) => sample.dataMs)),
    initMs: stats(samples.map((sample) => sample.initMs)),
    cpuMs: stats(cpu),
    firstFrameMs: stats(samples.map((sample) => sample.firstFrameMs)),
    edgesMs: stats(samples.map((sample) => sample.edgesMs)),
    interactiveMs: stats(samples.map((sample) => sample.interactiveMs)),
  });
}
await browser.close();

const fmt = (value: number): string => value.toFixed(0);
const pair = (value: Stat): string => `${fmt(value.median)} (${fmt(value.best)}–${fmt(value.worst)})`;
const table = [
  '| nodes | edges | layout (Node) ms | du-lieu.json KB | drawn nodes | data ready ms | Cytoscape ready ms | first frame (nodes) ms | interactive ms | edges drawn ms | main-thread CPU to first frame ms |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (row) =>
      `| ${row.nodes} | ${row.edges} | ${fmt(row.layoutMs)} | ${fmt(row.viewKb)} | ${row.drawn} | ${pair(row.dataMs)} | ${pair(row.initMs)} | ${pair(row.firstFrameMs)} | ${pair(row.interactiveMs)} | ${pair(row.edgesMs)} | ${pair(row.cpuMs)} |`,
  ),
].join('\n');
const report = `# Graph benchmark

Synthetic graphs from \`scripts/make-synthetic-graph.ts\` (seed 7), laid out with \`layoutGraph\`,
drawn by \`src/client/graph/global-graph.ts\` in headless Chromium (software rendering, 1400×900,
CSP on). Times in ms from navigation start: median (best–worst) of ${runs} runs. Nodes are drawn first and edges
added in idle-time chunks after; "interactive" is when a click on the most connected node, sent as
soon as the nodes are drawn, has shown its details (the page's own \`vbg-graph-details\` mark). "Cytoscape ready" is when
the instance holds the nodes, before its first frame. The default view draws at most ${cap.toLocaleString('en-US')} nodes.
"Main-thread CPU" is the renderer main thread's CPU time from navigation to the first frame, from
${runs} further, traced runs: it grows less than wall times with the load of a shared machine (but
it does grow: compare figures taken at the same load).
Target: first frame < 1,000 ms.

${table}

Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average (1, 5, 15 min) ${loadBefore.map((load) => load.toFixed(1)).join(' ')} before the runs, ${os
  .loadavg()
  .map((load) => load.toFixed(1))
  .join(' ')} after, Node ${process.version}.
`;
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/out/graph.md'), report);
console.log(table);
