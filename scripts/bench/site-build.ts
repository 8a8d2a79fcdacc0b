/**
 * Time `npm run build` on a benchmark corpus, step by step: the pipeline script, then
 * `astro build` (which runs Pagefind in its `astro:build:done` hook). Both read the
 * folders from the environment variables the build honours (VBG_SOURCES, VBG_GENERATED,
 * OUT_DIR), plus a cache folder of its own (VBG_CACHE_DIR, which astro.config.mjs honours).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSeeds } from '../make-synthetic-corpus.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import { astroConfigArguments } from '../bundle/bundles.mjs';
import {
  ASTRO_MAY_START,
  AWAIT_GENERATED_ENV,
  GENERATED_READY,
  GENERATED_WANTED,
  HAND_OFF_ENV,
} from '../../src/pipeline/mdx-pending.ts';
import { measure, type Measured } from './measure.ts';

/** Folders of one benchmark build. */
export interface BuildFolders {
  sources: string;
  generated: string;
  dist: string;
  cache: string;
}

/** Times (ms) and peak memory (bytes) of one build. */
export interface BuildTiming {
  /**
   * The pipeline until Astro could start: its hand-off message (it then writes the plans' MDX
   * beside Astro, as under `npm run build`), or its whole run when it sent none.
   */
  pipeline: number;
  /** `astro build` from the pipeline's hand-off to its end, without the Pagefind hook. */
  astro: number;
  /** Pagefind indexing, from Astro's log; null when the log did not show it. */
  pagefind: number | null;
  /** Parts of the search index, and how many were reused from the previous build (log). */
  shards: number | null;
  reusedShards: number | null;
  /** From the pipeline's start to the end of both processes. */
  total: number;
  /** CPU time (ms, user + system, children included) of the pipeline and of `astro build`; null without GNU time. */
  cpuPipeline: number | null;
  cpuAstro: number | null;
  peakRssPipeline: number | null;
  peakRssAstro: number | null;
}

/**
 * Build once (pipeline, then Astro with Pagefind, started when the pipeline's analyses are done
 * and going on at its hand-off).
 *
 * @param folders Where to read and write.
 * @returns Times and memory.
 */
export async function timeSiteBuild(folders: BuildFolders): Promise<BuildTiming> {
  const env = {
    VBG_SOURCES: folders.sources,
    VBG_GENERATED: folders.generated,
    OUT_DIR: folders.dist,
    VBG_CACHE_DIR: folders.cache,
  };
  // The routes of `npm run build` (scripts/build.ts): the pipeline and the Astro config from
  // their bundles, Astro started when the pipeline's analyses are done, waiting at its content
  // config for the pipeline's hand-off, while the pipeline then writes the plans' MDX
  // (src/pipeline/mdx-pending.ts). The pipeline's time includes checking its bundle (bundling
  // it after a code change); the config's check is made before the clock starts (a few ms;
  // ~0.4 s when it bundles), which build.ts makes when it starts Astro.
  const config = await astroConfigArguments();
  const started = performance.now();
  let readyAt: number | null = null;
  let handedOff = (): void => {};
  const ready = new Promise<void>((resolve) => (handedOff = resolve));
  let mayStart = (): void => {};
  const astroMayStart = new Promise<void>((resolve) => (mayStart = resolve));
  const pipelineRun = measure(
    process.execPath,
    ['scripts/run-pipeline.mjs'],
    { ...env, [HAND_OFF_ENV]: '1' },
    undefined,
    (message) => {
      if (message === ASTRO_MAY_START) mayStart();
      if (message !== GENERATED_READY || readyAt !== null) return;
      readyAt = performance.now() - started;
      mayStart();
      handedOff();
    },
  );
  // A pipeline that sent nothing has written everything when it ends.
  void pipelineRun.then(handedOff, handedOff);
  await Promise.race([astroMayStart, pipelineRun]);
  const astroStartedAt = performance.now() - started;
  const astroRun = measure(
    process.execPath,
    ['node_modules/astro/astro.js', 'build', ...config],
    { ...env, [AWAIT_GENERATED_ENV]: '1' },
    undefined,
    (message, answer) => {
      if (message === GENERATED_WANTED) void ready.then(() => answer(GENERATED_READY));
    },
  );
  const [pipeline, astro] = await Promise.all([pipelineRun, astroRun]);
  const total = performance.now() - started;
  const pagefind = pagefindTime(astro);
  // Astro's time from the hand-off on: its start-up before the hand-off ran beside the pipeline.
  const astroAfterHandOff = astroStartedAt + astro.ms - (readyAt ?? pipeline.ms);
  const parts = astro.lines.map((line) => / (\d+) phần \(dùng lại (\d+)\), trong /.exec(plain(line.text))).find(Boolean);
  return {
    pipeline: readyAt ?? pipeline.ms,
    astro: astroAfterHandOff - (pagefind ?? 0),
    pagefind,
    shards: parts ? Number(parts[1]) : null,
    reusedShards: parts ? Number(parts[2]) : null,
    total,
    cpuPipeline: pipeline.cpuMs,
    cpuAstro: astro.cpuMs,
    peakRssPipeline: pipeline.peakRss,
    peakRssAstro: astro.peakRss,
  };
}

/**
 * Pagefind's share of `astro build`: the time its integration reports ("…, trong 12.3 s."),
 * else the time from the end of Astro's last "✓ Completed in" step to its "page(s) built
 * in" line, which Astro prints after the `astro:build:done` hooks (then it includes the
 * other integrations' hooks).
 *
 * @param run The measured `astro build`.
 * @returns Milliseconds, or null.
 */
export function pagefindTime(run: Pick<Measured, 'lines'>): number | null {
  for (const line of run.lines) {
    const reported = /\[van-ban-pagefind\]\s+Pagefind:.*trong ([\d.]+) s\./.exec(plain(line.text));
    if (reported?.[1]) return Number(reported[1]) * 1000;
  }
  const done = run.lines.findIndex((line) => /page\(s\) built in/.test(line.text));
  if (done < 0) return null;
  const before = run.lines.slice(0, done);
  const lastStep = before.findLastIndex((line) => /Completed in/.test(line.text));
  if (lastStep < 0) return null;
  return run.lines[done]!.at - before[lastStep]!.at;
}

/**
 * Edit one plan (a sentence added before "Nơi nhận:") and return a function restoring it.
 *
 * @param file Source file to edit.
 * @returns Restore function.
 */
export async function editPlan(file: string): Promise<() => Promise<void>> {
  const original = await readFile(file, 'utf8');
  const edited = original.replace('Nơi nhận:', 'Kế hoạch này được bổ sung một câu để đo thời gian xây dựng lại.\n\nNơi nhận:');
  await writeFile(file, edited === original ? `${original}\nBổ sung một câu.\n` : edited);
  return () => writeFile(file, original);
}

/**
 * Add one new plan to the sources and return a function removing it. The plan is a synthetic
 * corpus of one under another seed, so it is a document of its own (its own number, date and
 * citations), not a copy of one already there.
 *
 * @param sources Sources folder.
 * @param seed The corpus's seed.
 * @returns Remove function.
 */
export async function addPlan(sources: string, seed: number): Promise<() => Promise<void>> {
  const [plan] = generateCorpus({ count: 1, seed: seed + 1_000_003, seeds: await readSeeds('content/sources') });
  const file = path.join(sources, `them-${plan!.name}`);
  await writeFile(file, plan!.content);
  return () => rm(file, { force: true });
}

/**
 * A log line without its terminal colour codes.
 *
 * @param text Line.
 * @returns Plain text.
 */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
