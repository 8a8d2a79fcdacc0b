/**
 * A content-addressed cache for pipeline stages.
 *
 * A value is stored under the hash of everything it was computed from (its inputs and the
 * version of the code computing it), so a hit can never be stale: an edited plan, a changed
 * stage or a new dependency simply misses and is computed again. Nothing is ever invalidated
 * by hand; old entries are just never asked for again.
 *
 * `buildCorpus` only sees the `StageCache` interface, so it stays pure and testable; the build
 * script gives it the disk-backed one (`diskCache`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeErrorMessage } from '../fs/atomic-write.ts';
import { pruneFolder, type PruneRule } from '../fs/prune.ts';

/**
 * Kind of the per-file analysis (normalize + parse + extract). `stats` counts only these, one
 * per source file, as the build log reports them; `kinds` counts every kind.
 */
export const ANALYSED = 'analysed';

/** Get and set string values by key, per kind of value. */
export interface StageCache {
  /**
   * @param kind What is cached ("ingest"…), one folder each.
   * @param key Content hash of the inputs (`contentKey`).
   * @returns The stored value, or undefined on a miss.
   */
  get(kind: string, key: string): string | undefined;
  /**
   * @param kind What is cached.
   * @param key Content hash of the inputs.
   * @param value Value to store.
   */
  set(kind: string, key: string, value: string): void;
  /**
   * Mark an entry as still wanted without reading it (a page body the build skipped because
   * the file on disk is current), so pruning keeps it.
   */
  keep?(kind: string, key: string): void;
  /**
   * Whether an entry is stored, without reading it (a corrupt one counts: `get` then misses).
   * Lets a build find what to compute beforehand without reading every entry twice.
   */
  has?(kind: string, key: string): boolean;
}

/** Hits and misses of one build, for the build log and the tests. */
export interface CacheStats {
  hits: number;
  misses: number;
  /**
   * Entries a disk cache found corrupt (removed) or could not read, as "path (why)": each was
   * treated as a miss.
   */
  corrupt: string[];
  /** Writes that failed (a read-only or full cache folder), as messages naming the path: the build goes on without them. */
  unwritable?: string[];
}

/** Hits and misses per kind of value ("analysed", "page"…). */
export type KindStats = Map<string, CacheStats>;

/**
 * Count a hit or a miss.
 *
 * @param kinds Counters per kind.
 * @param kind Kind of value.
 * @param hit Whether the value was found.
 */
function count(kinds: KindStats, kind: string, hit: boolean): void {
  const stats = kinds.get(kind) ?? { hits: 0, misses: 0, corrupt: [] };
  if (hit) stats.hits += 1;
  else stats.misses += 1;
  kinds.set(kind, stats);
}

/**
 * SHA-256 over several strings, each length-prefixed so ("ab", "c") and ("a", "bc") differ.
 *
 * @param parts Inputs.
 * @returns Hex digest.
 */
