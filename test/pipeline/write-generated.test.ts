/**
 * `writeGenerated`: the dir ends up holding exactly the given files, as "delete all, write
 * all" would leave it, but files whose bytes did not change are never rewritten.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, prepareGenerated, writeGenerated, writeInto } from '../../src/pipeline/write-generated.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-write-test-'));
  folders.push(dir);
  return path.join(dir, 'generated');
}

const old = new Date('2020-01-01T00:00:00Z');

describe('writeGenerated', () => {
  it('writes every file into a new dir', async () => {
    const dir = tempDir();
    const stats = await writeGenerated(dir, [
      { path: 'a.json', content: '{}\n' },
      { path: 'plans/x.mdx', content: 'Kế hoạch' },
    ]);
    expect(stats).toMatchObject({ written: 2, unchanged: 0, removed: 0 });
    expect(readFileSync(path.join(dir, 'plans/x.mdx'), 'utf8')).toBe('Kế hoạch');
  });

  it('leaves unchanged files alone (same mtime), rewrites changed ones, removes stale ones', async () => {
    const dir = tempDir();
    await writeGenerated(dir, [
      { path: 'same.txt', content: 'một' },
      { path: 'changed.txt', content: 'hai' },
      { path: 'gone/deep/old.txt', content: 'ba' },
    ]);
    for (const file of ['same.txt', 'changed.txt']) utimesSync(path.join(dir, file), old, old);

    const stats = await writeGenerated(dir, [
      { path: 'same.txt', content: 'một' },
      { path: 'changed.txt', content: 'hai!' },
      { path: 'new/file.txt', content: 'bốn' },
    ]);
    expect(stats).toMatchObject({ written: 2, unchanged: 1, removed: 1 });
    expect(statSync(path.join(dir, 'same.txt')).mtime).toEqual(old);
    expect(statSync(path.join(dir, 'changed.txt')).mtime).not.toEqual(old);
    expect(readFileSync(path.join(dir, 'changed.txt'), 'utf8')).toBe('hai!');
    expect((await listFiles(dir)).sort()).toEqual(['changed.txt', 'new/file.txt', 'same.txt']);
    // The emptied folders go too, as after deleting the whole dir.
    expect(() => statSync(path.join(dir, 'gone'))).toThrow();
  });

  it('replaces a file with a folder of the same name and the other way round', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'plans', 'x.mdx'), { recursive: true });
    writeFileSync(path.join(dir, 'plans', 'x.mdx', 'inner.txt'), 'cũ');
    writeFileSync(path.join(dir, 'data'), 'a file');
    await writeGenerated(dir, [
      { path: 'plans/x.mdx', content: 'mới' },
      { path: 'data/graph.json', content: '{}' },
    ]);
    expect(readFileSync(path.join(dir, 'plans/x.mdx'), 'utf8')).toBe('mới');
    expect((await listFiles(dir)).sort()).toEqual(['data/graph.json', 'plans/x.mdx']);
  });
});

describe('writeGenerated with the record of the last write', () => {
  it('skips a recorded, untouched file without loading its content', async () => {
    const dir = tempDir();
    const first = await writeGenerated(dir, [{ path: 'plans/a.html', content: '<p>một</p>' }], {
      hashes: new Map([['plans/a.html', 'key-1']]),
    });
    const unloaded = {
      path: 'plans/a.html',
      get content(): string {
        throw new Error('content loaded');
      },
    };
    const again = await writeGenerated(dir, [unloaded], { hashes: new Map([['plans/a.html', 'key-1']]), record: first.record });
    expect(again).toMatchObject({ written: 0, unchanged: 1, removed: 0 });
  });

  it('compares bytes when the file was touched since, and rewrites when the key changed', async () => {
    const dir = tempDir();
    const first = await writeGenerated(dir, [{ path: 'a.txt', content: 'một' }]);
    // Edited by hand behind the record's back: same key, different bytes on disk.
    writeFileSync(path.join(dir, 'a.txt'), 'hai');
    const repaired = await writeGenerated(dir, [{ path: 'a.txt', content: 'một' }], { record: first.record });
    expect(repaired).toMatchObject({ written: 1, unchanged: 0 });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('một');
    const changed = await writeGenerated(dir, [{ path: 'a.txt', content: 'ba' }], { record: repaired.record });
    expect(changed).toMatchObject({ written: 1, unchanged: 0 });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('ba');
  });
});

describe('prepareGenerated, then writeInto in parts (the MDX files last)', () => {
  it('leaves the dir a single writeGenerated would, keeping the files of the later part meanwhile', async () => {
    const dir = tempDir();
    await writeGenerated(dir, [
      { path: 'plans/a.mdx', content: 'cũ' },
      { path: 'plans/a.html', content: '<p>cũ</p>' },
      { path: 'plans/gone.mdx', content: 'bỏ' },
    ]);
    const files = [
      { path: 'plans/a.mdx', content: 'mới' },
      { path: 'plans/b.mdx', content: 'thêm' },
      { path: 'plans/a.html', content: '<p>mới</p>' },
    ];
    const prepared = await prepareGenerated(
      dir,
      files.map((file) => file.path),
    );
    expect(prepared.removed).toBe(1);
    const first = await writeInto(prepared, files.slice(2));
    // The MDX of the later part: the old file still there, not taken for stale.
    expect(readFileSync(path.join(dir, 'plans/a.mdx'), 'utf8')).toBe('cũ');
    const last = await writeInto(prepared, files.slice(0, 2));
    expect(first).toMatchObject({ written: 1, unchanged: 0 });
    expect(last).toMatchObject({ written: 2, unchanged: 0 });
    expect((await listFiles(dir)).sort()).toEqual(['plans/a.html', 'plans/a.mdx', 'plans/b.mdx']);
    expect(readFileSync(path.join(dir, 'plans/a.mdx'), 'utf8')).toBe('mới');
    expect(Object.keys({ ...first.record, ...last.record }).sort()).toEqual(['plans/a.html', 'plans/a.mdx', 'plans/b.mdx']);
  });
});
