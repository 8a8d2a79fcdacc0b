/**
 * Worker thread of scripts/build-pipeline.ts: make one file (HTML or MDX, from each plan's
 * mdast tree) of a share of the plan pages the cache lacks and store it in the pipeline's disk
 * cache, so a cold build uses every core for them; writing the generated dir then finds them
 * cached.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { diskCache } from '../../src/pipeline/cache.ts';
import { emitPageJob, type PageFileKind, type PageJob } from '../../src/pipeline/page-cache.ts';

/** What the build hands a worker. */
export interface EmitWork {
  jobs: PageJob[];
  kind: PageFileKind;
  cacheDir: string;
}

const work = workerData as EmitWork;
const cache = diskCache(work.cacheDir);
for (const job of work.jobs) emitPageJob(job, work.kind, cache);
parentPort?.postMessage(work.jobs.length);
