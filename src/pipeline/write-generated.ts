/**
 * Write the generated dir so that it holds exactly the given files, touching as little as
 * possible.
 *
 * Deleting the whole dir and writing 3,000 files (135 MB for 1,000 plans) again costs more
 * than the rest of a rebuild. Instead, a file whose bytes on disk are already the wanted ones
 * is left alone (same bytes, same mtime, so Astro and the browser cache see nothing change),
 * a changed or new one is written, and anything else in the dir (a page of a removed plan) is
 * deleted, empty folders too. The end state is byte for byte what "delete, then write all"
 * gives.
 *
 * With a `WriteRecord` (the version key — content hash or hash of the inputs —, size and mtime
 * of every file as the last build left it, kept in the pipeline cache), a file whose wanted
 * key is the recorded one and whose size and
 * mtime on disk are still the recorded ones is skipped without being read, and without its
 * content being asked for: `content` may be a getter that loads a cached page only when needed.
 * Anything else (no record, a file touched since) is compared byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { WriteError, writeFileAtomic } from '../fs/atomic-write.ts';
import { contentKey } from './cache.ts';
import { forEachLimited } from './for-each-limited.ts';

/** One file of the generated dir. */
export interface OutputFile {
  /** Path inside the dir, "/" separated. */
  path: string;
  /** Text (written as UTF-8), or bytes written as they are (copies of original files). */
  content: string | Uint8Array;
}

/** Hash of a file's content as the write record keeps it. */
function fileHash(content: string | Uint8Array): string {
  return typeof content === 'string' ? contentKey(content) : createHash('sha256').update(content).digest('hex');
}

/** The generated dir as the last build left it: path → version key, size and mtime. */
export type WriteRecord = Record<string, { hash: string; size: number; mtimeMs: number }>;

/** Settings of `writeGenerated`. */
export interface WriteOptions {
  /**
   * Version keys known in advance, by path: any string that changes whenever the content does
   * (a hash of the inputs). Files without one are keyed by `fileHash` of their content.
   */
  hashes?: ReadonlyMap<string, string>;
  /** The record of the last write into this dir, if kept. */
  record?: WriteRecord;
}

/** What a write did, for the build log and the tests. */
export interface WriteStats {
  written: number;
  unchanged: number;
  removed: number;
  /** The record of this write, to pass to the next one. */
  record: WriteRecord;
}

/** Files written or compared at once: enough to keep the disk busy, few enough for memory. */
const CONCURRENCY = 16;

/**
 * Make `dir` hold exactly `files`.
 *
 * @param dir The generated dir (created when missing).
 * @param files Every file it must hold, with unique paths.
 * @returns How many files were written, left as they were, and removed.
 */
export async function writeGenerated(dir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteStats> {
  const prepared = await prepareGenerated(
    dir,
    files.map((file) => file.path),
  );
  return writeInto(prepared, files, options);
}

/** A generated dir ready for its files: what was there before, less what went. */
export interface PreparedDir {
  dir: string;
  /** Files that were in the dir and are still wanted. */
  existing: ReadonlySet<string>;
  /** How many files were removed. */
  removed: number;
}

/**
 * The first half of `writeGenerated`: remove every file of `dir` not in `paths` and make the
 * folders of those in it. Their content is then written by `writeInto`, in one call or in
 * several (the build writes the MDX files last, while Astro already renders).
 *
 * @param dir The generated dir (created when missing).
 * @param paths Every file it must hold, unique.
 * @returns The dir, ready.
 */
export async function prepareGenerated(dir: string, paths: readonly string[]): Promise<PreparedDir> {
  const existing = new Set(await listFiles(dir));
  const wanted = new Set(paths);

  // Stale files first, so a file can never be shadowed by a folder of the same name or vice versa.
  const stale = [...existing].filter((file) => !wanted.has(file));
  await forEachLimited(stale, CONCURRENCY, async (file) => {
    await rm(path.join(dir, file), { force: true });
    existing.delete(file);
  });
  await removeEmptyFolders(dir);

  const folders = new Set(paths.map((file) => path.dirname(path.join(dir, file))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  return { dir, existing, removed: stale.length };
}

/**
 * The second half of `writeGenerated`: write files into a prepared dir, each unless it is
 * already current.
 *
 * @param prepared The dir, from `prepareGenerated` with these files' paths among its own.
 * @param files Files to write.
 * @returns How many were written and left as they were; `removed` is the preparation's.
 */
export async function writeInto(
  prepared: PreparedDir,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<WriteStats> {
  const { dir, existing } = prepared;
  const stats: WriteStats = { written: 0, unchanged: 0, removed: prepared.removed, record: {} };
  await forEachLimited(files, CONCURRENCY, async (file) => {
    const target = path.join(dir, file.path);
    const hash = options.hashes?.get(file.path) ?? fileHash(file.content);
    const known = options.record?.[file.path];
    if (existing.has(file.path) && known?.hash === hash) {
      const current = await stat(target).catch(() => null);
      if (current && current.size === known.size && current.mtimeMs === known.mtimeMs) {
        stats.record[file.path] = known;
        stats.unchanged++;
        return;
      }
    }
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    if (existing.has(file.path) && (await sameBytes(target, bytes))) {
      stats.unchanged++;
    } else {
      // Atomic (temporary file + rename): a build killed here leaves the old file or the new one.
      await writeFileAtomic(target, bytes).catch(async (error: unknown) => {
        // A folder where the file must go (left by an older layout of the dir): replace it.
        if (!(error instanceof WriteError) || (error.code !== 'EISDIR' && error.code !== 'ENOTEMPTY')) throw error;
        await rm(target, { recursive: true, force: true });
        await writeFileAtomic(target, bytes);
      });
      stats.written++;
    }
    const written = await stat(target);
    stats.record[file.path] = { hash, size: written.size, mtimeMs: written.mtimeMs };
  });
  return stats;
}

/**
 * Whether a file on disk holds exactly these bytes.
 *
 * @param file Path.
 * @param bytes Wanted content.
 * @returns False when it differs or cannot be read.
 */
async function sameBytes(file: string, bytes: Buffer): Promise<boolean> {
  try {
    const current = await readFile(file);
    return current.equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Every file under `dir`, as "/"-separated relative paths; [] when it does not exist.
 *
 * @param dir Folder.
 * @returns Relative paths.
 */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * Remove every empty folder under `dir` (deepest first), keeping `dir` itself.
 *
 * @param dir Folder.
 */
async function removeEmptyFolders(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return;
  }
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    // Fails (and is left) when the folder still holds something.
    await rmdir(folder).catch(() => undefined);
  }
}
