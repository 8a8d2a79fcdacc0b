import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/pipeline/cache.ts';
import { readDocument } from '../../src/pipeline/read/dispatch.ts';
import { fileIdentity } from '../../src/fs/file-identity.ts';
import { readRecord, SourceChangedError } from '../../src/pipeline/read-record.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../content/sources');
const seedText = readFileSync(path.join(SEEDS, readdirSync(SEEDS).sort()[0]!), 'utf8');

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A sources folder holding a real plan (a seed) as UTF-8. */
function sources(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vbg-read-record-'));
  folders.push(dir);
  writeFileSync(path.join(dir, 'ke-hoach.txt'), seedText);
  return dir;
}

/** Read a file as the build does, and note it in the record. */
async function readAndNote(dir: string, file: string, record: ReturnType<typeof readRecord>, key: string) {
  const identity = await fileIdentity(path.join(dir, file));
  const source = await readDocument(readFileSync(path.join(dir, file)), file);
  record.note(identity, source, key);
  return source;
}

describe('the read record', () => {
  it('gives back an unchanged text as it was read, its text loaded from the file only when asked for', async () => {
    const dir = sources();
    const cache = memoryCache();
    const first = readRecord(cache, dir, 'v1');
    const read = await readAndNote(dir, 'ke-hoach.txt', first, 'key-1');
    first.save();

    const second = readRecord(cache, dir, 'v1');
    const found = second.lookup('ke-hoach.txt', await fileIdentity(path.join(dir, 'ke-hoach.txt')));
    expect(found?.key).toBe('key-1');
    const { text, ...rest } = read;
    const { text: lazy, ...given } = found!.source;
    expect(given).toEqual(rest);
    expect(lazy).toBe(text);
    // Noted again as it is, without loading its text again (the record stays the same).
    second.note(await fileIdentity(path.join(dir, 'ke-hoach.txt')), found!.source, 'key-1');
    second.save();
    expect(readRecord(cache, dir, 'v1').lookup('ke-hoach.txt', await fileIdentity(path.join(dir, 'ke-hoach.txt')))?.key).toBe(
      'key-1',
    );
  });

  it('misses when the file is another one, was written since, or the code or folder changed', async () => {
    const dir = sources();
    const cache = memoryCache();
    const first = readRecord(cache, dir, 'v1');
    await readAndNote(dir, 'ke-hoach.txt', first, 'key-1');
    first.save();
    const file = path.join(dir, 'ke-hoach.txt');
    const identity = await fileIdentity(file);
    expect(readRecord(cache, dir, 'v2').lookup('ke-hoach.txt', identity)).toBeUndefined();
    expect(readRecord(cache, path.join(dir, 'khac'), 'v1').lookup('ke-hoach.txt', identity)).toBeUndefined();
    expect(readRecord(cache, dir, 'v1').lookup('ke-hoach.txt', null)).toBeUndefined();
    // The same bytes written again: another modification time, read again.
    writeFileSync(file, seedText);
    expect(readRecord(cache, dir, 'v1').lookup('ke-hoach.txt', await fileIdentity(file))).toBeUndefined();
    // A hard link is the same file.
    linkSync(file, path.join(dir, 'lien-ket.txt'));
    expect(await fileIdentity(path.join(dir, 'lien-ket.txt'))).toBe(await fileIdentity(file));
  });

  it('keeps only plain texts with a key, and stops naming the file when a recorded text changed before it was needed', async () => {
    const dir = sources();
    const cache = memoryCache();
    const first = readRecord(cache, dir, 'v1');
    await readAndNote(dir, 'ke-hoach.txt', first, 'key-1');
    writeFileSync(path.join(dir, 'khong-khoa.txt'), seedText);
    await readAndNote(dir, 'khong-khoa.txt', first, undefined as unknown as string);
    writeFileSync(path.join(dir, 'trang.md'), '# Kế hoạch\n\nNội dung.\n');
    await readAndNote(dir, 'trang.md', first, 'key-md');
    first.save();
    const file = path.join(dir, 'ke-hoach.txt');
    const second = readRecord(cache, dir, 'v1');
    expect(second.lookup('khong-khoa.txt', await fileIdentity(path.join(dir, 'khong-khoa.txt')))).toBeUndefined();
    expect(second.lookup('trang.md', await fileIdentity(path.join(dir, 'trang.md')))).toBeUndefined();
    const found = second.lookup('ke-hoach.txt', await fileIdentity(file))!;
    writeFileSync(file, seedText.replace('Kế hoạch', 'Kế hoạch đã sửa'));
    expect(() => found.source.text).toThrow(SourceChangedError);
    expect(() => found.source.text).toThrow(/ke-hoach\.txt/);
  });

  it('ignores a damaged record', () => {
    const dir = sources();
    const cache = memoryCache();
    const record = readRecord(cache, dir, 'v1');
    record.save();
    for (const key of cache.entries.keys()) cache.entries.set(key, '{"ke-hoach.txt": ');
    expect(readRecord(cache, dir, 'v1').lookup('ke-hoach.txt', 'x')).toBeUndefined();
  });
});
