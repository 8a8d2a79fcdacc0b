/**
 * Two builds of the same project started at once: the second stops at once with a message
 * naming the lock and the build holding it, the first completes undisturbed. Builds with
 * folders of their own still share the project's `.astro/`: the Astro step of one waits,
 * saying so, while another holds it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForLock } from '../../src/fs/lock.ts';
import { entryCommand } from './entry-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.join(ROOT, 'content/sources');
const dir = mkdtempSync(path.join(tmpdir(), 'vbg-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pipeline(): { done: Promise<{ code: number | null; output: string; ms: number }> } {
  const started = Date.now();
  const child = spawn(...entryCommand('pipeline'), {
    cwd: ROOT,
    env: {
      ...process.env,
      VBG_SOURCES: path.join(dir, 'sources'),
      VBG_GENERATED: path.join(dir, 'generated'),
      VBG_PIPELINE_CACHE: path.join(dir, 'cache', 'pipeline'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { done: new Promise((resolve) => child.once('close', (code) => resolve({ code, output, ms: Date.now() - started }))) };
}

describe('two builds at once', () => {
  it('stops the second with a message naming the lock; the first completes', async () => {
    mkdirSync(path.join(dir, 'sources'));
    for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(dir, 'sources', name));
    // Both at once: whichever takes the lock first builds, the other stops.
    const runs = await Promise.all([pipeline().done, pipeline().done]);
    const stopped = runs.filter((run) => run.code === 1);
    const built = runs.filter((run) => run.code === 0);
    expect(stopped, runs.map((run) => run.output.slice(-1500)).join('\n---\n')).toHaveLength(1);
    expect(built).toHaveLength(1);
    expect(stopped[0]!.output).toContain('Một bản dựng khác đang chạy');
    expect(stopped[0]!.output).toContain('generated.lock');
    expect(stopped[0]!.output).toMatch(/tiến trình \d+/u);
    // The second stopped at once, well before the first was done.
    expect(stopped[0]!.ms).toBeLessThan(built[0]!.ms);
    expect(existsSync(path.join(dir, 'generated', 'graph.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'generated.lock'))).toBe(false);
  }, 300_000);
});

describe("builds with folders of their own share Astro's .astro/", () => {
  it('waits for the .astro lock before astro build, then completes', async () => {
    const own = path.join(dir, 'own');
    mkdirSync(path.join(own, 'sources'), { recursive: true });
    const seed = readdirSync(SEEDS).sort()[0]!;
    copyFileSync(path.join(SEEDS, seed), path.join(own, 'sources', seed));
    // Another build's Astro step, as far as this build can tell (once any running one is done).
    const held = await waitForLock(path.join(ROOT, '.astro'), 'test');
    let output = '';
    const child = spawn(...entryCommand('build'), {
      cwd: ROOT,
      env: {
        ...process.env,
        VBG_SOURCES: path.join(own, 'sources'),
        VBG_GENERATED: path.join(own, 'generated'),
        VBG_CACHE_DIR: path.join(own, 'cache'),
        OUT_DIR: path.join(own, 'dist'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const done = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      await expect.poll(() => output, { timeout: 120_000, interval: 200 }).toContain('Waiting for it');
      expect(output).toContain('.astro.lock');
      expect(output).toMatch(new RegExp(`tiến trình ${process.pid}`, 'u'));
      // The pipeline goes on meanwhile (Astro's wait starts when its analyses are done); Astro
      // did not start while the lock was held.
      await expect
        .poll(() => existsSync(path.join(own, 'generated', 'graph.json')), { timeout: 120_000, interval: 200 })
        .toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(readdirSync(own).filter((name) => name.startsWith('dist') && name !== 'dist.lock')).toEqual([]);
    } finally {
      held.release();
    }
    const code = await done;
    expect(code, output.slice(-2000)).toBe(0);
    expect(existsSync(path.join(own, 'dist', 'index.html'))).toBe(true);
  }, 300_000);
});
