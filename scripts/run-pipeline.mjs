// @ts-check
/**
 * `npm run pipeline` (and the pipeline step of `npm run build` and of the bench): run
 * scripts/build-pipeline.ts from its cached bundle (scripts/bundle/bundles.mjs), which loads
 * in a fraction of the time tsx takes to load its ~150 modules; through tsx when there is no
 * bundle (VBG_BUNDLE=off, or esbuild failed). The arguments (`--strict`) reach it unchanged.
 */
import { runEntry } from './bundle/bundles.mjs';

await runEntry('pipeline', 'scripts/build-pipeline.ts');
