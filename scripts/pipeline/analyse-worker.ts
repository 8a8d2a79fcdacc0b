/**
 * Worker thread of scripts/build-pipeline.ts: analyse (normalize, parse, extract) a share of
 * the sources into the pipeline's disk cache, so a cold build of a large corpus uses every
 * core; the build then finds each analysis cached.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceText } from '../../src/model.ts';
import { diskCache } from '../../src/pipeline/cache.ts';
import { analyseIntoCache } from '../../src/pipeline/analysis-cache.ts';

/** What the build hands a worker. */
export interface AnalyseWork {
  sources: SourceText[];
  /** Each source's analysis key, computed by the build (`analysisKeys`). */
  keys: string[];
  cacheDir: string;
  codeVersion: string;
}

const work = workerData as AnalyseWork;
parentPort?.postMessage(
  analyseIntoCache(
    work.sources,
    { cache: diskCache(work.cacheDir), codeVersion: work.codeVersion },
    (_, index) => work.keys[index],
  ),
);
