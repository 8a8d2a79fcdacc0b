/**
 * Astro integration: the site's bulk per-document files, written straight to the output
 * instead of through thousands of Astro endpoints (each costs Astro a route render; at a
 * thousand plans the two sets below took seconds of every build):
 * - `data/nguon/<id>.txt`: each plan's source text (decoded, UTF-8 with BOM), for the
 *   "văn bản gốc" link of its page — a copy of the generated dir's `sources/<id>.txt`;
 * - `data/mdx/<id>.mdx`: each plan's page as MDX (frontmatter record, body with its citation
 *   links), for reuse in other MDX sites — a copy of the generated dir's `plans/<id>.mdx`;
 * - `data/goc/<id>.<ext>`: the original file of each plan read from Word, PDF or a scan,
 *   byte for byte (the generated dir's `originals/`), for the page's "tệp gốc" link;
 * - `do-thi/lan-can/<id>.json`: the neighbourhood of each document for its page's local
 *   graph (`neighbourhood()`);
 * - `data/graph.json`, `data/citations.csv`, `data/graph.graphml`, `data/report.json`,
 *   `data/ra-soat.csv`, `data/trien-khai.csv`: the open data, the pipeline's files as they are
 *   (`DATA_FILES`). As Astro endpoints each build decoded them, re-encoded them and streamed
 *   them through a `Response` (190 MB at 5,000 plans: ~12 s of a one-plan rebuild's routes).
 * `astro dev` serves the same files from memory, so pages work the same there.
 */
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildAdjacency, neighbourhood, type Adjacency } from '../client/graph/neighbourhood.ts';
import type { GraphData } from '../pipeline/emit/graph-schema.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';
import { mdxWritten } from '../pipeline/mdx-pending.ts';
import { generatedDir, generatedPath, graphHash, loadGraph, readGenerated } from '../utils/generated.ts';
import { storedFiles } from './file-store.ts';
import { siteCode } from './page-store.ts';

/** Folder of the source texts, under the site root. */
export const SOURCES_FOLDER = 'data/nguon';
/** Folder of the plans' MDX files, under the site root. */
export const MDX_FOLDER = 'data/mdx';
/** Folder of the original Word/PDF/scan files, under the site root. */
export const ORIGINALS_FOLDER = 'data/goc';
/** Folder of the neighbourhood files, under the site root. */
export const NEIGHBOURHOOD_FOLDER = 'do-thi/lan-can';
/** Folder of the open data files, under the site root. */
export const DATA_FOLDER = 'data';

/** The open data: generated-dir files served as they are at `data/<name>`, with their content types. */
export const DATA_FILES: Readonly<Record<string, string>> = {
  'citations.csv': 'text/csv; charset=utf-8',
  'graph.graphml': 'application/graphml+xml; charset=utf-8',
  'graph.json': 'application/json; charset=utf-8',
  'ra-soat.csv': 'text/csv; charset=utf-8',
  'report.json': 'application/json; charset=utf-8',
  'trien-khai.csv': 'text/csv; charset=utf-8',
};

/**
 * Write every bulk file of a graph into a built site.
 *
 * @param outDir Site directory (files as served under the base path).
 * @param graph The graph.
 * @param store Where to keep the neighbourhood files between builds, and the key they are made
 *   from (the site's code and graph.json's hash); without it they are made every time.
 * @returns How many files of each kind were written, whether the neighbourhood files were
 *   reused, and the stored files found damaged.
 */
