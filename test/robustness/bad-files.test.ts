/**
 * Bad files among good ones, read from disk and built the way `npm run pipeline` does: each
 * bad file gets a clear message naming it, and the good files still become pages.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model.ts';
import { buildCorpus, type BuiltCorpus } from '../../src/pipeline/index.ts';
import { readSource } from '../../src/pipeline/read.ts';
import type { IngestEntry } from '../../src/pipeline/emit/report-schema.ts';
import { entryCommand } from './entry-command.ts';

const run = promisify(execFile);
const seeds = path.resolve('content/sources');
const [seedA, seedB, seedC, seedD, seedE] = [
  '000_f97b9327d3f16c43.txt',
  '001_a01f8457ceee4ac6.txt',
  '002_869f96d070f2dfb7.txt',
  '003_f8ae4b4c567c2712.txt',
  '004_25acc8cebe27ea3e.txt',
];

/** Names of the bad and odd files, relative to the sources folder. */
const FILES = {
  good: `good/${seedE}`,
  mojibake: 'mojibake.txt',
  mixedMojibake: 'mojibake-mixed.txt',
  duplicate: 'zz-copy-of-1062.txt',
  sameNameA: 'a/ke-hoach.txt',
  sameNameB: 'b/ke-hoach.txt',
  vietnameseName: 'Kế hoạch số 31 (bản sao) của tỉnh Bình Phước.txt',
  empty: 'empty.txt',
  binary: 'image.txt',
  draft: seedD,
};

let dir: string;
let built: BuiltCorpus;
let entries: Map<string, IngestEntry>;

/**
 * UTF-8 text read as Latin-1 and saved again as UTF-8: "Káº¿ hoáº¡ch".
 *
 * @param text Clean text.
 * @returns Mojibake.
 */
