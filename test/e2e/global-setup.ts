/**
 * Build the site before the browser tests, exactly as a user would (`npm run build` with
 * SITE_BASE / OUT_DIR): at the root, under a sub-path, and at the root once more from empty
 * caches (determinism.test.ts compares the two root builds byte for byte).
 *
 * The corpus is the seed sources plus `test/fixtures/e2e-corpus/` (an injection plan, an
 * empty file, two files of the same name in different folders), copied to
 * dist-test/sources; the pipeline writes dist-test/generated. Neither touches content/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUILDS, REBUILD, ROOT } from './harness.ts';

/** Where the test corpus and its generated dir live (git-ignored). */
export const TEST_SOURCES = path.join(ROOT, 'dist-test/sources');
export const TEST_GENERATED = path.join(ROOT, 'dist-test/generated');

/**
 * The environment of a build: ours, minus what Vitest injects. Vitest sets BASE_URL=/,
 * MODE, DEV, PROD, SSR and NODE_ENV=test in process.env, and Astro would take BASE_URL from
 * there over the config's `base`, so every sub-path link would lose its base.
 *
 * @returns Environment for `npm run build`.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  rmSync(TEST_SOURCES, { recursive: true, force: true });
  mkdirSync(TEST_SOURCES, { recursive: true });
  cpSync(path.join(ROOT, 'content/sources'), path.join(TEST_SOURCES, 'seed'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/e2e-corpus'), path.join(TEST_SOURCES, 'e2e'), { recursive: true });
  // Clean builds: fresh Astro and pipeline caches, never the developer's.
  const cache = path.join(ROOT, 'dist-test/cache');
  const cacheAgain = path.join(ROOT, 'dist-test/cache-again');
  rmSync(cache, { recursive: true, force: true });
  rmSync(cacheAgain, { recursive: true, force: true });
  const builds = [
    ...Object.values(BUILDS).map((build) => ({ ...build, cache })),
    { ...REBUILD, cache: cacheAgain },
  ];
  for (const build of builds) {
    execFileSync('npm', ['run', '-s', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...buildEnv(),
        SITE_BASE: build.base,
        OUT_DIR: build.dir,
        VBG_SOURCES: TEST_SOURCES,
        VBG_GENERATED: TEST_GENERATED,
        VBG_CACHE_DIR: build.cache,
      },
    });
  }
}
