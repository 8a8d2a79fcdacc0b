/**
 * Search benchmark: a synthetic corpus of N plans (default 1,000) and the documents they
 * cite, indexed exactly as the build does (`indexSite`), searched in headless Chromium
 * through the real search page. Reports index size, bytes a query downloads and query
 * time (p50/p95, target p95 < 300 ms); prints a table and writes bench/out/search.md.
 *
 * Use: `npx tsx scripts/bench-search.ts [--plans 1000] [--site dist]… [--real] [--runs 3] [--profile]`
 * (`--site` reuses a built site for the search page and its script, else one is built; given
 * more than once, the sites are measured in turns, query by query, so that old and new code
 * meet the same load; `--real` searches each site's own pages and index instead of the
 * synthetic corpus; `--runs` repeats the queries; `--profile` splits each query's time, see
 * scripts/bench/search-profile.ts; `--typed` types each cold query key by key, as a user
 * does, and times it from the last key).
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
import { byKind as phasesOf, PAGE_PROBE, profiledCopy, type Span } from './bench/search-profile.ts';
import { makeSyntheticGraph } from './make-synthetic-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    plans: { type: 'string', default: '1000' },
    site: { type: 'string', multiple: true },
    real: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    typed: { type: 'boolean', default: false },
  },
});
const planCount = Number(values.plans);
const runs = Math.max(1, Number(values.runs));
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

/**
 * CPU time (user + system, ms) used so far by the processes this one started (the browser's:
 * its renderers, its network and GPU processes), from /proc; null where there is no /proc.
 * On a shared machine this moves far less with the load than wall time does.
 *
 * @returns Milliseconds, or null.
 */
function browserCpu(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parentOf = new Map<number, number>();
  const cpuOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
      cpuOf.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = parentOf.get(pid); at !== undefined && at > 1; at = parentOf.get(at)) if (at === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, used] of cpuOf) if (ours(pid)) ticks += used;
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Linux's clock ticks per second (USER_HZ), which /proc counts CPU time in. */
const CLOCK_TICKS = 100;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

// 1. The search pages and their script come from real builds of the site (base "/"): one is
//    built unless `--site` names them (several: old and new code, measured in turns).
const builtSites = values.site?.length ? values.site.map((dir) => path.resolve(dir)) : [path.join(work, 'built')];
if (!values.site?.length) {
  rmSync(builtSites[0]!, { recursive: true, force: true });
  execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SITE_BASE: '/', OUT_DIR: builtSites[0] },
  });
}
for (const built of builtSites) {
  if (!existsSync(path.join(built, 'tim-kiem/index.html'))) throw new Error(`Không có ${built}/tim-kiem/: hãy build site trước.`);
}

/** A site searched: its label (folder name), the folder served, its graph. */
interface Target {
  label: string;
  dir: string;
  graph: GraphData;
}

