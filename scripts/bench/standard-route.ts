/**
 * The baseline row of the benchmark: the standard Astro route (bench/standard-route/: a
 * glob collection of the plans' MDX, one dynamic route, @astrojs/mdx) built from the MDX the
 * pipeline wrote, then Pagefind's own program on its output, with its defaults.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { measure } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Times (ms) of one standard-route build. */
export interface StandardTiming {
  astro: number;
  pagefind: number;
  total: number;
  /** CPU time (ms) of both steps, or null without GNU time. */
  cpu: number | null;
  peakRss: number | null;
}

/**
 * Build the plans of a generated dir the standard way, from empty caches, and index it.
 *
 * @param generated The pipeline's output folder (holds plans/*.mdx).
 * @returns Times.
 */
export async function timeStandardRoute(generated: string): Promise<StandardTiming> {
  // Inside the project (its node_modules/.cache): with an output folder outside its working
  // folder, Astro puts its server build in `<cwd>/.astro/` and, when nothing but .mjs files is
  // left there, removes that folder before it reads it back (ENOENT) — and it would share that
  // folder with any other build started from the project. Its server bundle must also sit
  // under the project's node_modules to import its packages.
  const cacheRoot = path.join(ROOT, 'node_modules/.cache');
  await mkdir(cacheRoot, { recursive: true });
  const work = await mkdtemp(path.join(cacheRoot, 'vbg-standard-'));
  try {
    const out = path.join(work, 'dist');
    const env = { VBG_STANDARD_PLANS: path.join(generated, 'plans'), OUT_DIR: out, VBG_CACHE_DIR: path.join(work, 'cache') };
    const astro = await measure(
      process.execPath,
      [path.join(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', path.join(ROOT, 'bench/standard-route')],
      env,
      ROOT,
    );
    const pagefind = await measure(
      process.execPath,
      [path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', out, '--quiet'],
      {},
      ROOT,
    );
    const cpu = astro.cpuMs === null || pagefind.cpuMs === null ? null : astro.cpuMs + pagefind.cpuMs;
    return { astro: astro.ms, pagefind: pagefind.ms, total: astro.ms + pagefind.ms, cpu, peakRss: astro.peakRss };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
