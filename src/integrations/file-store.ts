/**
 * The one store of files kept between builds in a folder of Astro's cache, a file per name,
 * each recorded with the key it was made from: when a build asks for a name with the same key,
 * the stored file is hard-linked into the output instead of being made and written again.
 * Two uses: the page store (`page-store.ts`, the document pages and the pages made from the
 * graph alone, by route) and `storedFiles` below (the graph's neighbourhood files, 2,058 files
 * and 30 MB at 1,000 plans, a set made from graph.json alone).
 *
 * The store's own checks, once for both:
 * - key: an entry is current only under the key it was stored with (and a group of entries
 *   only when every one of them is);
 * - integrity: a stored file is reused only once checked (`check`) against the SHA-256 the
 *   manifest recorded; a missing or altered one (a full disk, a hand edit) is not, and is named.
 *   A file that is still the one whose bytes were checked or written (same device, inode, size
 *   and modification time, `fileIdentity`) is not read again: at 5,000 plans the page store
 *   holds 7,400 pages (580 MB), which every build read and hashed to reuse them;
 * - writes are atomic (temporary file + rename): a stored file is replaced, never written
 *   into, so an output hard-linked to it keeps its bytes;
 * - hard link, or a copy across file systems;
 * - pruning: the entries this build neither kept nor stored are deleted when it commits;
 * - the manifest is removed before the first change to the store and written last, so a build
 *   killed half-way leaves no manifest, and the next build empties the store and makes
 *   everything (a store without a usable manifest holds nothing usable).
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemporaries, replaceWithLink, writeFileAtomic } from '../fs/atomic-write.ts';
import { fileIdentity } from '../fs/file-identity.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';

/** Format of the manifest (the page store's was 3, the neighbourhood store's 1). */
const MANIFEST_VERSION = 4;

/** The manifest's name in the store's folder; no entry may have it. */
const MANIFEST = 'manifest.json';

/** Files read, linked or written at once: one after another, each waited on the disk. */
const CONCURRENCY = 16;

/** One stored file as the manifest records it. */
export interface StoredEntry {
  /** What the file was made from, as the caller keys it (a fingerprint). */
  key: string;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  /** A second key, cheaper for the caller to make, that fixes the same content, if given. */
  quick?: string;
  /**
   * The file's identity on disk (`fileIdentity`) when its bytes were last written or found to
   * have that SHA-256, if known: while it is the same, the bytes are not read again.
   */
  identity?: string;
  /** The file's replaceable section, if its maker named one (`put`). */
  section?: StoredSection;
}

/**
 * A part of a stored file that its maker can make alone and put in place of the old one,
 * without making the rest of the file again (a document page's "Văn bản liên quan", whose
 * scores move with every plan added): the SHA-256 of its bytes, and where they are in the
 * file when found there exactly once.
 */
export interface StoredSection {
  sha256: string;
  /** Byte offset in the file, and byte length; absent when the section could not be placed. */
  at?: number;
  length?: number;
}

/** A named set of entries, all made from one key. */
export interface StoredGroup {
  key: string;
  /** Entry names, sorted. */
  names: string[];
}

/** The manifest. */
interface Manifest {
  version: typeof MANIFEST_VERSION;
  /** Entry name ("/" separated path inside the store) → entry. */
  entries: Record<string, StoredEntry>;
  groups: Record<string, StoredGroup>;
}

/** A store as one build sees it, from `openStore` to `commit`. */
export interface FileStore {
  /**
   * Check stored files against the manifest (each once), so their entries can be reused.
   *
   * @param names Entry names (default: every entry of the manifest).
   * @returns Those found missing or altered (paths from the working dir), sorted.
   */
  check(names?: readonly string[]): Promise<string[]>;
  /**
   * The last build's entry of a name, when its file was checked whole (this build holds the
   * store's lock: nothing else removes it meanwhile).
   *
   * @param name Entry name.
   * @returns The entry, or undefined.
   */
  entry(name: string): StoredEntry | undefined;
  /**
   * A group as the last build recorded it (its entries not checked).
   *
   * @param group Group name.
   * @returns The group, or undefined.
   */
  group(group: string): StoredGroup | undefined;
  /**
   * The names of a group the last build stored with this key, when every one of its entries was
   * checked whole and stored with that key too; else undefined.
   *
   * @param group Group name.
   * @param key Its key now.
   * @returns The names, or undefined.
   */
  currentGroup(group: string, key: string): string[] | undefined;
  /**
   * Keep the last build's entry of a name (its file stays, and is not pruned).
   *
   * @param name Entry name (a whole one).
   * @param quick Its quick key now, if any.
   */
  keep(name: string, quick?: string): void;
  /**
   * Put a kept entry's file into the output: a hard link, else a copy.
   *
   * @param name Entry name.
   * @param to File in the output (its folder must exist).
   */
  linkOut(name: string, to: string): Promise<void>;
  /**
   * The path of an entry's stored file (to read a checked entry's bytes).
   *
   * @param name Entry name.
   * @returns Absolute path.
   */
  fileOf(name: string): string;
  /**
   * Store a file (atomically), replacing any of that name. Throws when it cannot be written.
   *
   * @param name Entry name.
   * @param bytes Content.
   * @param key What it was made from.
   * @param quick A quick key, if any.
   * @param section Its replaceable section, if any.
   * @param linkFrom A file holding exactly `bytes` (the page Astro just wrote): the store hard-links
   *   it instead of writing the bytes again, so the two share one file; written when it cannot.
   * @returns The stored file's path.
   */
  put(name: string, bytes: Uint8Array, key: string, quick?: string, section?: StoredSection, linkFrom?: string): Promise<string>;
  /**
   * Record a group of this build's entries.
   *
   * @param group Group name.
   * @param key Its key.
   * @param names Its entries' names.
   */
  setGroup(group: string, key: string, names: readonly string[]): void;
  /**
   * Delete the entries neither kept nor put, then write the manifest of this build's entries
   * and groups (left as it was when nothing changed).
   */
  commit(): Promise<void>;
}

