/**
 * A set of files made from one key, kept between builds in a folder of Astro's cache: when a
 * build asks for the same key, the files are hard-linked from the store into the output
 * instead of being made and written again (the page store's way, for files that are not
 * pages: the neighbourhood files of the graph, 2,058 files and 30 MB at 1,000 plans, made
 * from graph.json alone).
 *
 * Every stored file is checked against the SHA-256 the manifest recorded before it is
 * reused; one damaged or missing file (a full disk, a hand edit) makes the whole set again,
 * with a warning naming it. The manifest is removed before the store is written and written
 * last, so a build killed half-way leaves no manifest and the next build makes everything.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from '../fs/atomic-write.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';

const MANIFEST_VERSION = 1;

/** The store's manifest. */
interface FileStoreManifest {
  version: typeof MANIFEST_VERSION;
  /** Hash of the key the files were made from. */
  key: string;
  /** Path inside the set ("/" separated) → SHA-256 of the file. */
  files: Record<string, string>;
}

/** What `storedFiles` did. */
export interface StoredFiles {
  reused: boolean;
  count: number;
  /** Stored files found damaged (then everything was made again). */
  damaged: string[];
}

/**
 * Put a set of files into the output: linked from the store when it holds the set made from
 * `key`, else made, written into the output and stored.
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
  const keyHash = createHash('sha256').update(key).digest('hex');
  const manifestFile = path.join(storeDir, 'manifest.json');
  const filesDir = path.join(storeDir, 'files');
  removeStaleTemporaries(filesDir);
  const manifest = await readFile(manifestFile, 'utf8')
    .then((text) => JSON.parse(text) as Partial<FileStoreManifest>)
    .catch(() => null);
  const damaged: string[] = [];
  if (
    manifest?.version === MANIFEST_VERSION &&
    manifest.key === keyHash &&
    manifest.files &&
    typeof manifest.files === 'object'
  ) {
    const recorded = manifest.files;
    const names = Object.keys(recorded).sort();
    await forEachLimited(names, 16, async (name) => {
      const bytes = await readFile(path.join(filesDir, name)).catch(() => null);
      if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== recorded[name]) {
        damaged.push(path.relative(process.cwd(), path.join(filesDir, name)));
      }
    });
    if (damaged.length === 0) {
      const folders = new Set(names.map((name) => path.dirname(path.join(outDir, name))));
      for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
      await forEachLimited(names, 16, async (name) => {
        const from = path.join(filesDir, name);
        const to = path.join(outDir, name);
        await link(from, to).catch(() => copyFile(from, to));
      });
      return { reused: true, count: names.length, damaged };
    }
    damaged.sort();
  }
  await rm(manifestFile, { force: true });
  await rm(filesDir, { recursive: true, force: true });
  const entries = [...make()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const folder of [...new Set(entries.map(([name]) => path.dirname(path.join(outDir, name))))].sort()) {
    await mkdir(folder, { recursive: true });
  }
  // A store that cannot be written (read-only, full) is done without: the files go straight
  // into the output, and no manifest is written.
  let storing = await Promise.all(
    [...new Set(entries.map(([name]) => path.dirname(path.join(filesDir, name))))].map((folder) =>
      mkdir(folder, { recursive: true }),
    ),
  ).then(
    () => true,
    () => false,
  );
  const files: Record<string, string> = {};
  // Written once, into the store, and linked into the output (copied across file systems).
  await forEachLimited(entries, 16, async ([name, content]) => {
    const bytes = Buffer.from(content, 'utf8');
    const out = path.join(outDir, name);
    if (storing) {
      const stored = path.join(filesDir, name);
      try {
        await writeFileAtomic(stored, bytes);
        files[name] = createHash('sha256').update(bytes).digest('hex');
        await link(stored, out).catch(() => copyFile(stored, out));
        return;
      } catch {
        storing = false;
      }
    }
    await writeFile(out, bytes);
  });
  if (storing) {
    const record: FileStoreManifest = {
      version: MANIFEST_VERSION,
      key: keyHash,
      files: Object.fromEntries(entries.map(([name]) => [name, files[name]!])),
    };
    await writeFileAtomic(manifestFile, JSON.stringify(record)).catch(() => undefined);
  }
  return { reused: false, count: entries.length, damaged };
}
