/**
 * Where a search's time goes, for `scripts/bench-search.ts --profile`: a copy of a built site
 * (hard links, one file replaced) whose Pagefind worker records what it spends its time on,
 * and a script for the page that records its messages to the worker and when the first result
 * shows.
 *
 * In the worker (Pagefind 1.6 searches in a Web Worker, `pagefind-worker.js`): the fetches
 * (with their bodies), the inflation of the gzip'd files (Pagefind's own JavaScript
 * inflater), the WebAssembly calls (loading a chunk into the index, scoring), the JSON it
 * parses and the excerpts it builds. Each is a span [kind, start, end] on the worker's clock.
 * In the page: each message to the worker, from posting to its answer (`msg:search`,
 * `msg:getData`…), on the page's clock.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One timed span: kind, start and end in ms. */
export type Span = [kind: string, start: number, end: number];

/** The code put into the worker, just before it starts listening for messages. */
const WORKER_PROBE = `
const __vbgSpans = [];
const __vbgNow = () => performance.now();
const __vbgKind = (name) => { const m = /\\.pf_(\\w+)/.exec(name); if (m) return m[1]; return /^Fragment/.test(name) ? 'fragment' : 'other'; };
{
  const realFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const start = __vbgNow();
    const response = await realFetch(input, init);
    const body = await response.arrayBuffer();
    __vbgSpans.push(['net:' + __vbgKind(String(input)), start, __vbgNow(), body.byteLength]);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const P = PagefindInstance.prototype;
  const decompress = P.decompress;
  P.decompress = function (data, file) {
    const start = __vbgNow();
    const out = decompress.call(this, data, file);
    __vbgSpans.push(['inflate:' + __vbgKind(String(file)), start, __vbgNow(), out.length]);
    return out;
  };
  for (const name of ['load_index_chunk', 'load_filter_chunk', 'search', 'request_indexes', 'request_filter_indexes', 'filters', 'init_pagefind']) {
    const f = wasm_bindgen[name];
    wasm_bindgen[name] = function (...args) {
      const start = __vbgNow();
      try { return f.apply(this, args); } finally { __vbgSpans.push(['wasm:' + name, start, __vbgNow()]); }
    };
  }
  const search = P.search;
  P.search = async function (...args) {
    const start = __vbgNow();
    const out = await search.apply(this, args);
    __vbgSpans.push([args[1] && args[1].preload ? 'pf:preload' : 'pf:search', start, __vbgNow()]);
    return out;
  };
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    const start = __vbgNow();
    try { return parse.call(JSON, text, reviver); } finally { if (typeof text === 'string' && text.length > 2000) __vbgSpans.push(['json', start, __vbgNow(), text.length]); }
  };
  // Excerpt functions call each other: only the outermost call is counted.
  let depth = 0;
  const timed = (kind, f) => function (...args) { const start = __vbgNow(); depth += 1; try { return f.apply(this, args); } finally { depth -= 1; if (depth === 0) __vbgSpans.push([kind, start, __vbgNow()]); } };
  build_excerpt = timed('excerpt', build_excerpt);
  calculate_sub_results = timed('excerpt', calculate_sub_results);
  calculate_excerpt_region = timed('excerpt', calculate_excerpt_region);
  self.addEventListener('message', (event) => {
    if (event.data && event.data.method === '__vbgSpans') {
      event.stopImmediatePropagation();
      self.postMessage({ id: event.data.id, result: { spans: __vbgSpans.splice(0), origin: performance.timeOrigin } });
    }
  });
}
`;

/** Where the probe goes: Pagefind 1.6's worker registers its message listener there. */
const WORKER_HOOK = 'self.addEventListener("message"';

/**
 * The page-side probe (`page.addInitScript`): wraps `Worker` so that each message to Pagefind's
 * worker and its answer are timed, and exposes `__vbgProbe` for the benchmark.
 */
export const PAGE_PROBE = `(() => {
  const spans = [];
  const workers = [];
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(...args) {
      super(...args);
      workers.push(this);
      const sent = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && message.id && message.method !== '__vbgSpans') sent.set(message.id, [message.method, performance.now()]);
        return post(message, ...rest);
      };
      this.addEventListener('message', (event) => {
        const entry = event.data && sent.get(event.data.id);
        if (entry) { sent.delete(event.data.id); spans.push(['msg:' + entry[0], entry[1], performance.now()]); }
      });
    }
  };
  window.__vbgProbe = {
    spans,
    take() { return spans.splice(0); },
    workerSpans() {
      const worker = workers[0];
      if (!worker) return Promise.resolve({ spans: [], origin: performance.timeOrigin });
      return new Promise((resolve) => {
        const id = '__vbg_' + Math.random();
        const listen = (event) => { if (event.data && event.data.id === id) { worker.removeEventListener('message', listen); resolve(event.data.result); } };
        worker.addEventListener('message', listen);
        worker.postMessage({ id, method: '__vbgSpans' });
      });
    },
  };
})();`;

/**
 * A copy of a built site (hard links) whose Pagefind worker carries the probe. The worker file
 * is unlinked before it is written, so the original site is never modified.
 *
 * @param site Built site.
 * @param copy Folder for the copy (replaced).
 * @returns The copy.
 */
export function profiledCopy(site: string, copy: string): string {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(path.dirname(copy), { recursive: true });
  execFileSync('cp', ['-al', site, copy]);
  const manifest = path.join(copy, 'pagefind/shards.json');
  const first = existsSync(manifest)
    ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { shards: string[] }).shards[0] ?? '')
    : '';
  const worker = path.join(copy, 'pagefind', first, 'pagefind-worker.js');
  const code = readFileSync(worker, 'utf8');
  const at = code.indexOf(WORKER_HOOK);
  if (at < 0) throw new Error(`${worker}: no "${WORKER_HOOK}" (Pagefind's worker changed?)`);
  rmSync(worker);
  writeFileSync(worker, code.slice(0, at) + WORKER_PROBE + code.slice(at));
  return copy;
}

/**
 * Total length of the union of a list of intervals (parallel fetches counted once).
 *
 * @param spans Intervals.
 * @returns Covered time in ms.
 */
export function unionLength(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of sorted) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
}

/**
 * Sum of the spans by kind, within a window; the `net:` kinds as their union (fetches run in
 * parallel) — and `net` overall.
 *
 * @param spans Spans (any extra fields ignored).
 * @param from Window start.
 * @param to Window end.
 * @returns Kind → ms.
 */
export function byKind(
  spans: readonly (readonly [string, number, number, ...unknown[]])[],
  from = -Infinity,
  to = Infinity,
): Record<string, number> {
  const inside = spans.filter(([, start, end]) => start >= from && end <= to);
  const totals: Record<string, number> = {};
  const groups = new Map<string, [number, number][]>();
  for (const [kind, start, end] of inside) {
    if (kind.startsWith('net:') || kind.startsWith('msg:') || kind.startsWith('pf:')) {
      groups.set(kind, [...(groups.get(kind) ?? []), [start, end]]);
      if (kind.startsWith('net:')) groups.set('net', [...(groups.get('net') ?? []), [start, end]]);
    } else totals[kind] = (totals[kind] ?? 0) + (end - start);
  }
  for (const [kind, list] of groups) totals[kind] = unionLength(list);
  return totals;
}