export async function writeBulkFiles(
  outDir: string,
  graph: GraphData,
  store?: { dir: string; key: string },
): Promise<{
  sources: number;
  mdx: number;
  originals: number;
  data: number;
  neighbourhoods: number;
  reused: boolean;
  damaged: string[];
  /** How long the copy waited for the pipeline's MDX files (ms). */
  waitedForMdx: number;
}> {
  // Built only when the neighbourhood files are made.
  let adjacency: Adjacency | undefined;
  const adjacencyOfGraph = (): Adjacency => (adjacency ??= buildAdjacency(graph));
  const originals = await readdir(path.join(generatedDir(), 'originals')).catch(() => [] as string[]);
  if (originals.length > 0) await mkdir(path.join(outDir, ORIGINALS_FOLDER), { recursive: true });
  await forEachLimited(originals, 16, (name) =>
    linkOrCopy(path.join(generatedDir(), 'originals', name), path.join(outDir, ORIGINALS_FOLDER, name)),
  );
  await mkdir(path.join(outDir, DATA_FOLDER), { recursive: true });
  // A missing one fails the build, as the endpoint that served it did.
  for (const name of Object.keys(DATA_FILES)) await linkOrCopy(generatedPath(name), path.join(outDir, DATA_FOLDER, name));
  await mkdir(path.join(outDir, SOURCES_FOLDER), { recursive: true });
  await mkdir(path.join(outDir, MDX_FOLDER), { recursive: true });
  await mkdir(path.join(outDir, NEIGHBOURHOOD_FOLDER), { recursive: true });
  let sources = 0;
  // Under `npm run build` the pipeline may still be writing the MDX files (src/pipeline/mdx-pending.ts).
  const waitStart = performance.now();
  await mdxWritten(generatedDir());
  const waitedForMdx = performance.now() - waitStart;
  // Many files in flight: one after another, each await cost more than its small write
  // (13 s for the 11,600 files of 5,000 plans).
  await forEachLimited(graph.nodes, 16, async (node) => {
    if (node.inCorpus) {
      await linkOrCopy(
        path.join(generatedDir(), 'sources', `${node.id}.txt`),
        path.join(outDir, SOURCES_FOLDER, `${node.id}.txt`),
      );
      await linkOrCopy(path.join(generatedDir(), 'plans', `${node.id}.mdx`), path.join(outDir, MDX_FOLDER, `${node.id}.mdx`));
      sources += 1;
    }
    if (!store)
      await writeFile(
        path.join(outDir, NEIGHBOURHOOD_FOLDER, `${node.id}.json`),
        neighbourhoodJson(adjacencyOfGraph(), node.id) ?? '',
      );
  });
  // The neighbourhood files are made from the graph alone: with a store, linked from the
  // previous build's while graph.json and the code are the same.
  const stored = store
    ? await storedFiles(store.dir, store.key, outDir, () =>
        graph.nodes.map((node): [string, string] => [
          `${NEIGHBOURHOOD_FOLDER}/${node.id}.json`,
          neighbourhoodJson(adjacencyOfGraph(), node.id) ?? '',
        ]),
      )
    : undefined;
  return {
    sources,
    mdx: sources,
    originals: originals.length,
    data: Object.keys(DATA_FILES).length,
    neighbourhoods: graph.nodes.length,
    reused: stored?.reused ?? false,
    damaged: stored?.damaged ?? [],
    waitedForMdx,
  };
}

/**
 * Put a generated file into the site: a hard link when both are on one file system (one
 * metadata write instead of a copy: 2,000 files and 52 MB at 1,000 plans), else a copy.
 * Sound because nothing writes into either file in place: the pipeline replaces a changed
 * file by a new one (temporary file, then rename), which leaves the linked one as it was.
 *
 * @param from Generated file.
 * @param to File in the site.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Files of Astro's content layer that Astro 5.18 copies into the output when the output
 * folder lies outside the working directory (it builds there in a fallback folder inside
 * the project and copies all of it over). The site never writes these names.
 */
const ASTRO_LEFTOVERS = ['collections', 'content-assets.mjs', 'content-modules.mjs'];

/**
 * Remove `ASTRO_LEFTOVERS` from a built site, so `OUT_DIR=/srv/www/van-ban` gives the same
 * files as `dist/`.
 *
 * @param outDir Site directory.
 */
export async function removeAstroLeftovers(outDir: string): Promise<void> {
  for (const name of ASTRO_LEFTOVERS) await rm(path.join(outDir, name), { recursive: true, force: true });
}

/**
 * A node's neighbourhood file as served.
 *
 * @param adjacency Adjacency of the graph.
 * @param id Node id.
 * @returns JSON text, or undefined for an unknown id.
 */
