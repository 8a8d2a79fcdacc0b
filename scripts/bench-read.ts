/**
 * `npx tsx scripts/bench-read.ts [DIR] [--runs N] [--out DIR]`: how fast the readers turn
 * files into text, per format: documents/s and pages/s for Word and text PDFs (median of N
 * runs over every file of that format), seconds per page for OCR (one run, cache off, so
 * Tesseract really runs). DIR defaults to ../shared/corpus/files.
 *
 * The text reader on the seed plans is measured in the same run as a baseline, so a slower
 * hour of the machine shows in both columns.
 *
 * Prints a Markdown table and writes it to `<out>/read.md` (default bench/out).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDocument } from '../src/pipeline/read/dispatch.ts';
import type { SourceText } from '../src/model.ts';

interface Row {
  format: string;
  files: number;
  pages: number;
  megabytes: number;
  seconds: number;
  failed: number;
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const dir = path.resolve(
  argv.find((argument, index) => !argument.startsWith('--') && !argv[index - 1]?.startsWith('--')) ?? '../shared/corpus/files',
);
const runs = Number(option('--runs') ?? 3);
const outDir = path.resolve(option('--out') ?? 'bench/out');

/** Read every file once; OCR off except for scans, which are read with the cache off. */
async function readAll(files: { name: string; bytes: Uint8Array }[]): Promise<{ sources: SourceText[]; seconds: number[] }> {
  const sources: SourceText[] = [];
  const seconds: number[] = [];
  for (const file of files) {
    const start = performance.now();
    sources.push(await readDocument(file.bytes, file.name, { ocrCacheDir: null }));
    seconds.push((performance.now() - start) / 1000);
  }
  return { sources, seconds };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const names = (await readdir(dir)).filter((name) => !name.endsWith('.md') && !name.endsWith('.json')).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) })),
  );
  const seedDir = path.resolve('content/sources');
  const seeds = await Promise.all(
    (await readdir(seedDir))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(seedDir, name))) })),
  );

  // First pass: learn each file's format (a PDF may turn out to be a scan) and time the scans once.
  const first = await readAll(files);
  const byFormat = new Map<string, number[]>();
  first.sources.forEach((source, index) => {
    const format = source.origin?.format ?? 'unknown';
    byFormat.set(format, [...(byFormat.get(format) ?? []), index]);
  });

  const rows: Row[] = [];
  const measure = async (
    format: string,
    group: { name: string; bytes: Uint8Array }[],
    sources: SourceText[],
    once?: number[],
  ) => {
    const totals: number[] = [];
    if (once) totals.push(once.reduce((a, b) => a + b, 0));
    else {
      for (let run = 0; run < runs; run++) totals.push((await readAll(group)).seconds.reduce((a, b) => a + b, 0));
    }
    rows.push({
      format,
      files: group.length,
      pages: sources.reduce((sum, source) => sum + (source.origin?.pageCount ?? 0), 0),
      megabytes: group.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 1e6,
      seconds: median(totals),
      failed: sources.filter((source) => source.text === null).length,
    });
  };
  await measure('txt (seed plans, baseline)', seeds, (await readAll(seeds)).sources);
  for (const [format, indexes] of [...byFormat].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const group = indexes.map((index) => files[index]!);
    const sources = indexes.map((index) => first.sources[index]!);
    const slow = format === 'pdf-scan' || format === 'image';
    await measure(format, group, sources, slow ? indexes.map((index) => first.seconds[index]!) : undefined);
  }

  const lines = [
    `Reading ${path.relative(process.cwd(), dir) || dir} (${files.length} files), median of ${runs} runs (scans: one run, OCR cache off).`,
    '',
    '| format | files | pages | MB | seconds | documents/s | pages/s | s/page | unreadable |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.format} | ${row.files} | ${row.pages || '—'} | ${row.megabytes.toFixed(2)} | ${row.seconds.toFixed(3)} | ` +
        `${(row.files / row.seconds).toFixed(1)} | ${row.pages ? (row.pages / row.seconds).toFixed(1) : '—'} | ` +
        `${row.pages ? (row.seconds / row.pages).toFixed(2) : '—'} | ${row.failed} |`,
    ),
  ];
  const table = `${lines.join('\n')}\n`;
  process.stdout.write(table);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'read.md'), table);
}

await main();
