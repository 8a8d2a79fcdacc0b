// @ts-check
/**
 * `npm run build`: run scripts/build.ts from its cached bundle (scripts/bundle/bundles.mjs)
 * rather than through tsx's command, which starts a second Node with its loader (~0.7 s of
 * CPU); through tsx when there is no bundle. The arguments (`--strict`) reach it unchanged.
 */
import { runEntry } from './bundle/bundles.mjs';

await runEntry('build', 'scripts/build.ts');
