// @ts-check
// Entry of the analysis worker threads (see analyse-worker.ts): its bundle when the pipeline's is
// fresh (scripts/bundle/bundles.mjs; the main thread has just made it), else the TypeScript
// through tsx's API, since threads do not inherit tsx's loader.
import { bundledEntry } from '../bundle/bundles.mjs';

const bundled = await bundledEntry('pipeline', 'scripts/pipeline/analyse-worker.ts', { make: false });
if (bundled) await import(bundled);
else await (await import('tsx/esm/api')).tsImport('./analyse-worker.ts', import.meta.url);
