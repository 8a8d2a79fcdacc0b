// @ts-check
/**
 * The standard Astro route, as a baseline for `npm run bench`: the plans' MDX (written by
 * the pipeline) as a glob content collection, one dynamic route rendering each with
 * @astrojs/mdx, nothing else. Folders come from the environment (VBG_STANDARD_PLANS,
 * OUT_DIR, VBG_CACHE_DIR); see scripts/bench/standard-route.ts.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  root: import.meta.dirname,
  outDir: process.env.OUT_DIR ?? './dist',
  ...(process.env.VBG_CACHE_DIR ? { cacheDir: process.env.VBG_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
