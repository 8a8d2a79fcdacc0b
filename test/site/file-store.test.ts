/**
 * The file store (src/integrations/file-store.ts): the same key links the stored files into
 * the output without making them; another key, or one damaged stored file, makes them all
 * again; the output holds the same bytes either way. A stored file that is still the one
 * checked or written before is not read again; any other is checked by its bytes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, storedFiles } from '../../src/integrations/file-store.ts';

// The store's reads, counted (the real `readFile` does the work).
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const root = mkdtempSync(path.join(tmpdir(), 'vbg-file-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const store = path.join(root, 'store');
let outputs = 0;

/**
 * One build's call.
 *
 * @param key The key.
 * @param made Counts the calls of `make`.
 * @returns The output folder and what `storedFiles` said.
 */
async function put(key: string, made: { count: number }): Promise<{ out: string; reused: boolean; damaged: string[] }> {
  outputs += 1;
  const out = path.join(root, `out-${outputs}`);
  const result = await storedFiles(store, key, out, () => {
    made.count += 1;
    return [
      ['do-thi/lan-can/b.json', `{"id":"b","key":"${key}"}`],
      ['do-thi/lan-can/a.json', `{"id":"a","key":"${key}","nhãn":"Chỉ thị 46-CT/TW"}`],
    ];
  });
  return { out, reused: result.reused, damaged: result.damaged };
}

describe('file store', () => {
  it('links the files of the same key, makes them again for another key or a damaged file', async () => {
    const made = { count: 0 };
    const first = await put('graph-1', made);
    expect(first.reused).toBe(false);
    expect(readFileSync(path.join(first.out, 'do-thi/lan-can/a.json'), 'utf8')).toBe(
      '{"id":"a","key":"graph-1","nhãn":"Chỉ thị 46-CT/TW"}',
    );

    const second = await put('graph-1', made);
    expect(second.reused).toBe(true);
    expect(made.count).toBe(1);
    expect(readFileSync(path.join(second.out, 'do-thi/lan-can/b.json'), 'utf8')).toBe('{"id":"b","key":"graph-1"}');
    expect(statSync(path.join(second.out, 'do-thi/lan-can/b.json')).nlink).toBeGreaterThan(1);

    const third = await put('graph-2', made);
    expect(third.reused).toBe(false);
    expect(made.count).toBe(2);
    expect(readFileSync(path.join(third.out, 'do-thi/lan-can/b.json'), 'utf8')).toBe('{"id":"b","key":"graph-2"}');
    // The earlier output keeps its bytes: the store's files are replaced, never written into.
    expect(readFileSync(path.join(second.out, 'do-thi/lan-can/b.json'), 'utf8')).toBe('{"id":"b","key":"graph-1"}');

    // A stored file cut short (written in place, as a hand edit would): named, everything made again.
    writeFileSync(path.join(store, 'do-thi/lan-can/a.json'), '{"id"');
    const fourth = await put('graph-2', made);
    expect(fourth.reused).toBe(false);
    expect(fourth.damaged).toHaveLength(1);
    expect(fourth.damaged[0]).toContain(path.join('lan-can', 'a.json'));
    expect(made.count).toBe(3);
    expect(readFileSync(path.join(fourth.out, 'do-thi/lan-can/a.json'), 'utf8')).toBe(
      '{"id":"a","key":"graph-2","nhãn":"Chỉ thị 46-CT/TW"}',
    );

    // No manifest (a build killed before writing it): made again.
    rmSync(path.join(store, 'manifest.json'));
    const fifth = await put('graph-2', made);
    expect(fifth.reused).toBe(false);
    expect(made.count).toBe(4);
  });

  describe('checking stored files', () => {
    const dir = path.join(root, 'pages');
    const page = path.join(dir, 'van-ban/a/index.html');
    /** Reads of stored files (the manifest apart) since the last reset. */
    const storedReads = (): number =>
      vi.mocked(readFile).mock.calls.filter(([file]) => String(file).startsWith(dir) && !String(file).endsWith('manifest.json'))
        .length;
    beforeEach(() => {
      vi.mocked(readFile).mockClear();
    });

    it('reads a stored file only when it is no longer the file that was written or checked', async () => {
      const first = await openStore(dir);
      await first.put('van-ban/a/index.html', Buffer.from('<p>trang A</p>'), 'key-a');
      await first.commit();

      // The very file written: reused without reading it.
      const second = await openStore(dir);
      vi.mocked(readFile).mockClear();
      expect(await second.check()).toEqual([]);
      expect(storedReads()).toBe(0);
      expect(second.entry('van-ban/a/index.html')?.key).toBe('key-a');
      second.keep('van-ban/a/index.html');
      await second.commit();

      // Written again with the same bytes (a new modification time): read once, found whole,
      // and its new identity recorded, so the next build does not read it.
      writeFileSync(page, '<p>trang A</p>');
      utimesSync(page, new Date(2020, 0, 1), new Date(2020, 0, 1));
      const third = await openStore(dir);
      vi.mocked(readFile).mockClear();
      expect(await third.check()).toEqual([]);
      expect(storedReads()).toBe(1);
      third.keep('van-ban/a/index.html');
      await third.commit();
      const fourth = await openStore(dir);
      vi.mocked(readFile).mockClear();
      expect(await fourth.check()).toEqual([]);
      expect(storedReads()).toBe(0);
      fourth.keep('van-ban/a/index.html');
      await fourth.commit();

      // A byte changed in place, the size kept: read, and not reused.
      writeFileSync(page, '<p>trang B</p>');
      const fifth = await openStore(dir);
      expect(await fifth.check()).toHaveLength(1);
      expect(fifth.entry('van-ban/a/index.html')).toBeUndefined();
    });
  });
});
