/**
 * The output folder emptied in the background (src/integrations/out-dir.ts): the old site is
 * gone before Astro writes, its deletion finishes, stale folders of killed builds go too, and
 * a `.git` in the output survives as Astro's own emptying keeps it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveOutDirAside } from '../../src/integrations/out-dir.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(): { root: string; outDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vbg-out-dir-'));
  made.push(root);
  const outDir = path.join(root, 'dist');
  for (let page = 0; page < 50; page += 1) {
    mkdirSync(path.join(outDir, 'van-ban', `p${page}`), { recursive: true });
    writeFileSync(path.join(outDir, 'van-ban', `p${page}`, 'index.html'), `<p>${page}</p>`);
  }
  return { root, outDir };
}

describe('moveOutDirAside', () => {
  it('takes the old output away at once and deletes it in the background', async () => {
    const { root, outDir } = site();
    const { removal } = await moveOutDirAside(outDir);
    expect(existsSync(outDir)).toBe(false);
    await removal;
    expect(readdirSync(root)).toEqual([]);
  });

  it('removes the stale folder a killed build left beside the output', async () => {
    const { root, outDir } = site();
    mkdirSync(path.join(root, 'dist.stale-99999', 'van-ban'), { recursive: true });
    writeFileSync(path.join(root, 'dist.stale-99999', 'van-ban', 'index.html'), 'old');
    mkdirSync(path.join(root, 'dist.other'));
    const { removal } = await moveOutDirAside(outDir);
    await removal;
    expect(readdirSync(root)).toEqual(['dist.other']);
  });

  it('empties an output holding .git in place and keeps .git', async () => {
    const { outDir } = site();
    mkdirSync(path.join(outDir, '.git'));
    writeFileSync(path.join(outDir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const { removal } = await moveOutDirAside(outDir);
    await removal;
    expect(readdirSync(outDir)).toEqual(['.git']);
  });

  it('does nothing when there is no output yet', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'vbg-out-dir-'));
    made.push(root);
    const { removal } = await moveOutDirAside(path.join(root, 'dist'));
    await removal;
    expect(readdirSync(root)).toEqual([]);
  });
});
