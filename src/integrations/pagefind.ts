/**
 * Astro integration: index the built site with Pagefind's Node API when `astro build` is
 * done, so `npm run build` ships a working search with no manual step. The index lands in
 * `<outDir>/pagefind/`, under the base path like every other file.
 *
 * Before a page is indexed, the integration adds, in the indexed copy only (files on disk
 * are untouched), what the page template cannot know:
 * - `folded` metadata: the page's đ-words without diacritics, which Pagefind cannot fold
 *   itself (see `dStrokeTerms`); as metadata it is searched but never shown in excerpts;
 * - a `cites` filter per document the page cites, from the graph, for the exact
 *   "which plans cite X" list of the search page.
 * It also writes the number index the search page reads for exact số ký hiệu lookups:
 * `<outDir>/tim-kiem/so-hieu/<shard>.json`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { graphSchema, type GraphData } from '../pipeline/emit/graph-schema.ts';
import { dStrokeTerms, numberKey, shardOfKey, NUMBER_SHARDS, numberShard } from '../pipeline/search-terms.ts';

/** Options of the integration. */
export interface PagefindOptions {
  /**
   * graph.json to read the citations and numbers from. Default: `<outDir>/data/graph.json`
   * when the site ships one, else `$VBG_GENERATED/graph.json` (`content/generated/graph.json`).
   */
  graphPath?: string;
}

/** One entry of the number index (`/tim-kiem/so-hieu/<shard>.json`). */
export interface NumberEntry {
  /** Number key (`numberKey`): "21/2019/ND-CP". */
  key: string;
  id: string;
  /** Page URL relative to the base: "van-ban/nghi-dinh-21-2019-nd-cp/". */
  url: string;
  label: string;
  /** Number as written: "21/2019/NĐ-CP". */
  number: string;
  type: string | null;
  issuer: string | null;
  /** ISO date, possibly partial, or null. */
  date: string | null;
  inCorpus: boolean;
}

/** What `indexSite` did. */
export interface IndexReport {
  pages: number;
  /** Pages given the `folded` metadata. */
  folded: number;
  /** `cites` filter values added, over all pages. */
  cites: number;
  numbers: number;
}

/**
 * The integration. Add to astro.config.mjs: `integrations: [mdx(), pagefind()]`.
 *
 * @param options Optional settings.
 * @returns Astro integration.
 */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'van-ban-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const graph = await readGraph(outDir, options.graphPath);
        if (!graph) logger.warn('Không tìm thấy graph.json: không có bộ lọc dẫn chiếu và tra số hiệu.');
        const report = await indexSite(outDir, graph);
        logger.info(
          `Pagefind: ${report.pages} trang, ${report.folded} có từ bỏ dấu, ` +
            `${report.cites} dẫn chiếu, ${report.numbers} số hiệu.`,
        );
      },
    },
  };
}

/**
 * Read and validate the graph, or null when there is none.
 *
 * @param outDir Build output directory.
 * @param graphPath Explicit path, if any.
 * @returns Graph data or null.
 */
export async function readGraph(outDir: string, graphPath?: string): Promise<GraphData | null> {
  const candidates = graphPath
    ? [graphPath]
    : [
        path.join(outDir, 'data/graph.json'),
        path.join(process.env.VBG_GENERATED ?? 'content/generated', 'graph.json'),
      ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) return null;
  return graphSchema.parse(JSON.parse(await readFile(found, 'utf8')));
}

/**
 * Index every page of a built site that has a `data-pagefind-body`, and write the
 * number index. Used by the integration and by scripts/bench-search.ts.
 *
 * @param dir Built site directory (files as served under the base path).
 * @param graph Citation graph, or null.
 * @returns Counts.
 */
export async function indexSite(dir: string, graph: GraphData | null): Promise<IndexReport> {
  const citesOf = citationsBySource(graph);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const report: IndexReport = { pages: 0, folded: 0, cites: 0, numbers: 0 };
  try {
    for (const file of await htmlFiles(dir)) {
      const html = await readFile(path.join(dir, file), 'utf8');
      const enriched = enrichPage(html, citesOf);
      if (!enriched) continue;
      const added = await index.addHTMLFile({ url: pageUrl(file), content: enriched.html });
      if (added.errors.length > 0) throw new Error(`Pagefind ${file}: ${added.errors.join('; ')}`);
      report.pages += 1;
      if (enriched.folded > 0) report.folded += 1;
      report.cites += enriched.cites;
    }
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  report.numbers = await writeNumberIndex(dir, graph);
  return report;
}

/**
 * Map of node id → ids it cites (every outgoing edge), each list sorted.
 *
 * @param graph Graph or null.
 * @returns Lookup.
 */
function citationsBySource(graph: GraphData | null): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const edge of graph?.edges ?? []) {
    const targets = map.get(edge.source) ?? new Set<string>();
    targets.add(edge.target);
    map.set(edge.source, targets);
  }
  return new Map([...map].map(([source, targets]) => [source, [...targets].sort()]));
}

