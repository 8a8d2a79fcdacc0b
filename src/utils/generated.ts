/**
 * Access to the pipeline's output (the generated dir) at site build time.
 *
 * Pages never parse texts: they read what `npm run pipeline` wrote, validated with the same
 * schemas the pipeline wrote it with, so a stale or hand-edited file fails the build loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphData } from '../pipeline/emit/graph-schema.ts';
import { GRAPH_STAMP, checkGraph, graphSha256, stampVouches } from '../pipeline/emit/graph-stamp.ts';
import { reportSchema, type IngestReport } from '../pipeline/emit/report-schema.ts';

/**
 * The generated dir: `VBG_GENERATED`, or `content/generated` under the project root.
 *
 * @returns Absolute path.
 */
export function generatedDir(): string {
  return path.resolve(process.env['VBG_GENERATED'] ?? 'content/generated');
}

/**
 * Read one generated file.
 *
 * @param name Path inside the generated dir.
 * @returns Its text; throws with the fix when the pipeline has not run.
 */
export function readGenerated(name: string): string {
  return readFileSync(generatedPath(name), 'utf8');
}

/**
 * The path of a generated file that must exist.
 *
 * @param name Path inside the generated dir.
 * @returns Absolute path; throws with the fix when the pipeline has not run.
 */
export function generatedPath(name: string): string {
  const file = path.join(generatedDir(), name);
  if (!existsSync(file)) {
    throw new Error(`Thiếu ${file}: chạy \`npm run pipeline\` (hoặc \`npm run build\`) trước.`);
  }
  return file;
}

/**
 * Where the validated graph is kept: a process global, because `astro build` loads this module
 * twice (the config and its integrations through Vite, the pages from the built bundle), and
 * each copy validated the whole graph again (19 MB at 1,000 plans).
 */
const GRAPH_KEY = Symbol.for('van-ban-graph/graph');

/**
 * The citation graph, read once per build, and validated unless the pipeline's stamp vouches for
 * the file's exact bytes (`graph-stamp.ts`): the pipeline validated it already.
 *
 * @returns Validated graph data.
 */
export function loadGraph(): GraphData {
  return graphFile().data;
}

/**
 * The SHA-256 of graph.json's bytes as `loadGraph` read them: a key for the pages that show
 * nothing but the graph (with the site's code).
 *
 * @returns Hex digest.
 */
export function graphHash(): string {
  return graphFile().sha256;
}

/** The graph as read and validated once per build, with the hash of its bytes. */
interface GraphFile {
  dir: string;
  data: GraphData;
  sha256: string;
}

/**
 * Read, validate and keep graph.json (see `loadGraph`).
 *
 * @returns The kept graph.
 */
function graphFile(): GraphFile {
  const dir = generatedDir();
  const holder = globalThis as { [GRAPH_KEY]?: GraphFile };
  const cached = holder[GRAPH_KEY];
  if (cached?.dir === dir) return cached;
  const file = generatedPath('graph.json');
  const bytes = readFileSync(file);
  const value: unknown = JSON.parse(bytes.toString('utf8'));
  // The pipeline validated exactly these bytes when its stamp says so; anything else is checked here.
  const stamp = existsSync(path.join(dir, GRAPH_STAMP)) ? readFileSync(path.join(dir, GRAPH_STAMP), 'utf8') : null;
  const sha256 = graphSha256(bytes);
  const data = stampVouches(stamp, sha256) ? (value as GraphData) : checkGraph(value, file);
  const read: GraphFile = { dir, data, sha256 };
  holder[GRAPH_KEY] = read;
  return read;
}

/**
 * The ingest report.
 *
 * @returns Validated report.
 */
export function loadReport(): IngestReport {
  return reportSchema.parse(JSON.parse(readGenerated('report.json')));
}
