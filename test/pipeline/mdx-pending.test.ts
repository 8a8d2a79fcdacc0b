import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearMdxPending, markMdxPending, MDX_PENDING, mdxWritten } from '../../src/pipeline/mdx-pending.ts';

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
