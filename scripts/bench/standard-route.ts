/**
 * The baseline row of the benchmark: the standard Astro route (bench/standard-route/: a
 * glob collection of the plans' MDX, one dynamic route, @astrojs/mdx) built from the MDX the
 * pipeline wrote, then Pagefind's own program on its output, with its defaults.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measure } from './measure.ts';

/** Times (ms) of one standard-route build. */
export interface StandardTiming {
  astro: number;
  pagefind: number;
  total: number;
  peakRss: number | null;
}

/**
 * Build the plans of a generated dir the standard way, from empty caches, and index it.
 *
 * @param generated The pipeline's output folder (holds plans/*.mdx).
 * @returns Times.
 */
export async function timeStandardRoute(generated: string): Promise<StandardTiming> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'vbg-standard-'));
  try {
    const out = path.join(work, 'dist');
    const env = { VBG_STANDARD_PLANS: path.join(generated, 'plans'), OUT_DIR: out, VBG_CACHE_DIR: path.join(work, 'cache') };
    const astro = await measure(
      process.execPath,
      ['node_modules/astro/astro.js', 'build', '--root', 'bench/standard-route'],
      env,
    );
    const pagefind = await measure(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', out, '--quiet'], {});
    return { astro: astro.ms, pagefind: pagefind.ms, total: astro.ms + pagefind.ms, peakRss: astro.peakRss };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
