/**
 * `tsx scripts/make-synthetic-corpus.ts --count N --seed S --out DIR`: write N synthetic
 * plans recombined from the seed plans (content/sources, or --seeds DIR) into DIR, for
 * scale tests and benchmarks. The same N and seed give byte-identical files.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './synthetic/corpus.ts';
import type { SeedText } from './synthetic/seed-material.ts';

/**
 * Read every .txt file of a folder as a seed.
 *
 * @param dir Folder of seed plans.
 * @returns Seed texts sorted by name.
 */
export async function readSeeds(dir: string): Promise<SeedText[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8') })));
}

/**
 * Generate and write a corpus.
 *
 * @param options Count, seed, output folder and seed folder.
 * @returns Number of files and bytes written.
 */
export async function writeSyntheticCorpus(options: {
  count: number;
  seed: number;
  out: string;
  seeds?: string;
}): Promise<{ files: number; bytes: number }> {
  const seeds = await readSeeds(options.seeds ?? 'content/sources');
  if (seeds.length === 0) throw new Error(`Không có văn bản mẫu (.txt) trong ${options.seeds ?? 'content/sources'}.`);
  const files = generateCorpus({ count: options.count, seed: options.seed, seeds });
  await mkdir(options.out, { recursive: true });
  let bytes = 0;
  for (const file of files) {
    await writeFile(path.join(options.out, file.name), file.content);
    bytes += Buffer.byteLength(file.content);
  }
  return { files: files.length, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      seeds: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    process.stderr.write('Cách dùng: tsx scripts/make-synthetic-corpus.ts --count N --seed S --out DIR [--seeds DIR]\n');
    process.exitCode = 2;
    return;
  }
  const written = await writeSyntheticCorpus({ count, seed, out: values.out, ...(values.seeds ? { seeds: values.seeds } : {}) });
  process.stderr.write(`Đã ghi ${written.files} văn bản (${(written.bytes / 1e6).toFixed(1)} MB) vào ${values.out}.\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
