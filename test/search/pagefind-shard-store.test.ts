import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStore, storedShardIsWhole, storeShard } from '../../src/integrations/pagefind-shards.ts';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function builtPart(): Promise<{ root: string; built: string; store: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'vbg-shard-'));
  made.push(root);
  const built = path.join(root, 'built');
  await mkdir(path.join(built, 'index'), { recursive: true });
  await writeFile(path.join(built, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  await writeFile(path.join(built, 'index', 'vi_1.pf_index'), 'postings of part one');
  return { root, built, store: path.join(root, 'store') };
}

describe('the search index parts kept between builds', () => {
  it('reuses a stored part only while its files are the bytes it was stored with', async () => {
    const { built, store } = await builtPart();
    await storeShard(built, store, 'abc');
    const stored = path.join(store, 'abc');
    expect(await storedShardIsWhole(stored)).toBe(true);
    // A crash outside the build (or a full disk) truncates one file of the stored part.
    await writeFile(path.join(stored, 'index', 'vi_1.pf_index'), 'post');
    expect(await storedShardIsWhole(stored)).toBe(false);
  });

  it('checks by content any file that is no longer the one stored: same bytes pass, other bytes of the same size do not', async () => {
    const { built, store } = await builtPart();
    await storeShard(built, store, 'abc');
    const stored = path.join(store, 'abc');
    const file = path.join(stored, 'index', 'vi_1.pf_index');
    // Written again (a new modification time), the same bytes: still the part that was stored.
    await writeFile(file, 'postings of part one');
    expect(await storedShardIsWhole(stored)).toBe(true);
    // A byte changed in place, the size kept.
    await writeFile(file, 'postings of part two');
    expect(await storedShardIsWhole(stored)).toBe(false);
  });

  it('refuses a part with an extra or a missing file, or without its checksums', async () => {
    const { built, store } = await builtPart();
    await storeShard(built, store, 'abc');
    const stored = path.join(store, 'abc');
    await writeFile(path.join(stored, 'stray.js'), 'x');
    expect(await storedShardIsWhole(stored)).toBe(false);
    await rm(path.join(stored, 'stray.js'));
    await rm(path.join(stored, 'pagefind-entry.json'));
    expect(await storedShardIsWhole(stored)).toBe(false);
    await storeShard(built, store, 'def');
    await rm(path.join(store, 'def.sums.json'));
    expect(await storedShardIsWhole(path.join(store, 'def'))).toBe(false);
  });

  it('prunes unused parts together with their checksums', async () => {
    const { built, store } = await builtPart();
    await storeShard(built, store, 'keep');
    await storeShard(built, store, 'old');
    await pruneStore(store, new Set(['keep']));
    expect(existsSync(path.join(store, 'keep'))).toBe(true);
    expect(existsSync(path.join(store, 'keep.sums.json'))).toBe(true);
    expect(existsSync(path.join(store, 'old'))).toBe(false);
    expect(existsSync(path.join(store, 'old.sums.json'))).toBe(false);
    expect(JSON.parse(await readFile(path.join(store, 'keep.sums.json'), 'utf8'))).toHaveProperty(['index/vi_1.pf_index']);
  });
});
