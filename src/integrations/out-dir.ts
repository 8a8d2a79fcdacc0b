/**
 * Astro integration: empty the output folder without making the build wait for it.
 *
 * Astro empties `outDir` at the start of `astro build` with synchronous calls, one file
 * after another, before it starts bundling; a built site of 1,000 plans is ~9,000 files and
 * that took 5–10 s of every rebuild into the same folder (the benchmark's, or
 * `astro build` run by hand; `npm run build` builds into a fresh folder). Instead, when the
 * build's config is done (before anything is written) the old output is renamed aside (`<outDir>.stale-<pid>`, one rename)
 * and deleted in the background while Vite bundles on the other core; Astro's own emptying
 * is turned off (`vite.build.emptyOutDir: false`) and finds nothing to do. The deletion is
 * awaited at `astro:build:done`, so no stale folder outlives a build; one left by a killed
 * build is removed by the next. When the rename is not possible (the folder is a mount
 * point, or holds a `.git` that Astro would keep), the folder is emptied in place as Astro
 * does, keeping `.git`.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Marker of the folders an old output is renamed to. */
const STALE = '.stale-';

/**
 * Empty `outDir` for a build: rename it aside (awaited: nothing may write into it before)
 * and return the deletion of the old output and of killed builds' stale folders, which runs
 * in the background.
 *
 * @param outDir Output folder.
 * @returns The deletion, to await before the build ends.
 */
export async function moveOutDirAside(outDir: string): Promise<{ removal: Promise<void> }> {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}${STALE}`;
  const stale = (await readdir(parent).catch(() => [] as string[]))
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(parent, name));
  if (existsSync(outDir)) {
    const aside = path.join(parent, `${prefix}${process.pid}`);
    let renamed = false;
    if (!existsSync(path.join(outDir, '.git')) && !stale.includes(aside)) {
      try {
        await rename(outDir, aside);
        renamed = true;
        stale.push(aside);
      } catch {
        // A mount point, or a folder another process holds: emptied in place below.
      }
    }
    if (!renamed) {
      for (const name of await readdir(outDir)) {
        if (name !== '.git') await rm(path.join(outDir, name), { recursive: true, force: true });
      }
    }
  }
  const removal = Promise.all(stale.map((folder) => rm(folder, { recursive: true, force: true }))).then(() => undefined);
  // Awaited at build:done; until then, a failure must not end the process as unhandled.
  removal.catch(() => {});
  return { removal };
}

/**
 * The integration. Add it before the others.
 *
 * @returns Astro integration.
 */
export default function outDirCleaner(): AstroIntegration {
  let command = '';
  let removal: Promise<void> | null = null;
  return {
    name: 'van-ban-out-dir',
    hooks: {
      'astro:config:setup': ({ updateConfig, command: running }) => {
        command = running;
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      // At config:done, before the content layer syncs: Astro writes some of its files into
      // the output folder then (content-modules.mjs, collections/), which must stay.
      'astro:config:done': async ({ config }) => {
        if (command !== 'build') return;
        ({ removal } = await moveOutDirAside(fileURLToPath(config.outDir)));
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
