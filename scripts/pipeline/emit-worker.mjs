// Entry of the page-emitting worker threads: they do not inherit tsx's loader, so load the
// TypeScript worker through tsx's API (see emit-worker.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./emit-worker.ts', import.meta.url);
