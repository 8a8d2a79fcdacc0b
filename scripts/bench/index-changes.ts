/**
 * Which indexed pages two builds disagree on, and in which part of the search index each
 * falls: the pages whose digest (`bodyDigest`) or cited documents differ, and the pages only
 * one build has. What makes a rebuild index a part again (`src/integrations/pagefind.ts`).
 *
 *   npx tsx scripts/bench/index-changes.ts <dist-before> <graph-before> <dist-after> <graph-after>
 *
 * Keep a copy of the first build's `dist/` and graph.json (`$VBG_GENERATED/graph.json`) before
 * the rebuild: the rebuild writes over both.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { bodyDigest } from '../../src/integrations/pagefind.ts';
import { shardCount, shardOf } from '../../src/integrations/pagefind-shards.ts';
import type { GraphData } from '../../src/pipeline/emit/graph-schema.ts';

/** What decides a page's indexed copy, as `indexSite` digests it. */
interface IndexedPage {
  body: string;
  /** Ids of the documents the page's node cites (with their numbers, which the copy holds). */
  cites: string;
}

/**
 * @param dist A built site.
 * @param graphFile Its graph.json.
 * @returns Relative path → what its indexed copy is made from, for every indexed page.
 */
async function indexedPages(dist: string, graphFile: string): Promise<Map<string, IndexedPage>> {
  const graph = JSON.parse(await readFile(graphFile, 'utf8')) as GraphData;
  const numberOf = new Map(graph.nodes.map((node) => [node.id, node.number]));
  const cited = new Map<string, Set<string>>();
  for (const edge of graph.edges) cited.set(edge.source, (cited.get(edge.source) ?? new Set()).add(edge.target));
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  const pages = new Map<string, IndexedPage>();
  for (const file of files) {
    const digest = bodyDigest(await readFile(path.join(dist, file), 'utf8'));
    if (digest.body === null) continue;
    const ids = digest.nodeId ? [...(cited.get(digest.nodeId) ?? [])].sort() : [];
    pages.set(file, { body: digest.body, cites: JSON.stringify(ids.map((id) => [id, numberOf.get(id) ?? null])) });
  }
  return pages;
}

const [distBefore, graphBefore, distAfter, graphAfter] = process.argv.slice(2);
if (!distBefore || !graphBefore || !distAfter || !graphAfter) {
  console.error('Cách dùng: index-changes.ts <dist trước> <graph.json trước> <dist sau> <graph.json sau>');
  process.exit(2);
}
const before = await indexedPages(distBefore, graphBefore);
const after = await indexedPages(distAfter, graphAfter);
const count = shardCount(after.size);
const parts = new Set<number>();
for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
  const old = before.get(file);
  const now = after.get(file);
  let change: string | null = null;
  if (!old) change = 'mới';
  else if (!now) change = 'bỏ';
  else if (old.body !== now.body || old.cites !== now.cites)
    change = [old.body !== now.body ? 'nội dung' : '', old.cites !== now.cites ? 'dẫn chiếu' : ''].filter(Boolean).join(', ');
  if (!change) continue;
  const part = shardOf(file, count);
  parts.add(part);
  console.log(`phần ${part}\t${change}\t${file}`);
}
// The part count itself can change with the page count, and then every part is made again.
const sameCount = shardCount(before.size) === count;
console.log(
  `${before.size} → ${after.size} trang, ${count} phần${sameCount ? '' : ' (số phần đổi: lập lại mọi phần)'}; ` +
    `phần phải lập lại: ${sameCount ? parts.size : count}.`,
);
