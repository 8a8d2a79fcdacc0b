/**
 * `npx tsx scripts/bench-extract.ts [--runs N] [--mb M]`: extraction speed on the seed plans
 * (content/sources/*.txt, repeated to about M MB, default 5), in MB/s of CPU time (user +
 * system of this process, so other engineers' jobs on the shared machine hardly move it) and
 * of wall time; the median of N runs (default 5).
 *
 * A baseline is measured in the same run: one pass of a simple regular expression (every
 * "số <number>") over the same text, so a slower hour of the machine shows in both figures and
 * the ratio stays comparable. The target is extraction ≥ 20 MB/s (CPU).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract } from '../src/pipeline/extract.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const runs = Math.round(option('--runs', 5));
const targetBytes = option('--mb', 5) * 1e6;

const directory = path.resolve(import.meta.dirname, '../content/sources');
const seed = readdirSync(directory)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(path.join(directory, file), 'utf8').normalize('NFC').replace(/\r\n?/g, '\n'))
  .join('\n\n');
const text = seed.repeat(Math.max(1, Math.ceil(targetBytes / Buffer.byteLength(seed))));
const bytes = Buffer.byteLength(text);

/** CPU and wall milliseconds of one call. */
function measure(run: () => number): { cpu: number; wall: number; count: number } {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const count = run();
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall, count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const baselinePattern = /số\s+\d+(?:\/[\p{L}\p{N}-]+)*/gu;
const baseline = () => [...text.matchAll(baselinePattern)].length;
const extraction = () => extract(text).length;

// Warm up the JIT once on each.
baseline();
extraction();
const results = { baseline: [] as { cpu: number; wall: number }[], extract: [] as { cpu: number; wall: number }[] };
let citations = 0;
for (let run = 0; run < runs; run++) {
  results.baseline.push(measure(baseline));
  const measured = measure(extraction);
  citations = measured.count;
  results.extract.push(measured);
}

const rate = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(1);
const rows = (['extract', 'baseline'] as const).map((name) => {
  const cpu = median(results[name].map((item) => item.cpu));
  const wall = median(results[name].map((item) => item.wall));
  return { name, cpu, wall };
});
console.log(`Seed text: ${(bytes / 1e6).toFixed(2)} MB, ${citations} citations, median of ${runs} runs`);
console.log('| Pass | CPU MB/s | Wall MB/s |');
console.log('| --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.name} | ${rate(row.cpu)} | ${rate(row.wall)} |`);
const [extractRow, baselineRow] = rows;
console.log(`Extraction takes ${(extractRow!.cpu / baselineRow!.cpu).toFixed(1)}× the baseline's CPU time.`);
const cpuRate = bytes / 1e6 / (extractRow!.cpu / 1000);
console.log(cpuRate >= 20 ? `OK: ${cpuRate.toFixed(1)} MB/s ≥ 20 MB/s` : `BELOW TARGET: ${cpuRate.toFixed(1)} MB/s < 20 MB/s`);
