// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import bulkFiles from './src/integrations/bulk-files.ts';
import bundles from './src/integrations/bundles.ts';
import contentStoreCheck from './src/integrations/content-store-check.ts';
import pageStore from './src/integrations/page-store.ts';
import pagefind from './src/integrations/pagefind.ts';
import outDirCleaner from './src/integrations/out-dir.ts';
import remarkCitations from './src/remark/remark-citations.ts';
import { authoredCitations } from './src/remark/authored.ts';
import { loadGraph } from './src/utils/generated.ts';

/**
 * The site can be served under a sub-path of an intranet server: build with
 * `SITE_BASE=/van-ban/ npm run build` and every link, asset, search and graph works there.
 */
const base = process.env.SITE_BASE ?? '/';

// No telemetry: Astro reads this after loading the config, before it would run `git` for a
// project id and post the build's details to its server (the site is built offline).
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  // A separate content-layer cache lets two builds (tests, benchmarks) run side by side.
  ...(process.env.VBG_CACHE_DIR ? { cacheDir: process.env.VBG_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Eight pages rendered at a time: a document page mostly waits on its file being written,
  // and with Astro's default of one at a time the processor sat idle for a third of the
  // route step (1,000 plans: 10.6–15.8 s → 9.8 s; same bytes).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // No telemetry, no prefetch from outside, no dev toolbar: the site is built and served offline.
  devToolbar: { enabled: false },
  // Per-document source texts and local-graph files are written as plain files (bulkFiles);
  // document pages whose inputs did not change are taken from the previous build (pageStore);
  // then Pagefind indexes the output: `npm run build` ships a working search. In this order.
  // Authored notes and pages (content/notes, content/pages) are MDX: their citations are
  // linked by the same remark plugin as the plans' text.
  // No syntax highlighting: Shiki colours code with inline styles (blocked by the CSP) and
  // tokenised the guide's shell block differently from one build to the next.
  integrations: [
    outDirCleaner(),
    contentStoreCheck(),
    bundles(),
    mdx({ syntaxHighlight: false, remarkPlugins: [[remarkCitations, authoredCitations(loadGraph, base)]] }),
    bulkFiles(),
    pageStore(),
    pagefind(),
  ],
  // Never inline scripts or styles: the site must run under a strict CSP (script-src 'self').
  vite: { build: { assetsInlineLimit: 0 } },
});
