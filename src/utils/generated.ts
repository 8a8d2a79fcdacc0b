/**
 * Access to the pipeline's output (the generated dir) at site build time.
 *
 * Pages never parse texts: they read what `npm run pipeline` wrote, validated with the same
 * schemas the pipeline wrote it with, so a stale or hand-edited file fails the build loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { graphSchema, type GraphData } from '../pipeline/emit/graph-schema.ts';
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
  const file = path.join(generatedDir(), name);
  if (!existsSync(file)) {
    throw new Error(`Thiếu ${file}: chạy \`npm run pipeline\` (hoặc \`npm run build\`) trước.`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * Where the validated graph is kept: a process global, because `astro build` loads this module
 * twice (the config and its integrations through Vite, the pages from the built bundle), and
 * each copy validated the whole graph again (19 MB at 1,000 plans).
 */
const GRAPH_KEY = Symbol.for('van-ban-graph/graph');

/**
 * The citation graph, read and validated once per build.
 *
 * @returns Validated graph data.
 */
export function loadGraph(): GraphData {
  const dir = generatedDir();
  const holder = globalThis as { [GRAPH_KEY]?: { dir: string; data: GraphData } };
  const cached = holder[GRAPH_KEY];
  if (cached?.dir === dir) return cached.data;
  const data = graphSchema.parse(JSON.parse(readGenerated('graph.json')));
  holder[GRAPH_KEY] = { dir, data };
  return data;
}

/**
 * The ingest report.
 *
 * @returns Validated report.
 */
export function loadReport(): IngestReport {
  return reportSchema.parse(JSON.parse(readGenerated('report.json')));
}