// 2. What is searched: with `--real`, each site's own pages and index; else the synthetic
//    corpus (plans are 15% of the nodes of the synthetic graph), indexed once with this
//    checkout's `indexSite`, under each site's search page and script.
let targets: Target[];
let indexSeconds: number | null = null;
let pages: number;
if (values.real) {
  targets = builtSites.map((dir) => ({
    label: path.basename(dir),
    dir,
    graph: JSON.parse(readFileSync(path.join(dir, 'data/graph.json'), 'utf8')) as GraphData,
  }));
  pages = readdirSync(path.join(targets[0]!.dir, 'van-ban')).length;
} else {
  rmSync(site, { recursive: true, force: true });
  const graph = makeSyntheticGraph({ nodes: Math.round(planCount / 0.15), edges: planCount * 20, seed: 7 });
  writeSite(graph);
  const started = performance.now();
  pages = (await indexSite(site, graph)).pages;
  indexSeconds = (performance.now() - started) / 1000;
  targets = builtSites.map((built, index) => {
    const copy = path.join(work, `site-${index}`);
    rmSync(copy, { recursive: true, force: true });
    execFileSync('cp', ['-al', site, copy]);
    for (const keep of ['_astro', 'tim-kiem/index.html', 'favicon.svg']) {
      if (existsSync(path.join(built, keep))) cpSync(path.join(built, keep), path.join(copy, keep), { recursive: true });
    }
    return { label: path.basename(built), dir: copy, graph };
  });
}
const first = targets[0]!;
const htmlBytes = dirBytes(path.join(first.dir, 'van-ban'));
const pagefindBytes = dirBytes(path.join(first.dir, 'pagefind'));
// Pagefind's ready-made UIs, which the site never loads (in the first part of the index).
const uiBytes = readdirSync(path.join(first.dir, 'pagefind'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /(-ui|highlight)[^/]*$/.test(name))
  .reduce((sum, name) => sum + statSync(path.join(first.dir, 'pagefind', name)).size, 0);
const numberBytes = dirBytes(path.join(first.dir, 'tim-kiem/so-hieu'));
const numbers = first.graph.nodes.filter((node) => node.number).length;
if (values.profile) {
  targets = targets.map((target, index) => ({ ...target, dir: profiledCopy(target.dir, path.join(work, `profile-${index}`)) }));
}

// 3. Queries, each in a fresh browser context (cold cache), through the real search page.
const hub = [...first.graph.nodes]
  .filter((node) => !node.inCorpus && node.number)
  .sort((a, b) => b.inDegree - a.inDegree || (a.id < b.id ? -1 : 1))[0];
const plan = first.graph.nodes.find((node) => node.inCorpus && node.number);
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

/** One timed search: to the first result shown, and to the status line's count. */
interface Timed {
  elapsed: number;
  /** Until the first result (or exact-number entry) is in the page. */
  firstShown: number;
  status: string;
  /** Time by kind (`--profile`). */
  phases: Record<string, number>;
  /** CPU time (user + system) of the browser's processes meanwhile, in ms; null off Linux. */
  cpu: number | null;
}
interface Sample {
  target: string;
  query: string;
  cold: Timed;
  warm: Timed;
  initBytes: number;
  queryBytes: number;
  /** Bytes of the query by kind of file (\`fileKind\`). */
  byKind: Record<string, number>;
}
const browser = await launchBrowser();
const served = await Promise.all(targets.map((target) => serveDist(target.dir, '/')));
const samples: Sample[] = [];

/**
 * Open a fresh search page on a site, search a query twice (cold, then warm).
 *
 * @param index Target index.
 * @param query Query.
 * @returns The sample.
 */
async function measureQuery(index: number, query: string): Promise<Sample> {
  const context = await browser.newContext();
  if (values.profile) await context.addInitScript(PAGE_PROBE);
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
  await page.goto(`${served[index]!.url}tim-kiem/`);
  // Ready: Pagefind loaded, filters filled, its first search done (as by the time a user
  // has typed a query).
  await page.waitForSelector('#search-form[data-ready]', { state: 'attached' });
  const initBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  sizes.length = 0;
  kinds.length = 0;
  /** Type the query, submit, and time until the status line gives the count. */
  const timed = async (text: string, typed = false): Promise<Timed> => {
    const cpuBefore = browserCpu();
    if (values.profile) await page.evaluate(() => (window as unknown as { __vbgProbe: { take(): unknown } }).__vbgProbe.take());
    const running = page.evaluate(
      ({ text, typed }) =>
        new Promise<{ start: number; end: number; firstShown: number; status: string }>((resolve) => {
          const status = document.getElementById('search-status') as HTMLElement;
          const input = document.getElementById('search-query') as HTMLInputElement;
          const form = document.getElementById('search-form') as HTMLFormElement;
          const shown = [document.getElementById('search-results'), document.getElementById('search-exact-list')];
          let firstShown = -1;
          // Typed: from the last key on (the searches of the query's beginnings do not count).
          let start = typed ? Infinity : performance.now();
          if (typed) {
            input.addEventListener('input', () => {
              if (input.value !== text) return;
              start = performance.now();
              firstShown = -1;
            });
          }
          const seen = new MutationObserver(() => {
            if (firstShown < 0 && start !== Infinity && shown.some((list) => list?.querySelector('li, article')))
              firstShown = performance.now() - start;
          });
          for (const list of shown) if (list) seen.observe(list, { childList: true, subtree: true });
          const observer = new MutationObserver(() => {
            const line = status.textContent ?? '';
            if (/^(Tìm thấy|Không tìm thấy)/.test(line) && start !== Infinity && (!typed || line.includes(`“${text}”`))) {
              observer.disconnect();
              seen.disconnect();
              const end = performance.now();
              resolve({ start, end, firstShown: firstShown < 0 ? end - start : firstShown, status: line });
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          // Results from an earlier search are cleared first, so the first one seen is new.
          for (const list of shown) list?.replaceChildren();
          status.textContent = '';
          if (typed) {
            input.value = '';
            return;
          }
          input.value = text;
          form.requestSubmit();
        }),
      { text, typed },
    );
    // As a user types: a key every 60 ms, each one preloading the index chunks (`preloadSearch`),
    // the search itself after the typing pause.
    if (typed) await page.type('#search-query', text, { delay: 60 });
    const result = await running;
    let phases: Record<string, number> = {};
    if (values.profile) {
      const probed = await page.evaluate(async () => {
        const probe = (
          window as unknown as { __vbgProbe: { take(): Span[]; workerSpans(): Promise<{ spans: Span[]; origin: number }> } }
        ).__vbgProbe;
        return { page: probe.take(), worker: await probe.workerSpans(), origin: performance.timeOrigin };
      });
      const shift = probed.worker.origin - probed.origin;
      const spans: Span[] = [
        ...probed.page,
        ...probed.worker.spans.map(([kind, start, end]): Span => [kind, start + shift, end + shift]),
      ];
      phases = phasesOf(spans, result.start, result.end);
    }
    const cpuAfter = browserCpu();
    return {
      elapsed: result.end - result.start,
      firstShown: result.firstShown,
      status: result.status,
      phases,
      cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    };
  };
  const cold = await timed(query, values.typed);
  const queryBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  const byKind: Record<string, number> = {};
  for (const [kind, bytes] of await Promise.all(kinds)) byKind[kind] = (byKind[kind] ?? 0) + bytes;
  const warm = await timed(query);
  await context.close();
  return { target: targets[index]!.label, query, cold, warm, initBytes, queryBytes, byKind };
}

const loads: number[] = [os.loadavg()[0]!];
const cpuStart = process.cpuUsage();
try {
  for (let run = 0; run < runs; run += 1) {
    for (const [number, query] of queries.entries()) {
      // Sites in turns, the first one changing from query to query.
      for (let step = 0; step < targets.length; step += 1) {
        samples.push(await measureQuery((number + run + step) % targets.length, query));
      }
    }
    loads.push(os.loadavg()[0]!);
  }
} finally {
  await browser.close();
  await Promise.all(served.map((server) => server.close()));
}
const cpu = process.cpuUsage(cpuStart);

// 4. Report.
const median = (list: number[]): number => percentile(list, 50);
const rows = samples.map(
  (sample) =>
    `| ${sample.target} | \`${sample.query}\` | ${ms(sample.cold.firstShown)} / ${ms(sample.cold.elapsed)} (${ms(sample.cold.cpu ?? 0)}) | ${ms(sample.warm.firstShown)} / ${ms(sample.warm.elapsed)} (${ms(sample.warm.cpu ?? 0)}) | ${kb(sample.queryBytes)} | ${kb(sample.byKind['pf_index'] ?? 0)} / ${kb(sample.byKind['pf_fragment'] ?? 0)} | ${sample.cold.status.replace(/ cho “.*$/, '')} |`,
);
/** "p50 / p95" of CPU times, or "–" without them. */
const cpuCell = (list: (number | null)[]): string => {
  const known = list.filter((value): value is number => value !== null);
  return known.length > 0 ? `${ms(median(known))} / ${ms(percentile(known, 95))}` : '–';
};
const perTarget = targets.map((target) => {
  const mine = samples.filter((sample) => sample.target === target.label);
  const cold = mine.map((sample) => sample.cold.elapsed);
  const warm = mine.map((sample) => sample.warm.elapsed);
  return {
    target,
    mine,
    line: `| ${target.label} | ${mine.length} | ${ms(median(cold))} / ${ms(percentile(cold, 95))} | ${ms(
      median(mine.map((s) => s.cold.firstShown)),
    )} / ${ms(
      percentile(
        mine.map((s) => s.cold.firstShown),
        95,
      ),
    )} | ${ms(median(warm))} / ${ms(percentile(warm, 95))} | ${ms(median(mine.map((s) => s.warm.firstShown)))} / ${ms(
      percentile(
        mine.map((s) => s.warm.firstShown),
        95,
      ),
    )} | ${cpuCell(mine.map((s) => s.cold.cpu))}, ${cpuCell(mine.map((s) => s.warm.cpu))} | ${kb(median(mine.map((s) => s.queryBytes)))} / ${kb(
      Math.max(...mine.map((s) => s.queryBytes)),
    )} |`,
  };
});
const phaseKinds = [
  ...new Set(samples.flatMap((sample) => [...Object.keys(sample.cold.phases), ...Object.keys(sample.warm.phases)])),
].sort();
const phaseRows = values.profile
  ? perTarget.flatMap(({ target, mine }) =>
      (['cold', 'warm'] as const).map(
        (which) =>
          `| ${target.label} | ${which} | ${ms(median(mine.map((s) => s[which].elapsed)))} | ${phaseKinds
            .map((kind) => `${kind} ${median(mine.map((s) => s[which].phases[kind] ?? 0)).toFixed(0)}`)
            .join('; ')} |`,
      ),
    )
  : [];
const markdown = `# Search benchmark

${
  values.real
    ? `The built site${targets.length > 1 ? 's' : ''} ${targets.map((target) => `\`${target.label}\``).join(', ')}, searched as built: ${pages} document pages.`
    : `Synthetic corpus from \`scripts/make-synthetic-graph.ts\` (seed 7): ${pages} pages, of which
${planCount} plans (~25 KB of text each, sampled from the seed corpus) and ${pages - planCount}
cited documents. Indexed with \`indexSite\` as \`npm run build\` does${indexSeconds === null ? '' : ` (${indexSeconds.toFixed(1)} s)`}.`
} Searched through the real /tim-kiem/ page in headless Chromium,
each query in a fresh browser context (cold cache) once the page is ready (Pagefind loaded and
warmed up, as by the time a user has typed); "warm" repeats it on the same page. ${queries.length} queries × ${runs} run(s)${
  targets.length > 1 ? ', the sites in turns' : ''
}; load average ${loads.map((load) => load.toFixed(1)).join(' → ')}; CPU of this process (server, driver) ${(
  (cpu.user + cpu.system) /
  1e6
).toFixed(1)} s. Bytes are uncompressed HTTP bodies (Pagefind's index files are already gzip-compressed).

| Measure | Value |
| --- | --- |
| HTML of the document pages | ${kb(htmlBytes)} |
| Pagefind index (\`pagefind/\`, without its unused default UI files) | ${kb(pagefindBytes - uiBytes)} |
| Number index (\`tim-kiem/so-hieu/\`, ${numbers} numbers) | ${kb(numberBytes)} |
| Opening the search page (HTML, script, Pagefind, WASM, filters) | ${kb(
  percentile(
    samples.map((s) => s.initBytes),
    50,
  ),
)} (median) |
| Of a query's bytes, by kind of file (median / max over the queries) | ${[
  ...new Set(samples.flatMap((sample) => Object.keys(sample.byKind))),
]
  .sort()
  .map((kind) => {
    const values = samples.map((sample) => sample.byKind[kind] ?? 0);
    return `${kind} ${kb(percentile(values, 50))} / ${kb(Math.max(...values))}`;
  })
  .join('; ')} |
| Target cold p95 < 300 ms${targets.length > 1 ? ` (${first.label})` : ''} | ${
  percentile(
    perTarget[0]!.mine.map((s) => s.cold.elapsed),
    95,
  ) < 300
    ? 'met'
    : 'NOT met'
} |

Query time runs from submitting the form to the status line giving the count: the search as
typed (one Pagefind search, with đ written d), the number lookup and its \`cites\` list, and the
first results rendered with their excerpts. "First" is when the first result (or exact-number
entry) is in the page.${
  values.typed
    ? ` Cold queries are typed (\`--typed\`: a key every 60 ms, as a user types; the page preloads the index while
typing and searches after its typing pause, which the time includes) and timed from the last key.`
    : ''
}

| Site | Samples | Cold p50 / p95 | Cold first shown p50 / p95 | Warm p50 / p95 | Warm first shown p50 / p95 | Browser CPU cold / warm, p50 / p95 | Bytes a query downloads (median / max) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${perTarget.map((entry) => entry.line).join('\n')}
${
  values.profile
    ? `
Where the time goes (\`--profile\`; medians over the queries, ms, within each query's time). In the
Pagefind worker: \`net:*\` fetches with their bodies (union of parallel fetches), \`inflate:*\` its
JavaScript gunzip, \`wasm:*\` WebAssembly (\`load_index_chunk\` puts a chunk in the index,
\`search\` scores), \`json\` parsing, \`excerpt\` excerpt building, \`pf:search\` Pagefind's search
calls (union). In the page: \`msg:*\` messages to the worker (union).

| Site | Run | Total | Phases |
| --- | --- | ---: | --- |
${phaseRows.join('\n')}
`
    : ''
}
| Site | Query | Cold first / done (CPU) | Warm first / done (CPU) | Downloaded | Index / fragments | Status |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/out/search.md'), markdown);
console.log(markdown);
