/**
 * The search index in shards: the indexed pages are split by a stable hash of their path
 * into a few parts, each indexed by its own Pagefind run and merged in the browser
 * (`mergeIndex`, see src/client/search/shards.ts). A part is indexed again only when its
 * fingerprint (Pagefind's version, its settings and the bytes of every page of the part)
 * changes; otherwise the previous build's output is taken from the shard store, so editing
 * one plan of a thousand re-indexes about an eighth of the site instead of all of it.
 *
 * Each part is indexed under a language tag of its own (`vi-x-s3`): Pagefind prefixes the
 * ids of its results with it, which tells the search page which part a result came from,
 * and Vietnamese has no stemmer in Pagefind, so the index bytes are those of plain `vi`.
 *
 * Determinism: the parts, their order and their content depend only on the pages; a
 * part's output only on its pages (Pagefind numbers pages in the order they are staged,
 * which is path order). An incremental build is therefore byte-identical to a clean one.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileIdentitySync } from '../fs/file-identity.ts';
import { DIGEST_RECORD } from './pagefind-digests.ts';

/** Pages per part the shard count aims at (the count is a power of two). */
export const SHARD_PAGES = 256;

/** Most parts, whatever the size of the site. */
export const MAX_SHARDS = 32;

/**
 * Version of the shard layout; the code that makes the indexed copies is hashed into every
 * fingerprint besides.
 */
export const SHARD_FORMAT = 1;

/** The manifest the search page reads: `<outDir>/pagefind/shards.json`. */
export interface ShardManifest {
  version: 1;
  /** Folders under `pagefind/`, first the one whose `pagefind.js` the page loads. */
  shards: string[];
}

/** One part of the index. */
export interface Shard {
  /** Folder under `pagefind/` ("3"). */
  name: string;
  /** Language tag Pagefind indexes the part under ("vi-x-s3"). */
  language: string;
  /** Pages of the part, in path order: relative path and digest of what its indexed copy is made from. */
  pages: { file: string; digest: string }[];
}

/**
 * How many parts for a site of `pages` indexed pages: the power of two nearest below
 * `pages / pagesPerShard`, at least 1 and at most `MAX_SHARDS`. A small site (the seeds,
 * the tests' fixtures) is one part, indexed exactly as before sharding.
 *
 * @param pages Indexed pages.
 * @param pagesPerShard Target size of a part (`VBG_SEARCH_SHARD_PAGES` overrides).
 * @returns Shard count.
 */
export function shardCount(pages: number, pagesPerShard = SHARD_PAGES): number {
  let count = 1;
  while (count * 2 <= MAX_SHARDS && pages / (count * 2) >= pagesPerShard) count *= 2;
  return count;
}

/**
 * The part of a page: FNV-1a of its path, modulo the shard count. Stable across builds
 * and machines, and independent of the other pages, so adding a plan moves no other page.
 *
 * @param file Relative path ("van-ban/ke-hoach-1/index.html").
 * @param count Shard count.
 * @returns Index in [0, count).
 */
