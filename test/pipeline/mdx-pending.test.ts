import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AWAIT_GENERATED_ENV,
  BODIES_PENDING,
  bodiesWrittenSync,
  clearBodiesPending,
  clearMdxPending,
  GENERATED_READY,
  GENERATED_WANTED,
  generatedDirReady,
  markBodiesPending,
  markMdxPending,
  MDX_PENDING,
  mdxWritten,
} from '../../src/pipeline/mdx-pending.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vbg-mdx-pending-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the MDX hand-off marker', () => {
  it('lets a build on at once when no pipeline is writing MDX', async () => {
    await expect(mdxWritten(dir)).resolves.toBeUndefined();
  });

  it('holds a build until the pipeline has written the MDX', async () => {
    await markMdxPending(dir);
    let done = false;
    const waiting = mdxWritten(dir).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    await clearMdxPending(dir);
    await waiting;
    expect(done).toBe(true);
  });

  it('stops a build when the pipeline died before it finished', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(path.join(dir, MDX_PENDING), JSON.stringify({ pid: gone }));
    await expect(mdxWritten(dir)).rejects.toThrow(/chạy lại pipeline/);
    await writeFile(path.join(dir, MDX_PENDING), '{"pid": 12');
    await expect(mdxWritten(dir)).rejects.toThrow(/trước khi ghi xong/);
  });
});

describe('the bodies marker', () => {
  it('lets the page rendering on at once when no pipeline is writing the bodies', () => {
    expect(() => bodiesWrittenSync(dir)).not.toThrow();
  });

  it('holds the page rendering until the pipeline has written the bodies', async () => {
    await markBodiesPending(dir);
    // The marker goes away in another process while this thread is blocked.
    const marker = path.join(dir, BODIES_PENDING);
    const clearer = spawn(process.execPath, [
      '-e',
      `setTimeout(() => require('node:fs').rmSync(${JSON.stringify(marker)}), 400)`,
    ]);
    const started = performance.now();
    bodiesWrittenSync(dir);
    expect(performance.now() - started).toBeGreaterThan(300);
    await new Promise((resolve) => clearer.once('exit', resolve));
  });

  it('stops the page rendering when the pipeline died before it finished', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(path.join(dir, BODIES_PENDING), JSON.stringify({ pid: gone }));
    expect(() => bodiesWrittenSync(dir)).toThrow(/chạy lại pipeline/);
    await clearBodiesPending(dir);
  });
});

/**
 * A child process with an IPC channel that waits for `generatedDirReady` (as Astro's content
 * config does under `npm run build`), then says "past" and ends.
 */
async function waitingChild(): Promise<{ child: ChildProcess; messages: unknown[]; exit: Promise<number | null> }> {
  const script = path.join(dir, 'wait.mjs');
  const module = path.resolve(import.meta.dirname, '../../src/pipeline/mdx-pending.ts');
  await writeFile(
    script,
    `import { generatedDirReady } from ${JSON.stringify(module)};\n` +
      `try { await generatedDirReady(); process.send('past'); } catch (error) { console.error(error.message); process.exitCode = 3; }\n`,
  );
  const child = fork(script, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [AWAIT_GENERATED_ENV]: '1' },
    stdio: 'pipe',
  });
  const messages: unknown[] = [];
  child.on('message', (message) => messages.push(message));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, messages, exit };
}

describe('an Astro started before the hand-off', () => {
  it('goes on at once when it was not started early', async () => {
    const saved = process.env[AWAIT_GENERATED_ENV];
    delete process.env[AWAIT_GENERATED_ENV];
    try {
      await expect(generatedDirReady()).resolves.toBeUndefined();
    } finally {
      if (saved !== undefined) process.env[AWAIT_GENERATED_ENV] = saved;
    }
  });

  it('asks for the generated dir and waits until the build says it is ready, then ends', async () => {
    const { child, messages, exit } = await waitingChild();
    await expect.poll(() => messages, { timeout: 20_000 }).toContain(GENERATED_WANTED);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messages).not.toContain('past');
    child.send(GENERATED_READY);
    await expect(exit).resolves.toBe(0);
    expect(messages).toEqual([GENERATED_WANTED, 'past']);
  }, 30_000);

  it('stops when the build goes away before the hand-off', async () => {
    const { child, messages, exit } = await waitingChild();
    await expect.poll(() => messages, { timeout: 20_000 }).toContain(GENERATED_WANTED);
    child.disconnect();
    await expect(exit).resolves.toBe(3);
    expect(messages).not.toContain('past');
  }, 30_000);
});