/**
 * SHA-256 of bytes.
 *
 * @param bytes Content.
 * @returns Hex digest.
 */
function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A stored file's path as a warning names it (from the working dir).
 *
 * @param file Absolute path.
 * @returns Path.
 */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * Sorted copy of an object's entries, for a manifest that is the same bytes for the same store.
 *
 * @param map Name → value.
 * @returns Object with its keys in order.
 */
function sortedRecord<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...map.keys()].sort().map((name) => [name, map.get(name)!]));
}

/**
 * The manifest, when it is one this code wrote.
 *
 * @param text The manifest file's text, or null.
 * @returns The manifest, or null.
 */
function parseManifest(text: string | null): Manifest | null {
  if (text === null) return null;
  let value: Partial<Manifest>;
  try {
    value = JSON.parse(text) as Partial<Manifest>;
  } catch {
    return null;
  }
  if (
    value?.version !== MANIFEST_VERSION ||
    typeof value.entries !== 'object' ||
    value.entries === null ||
    typeof value.groups !== 'object' ||
    value.groups === null
  ) {
    return null;
  }
  return value as Manifest;
}

/**
 * Open a store: read its manifest. A store without a usable manifest (none yet, a killed
 * build, older code) is emptied.
 *
 * @param dir The store's folder (created at the first write).
 * @returns The store.
 */
export async function openStore(dir: string): Promise<FileStore> {
  const manifestFile = path.join(dir, MANIFEST);
  // Half-written files of a build that was killed.
  removeStaleTemporaries(dir);
  const text = await readFile(manifestFile, 'utf8').catch(() => null);
  const manifest = parseManifest(text);
  if (!manifest) {
    // Nothing in it can be vouched for; what cannot be removed (a read-only store) is left, unused.
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.map((name) => rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined)));
  }
  const recorded = new Map(Object.entries(manifest?.entries ?? {}));
  /** Entries checked whole. */
  const whole = new Map<string, StoredEntry>();
  const checked = new Set<string>();
  const groups = new Map(
    Object.entries(manifest?.groups ?? {}).filter(([, group]) => typeof group?.key === 'string' && Array.isArray(group.names)),
  );

  /** This build's entries and groups. */
  const current = new Map<string, StoredEntry>();
  const currentGroups = new Map<string, StoredGroup>();
  let manifestRemoved: Promise<void> | undefined;
  /** Before the first change: a build killed from here on leaves no manifest. */
  const changing = (): Promise<void> => (manifestRemoved ??= rm(manifestFile, { force: true }));

  return {
    async check(names = [...recorded.keys()]) {
      const damaged: string[] = [];
      const unchecked = [...new Set(names)].filter((name) => !checked.has(name)).sort();
      await forEachLimited(unchecked, CONCURRENCY, async (name) => {
        checked.add(name);
        const entry = recorded.get(name);
        const file = path.join(dir, name);
        if (entry === undefined || name === MANIFEST || typeof entry.key !== 'string') {
          damaged.push(shown(file));
          return;
        }
        // The identity before the read: a file changed in between is read again next time.
        const identity = await fileIdentity(file);
        if (identity !== null && identity === entry.identity) {
          whole.set(name, entry);
          return;
        }
        const bytes = identity === null ? null : await readFile(file).catch(() => null);
        if (bytes !== null && sha256Of(bytes) === entry.sha256) whole.set(name, { ...entry, identity: identity! });
        else damaged.push(shown(file));
      });
      return damaged.sort();
    },
    entry(name) {
      return whole.get(name);
    },
    group(group) {
      return groups.get(group);
    },
    currentGroup(group, key) {
      const stored = groups.get(group);
      if (stored?.key !== key) return undefined;
      return stored.names.every((name) => whole.get(name)?.key === key) ? [...stored.names] : undefined;
    },
    keep(name, quick) {
      const { quick: _last, ...kept } = whole.get(name)!;
      current.set(name, quick === undefined ? kept : { ...kept, quick });
    },
    async linkOut(name, to) {
      const from = path.join(dir, name);
      await link(from, to).catch(() => copyFile(from, to));
    },
    fileOf(name) {
      return path.join(dir, name);
    },
    async put(name, bytes, key, quick, section, linkFrom) {
      if (name === MANIFEST) throw new Error(`Tên ${MANIFEST} dành cho danh mục của kho.`);
      await changing();
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      if (linkFrom === undefined || !(await replaceWithLink(linkFrom, file))) await writeFileAtomic(file, bytes);
      const sha256 = sha256Of(bytes);
      // Nothing writes into a stored file after this (replaced, never written in place).
      const identity = await fileIdentity(file);
      const entry: StoredEntry = identity === null ? { key, sha256 } : { key, sha256, identity };
      if (quick !== undefined) entry.quick = quick;
      if (section !== undefined) entry.section = section;
      current.set(name, entry);
      return file;
    },
    setGroup(group, key, names) {
      currentGroups.set(group, { key, names: [...names].sort() });
    },
    async commit() {
      const stale = [...recorded.keys()].filter((name) => !current.has(name) && name !== MANIFEST).sort();
      if (stale.length > 0) {
        await changing();
        await forEachLimited(stale, CONCURRENCY, (name) => removeWithFolders(dir, name));
      }
      const record: Manifest = {
        version: MANIFEST_VERSION,
        entries: sortedRecord(current),
        groups: sortedRecord(currentGroups),
      };
      const next = JSON.stringify(record);
      if (manifestRemoved === undefined && next === text) return;
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(manifestFile, next);
    },
  };
}

