/**
 * `npm run build [-- --strict]`: the pipeline (`scripts/build-pipeline.ts`, which takes the
 * flags), then `astro build` (whose Pagefind integration indexes the result). A failing step
 * stops the build with its exit code. Astro starts once the pipeline's analyses are done (its
 * steps up to the hand-off then run on one thread, and Astro loads itself on the other core)
 * and waits at its content config until the pipeline has written all but the plans' MDX
 * files, which the pipeline then makes beside Astro's rendering (on the core that leaves free)
 * and Astro's last step waits for (`src/pipeline/mdx-pending.ts`).
 *
 * A script rather than `pipeline && astro build` in package.json, because npm appends
 * `-- --strict` to the last command only, where the pipeline would never see it.
 *
 * The site being served is never half-built: Astro builds into a folder beside the output
 * (`<dist>.building-<pid>`), and only a complete build replaces the output (two renames;
 * the old site is deleted after). A build that fails, is killed or runs out of disk leaves
 * the previous site as it was; the next build removes the leftovers (and, after a crash
 * between the two renames, puts the previous site back first).
 *
 * Two builds of the same project at once: each folder a build writes (generated dir, caches,
 * output) is locked (`src/fs/lock.ts`), so the second stops with a message naming the first.
 * Builds with folders of their own (OUT_DIR, VBG_GENERATED, VBG_CACHE_DIR) still share the
 * project's `.astro/`, where `astro build` always writes (its place cannot be configured):
 * `content-modules.mjs` and `content-assets.mjs` through one fixed temporary name
 * (`<file>.tmp`, then rename), read back later in the same build. Two at once could rename
 * each other's half-written file or fail on the vanished temporary, and the module list
 * differs between corpora (the notes kept depend on the corpus). So the Astro step takes the
 * lock of `.astro/`, waiting its turn (with a message) rather than stopping.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { WriteError, processAlive } from '../src/fs/atomic-write.ts';
import { LockedError, acquireLock, waitForLock, type Lock } from '../src/fs/lock.ts';
import { STALE_STORE_EXIT } from '../src/integrations/content-store-check.ts';
import {
  ASTRO_MAY_START,
  AWAIT_GENERATED_ENV,
  GENERATED_READY,
  GENERATED_WANTED,
  HAND_OFF_ENV,
} from '../src/pipeline/mdx-pending.ts';
import { astroConfigArguments } from './bundle/bundles.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const resolve = (value: string): string => path.resolve(root, value);
const shown = (file: string): string => path.relative(process.cwd(), file) || file;

const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');
const generatedDir = resolve(process.env['VBG_GENERATED'] ?? 'content/generated');
const cacheDir = process.env['VBG_CACHE_DIR'] ? resolve(process.env['VBG_CACHE_DIR']) : null;
const pipelineCache = process.env['VBG_PIPELINE_CACHE'] ?? (cacheDir ? path.join(cacheDir, 'pipeline') : '.cache/pipeline');
const astroCache = cacheDir ?? path.join(root, 'node_modules/.astro');

/** Name of the folders a build of `outDir` leaves beside it while it runs. */
const STAGING = `${path.basename(outDir)}.building-`;
const PREVIOUS = `${path.basename(outDir)}.previous-`;
const staging = path.join(path.dirname(outDir), `${STAGING}${process.pid}`);
const previous = path.join(path.dirname(outDir), `${PREVIOUS}${process.pid}`);

/** The steps running (the pipeline's last part runs beside Astro). */
const children = new Set<ReturnType<typeof spawn>>();
const locks: Lock[] = [];

/** A step started. */
interface Step {
  /** Its exit code (1 when killed by a signal or not started). */
  exit: Promise<number>;
  /** Resolves when the step sends `message` (true), or exits first (false). */
  sent(message: string): Promise<boolean>;
  /** Send the step a message over its IPC channel. */
  send(message: string): void;
  kill(): void;
}

/**
 * Start one step, inheriting the terminal, with an IPC channel for the hand-off's messages
 * (`src/pipeline/mdx-pending.ts`).
 *
 * @param command Executable.
 * @param args Arguments.
 * @param env Extra environment.
 * @returns The running step.
 */
