/**
 * The project's Astro config with its own cache folder (`VBG_CACHE_DIR`), so a benchmark
 * build neither reuses nor overwrites the content-layer cache of the developer's builds.
 * Used as `astro build --config scripts/bench/astro-config.ts`.
 */
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env['VBG_CACHE_DIR'] ? { cacheDir: process.env['VBG_CACHE_DIR'] } : {}),
};
