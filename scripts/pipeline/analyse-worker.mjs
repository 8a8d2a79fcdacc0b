// Entry of the analysis worker threads: they do not inherit tsx's loader, so load the
// TypeScript worker through tsx's API (see analyse-worker.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./analyse-worker.ts', import.meta.url);
