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

let graphCache: { dir: string; data: GraphData } | undefined;

/**
 * The citation graph, read once per build.
 *
 * @returns Validated graph data.
 */
export function loadGraph(): GraphData {
  const dir = generatedDir();
  if (graphCache?.dir !== dir) {
    graphCache = { dir, data: graphSchema.parse(JSON.parse(readGenerated('graph.json'))) };
  }
  return graphCache.data;
}

/**
 * The ingest report.
 *
 * @returns Validated report.
 */
export function loadReport(): IngestReport {
  return reportSchema.parse(JSON.parse(readGenerated('report.json')));
}
