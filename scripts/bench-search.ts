/**
 * Search benchmark: a synthetic corpus of N plans (default 1,000) and the documents they
 * cite, indexed exactly as the build does (`indexSite`), searched in headless Chromium
 * through the real search page. Reports index size, bytes a query downloads and query
 * time (p50/p95, target p95 < 300 ms); prints a table and writes bench/out/search.md.
 *
 * Use: `npx tsx scripts/bench-search.ts [--plans 1000] [--site dist]`
 * (`--site` reuses a built site for the search page and its script; else one is built).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GraphData, GraphNode } from '../src/pipeline/emit/graph-schema.ts';
import { mulberry32 } from '../src/pipeline/emit/layout/seeded-random.ts';
import { indexSite } from '../src/integrations/pagefind.ts';
import { searchFields } from '../src/search/search-terms.ts';
import { launchBrowser, serveDist } from '../test/e2e/harness.ts';
import { makeSyntheticGraph } from './make-synthetic-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { plans: { type: 'string', default: '1000' }, site: { type: 'string' } } });
const planCount = Number(values.plans);
const work = path.join(os.tmpdir(), 'bench-search');
const site = path.join(work, 'site');

/** Paragraphs of the seed corpus: the vocabulary of the synthetic plans. */
function seedParagraphs(): string[] {
  const dir = path.join(ROOT, 'content/sources');
  return readdirSync(dir)
    .filter((name) => /^\d{3}_.*\.txt$/.test(name))
    .sort()
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split(/\n+/))
    .map((line) => line.trim())
    .filter((line) => line.length > 40);
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page shaped like the site's document pages: indexed main, SearchMeta spans. */
function pageHtml(node: GraphNode, body: string): string {
  const { meta, filters } = searchFields(node);
  const spec = (record: Record<string, string>): string =>
    Object.keys(record)
      .map((name) => `${name}[data-${name}]`)
      .join(', ');
  const attributes = (record: Record<string, string>): string =>
    Object.entries(record)
      .map(([name, value]) => `data-${name}="${escape(value)}"`)
      .join(' ');
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(node.label)}</title></head><body>` +
    `<header><a href="/">Văn bản</a> <a href="/do-thi/">Đồ thị</a></header>` +
    `<main id="noi-dung" data-pagefind-body>` +
    `<span hidden data-node-id="${node.id}" data-pagefind-meta="${spec(meta)}" ${attributes(meta)}></span>` +
    `<span hidden data-pagefind-filter="${spec(filters)}" ${attributes(filters)}></span>${body}</main></body></html>`
  );
}

/** Write the synthetic site: a page per node; plans get ~25 KB of text and their citations. */
function writeSite(graph: GraphData): void {
  const random = mulberry32(11);
  const paragraphs = seedParagraphs();
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const cites = new Map<string, string[]>();
  const citedBy = new Map<string, string[]>();
  for (const edge of graph.edges) {
    cites.set(edge.source, [...(cites.get(edge.source) ?? []), edge.target]);
    citedBy.set(edge.target, [...(citedBy.get(edge.target) ?? []), edge.source]);
  }
  for (const node of graph.nodes) {
    let body = `<h1>${escape(node.label)}: ${escape(node.subject ?? '')}</h1>`;
    if (node.inCorpus) {
      for (const target of cites.get(node.id) ?? []) {
        const cited = byId.get(target);
        if (cited) body += `<p>Căn cứ ${escape(cited.label)} ngày ${cited.date?.iso ?? ''} ${escape(cited.subject ?? '')};</p>`;
      }
      let size = 0;
      while (size < 25_000) {
        const paragraph = paragraphs[Math.floor(random() * paragraphs.length)] ?? '';
        body += `<p>${escape(paragraph)}</p>`;
        size += paragraph.length;
      }
    } else {
      body += `<p>${escape(`${node.label} ${node.subject ?? ''}`)}</p><div data-pagefind-ignore><h2>Được dẫn chiếu bởi</h2><ul>`;
      for (const source of citedBy.get(node.id) ?? []) body += `<li>${escape(byId.get(source)?.label ?? source)}</li>`;
      body += '</ul></div>';
    }
    mkdirSync(path.join(site, node.url), { recursive: true });
    writeFileSync(path.join(site, node.url, 'index.html'), pageHtml(node, body));
  }
}

/** Total size of the files under a directory. */
function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Kind of a file a query downloads: Pagefind's index chunks, fragments (one per result shown),
 * filter files and metadata, the number index, or other.
 *
 * @param url Address of the response.
 * @returns Kind label.
 */
function fileKind(url: string): string {
  const name = new URL(url).pathname;
  const pagefind = /\.pf_(index|fragment|filter|meta)$/.exec(name);
  if (pagefind?.[1]) return `pf_${pagefind[1]}`;
  if (name.includes('/tim-kiem/so-hieu/')) return 'so-hieu';
  return 'other';
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

// 1. The search page and its script come from a real build of the site (base "/").
const built = values.site ? path.resolve(values.site) : path.join(work, 'built');
if (!values.site) {
  rmSync(built, { recursive: true, force: true });
  execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SITE_BASE: '/', OUT_DIR: built },
  });
}
if (!existsSync(path.join(built, 'tim-kiem/index.html'))) throw new Error(`Không có ${built}/tim-kiem/: hãy build site trước.`);

// 2. The synthetic corpus: plans are 15% of the nodes of the synthetic graph.
rmSync(site, { recursive: true, force: true });
const graph = makeSyntheticGraph({ nodes: Math.round(planCount / 0.15), edges: planCount * 20, seed: 7 });
writeSite(graph);
for (const keep of ['_astro', 'tim-kiem/index.html', 'favicon.svg']) {
  if (existsSync(path.join(built, keep))) cpSync(path.join(built, keep), path.join(site, keep), { recursive: true });
}
const htmlBytes = dirBytes(path.join(site, 'van-ban'));
const started = performance.now();
const report = await indexSite(site, graph);
const indexSeconds = (performance.now() - started) / 1000;
const pagefindBytes = dirBytes(path.join(site, 'pagefind'));
// Pagefind's ready-made UIs, which the site never loads (in the first part of the index).
const uiBytes = readdirSync(path.join(site, 'pagefind'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /(-ui|highlight)[^/]*$/.test(name))
  .reduce((sum, name) => sum + statSync(path.join(site, 'pagefind', name)).size, 0);
const numberBytes = dirBytes(path.join(site, 'tim-kiem/so-hieu'));

// 3. Queries, each in a fresh browser context (cold cache), through the real search page.
const hub = [...graph.nodes].filter((node) => !node.inCorpus).sort((a, b) => b.inDegree - a.inDegree)[0];
const plan = graph.nodes.find((node) => node.inCorpus && node.number);
const hubNumber = hub?.number ?? '1/2019/NĐ-CP';
const queries = [
  'khu vực phòng thủ',
  'khu vuc phong thu',
  'nghị định',
  'nghi dinh',
  'quyet dinh',
  'de an',
  'Toàn dân bảo vệ an ninh Tổ quốc',
  'toan dan bao ve an ninh to quoc',
  'dân quân tự vệ',
  'phong chay chua chay',
  hubNumber,
  hubNumber.replace(/Đ/g, 'D').toLowerCase(),
  hubNumber.split('/').slice(0, 2).join('/'),
  plan?.number ?? '1/2010/KH-UBND',
];
const browser = await launchBrowser();
const served = await serveDist(site, '/');
interface Sample {
  query: string;
  coldMs: number;
  warmMs: number;
  initBytes: number;
  queryBytes: number;
  /** Bytes of the query by kind of file (\`fileKind\`). */
  byKind: Record<string, number>;
  results: string;
}
const samples: Sample[] = [];
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    const kinds: Promise<[string, number]>[] = [];
    page.on('response', (response) => {
      const body = response.body().then(
        (bytes) => bytes.length,
        () => 0,
      );
      sizes.push(body);
      kinds.push(body.then((bytes) => [fileKind(response.url()), bytes]));
    });
    await page.goto(`${served.url}tim-kiem/`);
    // Ready: Pagefind loaded, filters filled, its first search done (as by the time a user
    // has typed a query).
    await page.waitForSelector('#search-form[data-ready]', { state: 'attached' });
    const initBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    sizes.length = 0;
    kinds.length = 0;
    /** Type the query, submit, and time until the status line gives the count. */
    const timed = (text: string): Promise<{ elapsed: number; status: string }> =>
      page.evaluate(
        (text) =>
          new Promise<{ elapsed: number; status: string }>((resolve) => {
            const status = document.getElementById('search-status') as HTMLElement;
            const input = document.getElementById('search-query') as HTMLInputElement;
            const form = document.getElementById('search-form') as HTMLFormElement;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const text = status.textContent ?? '';
              if (/^(Tìm thấy|Không tìm thấy)/.test(text)) {
                observer.disconnect();
                resolve({ elapsed: performance.now() - start, status: text });
              }
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            status.textContent = '';
            input.value = text;
            form.requestSubmit();
          }),
        text,
      );
    const cold = await timed(query);
    const queryBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const byKind: Record<string, number> = {};
    for (const [kind, bytes] of await Promise.all(kinds)) byKind[kind] = (byKind[kind] ?? 0) + bytes;
    const warm = await timed(query);
    samples.push({ query, coldMs: cold.elapsed, warmMs: warm.elapsed, initBytes, queryBytes, byKind, results: cold.status });
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
}

// 4. Report.
const cold = samples.map((sample) => sample.coldMs);
const warm = samples.map((sample) => sample.warmMs);
const rows = samples.map(
  (sample) =>
    `| \`${sample.query}\` | ${ms(sample.coldMs)} | ${ms(sample.warmMs)} | ${kb(sample.queryBytes)} | ${kb(sample.byKind['pf_index'] ?? 0)} / ${kb(sample.byKind['pf_fragment'] ?? 0)} | ${sample.results.replace(/ cho “.*$/, '')} |`,
);
const p95 = percentile(cold, 95);
const markdown = `# Search benchmark

Synthetic corpus from \`scripts/make-synthetic-graph.ts\` (seed 7): ${report.pages} pages, of which
${planCount} plans (~25 KB of text each, sampled from the seed corpus) and ${report.pages - planCount}
cited documents; ${graph.edges.length} citations. Indexed with \`indexSite\` as \`npm run build\` does,
searched through the real /tim-kiem/ page in headless Chromium, each query in a fresh browser
context (cold cache) once the page is ready (Pagefind loaded and warmed up, as by the time a
user has typed); "warm" repeats it on the same page. Bytes are uncompressed HTTP bodies
(Pagefind's index files are already gzip-compressed).

| Measure | Value |
| --- | --- |
| HTML of the document pages | ${kb(htmlBytes)} |
| Pagefind index (\`pagefind/\`, without its unused default UI files) | ${kb(pagefindBytes - uiBytes)} |
| Number index (\`tim-kiem/so-hieu/\`, ${report.numbers} numbers in 64 shards) | ${kb(numberBytes)} |
| Indexing time | ${indexSeconds.toFixed(1)} s |
| Opening the search page (HTML, script, Pagefind, WASM, filters) | ${kb(
  percentile(
    samples.map((s) => s.initBytes),
    50,
  ),
)} (median) |
| Bytes a query downloads (median / max) | ${kb(
  percentile(
    samples.map((s) => s.queryBytes),
    50,
  ),
)} / ${kb(Math.max(...samples.map((s) => s.queryBytes)))} |
| Of which, by kind of file (median / max over the queries) | ${[
  ...new Set(samples.flatMap((sample) => Object.keys(sample.byKind))),
]
  .sort()
  .map((kind) => {
    const values = samples.map((sample) => sample.byKind[kind] ?? 0);
    return `${kind} ${kb(percentile(values, 50))} / ${kb(Math.max(...values))}`;
  })
  .join('; ')} |
| Query time, cold (p50 / p95) | ${ms(percentile(cold, 50))} / ${ms(p95)} |
| Query time, warm (p50 / p95) | ${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))} |
| Target p95 < 300 ms | ${p95 < 300 ? 'met' : 'NOT met'} |

Query time runs from submitting the form to the status line giving the count: the search as
typed (one Pagefind search, with đ written d), the number lookup and its \`cites\` list, and the first ten
results rendered with their excerpts.

| Query | Cold | Warm | Downloaded | Index / fragments | Status |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/out/search.md'), markdown);
console.log(markdown);