function mojibake(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vbg-bad-files-'));
  const src = (name: string): Promise<string> => readFile(path.join(seeds, name), 'utf8');
  const put = async (name: string, content: string | Uint8Array): Promise<void> => {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  };
  await put(FILES.good, await src(seedE));
  await copyFile(path.join(seeds, seedA), path.join(dir, seedA));
  await put(FILES.draft, await src(seedD));
  await put(FILES.mojibake, mojibake(await src(seedC)));
  // Mostly mojibake, with the header typed again by hand in clean Vietnamese.
  const mixed = (await src(seedC)).split('\n');
  await put(FILES.mixedMojibake, [...mixed.slice(0, 8), ...mixed.slice(8).map(mojibake)].join('\n'));
  // Same number and issuer as seed A (1062/KH-UBND, UBND tỉnh Tây Ninh), with an edited body.
  await put(FILES.duplicate, (await src(seedA)).replace('I. MỤC ĐÍCH, YÊU CẦU', 'I. MỤC ĐÍCH, YÊU CẦU (bản sửa)'));
  await put(FILES.sameNameA, await src(seedB));
  await put(FILES.sameNameB, (await src(seedB)).replace('Số: 31 /KH-UBND', 'Số: 32 /KH-UBND'));
  await put(FILES.vietnameseName, (await src(seedB)).replace('Số: 31 /KH-UBND', 'Số: 33 /KH-UBND'));
  await put(FILES.empty, '');
  // A PNG header and random-looking bytes, saved with a .txt name.
  const binary = new Uint8Array(2048);
  binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  for (let index = 12; index < binary.length; index += 1) binary[index] = (index * 131 + 7) % 256;
  await put(FILES.binary, binary);

  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const sources: SourceText[] = [];
  for (const name of names) sources.push(await readSource(path.join(dir, name), name));
  built = buildCorpus(sources);
  entries = new Map(built.report.files.map((entry) => [entry.file, entry]));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The report entry of a file, failing clearly when the file is missing from the report. */
function entry(file: string): IngestEntry {
  const found = entries.get(file);
  expect(found, `${file} is in the report`).toBeDefined();
  return found!;
}

/** Every message of an entry names its file. */
function expectNamed(found: IngestEntry): void {
  expect(found.messages.length).toBeGreaterThan(0);
  for (const message of found.messages) {
    expect(message.file).toBe(found.file);
    expect(message.message).toContain(found.file);
  }
}

describe('bad files among good ones (buildCorpus)', () => {
  it('lists every file in the report', () => {
    expect([...entries.keys()].sort()).toEqual([seedA, ...Object.values(FILES)].sort());
  });

  it('still builds the good files', () => {
    for (const file of [seedA, FILES.good, FILES.draft]) expect(entry(file).status).not.toBe('skipped');
    const pages = built.files.filter((file) => file.path.startsWith('plans/')).map((file) => file.path);
    expect(pages).toContain('plans/cong-van-1584-ubnd-ncpc-tay-ninh-2020.mdx');
    expect(pages).toContain('plans/ke-hoach-1062-kh-ubnd-tay-ninh-2024.mdx');
  });

  it('skips an empty file with a message naming it', () => {
    const found = entry(FILES.empty);
    expect(found.status).toBe('skipped');
    expect(found.messages.map((message) => message.code)).toContain('empty-file');
    expectNamed(found);
  });

  it('reads a damaged image saved as .txt as an image, and skips it with messages naming it', () => {
    // The PNG signature decides, not the name: the file is said to be misnamed, then the
    // image reader (OCR) fails on its junk bytes, or says OCR is not installed.
    const found = entry(FILES.binary);
    expect(found.status).toBe('skipped');
    expect(found.format).toBe('image');
    const codes = found.messages.map((message) => message.code);
    expect(codes).toContain('wrong-extension');
    expect(found.messages.some((message) => message.level === 'error')).toBe(true);
    expectNamed(found);
  });

  it('repairs whole-file mojibake and says so', () => {
    const found = entry(FILES.mojibake);
    expect(found.status).toBe('warnings');
    expect(found.messages.map((message) => message.code)).toContain('mojibake-repaired');
    expectNamed(found);
  });

  it('never publishes mojibake: a mixed file is repaired or skipped, with a message', () => {
    const found = entry(FILES.mixedMojibake);
    expectNamed(found);
    if (found.status !== 'skipped') {
      const page = built.files.find((file) => file.path === `plans/${found.id}.mdx`);
      expect(page?.content).not.toMatch(/áº|á»|Ã¡|Æ°/u);
    }
  });

  it('reports a duplicate plan instead of overwriting the first', () => {
    const kept = entry(seedA);
    const duplicate = entry(FILES.duplicate);
    expect(kept.status).not.toBe('skipped');
    expect(duplicate.status).toBe('skipped');
    expect(duplicate.messages.map((message) => message.code)).toContain('duplicate-plan');
    expectNamed(duplicate);
    expect(duplicate.messages.find((message) => message.code === 'duplicate-plan')?.message).toContain(seedA);
    // The kept page is the first file's text, not the edited copy.
    const page = built.files.find((file) => file.path === `plans/${kept.id}.mdx`);
    expect(page?.content).not.toContain('(bản sửa)');
  });

  it('keeps two files of the same name in different folders apart', () => {
    const [a, b] = [entry(FILES.sameNameA), entry(FILES.sameNameB)];
    expect(a.status).not.toBe('skipped');
    expect(b.status).not.toBe('skipped');
    expect(a.id).not.toBe(b.id);
  });

  it('builds a file whose name has spaces and Vietnamese letters', () => {
    const found = entry(FILES.vietnameseName);
    expect(found.status).not.toBe('skipped');
    expect(found.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('writes each generated path once', () => {
    const paths = built.files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('bad files among good ones (npm run pipeline)', () => {
  it('exits 0, names every bad file on stderr and writes the good pages', async () => {
    const generated = await mkdtemp(path.join(tmpdir(), 'vbg-bad-generated-'));
    try {
      const { stderr } = await run(...entryCommand('pipeline'), {
        env: { ...process.env, VBG_SOURCES: dir, VBG_GENERATED: generated },
      });
      for (const file of [FILES.empty, FILES.binary, FILES.duplicate, FILES.mojibake, FILES.vietnameseName]) {
        expect(stderr).toContain(file);
      }
      const plans = await readdir(path.join(generated, 'plans'));
      expect(plans).toContain('ke-hoach-1062-kh-ubnd-tay-ninh-2024.mdx');
      expect(plans.length).toBe(built.files.filter((file) => file.path.startsWith('plans/')).length);
    } finally {
      await rm(generated, { recursive: true, force: true });
    }
  });
});
