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
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
}

/** Hits and misses of one build, for the build log and the tests. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found corrupt (and removed) by a disk cache, as paths: each was treated as a miss. */
  corrupt: string[];
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
 * A cache on disk: `<dir>/<kind>/<key>.json`. Writes go to a temporary file renamed into
 * place, so a build killed mid-write never leaves a truncated entry behind.
 *
 * @param dir Cache folder (created when needed).
 * @returns The cache and its live hit/miss counters.
 */
export function diskCache(dir: string): StageCache & { stats: CacheStats; kinds: KindStats } {
  const stats: CacheStats = { hits: 0, misses: 0, corrupt: [] };
  const kinds: KindStats = new Map();
  const made = new Set<string>();
  const file = (kind: string, key: string): string => path.join(dir, kind, `${key}.json`);
  return {
    stats,
    kinds,
    get(kind, key) {
      let value: string | undefined;
      try {
        const stored = readFileSync(file(kind, key), 'utf8');
        value = unseal(stored);
        if (value === undefined) {
          // Truncated or altered (a full disk, a crash outside the build, a hand edit): a
          // miss, said once per entry, and the entry goes so the next build does not trip on it.
          stats.corrupt.push(path.relative(process.cwd(), file(kind, key)) || file(kind, key));
          rmSync(file(kind, key), { force: true });
        }
      } catch {
        value = undefined;
      }
      if (kind === ANALYSED) {
        if (value === undefined) stats.misses += 1;
        else stats.hits += 1;
      }
      count(kinds, kind, value !== undefined);
      return value;
    },
    set(kind, key, value) {
      const folder = path.join(dir, kind);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const target = file(kind, key);
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, seal(value));
      renameSync(temporary, target);
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
