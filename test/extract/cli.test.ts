/**
 * The `extract` CLI contract, run as outside checks run it: `npm run -s extract -- FILE...`
 * prints only one JSON array, one element per file in argument order; a bad file keeps its
 * element with `errors`; the exit code is non-zero only when no file could be processed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_000 = 'content/sources/000_f97b9327d3f16c43.txt';
const SEED_004 = 'content/sources/004_25acc8cebe27ea3e.txt';

interface Element {
  file: string;
  document: Record<string, unknown>;
  citations: {
    id: string;
    number: string | null;
    inCorpus: boolean;
    relation: string;
    mentions: { offset: number; length: number; text: string }[];
  }[];
  errors: string[];
}

/** Run the CLI; resolve with stdout, exit code 0 or not. */
async function extractCli(files: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run('npm', ['run', '-s', 'extract', '--', ...files], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { stdout: failed.stdout, code: failed.code };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vbg-cli-'));
  await writeFile(path.join(dir, 'rong.txt'), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('extract CLI', () => {
  it('keeps argument order, resolves in-corpus citations and keeps bad files', async () => {
    const empty = path.join(dir, 'rong.txt');
    const missing = path.join(dir, 'khong-co.txt');
    const { stdout, code } = await extractCli([SEED_004, empty, SEED_000, missing]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Element[];
    expect(out.map((element) => element.file)).toEqual([SEED_004, empty, SEED_000, missing]);
    expect(out[1]!.errors.join(' ')).toContain('rong.txt');
    expect(out[3]!.errors.join(' ')).toContain('khong-co.txt');

    const plan = out[2]!;
    expect(plan.document).toMatchObject({
      id: 'ke-hoach-1062-kh-ubnd-tay-ninh-2024',
      type: 'Kế hoạch',
      number: '1062/KH-UBND',
      date: '2024-04-11',
    });
    const letter = plan.citations.find((citation) => citation.number === '1584/UBND-NCPC');
    // Seed 004 is that letter: same node id as its own document, and in the corpus.
    expect(letter).toMatchObject({ id: out[0]!.document['id'], inCorpus: true, relation: 'thuc-hien' });
    const decree = plan.citations.find((citation) => citation.number === '21/2019/NĐ-CP');
    expect(decree).toMatchObject({ id: 'nghi-dinh-21-2019-nd-cp', inCorpus: false, relation: 'can-cu' });
    expect(decree!.mentions).toHaveLength(2);
    expect(decree!.mentions[0]!.text).toContain('21/2019/NĐ-CP');
    expect(plan.citations.some((citation) => citation.number === '1062/KH-UBND')).toBe(false);
  }, 60_000);

  it('exits non-zero only when no file could be processed', async () => {
    const { stdout, code } = await extractCli([path.join(dir, 'rong.txt')]);
    expect(code).not.toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
  }, 60_000);
});