function start(command: string, args: string[], env: Record<string, string>): Step {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  const exit = new Promise<number>((done) => {
    child.once('error', (error) => {
      process.stderr.write(`Không chạy được ${command}: ${error.message}\n`);
      children.delete(child);
      done(1);
    });
    child.once('exit', (code) => {
      children.delete(child);
      done(code ?? 1);
    });
  });
  const received = new Set<unknown>();
  const waiting = new Map<unknown, (sent: boolean) => void>();
  child.on('message', (message) => {
    received.add(message);
    waiting.get(message)?.(true);
  });
  const sent = (message: string): Promise<boolean> =>
    received.has(message)
      ? Promise.resolve(true)
      : new Promise<boolean>((done) => {
          const earlier = waiting.get(message);
          waiting.set(message, (value) => {
            earlier?.(value);
            done(value);
          });
          void exit.then(() => done(received.has(message)));
        });
  const send = (message: string): void => {
    if (child.connected) child.send(message);
  };
  return { exit, sent, send, kill: () => child.kill('SIGTERM') };
}

/**
 * Folders a previous build of `outDir` left behind (killed, or its machine stopped): a
 * staging folder is deleted; a previous site is put back when the output is missing (the
 * crash fell between the two renames), else deleted. Called with the output's lock held, so
 * no live build owns them.
 */
function recoverLeftovers(): void {
  let names: string[];
  try {
    names = readdirSync(path.dirname(outDir));
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const full = path.join(path.dirname(outDir), name);
    const pid = Number(name.slice(name.lastIndexOf('-') + 1));
    if (!name.startsWith(STAGING) && !name.startsWith(PREVIOUS)) continue;
    if (pid === process.pid || processAlive(pid)) continue;
    if (name.startsWith(PREVIOUS) && !existsSync(outDir)) {
      renameSync(full, outDir);
      process.stderr.write(`Khôi phục trang đã dựng trước đó từ “${shown(full)}” về “${shown(outDir)}”.\n`);
      continue;
    }
    rmSync(full, { recursive: true, force: true });
  }
}

/**
 * After a failed step: a line for every folder of the build whose disk is (nearly) full,
 * since a tool's own "ENOSPC" message often names no path.
 */
function reportFullDisks(): void {
  const folders = [outDir, generatedDir, resolve(pipelineCache), astroCache];
  const seen = new Set<string>();
  for (const folder of folders) {
    let at = folder;
    while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    try {
      const stats = statfsSync(at);
      const free = stats.bavail * stats.bsize;
      const key = `${stats.type}:${stats.blocks}:${stats.bfree}`;
      if (free >= 1024 * 1024 || seen.has(key)) continue;
      seen.add(key);
      process.stderr.write(
        `Ổ đĩa chứa “${shown(folder)}” đã đầy (còn ${Math.floor(free / 1024)} KB trống): giải phóng dung lượng rồi dựng lại. ` +
          `/ The disk holding "${shown(folder)}" is full.\n`,
      );
    } catch {
      // Cannot tell.
    }
  }
}

/**
 * Stop: remove the staging folder and the locks, say that the served site is unchanged.
 *
 * @param code Exit code.
 */
function fail(code: number): never {
  // The pipeline may still be writing MDX into the generated dir: it must stop before the locks go.
  for (const child of children) child.kill('SIGTERM');
  reportFullDisks();
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(
    existsSync(outDir)
      ? `Dựng trang thất bại; trang đã dựng trước đó trong “${shown(outDir)}” vẫn giữ nguyên. / Build failed; the previous site in "${shown(outDir)}" is unchanged.\n`
      : `Dựng trang thất bại. / Build failed.\n`,
  );
  for (const lock of locks) lock.release();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    fail(signal === 'SIGINT' ? 130 : 143);
  });
}

