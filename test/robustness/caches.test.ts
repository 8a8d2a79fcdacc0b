/**
 * Every cache and store read is validated, every write atomic, every cache bounded:
 * - the pipeline cache (`src/pipeline/cache.ts`): an unreadable entry is a miss listed by
 *   path; a write that fails (a read-only or full folder) is listed and the build goes on;
 *   pruning keeps what the last build used and bounds the rest;
 * - the page cache (`page-cache.ts`): a sealed entry that does not hold a page is a miss;
 * - the OCR cache: a truncated entry is a miss, listed once by path, and removed;
 * - the file store both stores of pages and files are (`src/integrations/file-store.ts`): a
 *   stored file that is missing or no longer has the recorded SHA-256 is not reused, and is
 *   named; a group with such a file is not current; a store without a usable manifest is emptied;
 * - atomic writes and the build lock (`src/fs/`).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  WriteError,
  removeStaleTemporaries,
  writeFileAtomic,
  writeFileAtomicSync,
  writeErrorMessage,
} from '../../src/fs/atomic-write.ts';
import { LockedError, acquireLock } from '../../src/fs/lock.ts';
import { PRUNE_STAMP, pruneFolder } from '../../src/fs/prune.ts';
import { diskCache, seal } from '../../src/pipeline/cache.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { ocrCacheProblems, readOcrCache, writeOcrCache } from '../../src/pipeline/read/ocr/cache.ts';
import { openStore } from '../../src/integrations/file-store.ts';
import type { SourceText } from '../../src/model.ts';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
function temporary(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-caches-'));
  folders.push(dir);
  return dir;
}

const seeds = path.resolve(import.meta.dirname, '../../content/sources');
function seedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
}

describe('pipeline cache', () => {
  it('reads an entry it cannot read (a folder in its place) as a miss, named once, and the build gives the same files', () => {
    const dir = temporary();
    const clean = buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    const analysed = readdirSync(path.join(dir, 'analysed')).sort();
    const victim = path.join(dir, 'analysed', analysed[0]!);
    rmSync(victim);
    mkdirSync(victim);
    const again = diskCache(dir);
    const rebuilt = buildCorpus(seedSources(), { cache: again, codeVersion: 'v1' });
    expect(rebuilt.files).toEqual(clean.files);
    expect(again.stats.corrupt).toHaveLength(1);
    expect(again.stats.corrupt[0]).toContain(analysed[0]);
    expect(again.stats.corrupt[0]).toMatch(/không đọc được: EISDIR/u);
  });

  it('goes on without the cache when it cannot write it, listing the path', () => {
    const dir = temporary();
    // A file where the cache folder must be: every write fails (as on a read-only disk).
    writeFileSync(path.join(dir, 'blocked'), '');
    const cache = diskCache(path.join(dir, 'blocked'));
    const built = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(built.files.length).toBeGreaterThan(10);
    expect(cache.stats.unwritable.length).toBeGreaterThan(0);
    expect(cache.stats.unwritable[0]).toContain('blocked');
  });

  it('prunes what the last build did not use, keeping what it did', () => {
    const dir = temporary();
    const first = diskCache(dir);
    buildCorpus(seedSources(), { cache: first, codeVersion: 'v1' });
    const count = (): number => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
    const used = count();
    // 300 old entries of a plan since edited, a month old: beyond the bound and the age.
    const old = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    for (let i = 0; i < 300; i++) {
      const file = path.join(dir, 'analysed', `${String(i).padStart(64, '0')}.json`);
      writeFileSync(file, seal('{}'));
      utimesSync(file, old, old);
    }
    // A temporary file of a killed writer (pid 1 is alive: use one that is not).
    writeFileSync(path.join(dir, 'analysed', 'x.json.999999999.1.tmp'), 'half');
    const second = diskCache(dir);
    const again = buildCorpus(seedSources(), { cache: second, codeVersion: 'v1' });
    expect(second.stats.hits).toBe(5);
    expect(second.prune()).toBe(300);
    expect(count()).toBe(used);
    expect(existsSync(path.join(dir, 'analysed', 'x.json.999999999.1.tmp'))).toBe(false);
    // What is left is exactly what a build needs: the next one misses nothing.
    const third = diskCache(dir);
    expect(buildCorpus(seedSources(), { cache: third, codeVersion: 'v1' }).files).toEqual(again.files);
    expect(third.stats).toMatchObject({ hits: 5, misses: 0 });
  });

  it('treats a sealed page entry that holds no page as a miss', () => {
    const dir = temporary();
    const clean = buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    for (const name of readdirSync(path.join(dir, 'page'))) writeFileSync(path.join(dir, 'page', name), seal('{"not":"a page"'));
    expect(buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' }).files).toEqual(clean.files);
  });
});

const DAY_MS = 24 * 3600 * 1000;

/** Writes cache entries into `dir`, each last touched `ageDays` before `now`. */
function entryMaker(dir: string, now: number): (name: string, ageDays: number) => void {
  return (name, ageDays) => {
    writeFileSync(path.join(dir, name), name);
    utimesSync(path.join(dir, name), new Date(now - ageDays * DAY_MS), new Date(now - ageDays * DAY_MS));
  };
}

