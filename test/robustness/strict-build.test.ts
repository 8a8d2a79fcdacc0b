/**
 * `npm run build -- --strict` fails on any ingest warning, before Astro runs; the default
 * build reports the same warning and goes on (the e2e builds show that).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('strict build', () => {
  it('stops with a non-zero exit code on a warning, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vbg-strict-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const sources = path.join(dir, 'sources');
    await mkdir(sources);
    // Seed 000 carries one warning: a page-break fragment joined to the previous paragraph.
    await copyFile(path.join(ROOT, 'content/sources/000_f97b9327d3f16c43.txt'), path.join(sources, '000.txt'));
    const env = {
      ...process.env,
      VBG_SOURCES: sources,
      VBG_GENERATED: path.join(dir, 'generated'),
      VBG_CACHE_DIR: path.join(dir, 'cache'),
      OUT_DIR: path.join(dir, 'dist'),
    };
    const failed = await run('npm', ['run', '-s', 'build', '--', '--strict'], { cwd: ROOT, env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('000.txt');
    expect(failed?.stderr).toContain('--strict');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    // A time limit for a hang, not a benchmark: the pipeline on one plan is seconds, but
    // npm and the pipeline's start-up compete with the other test files on a loaded machine.
  }, 300_000);
});