/**
 * Delete a stored file, and the folders it leaves empty up to the store's.
 *
 * @param dir The store's folder.
 * @param name Entry name.
 */
async function removeWithFolders(dir: string, name: string): Promise<void> {
  await rm(path.join(dir, name), { force: true });
  for (let folder = path.dirname(name); folder !== '.' && folder !== ''; folder = path.dirname(folder)) {
    // Not empty (another entry's folder, or one being removed at the same time): left.
    const removed = await rmdir(path.join(dir, folder)).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
}

/** What `storedFiles` did. */
export interface StoredFiles {
  reused: boolean;
  count: number;
  /** Stored files found damaged (then everything was made again). */
  damaged: string[];
}

/** The group name of `storedFiles`' set in its store. */
const FILE_SET = 'files';

/**
 * Put a set of files into the output: linked from the store when it holds the set made from
 * `key`, whole, else made, written into the output and stored (one damaged stored file makes
 * the whole set again).
 *
 * @param storeDir The store's folder (created when missing).
 * @param key Everything the files depend on, as text (code and data hashes).
 * @param outDir Folder of the output the paths are relative to.
 * @param make The files: path inside `outDir` ("/" separated) → content; called only when
 *   the store cannot be used.
 * @returns Whether the store was used, how many files, and the damaged ones.
 */
export async function storedFiles(
  storeDir: string,
  key: string,
  outDir: string,
  make: () => Iterable<[string, string]>,
): Promise<StoredFiles> {
  const keyHash = sha256Of(Buffer.from(key, 'utf8'));
  const store = await openStore(storeDir);
  // Only the set of this key is worth checking.
  const last = store.group(FILE_SET);
  const damaged = last?.key === keyHash ? await store.check(last.names) : [];
  const current = store.currentGroup(FILE_SET, keyHash);
  if (current) {
    await makeFolders(outDir, current);
    for (const name of current) store.keep(name);
    await forEachLimited(current, CONCURRENCY, (name) => store.linkOut(name, path.join(outDir, name)));
    store.setGroup(FILE_SET, keyHash, current);
    await store.commit();
    return { reused: true, count: current.length, damaged };
  }
  const entries = [...make()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await makeFolders(
    outDir,
    entries.map(([name]) => name),
  );
  // A store that cannot be written (read-only, full) is done without: the files go straight
  // into the output, and the set is not recorded.
  let storing = true;
  await forEachLimited(entries, CONCURRENCY, async ([name, content]) => {
    const bytes = Buffer.from(content, 'utf8');
    const out = path.join(outDir, name);
    if (storing) {
      try {
        // Written once, into the store, and linked into the output (copied across file systems).
        const stored = await store.put(name, bytes, keyHash);
        await link(stored, out).catch(() => copyFile(stored, out));
        return;
      } catch {
        storing = false;
      }
    }
    await writeFile(out, bytes);
  });
  if (storing)
    store.setGroup(
      FILE_SET,
      keyHash,
      entries.map(([name]) => name),
    );
  await store.commit().catch(() => undefined);
  return { reused: false, count: entries.length, damaged };
}

/**
 * Create the folders of files in the output, each once.
 *
 * @param outDir Output folder.
 * @param names File paths inside it.
 */
async function makeFolders(outDir: string, names: readonly string[]): Promise<void> {
  for (const folder of [...new Set(names.map((name) => path.dirname(path.join(outDir, name))))].sort()) {
    await mkdir(folder, { recursive: true });
  }
}
