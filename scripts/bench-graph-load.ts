/**
 * `tsx scripts/bench-graph-load.ts <generated dir> [runs]`: what the site's build spends on the
 * pipeline's graph files, each run in a fresh process — `loadGraph` with the pipeline's stamp
 * (hash, no schema check) and without it (the schema check of graph.json, as before the stamp),
 * and `toGraphml` on that graph. Prints median wall and CPU (user + system) times.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPH_STAMP } from '../src/pipeline/emit/graph-stamp.ts';
import { toGraphml } from '../src/pipeline/emit/graphml.ts';
import { loadGraph } from '../src/utils/generated.ts';

/** One measurement in this process, printed as JSON for the parent. */
function child(task: string): void {
  // toGraphml is timed alone, on a graph read beforehand.
  const graph = task === 'load' ? null : JSON.parse(readFileSync(path.join(process.env['VBG_GENERATED']!, 'graph.json'), 'utf8'));
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (task === 'load') loadGraph();
  else toGraphml(graph);
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }));
}

/** Median of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const [dir, runsArg] = process.argv.slice(2);
if (process.env['BENCH_GRAPH_CHILD']) {
  child(process.env['BENCH_GRAPH_CHILD']);
} else {
  if (!dir || !existsSync(path.join(dir, 'graph.json'))) {
    throw new Error('Cách dùng: tsx scripts/bench-graph-load.ts <thư mục generated có graph.json> [số lần]');
  }
  const generated = path.resolve(dir);
  const stamp = path.join(generated, GRAPH_STAMP);
  if (!existsSync(stamp)) throw new Error(`Thiếu ${stamp}: chạy lại pipeline với mã hiện tại.`);
  const runs = Number(runsArg ?? 3);
  const self = fileURLToPath(import.meta.url);
  const measure = (task: string): { wall: number; cpu: number } =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', self], {
        env: { ...process.env, VBG_GENERATED: generated, BENCH_GRAPH_CHILD: task },
        encoding: 'utf8',
      }),
    ) as { wall: number; cpu: number };
  const results: Record<string, { wall: number[]; cpu: number[] }> = {};
  const add = (name: string, value: { wall: number; cpu: number }): void => {
    const entry = (results[name] ??= { wall: [], cpu: [] });
    entry.wall.push(value.wall);
    entry.cpu.push(value.cpu);
  };
  for (let run = 0; run < runs; run++) {
    add('loadGraph, stamp matches', measure('load'));
    renameSync(stamp, `${stamp}.off`);
    try {
      add('loadGraph, no stamp (schema check)', measure('load'));
    } finally {
      renameSync(`${stamp}.off`, stamp);
    }
    add('toGraphml', measure('graphml'));
  }
  for (const [name, { wall, cpu }] of Object.entries(results)) {
    console.log(`${name}: ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (median of ${runs})`);
  }
}