describe('prune rule', () => {
  it('keeps unused entries up to as many as used ones, newest first, and none past the age', () => {
    const dir = temporary();
    const now = Date.now();
    const make = entryMaker(dir, now);
    make('used-1', 40);
    make('used-2', 0);
    for (let i = 0; i < 5; i++) make(`unused-${i}`, i);
    make('ancient', 100);
    const removed = pruneFolder(dir, new Set(['used-1', 'used-2']), { maxAgeDays: 30, unusedPerUsed: 1, minUnused: 0 }, now);
    expect(removed).toBe(4);
    expect(readdirSync(dir).sort()).toEqual([PRUNE_STAMP, 'unused-0', 'unused-1', 'used-1', 'used-2']);
    // A full pass refreshes the mtime of a used entry older than a day.
    expect(Math.round(statSync(path.join(dir, 'used-1')).mtimeMs)).toBe(now);
  });

  it('looks at used entries once a day, and bounds the unused ones on every build', () => {
    const dir = temporary();
    const now = Date.now();
    const make = entryMaker(dir, now);
    const rule = { maxAgeDays: 30, unusedPerUsed: 1, minUnused: 0 };
    make('used-1', 0);
    make('used-2', 0);
    expect(pruneFolder(dir, new Set(['used-1', 'used-2']), rule, now)).toBe(0);
    // An hour later: a used entry's mtime is not looked at, but unused ones still are.
    make('used-3', 20);
    for (let i = 0; i < 4; i++) make(`unused-${i}`, i);
    make('ancient', 100);
    const used = new Set(['used-1', 'used-2', 'used-3']);
    expect(pruneFolder(dir, used, rule, now + 3600_000)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([PRUNE_STAMP, 'unused-0', 'unused-1', 'unused-2', 'used-1', 'used-2', 'used-3']);
    expect(Math.round(statSync(path.join(dir, 'used-3')).mtimeMs)).toBe(now - 20 * DAY_MS);
    // A day after the full pass, the next one refreshes it.
    expect(pruneFolder(dir, used, rule, now + DAY_MS + 1)).toBe(0);
    expect(Math.round(statSync(path.join(dir, 'used-3')).mtimeMs)).toBe(now + DAY_MS + 1);
  });
});

describe('OCR cache', () => {
  it('reads a truncated entry as a miss, names it once and removes it', async () => {
    const dir = temporary();
    await writeOcrCache(dir, { key: 'k1', pages: ['trang một', 'trang hai'] });
    const file = path.join(dir, 'k1.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 12));
    const before = ocrCacheProblems.length;
    expect(await readOcrCache(dir, 'k1')).toBeNull();
    expect(await readOcrCache(dir, 'k1')).toBeNull();
    expect(ocrCacheProblems.slice(before)).toHaveLength(1);
    expect(ocrCacheProblems.at(-1)).toContain('k1.json');
    expect(existsSync(file)).toBe(false);
  });
});

describe('file store', () => {
  it('reuses only stored files whose bytes are the recorded ones, naming the others', async () => {
    const dir = temporary();
    const html = (id: string): Buffer => Buffer.from(`<!doctype html><title>${id}</title><p>${'x'.repeat(1000)}</p>`);
    const first = await openStore(dir);
    for (const id of ['a', 'b', 'c']) await first.put(`van-ban/${id}/index.html`, html(id), `fp-${id}`, `q-${id}`);
    first.setGroup('g', 'fp-g', ['van-ban/a/index.html', 'van-ban/b/index.html']);
    await first.commit();
    const b = path.join(dir, 'van-ban', 'b', 'index.html');
    writeFileSync(b, readFileSync(b, 'utf8').slice(0, 100));
    rmSync(path.join(dir, 'van-ban', 'c', 'index.html'));
    const read = await openStore(dir);
    // Nothing is reused unchecked.
    expect(read.entry('van-ban/a/index.html')).toBeUndefined();
    const damaged = await read.check();
    expect(damaged).toEqual([
      path.relative(process.cwd(), b),
      path.relative(process.cwd(), path.join(dir, 'van-ban', 'c', 'index.html')),
    ]);
    expect(read.entry('van-ban/a/index.html')).toEqual({
      key: 'fp-a',
      sha256: createHash('sha256').update(html('a')).digest('hex'),
      quick: 'q-a',
      // Device, inode, size and mtime of the file as written: the next check does not read it.
      identity: expect.stringMatching(new RegExp(`^\\d+:\\d+:${html('a').length}:\\d+$`)),
    });
    expect(read.entry('van-ban/b/index.html')).toBeUndefined();
    expect(read.entry('van-ban/c/index.html')).toBeUndefined();
    // The group is listed, but not current: one of its files is damaged.
    expect(read.group('g')).toEqual({ key: 'fp-g', names: ['van-ban/a/index.html', 'van-ban/b/index.html'] });
    expect(read.currentGroup('g', 'fp-g')).toBeUndefined();
    // Only a's entry kept: committing prunes b and c (files and emptied folders).
    read.keep('van-ban/a/index.html', 'q-a');
    await read.commit();
    expect(readdirSync(path.join(dir, 'van-ban'))).toEqual(['a']);
    const after = await openStore(dir);
    expect(await after.check()).toEqual([]);
    expect(after.entry('van-ban/a/index.html')?.key).toBe('fp-a');
    // A manifest cut short (a full disk): nothing reused, no crash, the store emptied.
    writeFileSync(path.join(dir, 'manifest.json'), '{"version":4,"entries":{"van-');
    const cut = await openStore(dir);
    expect(await cut.check()).toEqual([]);
    expect(cut.entry('van-ban/a/index.html')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reuses nothing of an older store's manifest, nor of a build killed after it changed the store", async () => {
    const dir = temporary();
    mkdirSync(path.join(dir, 'van-ban', 'a'), { recursive: true });
    writeFileSync(path.join(dir, 'van-ban', 'a', 'index.html'), '<p>a</p>');
    const sha256 = createHash('sha256').update('<p>a</p>').digest('hex');
    // The page store's manifest of format 3.
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ version: 3, pages: { 'van-ban/a/': 'fp' }, sha256: { 'van-ban/a/': sha256 }, quick: {}, groups: {} }),
    );
    const old = await openStore(dir);
    expect(await old.check(['van-ban/a/index.html'])).toHaveLength(1);
    expect(existsSync(path.join(dir, 'van-ban'))).toBe(false);
    // A build that stored a file and died before committing: no manifest is left.
    const store = await openStore(dir);
    await store.put('a.json', Buffer.from('{}'), 'k');
    await store.commit();
    const killed = await openStore(dir);
    await killed.put('a.json', Buffer.from('{"b":1}'), 'k2');
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(false);
    const next = await openStore(dir);
    expect(await next.check()).toEqual([]);
    expect(next.entry('a.json')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('leaves the old file whole when a write fails, and names the path', async () => {
    const dir = temporary();
    const target = path.join(dir, 'graph.json');
    writeFileAtomicSync(target, 'old');
    // A folder where the temporary file would go cannot be written: the write fails.
    const failing = path.join(dir, 'missing-folder', 'x.json');
    await expect(writeFileAtomic(failing, 'new')).rejects.toThrow(WriteError);
    await expect(writeFileAtomic(failing, 'new')).rejects.toThrow(/missing-folder/u);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('says "disk full" in Vietnamese and English for ENOSPC', () => {
    const error = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const message = writeErrorMessage('/srv/site/data/graph.json', error);
    expect(message).toContain('Ổ đĩa đã đầy');
    expect(message).toContain('Disk full');
    expect(message).toContain('/srv/site/data/graph.json');
  });

  it('removes the temporary files of dead writers only', () => {
    const dir = temporary();
    writeFileSync(path.join(dir, `a.json.${process.pid}.1.tmp`), '');
    writeFileSync(path.join(dir, 'b.json.999999999.1.tmp'), '');
    expect(removeStaleTemporaries(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([`a.json.${process.pid}.1.tmp`]);
  });
});

describe('build lock', () => {
  it('refuses a second holder with a message naming the lock, and takes over a dead holder’s lock', () => {
    const dir = temporary();
    const folder = path.join(dir, 'generated');
    const lock = acquireLock(folder, 'test');
    expect(() => acquireLock(folder, 'test')).toThrow(LockedError);
    expect(() => acquireLock(folder, 'test')).toThrow(/Một bản dựng khác đang chạy.*generated\.lock.*Another build is running/su);
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    // A build killed with SIGKILL leaves its lock: a pid that is not running.
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: 999999999, host: os.hostname(), started: 'x', what: 'killed' }));
    const taken = acquireLock(folder, 'test');
    expect(taken.tookOverFrom).toBe(999999999);
    taken.release();
  });

  it('takes over a lock whose content is damaged (a lock is written whole, so it is no live build’s)', () => {
    const dir = temporary();
    const folder = path.join(dir, 'cache');
    writeFileSync(`${folder}.lock`, '{"pid":');
    const lock = acquireLock(folder, 'test');
    expect(lock.tookOverFrom).toBe(0);
    lock.release();
  });
});
