/**
 * Keep a cache folder bounded. The rule, applied after a build that completed:
 * - an entry this build used (read or wrote) stays, and its mtime is brought up to date when
 *   it is more than a day old, so a file's age is the time since it was last used;
 * - an entry it did not use is deleted once it is older than `maxAgeDays`;
 * - of the unused entries left, only the newest `max(used × unusedPerUsed, minUnused)` stay,
 *   so a folder holds at most a few times what one build needs however many edits came
 *   before (old versions of an edited plan, plans removed from the sources);
 * - temporary files of writers no longer running (a build killed mid-write) are deleted.
 *
 * Only the first two rules need each used entry's mtime, and a folder holds tens of thousands
 * of used entries at 5,000 plans (a `stat` each: 1–2 s of every rebuild). So the used entries
 * are looked at (and their mtimes refreshed) once a day, by a full pass whose time the folder's
 * `.pruned` file keeps; the builds in between list the folder's names and `stat` only the
 * unused entries, so the count bound and the age of unused entries are applied on every build.
 * An entry used since the last full pass may thus look up to a day older than it is.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries } from './atomic-write.ts';

/** Settings of `pruneFolder`. */
export interface PruneRule {
  maxAgeDays: number;
  unusedPerUsed: number;
  minUnused: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** File in a pruned folder whose mtime is the time of its last full pass. */
export const PRUNE_STAMP = '.pruned';

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
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  // Temporaries are named "….tmp" (sub-folders may hold some too): none, nothing to look for.
  if (entries.some((entry) => entry.isDirectory() || entry.name.endsWith('.tmp'))) removeStaleTemporaries(folder);
  const stampFile = path.join(folder, PRUNE_STAMP);
  // A stamp from the future (a clock set back) is no proof either.
  const sinceFull = now - (statSync(stampFile, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity);
  const fullPass = !(sinceFull >= 0 && sinceFull < DAY_MS);
  const unused: { name: string; mtimeMs: number }[] = [];
  let usedCount = 0;
  for (const entry of entries) {
    const name = entry.name;
    if (name.endsWith('.tmp') || name === PRUNE_STAMP) continue;
    if (used.has(name) && !fullPass) {
      // Its mtime is refreshed by the next full pass; the type the listing gives is enough here.
      if (entry.isFile() || entry.isSymbolicLink()) usedCount += 1;
      continue;
    }
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
  if (fullPass) {
    try {
      writeFileSync(stampFile, '');
      utimesSync(stampFile, new Date(now), new Date(now));
    } catch {
      // Read-only: every prune is then a full pass, as before.
    }
  }
  return removed;
}