/**
 * The indexed copy of a page: folded đ-words as metadata and `cites` filters, inserted
 * as empty hidden elements at the start of the `data-pagefind-body` element. Null for a
 * page without such an element (Pagefind would skip it anyway).
 *
 * @param html Page HTML.
 * @param citesOf Node id → cited ids.
 * @returns Enriched HTML and what was added, or null.
 */
export function enrichPage(
  html: string,
  citesOf: ReadonlyMap<string, readonly string[]>,
): { html: string; folded: number; cites: number } | null {
  const region = bodyRegion(html);
  if (!region) return null;
  const terms = dStrokeTerms(plainText(withoutIgnored(html.slice(region.innerStart, region.end))));
  const nodeId = /\bdata-node-id="([^"]*)"/.exec(html.slice(region.innerStart, region.end))?.[1];
  const cites = nodeId ? (citesOf.get(nodeId) ?? []) : [];
  const added = [
    terms.length > 0
      ? `<span hidden data-pagefind-meta="folded[data-folded]" data-folded="${escapeAttribute(terms.join(' '))}"></span>`
      : '',
    ...cites.map((id) => `<span hidden data-pagefind-filter="cites[data-cites]" data-cites="${escapeAttribute(id)}"></span>`),
  ].join('');
  return {
    html: html.slice(0, region.innerStart) + added + html.slice(region.innerStart),
    folded: terms.length,
    cites: cites.length,
  };
}

/**
 * Locate the element marked `data-pagefind-body`: where its content starts and ends.
 * A small scan over tags of the same name is enough for the HTML Astro writes.
 *
 * @param html Page HTML.
 * @returns Offsets, or null when the page has no such element.
 */
export function bodyRegion(html: string): { innerStart: number; end: number } | null {
  const marker = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/.exec(html);
  if (!marker?.[1]) return null;
  const innerStart = marker.index + marker[0].length;
  return { innerStart, end: closingTag(html, marker[1], innerStart).start };
}

/**
 * Find the closing tag of an element by counting the tags of the same name after it.
 *
 * @param html HTML.
 * @param name Tag name of the element.
 * @param from Offset just after its opening tag.
 * @returns Start and end offsets of the closing tag (both `html.length` when missing).
 */
function closingTag(html: string, name: string, from: number): { start: number; end: number } {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return { start: html.length, end: html.length };
}

/** Elements without a closing tag. */
const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * An HTML fragment without its `data-pagefind-ignore` elements, whose words Pagefind does
 * not index either (a page must not match through words its text does not show).
 *
 * @param html HTML fragment.
 * @returns The fragment with those elements cut out.
 */
export function withoutIgnored(html: string): string {
  const ignored = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
  let out = '';
  let at = 0;
  for (let match = ignored.exec(html); match?.[1]; match = ignored.exec(html)) {
    const afterOpen = match.index + match[0].length;
    const end = voidElements.has(match[1].toLowerCase()) ? afterOpen : closingTag(html, match[1], afterOpen).end;
    out += html.slice(at, match.index);
    at = end;
    ignored.lastIndex = end;
  }
  return out + html.slice(at);
}

/**
 * Text of an HTML fragment: scripts, styles and tags dropped, entities decoded.
 *
 * @param html HTML fragment.
 * @returns Text with tags replaced by spaces.
 */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => decodeEntity(entity));
}

/** Named entities Astro may write; everything else it writes as characters or numbers. */
const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string): string {
  if (entity[0] === '#') {
    const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  }
  return namedEntities[entity.toLowerCase()] ?? '';
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Every .html file of the site, relative and sorted (so the index is deterministic),
 * without Pagefind's own output.
 *
 * @param dir Site directory.
 * @returns Relative paths with "/" separators.
 */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * Result URL of a file, relative to the base (Pagefind's `baseUrl` adds the base at search
 * time): "van-ban/x/index.html" → "/van-ban/x/".
 *
 * @param file Relative file path.
 * @returns URL path.
 */
export function pageUrl(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Write the number index: every numbered node of the graph, split into
 * `NUMBER_SHARDS` files by the first digits of its number. Every shard is written, even
 * empty, so a lookup never meets a 404.
 *
 * @param dir Site directory.
 * @param graph Graph or null.
 * @returns Number of entries.
 */
async function writeNumberIndex(dir: string, graph: GraphData | null): Promise<number> {
  const shards = new Map<string, NumberEntry[]>();
  for (let shard = 0; shard < NUMBER_SHARDS; shard += 1) shards.set(numberShard(String(shard)), []);
  let count = 0;
  for (const node of graph?.nodes ?? []) {
    if (!node.number) continue;
    const key = numberKey(node.number);
    const shard = shardOfKey(key);
    if (!shard) continue;
    shards.get(shard)?.push({
      key,
      id: node.id,
      url: node.url,
      label: node.label,
      number: node.number,
      type: node.type,
      issuer: node.issuer,
      date: node.date?.iso ?? null,
      inCorpus: node.inCorpus,
    });
    count += 1;
  }
  const out = path.join(dir, 'tim-kiem/so-hieu');
  await mkdir(out, { recursive: true });
  for (const [shard, entries] of shards) {
    entries.sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1));
    await writeFile(path.join(out, `${shard}.json`), JSON.stringify(entries) + '\n');
  }
  return count;
}