export function contentKey(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/** First line of a disk cache entry: format, the value's length and SHA-256. */
const SEAL = /^vbg-cache 1 (\d+) ([0-9a-f]{64})\n/u;

/**
 * A value with a header that lets a read tell a whole entry from a truncated or altered one.
 *
 * @param value The value.
 * @returns What is written to disk.
 */
export function seal(value: string): string {
  return `vbg-cache 1 ${value.length} ${createHash('sha256').update(value).digest('hex')}\n${value}`;
}

/**
 * The value of a sealed entry, or undefined when it is not whole (or not sealed at all).
 *
 * @param stored What was read from disk.
 * @returns The value, or undefined.
 */
export function unseal(stored: string): string | undefined {
  const header = SEAL.exec(stored);
  if (!header) return undefined;
  const value = stored.slice(header[0].length);
  if (value.length !== Number(header[1])) return undefined;
  return createHash('sha256').update(value).digest('hex') === header[2] ? value : undefined;
}

/**
 * Pruning rule of the pipeline cache (see `src/fs/prune.ts`): per kind, entries unused by the
 * last complete build go after 7 days, and at most as many unused ones as used ones (at least
 * 100) are kept meanwhile.
 */
const PIPELINE_PRUNE: PruneRule = { maxAgeDays: 7, unusedPerUsed: 1, minUnused: 100 };

/** A disk cache: a `StageCache` with its counters, and pruning. */
export interface DiskCache extends StageCache {
  stats: CacheStats & { unwritable: string[] };
  kinds: KindStats;
  /**
   * Delete the entries this cache did not use, by `PIPELINE_PRUNE`. Call after a complete
   * build only (a failed one used less than a good one needs).
   *
   * @returns How many entries were deleted.
   */
  prune(rule?: PruneRule): number;
}

/**
 * A cache on disk: `<dir>/<kind>/<key>.json`. Writes go to a temporary file renamed into
 * place, so a build killed mid-write never leaves a truncated entry behind. Every entry is
 * sealed (`seal`): a truncated, altered or unreadable one is a miss, listed once in
 * `stats.corrupt` by path, and removed; a write that fails is listed in `stats.unwritable`
 * and the build goes on (a cache only saves time).
 *
 * @param dir Cache folder (created when needed).
 * @returns The cache and its live hit/miss counters.
 */
export function diskCache(dir: string): DiskCache {
  const stats: CacheStats & { unwritable: string[] } = { hits: 0, misses: 0, corrupt: [], unwritable: [] };
  const kinds: KindStats = new Map();
  const made = new Set<string>();
  /** Entries read or written, per kind folder. */
  const used = new Map<string, Set<string>>();
  const use = (kind: string, key: string): void => {
    let names = used.get(kind);
    if (!names) used.set(kind, (names = new Set()));
    names.add(`${key}.json`);
  };
  const file = (kind: string, key: string): string => path.join(dir, kind, `${key}.json`);
  const shown = (target: string): string => path.relative(process.cwd(), target) || target;
  return {
    stats,
    kinds,
    get(kind, key) {
      let value: string | undefined;
      const target = file(kind, key);
      try {
        const stored = readFileSync(target, 'utf8');
        value = unseal(stored);
        if (value === undefined) {
          // Truncated or altered (a full disk, a crash outside the build, a hand edit): a
          // miss, said once per entry, and the entry goes so the next build does not trip on it.
          stats.corrupt.push(`${shown(target)} (hỏng: bị cắt cụt hoặc bị sửa)`);
          rmSync(target, { force: true });
        }
      } catch (error) {
        value = undefined;
        const code = (error as NodeJS.ErrnoException).code;
        // Absent is an ordinary miss; anything else (no permission, a folder in its place,
        // an I/O error) is said, and the entry is left for its owner to look at.
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
          stats.corrupt.push(`${shown(target)} (không đọc được: ${code ?? String(error)})`);
      }
      if (value !== undefined) use(kind, key);
      if (kind === ANALYSED) {
        if (value === undefined) stats.misses += 1;
        else stats.hits += 1;
      }
      count(kinds, kind, value !== undefined);
      return value;
    },
    set(kind, key, value) {
      const folder = path.join(dir, kind);
      const target = file(kind, key);
      try {
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writeFileAtomicSync(target, seal(value));
        use(kind, key);
      } catch (error) {
        const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
        stats.unwritable.push(writeErrorMessage(target, cause));
      }
    },
    keep(kind, key) {
      use(kind, key);
    },
    has(kind, key) {
      return existsSync(file(kind, key));
    },
    prune(rule = PIPELINE_PRUNE) {
      let removed = 0;
      let folders: string[];
      try {
        folders = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const kind of folders) removed += pruneFolder(path.join(dir, kind), used.get(kind) ?? new Set(), rule);
      return removed;
    },
  };
}

/**
 * A cache kept in memory (tests, and a default that behaves like no cache across runs).
 *
 * @returns The cache and its counters.
 */
export function memoryCache(): StageCache & { stats: CacheStats; kinds: KindStats; entries: Map<string, string> } {
  const stats: CacheStats = { hits: 0, misses: 0, corrupt: [] };
  const kinds: KindStats = new Map();
  const entries = new Map<string, string>();
  return {
    stats,
    kinds,
    entries,
    get(kind, key) {
      const value = entries.get(`${kind}/${key}`);
      if (kind === ANALYSED) {
        if (value === undefined) stats.misses += 1;
        else stats.hits += 1;
      }
      count(kinds, kind, value !== undefined);
      return value;
    },
    set(kind, key, value) {
      entries.set(`${kind}/${key}`, value);
    },
  };
}

/**
 * A hash of the code that computes cached values: every file under the given folders (sorted,
 * path and content). Editing the pipeline, or upgrading a dependency (the lock file), changes it
 * and so misses every old entry.
 *
 * @param root Project root.
 * @param entries Folders and files to hash, relative to `root`.
 * @returns Hex digest.
 */
export function codeVersion(root: string, entries: readonly string[]): string {
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(root, entry);
    let names: string[];
    try {
      names = readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => path.join(entry, name));
    } catch {
      names = [entry];
    }
    for (const name of names) {
      try {
        files.push(`${name.split(path.sep).join('/')}\n${readFileSync(path.join(root, name), 'utf8')}`);
      } catch {
        // A folder, or a file that does not exist: nothing to hash.
      }
    }
  }
  files.sort();
  return contentKey(...files);
}