async function main(): Promise<void> {
  try {
    const folders = [generatedDir, ...(pipelineCache === 'off' ? [] : [resolve(pipelineCache)]), astroCache, outDir];
    for (const folder of folders) {
      const lock = acquireLock(folder, 'npm run build');
      locks.push(lock);
      if (lock.tookOverFrom !== null) {
        process.stderr.write(
          lock.tookOverFrom > 0
            ? `Khoá “${shown(lock.path)}” của bản dựng ${lock.tookOverFrom} (không còn chạy) đã được thay.\n`
            : `Khoá “${shown(lock.path)}” bị hỏng, đã được thay.\n`,
        );
      }
    }
  } catch (error) {
    process.stderr.write(`${error instanceof LockedError || error instanceof WriteError ? error.message : String(error)}\n`);
    fail(1);
  }
  recoverLeftovers();
  rmSync(staging, { recursive: true, force: true });

  // Both steps start from bundles of their TypeScript (scripts/bundle/bundles.mjs), which load in
  // a fraction of the time tsx and Astro's Vite loading of the config take. The pipeline says
  // when its analyses are done (src/pipeline/mdx-pending.ts): Astro starts then, loads itself
  // beside the pipeline's last steps and waits at its content config until the pipeline says
  // all but the plans' MDX is written; the pipeline makes the MDX beside Astro's rendering, and
  // Astro's last step waits for it.
  const pipeline = start(process.execPath, [path.join(root, 'scripts/run-pipeline.mjs'), ...process.argv.slice(2)], {
    VBG_LOCKS_HELD: '1',
    [HAND_OFF_ENV]: '1',
  });
  const mayStart = await Promise.race([pipeline.sent(ASTRO_MAY_START), pipeline.sent(GENERATED_READY)]);
  if (!mayStart) {
    const code = await pipeline.exit;
    if (code !== 0) fail(code);
  }
  // The generated dir may be read: the hand-off came, or the pipeline wrote everything and exited.
  const generatedReady = pipeline.sent(GENERATED_READY).then(async (sent) => sent || (await pipeline.exit) === 0);
  const startAstro = (args: string[], env: Record<string, string>): Step => {
    const step = start(bin('astro'), args, { ...env, [AWAIT_GENERATED_ENV]: '1' });
    void step.sent(GENERATED_WANTED).then(async (asked) => {
      if (!asked) return;
      // A pipeline that failed before its hand-off (even before this Astro started): stop it.
      if (await generatedReady) step.send(GENERATED_READY);
      else step.kill();
    });
    return step;
  };
  const running: { astro?: Step } = {};
  let pipelineFailed: number = 0;
  // A pipeline failing in its last part (a full disk, `--strict`) stops Astro at once.
  const pipelineDone = pipeline.exit.then((code) => {
    if (code !== 0) {
      pipelineFailed = code;
      running.astro?.kill();
    }
    return code;
  });
  // `--strict` reaches Astro as VBG_STRICT=1: a broken note or page then fails the build too.
  const strict: Record<string, string> = process.argv.includes('--strict') ? { VBG_STRICT: '1' } : {};
  const dotAstro = await waitForLock(path.join(root, '.astro'), 'astro build', {
    onWait: (error) => process.stderr.write(`${error.message.split(' Đợi ')[0]} Đợi bản dựng đó xong… / Waiting for it…\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return fail(1);
  });
  locks.push(dotAstro);
  if (pipelineFailed !== 0) fail(pipelineFailed);
  const astroArguments = ['build', ...(await astroConfigArguments())];
  running.astro = startAstro(astroArguments, { OUT_DIR: staging, ...strict });
  let astro = await running.astro.exit;
  if (astro === STALE_STORE_EXIT && pipelineFailed === 0) {
    // Astro lost the last save of its content store (src/integrations/content-store-check.ts),
    // deleted it and stopped before writing a page; a second run syncs from an empty store.
    process.stderr.write('Chạy lại astro build với kho nội dung mới…\n');
    running.astro = startAstro(astroArguments, { OUT_DIR: staging, ...strict });
    astro = await running.astro.exit;
  }
  dotAstro.release();
  const pipelineExit = await pipelineDone;
  if (pipelineExit !== 0) fail(pipelineExit);
  if (astro !== 0 || !existsSync(path.join(staging, 'index.html'))) fail(astro || 1);

  // The new site is complete: swap it in.
  try {
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
  } catch (error) {
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    process.stderr.write(`Không thay được “${shown(outDir)}” bằng bản dựng mới: ${String(error)}\n`);
    fail(1);
  }
  rmSync(previous, { recursive: true, force: true });
  for (const lock of locks) lock.release();
}

void main();