function neighbourhoodJson(adjacency: Adjacency, id: string): string | undefined {
  const file = neighbourhood(adjacency, id);
  return file && JSON.stringify(file);
}

let devAdjacency: { graph: GraphData; adjacency: Adjacency } | undefined;

/**
 * The adjacency of the current graph, built once per graph (`loadGraph` reads it once), not
 * once per request of the dev server.
 *
 * @param graph The graph.
 * @returns Its adjacency.
 */
function adjacencyOf(graph: GraphData): Adjacency {
  if (devAdjacency?.graph !== graph) devAdjacency = { graph, adjacency: buildAdjacency(graph) };
  return devAdjacency.adjacency;
}

/**
 * A bulk file for the dev server, from a request path relative to the base.
 *
 * @param relative Path without the base ("data/nguon/x.txt").
 * @returns Body and content type, or undefined when the path is not a bulk file.
 */
function devFile(relative: string): { body: string | Buffer; type: string } | undefined {
  const original = /^data\/goc\/([a-z0-9-]+\.[a-z0-9]+)$/.exec(decodeURIComponent(relative));
  if (original?.[1]) {
    try {
      return { body: readFileSync(path.join(generatedDir(), 'originals', original[1])), type: 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }
  const data = /^data\/([a-z-]+\.[a-z]+)$/.exec(relative);
  if (data?.[1] && Object.hasOwn(DATA_FILES, data[1])) {
    return { body: readGenerated(data[1]), type: DATA_FILES[data[1]]! };
  }
  const match = /^(data\/nguon|data\/mdx|do-thi\/lan-can)\/([^/]+)\.(txt|mdx|json)$/.exec(decodeURIComponent(relative));
  if (!match?.[2]) return undefined;
  const graph = loadGraph();
  const node = graph.nodes.find((candidate) => candidate.id === match[2]);
  if (!node) return undefined;
  if (match[1] === SOURCES_FOLDER && match[3] === 'txt' && node.inCorpus) {
    return { body: readGenerated(`sources/${node.id}.txt`), type: 'text/plain; charset=utf-8' };
  }
  if (match[1] === MDX_FOLDER && match[3] === 'mdx' && node.inCorpus) {
    return { body: readGenerated(`plans/${node.id}.mdx`), type: 'text/markdown; charset=utf-8' };
  }
  if (match[1] === NEIGHBOURHOOD_FOLDER && match[3] === 'json') {
    const body = neighbourhoodJson(adjacencyOf(graph), node.id);
    return body === undefined ? undefined : { body, type: 'application/json; charset=utf-8' };
  }
  return undefined;
}

/**
 * The integration.
 *
 * @returns Astro integration.
 */
export default function bulkFiles(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  return {
    name: 'van-ban-bulk-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          const found = url.startsWith(base) ? devFile(url.slice(base.length)) : undefined;
          if (!found) {
            next();
            return;
          }
          response.setHeader('Content-Type', found.type);
          response.end(found.body);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await removeAstroLeftovers(fileURLToPath(dir));
        // The page store's code hash (none with VBG_PAGE_REUSE=off: then no store either).
        const code = siteCode();
        const store =
          code === undefined ? undefined : { dir: path.join(cacheDir, 'van-ban-bulk'), key: `${code}\0${graphHash()}` };
        const written = await writeBulkFiles(fileURLToPath(dir), loadGraph(), store);
        for (const file of written.damaged) logger.warn(`Tệp lưu sẵn bị hỏng, sẽ làm lại: ${file}`);
        // Whether the MDX made beside Astro was late (then the time it added to the build).
        if (written.waitedForMdx >= 100) logger.info(`Đợi pipeline ghi xong MDX ${(written.waitedForMdx / 1000).toFixed(1)} s.`);
        logger.info(
          `${written.sources} văn bản gốc, ${written.mdx} tệp MDX, ${written.originals} tệp gốc Word/PDF/ảnh quét, ${written.data} tệp dữ liệu mở, ${written.neighbourhoods} tệp lân cận đồ thị${written.reused ? ' (dùng lại)' : ''}.`,
        );
      },
    },
  };
}
