/**
 * Keep a cache folder bounded. The rule, applied after a build that completed:
 * - an entry this build used (read or wrote) stays, and its mtime is brought up to date when
 *   it is more than a day old, so a file's age is the time since it was last used;
 * - an entry it did not use is deleted once it is older than `maxAgeDays`;
 * - of the unused entries left, only the newest `max(used × unusedPerUsed, minUnused)` stay,
 *   so a folder holds at most a few times what one build needs however many edits came
 *   before (old versions of an edited plan, plans removed from the sources);
 * - temporary files of writers no longer running (a build killed mid-write) are deleted.
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries } from './atomic-write.ts';

/** Settings of `pruneFolder`. */
export interface PruneRule {
  maxAgeDays: number;
  unusedPerUsed: number;
  minUnused: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Prune one folder of entries (files directly in it).
 *
 * @param folder Folder.
 * @param used Names (file names in `folder`) this build used.
 * @param rule Bounds.
 * @param now Clock, for tests.
 * @returns How many entries were deleted.
 */
export function pruneFolder(folder: string, used: ReadonlySet<string>, rule: PruneRule, now = Date.now()): number {
  removeStaleTemporaries(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  const unused: { name: string; mtimeMs: number }[] = [];
  let usedCount = 0;
  for (const name of names) {
    if (name.endsWith('.tmp')) continue;
    const full = path.join(folder, name);
    let mtimeMs: number;
    try {
      const stats = statSync(full);
      if (!stats.isFile()) continue;
      mtimeMs = stats.mtimeMs;
    } catch {
      continue;
    }
    if (used.has(name)) {
      usedCount += 1;
      if (now - mtimeMs > DAY_MS) {
        try {
          utimesSync(full, new Date(now), new Date(now));
        } catch {
          // Read-only: it only ages.
        }
      }
    } else {
      unused.push({ name, mtimeMs });
    }
  }
  // Newest first; a name breaks ties so the same folder always loses the same files.
  unused.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const keep = Math.max(usedCount * rule.unusedPerUsed, rule.minUnused);
  let removed = 0;
  unused.forEach((entry, index) => {
    if (index < keep && now - entry.mtimeMs <= rule.maxAgeDays * DAY_MS) return;
    rmSync(path.join(folder, entry.name), { force: true });
    removed += 1;
  });
  return removed;
}