export function shardOf(file: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < file.length; index += 1) {
    hash ^= file.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * Split the indexed pages into parts (empty parts are left out).
 *
 * @param pages Pages in path order.
 * @param count Shard count.
 * @returns Non-empty parts, by index.
 */
export function splitShards(pages: readonly { file: string; digest: string }[], count: number): Shard[] {
  const parts = Array.from({ length: count }, (_, index): Shard => ({
    name: String(index),
    language: `vi-x-s${index}`,
    pages: [],
  }));
  for (const page of pages) parts[shardOf(page.file, count)]!.pages.push(page);
  return parts.filter((part) => part.pages.length > 0);
}

/**
 * Fingerprint of a part: what its Pagefind output depends on (with `settings`: Pagefind's
 * version and command line, and the code that makes the indexed copies).
 *
 * @param shard The part.
 * @param settings Pagefind's version and command line.
 * @returns Hex digest.
 */
export function shardFingerprint(shard: Shard, settings: string): string {
  const hash = createHash('sha256').update(`${SHARD_FORMAT}\0${settings}\0${shard.name}\0${shard.language}\0`);
  for (const page of shard.pages) hash.update(page.file).update('\0').update(page.digest).update('\0');
  return hash.digest('hex');
}

/**
 * Files of Pagefind's output the site never loads: its ready-made UIs. Kept only in the
 * first part, as Pagefind writes them, and dropped from the others.
 *
 * @param name File name at the top of a part's folder.
 * @returns Whether a part other than the first can go without it.
 */
export function onlyInFirstShard(name: string): boolean {
  return /^pagefind([-.].*)?\.(js|css)$/.test(name) || name.startsWith('wasm.');
}

/**
 * Copy a folder's files into another by hard links (a part's output is never modified in
 * place), falling back to copies across file systems.
 *
 * @param from Source folder.
 * @param to Target folder (created).
 * @returns Number of files.
 */
export async function linkTree(from: string, to: string): Promise<number> {
  const files = await filesOf(from);
  const folders = [...new Set(files.map((file) => path.dirname(file)))].sort();
  // Synchronous calls: a part is ~450 small files, and each await cost more than its link
  // (8 parts reused: 230 → 95 ms).
  for (const folder of folders) mkdirSync(path.join(to, folder), { recursive: true });
  for (const file of files) {
    try {
      linkSync(path.join(from, file), path.join(to, file));
    } catch {
      copyFileSync(path.join(from, file), path.join(to, file));
    }
  }
  return files.length;
}

/**
 * Place a freshly built part in the store under its fingerprint (atomically: a rename),
 * so a build that dies half-way leaves no half-written part to reuse.
 *
 * @param built Folder Pagefind wrote.
 * @param storeDir Store folder.
 * @param fingerprint The part's fingerprint.
 */
export async function storeShard(built: string, storeDir: string, fingerprint: string): Promise<void> {
  await mkdir(storeDir, { recursive: true });
  const target = path.join(storeDir, fingerprint);
  const temporary = `${target}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await linkTree(built, temporary);
  // The part's checksums, beside it (not inside: linkTree copies a part's files into the site).
  await writeFile(`${temporary}${SUMS}`, JSON.stringify(await checksums(temporary)));
  await rm(target, { recursive: true, force: true });
  await rm(`${target}${SUMS}`, { force: true });
  await rename(`${temporary}${SUMS}`, `${target}${SUMS}`);
  await rename(temporary, target);
}

/** Suffix of a stored part's checksum file. */
const SUMS = '.sums.json';

/**
 * Files of a folder, recursively, as sorted relative paths.
 *
 * @param dir Folder.
 * @returns Its files.
 */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A stored file as its part's checksum file records it: SHA-256 and identity on disk. */
interface StoredFile {
  sha256: string;
  /** Device, inode, size and modification time (`fileIdentity`). */
  identity: string | null;
}

/**
 * SHA-256 and identity on disk of every file of a folder.
 *
 * @param dir Folder.
 * @returns Relative path → what is recorded of it.
 */
async function checksums(dir: string): Promise<Record<string, StoredFile>> {
  const sums: Record<string, StoredFile> = {};
  for (const file of await filesOf(dir)) {
    // The identity before the read: a file changed in between fails the next check's shortcut.
    // Synchronous calls, as in `linkTree`.
    const identity = fileIdentitySync(path.join(dir, file));
    sums[file] = { sha256: sha256Of(path.join(dir, file)), identity };
  }
  return sums;
}

/**
 * @param file Path.
 * @returns SHA-256 of its bytes, hex.
 */
function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Whether a stored part is whole: its files are exactly those it was stored with, byte for
 * byte. A part damaged since (a full disk, a crash outside the build, an edit by hand — its
 * files are hard links into earlier sites) is then indexed again instead of served.
 *
 * A file that is still the one stored (same device, inode, size and modification time) is not
 * read: a rebuild at 5,000 plans reuses 15 parts of 16, some 11,000 files and 110 MB, which
 * were hashed on every build. Any other file is compared by its SHA-256.
 *
 * @param stored The part's folder in the store.
 * @returns True when it can be reused.
 */
export async function storedShardIsWhole(stored: string): Promise<boolean> {
  try {
    const expected = JSON.parse(await readFile(`${stored}${SUMS}`, 'utf8')) as Record<string, Partial<StoredFile> | undefined>;
    const names = await filesOf(stored);
    if (names.length !== Object.keys(expected).length) return false;
    for (const name of names) {
      const want = expected[name];
      if (!want || typeof want.sha256 !== 'string') return false;
      // Synchronous calls, as in `linkTree`.
      const file = path.join(stored, name);
      if (want.identity && fileIdentitySync(file) === want.identity) continue;
      if (sha256Of(file) !== want.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Remove the stored parts this build did not use (the store keeps one build's parts).
 *
 * @param storeDir Store folder.
 * @param used Fingerprints of this build.
 */
export async function pruneStore(storeDir: string, used: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(storeDir);
  } catch {
    return;
  }
  for (const name of names) {
    const part = name.endsWith(SUMS) ? name.slice(0, -SUMS.length) : name;
    if (name === DIGEST_RECORD) continue;
    if (!used.has(part) && !name.endsWith('.tmp')) await rm(path.join(storeDir, name), { recursive: true, force: true });
  }
}
