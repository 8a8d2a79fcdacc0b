/**
 * The hand-off between a pipeline still writing the plans' MDX files and the Astro build that
 * copies them to `/data/mdx/`.
 *
 * Astro needs every generated file but the MDX (`plans/<id>.mdx`) from its start, and the MDX
 * only at the end of its build (`src/integrations/bulk-files.ts`). `npm run build` therefore
 * starts Astro as soon as the pipeline has written the rest, and the pipeline makes the MDX
 * meanwhile, on the core Astro's mostly single-threaded rendering leaves free. While it does,
 * a marker in the generated dir (`MDX_PENDING`, holding the pipeline's pid) says so; the
 * pipeline removes it once the last MDX file is written. A marker whose writer is no longer
 * running is the trace of a pipeline that died before it finished: the generated dir is then
 * incomplete, and a build that finds it stops.
 *
 * The pages' bodies (`plans/<id>.html`) and the source copies (`sources/`, `originals/`) are
 * read only when the pages are rendered and at Astro's last step, after its content sync and
 * its two Vite bundles (~10 s at 1,000 plans): so the hand-off comes before they are made, and
 * the pipeline makes them beside Astro's bundling, with a second marker (`BODIES_PENDING`) that
 * the first page body read waits for (`bodiesWrittenSync`). The MDX come last.
 *
 * Astro also starts before the hand-off: its start-up (loading Astro, Vite and the config,
 * ~4 s of CPU at 1,000 plans) needs nothing of the generated dir, so `npm run build` starts it
 * when the pipeline says its remaining steps before the hand-off run on one thread
 * (`ASTRO_MAY_START`), and Astro waits at its content config, the first thing that reads the
 * generated dir, until the build tells it the hand-off came (`generatedDirReady`).
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive, writeFileAtomic } from '../fs/atomic-write.ts';

/** Name of the marker inside the generated dir. */
export const MDX_PENDING = 'mdx-pending.json';

/** Name of the marker of the pages' bodies and the source copies. */
export const BODIES_PENDING = 'bodies-pending.json';

/**
 * Set to "1" by `npm run build`, which spawns the pipeline with an IPC channel: the pipeline
 * then sends `GENERATED_READY` once all but the MDX is written, and writes the MDX after.
 */
export const HAND_OFF_ENV = 'VBG_MDX_HAND_OFF';

/** The pipeline's message: the generated dir holds everything Astro reads before its last step. */
export const GENERATED_READY = 'generated-ready';

/**
 * The pipeline's message: from here to the hand-off it runs on one thread (resolve, graph,
 * pages; then the write), so Astro's start-up can use the other core.
 */
export const ASTRO_MAY_START = 'astro-may-start';

/**
 * Set to "1" by `npm run build` for an Astro started before the hand-off: its content config
 * then asks (`GENERATED_WANTED`) and waits for `GENERATED_READY` before it reads the generated dir.
 */
export const AWAIT_GENERATED_ENV = 'VBG_AWAIT_GENERATED';

/** Astro's message: it is at its content config and waits for `GENERATED_READY`. */
export const GENERATED_WANTED = 'generated-wanted';

/** Where the one wait of an Astro process is kept (its content config is evaluated more than once). */
const READY_KEY = Symbol.for('van-ban.generated-ready');

/**
 * Wait until the generated dir holds everything but the MDX, when this Astro was started
 * before the pipeline's hand-off (`AWAIT_GENERATED_ENV`); at once otherwise (`astro dev`,
 * `astro check`, a build after a pipeline run). Asking rather than listening: a message
 * sent before a listener exists would be lost.
 *
 * @returns When the generated dir may be read.
 * @throws When the build that started this process goes away first.
 */
export function generatedDirReady(): Promise<void> {
  const send = process.send?.bind(process);
  if (process.env[AWAIT_GENERATED_ENV] !== '1' || send === undefined) return Promise.resolve();
  const holder = globalThis as { [READY_KEY]?: Promise<void> };
  holder[READY_KEY] ??= new Promise<void>((resolve, reject) => {
    const stop = (): void => {
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
    };
    const onMessage = (message: unknown): void => {
      if (message !== GENERATED_READY) return;
      stop();
      resolve();
    };
    const onDisconnect = (): void => {
      stop();
      reject(new Error('Bản dựng đã dừng trước khi pipeline ghi xong thư mục sinh ra; không dựng tiếp.'));
    };
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
    send(GENERATED_WANTED);
  });
  return holder[READY_KEY];
}

/** How often a waiting build looks at the marker again (ms). */
const POLL_MS = 100;

/**
 * Say that this process is still writing the MDX files of `dir`.
 *
 * @param dir The generated dir.
 */
export async function markMdxPending(dir: string): Promise<void> {
  await writeFileAtomic(path.join(dir, MDX_PENDING), `${JSON.stringify({ pid: process.pid })}\n`);
}

/**
 * Say that this process is still writing the pages' bodies and the source copies of `dir`.
 *
 * @param dir The generated dir.
 */
export async function markBodiesPending(dir: string): Promise<void> {
  await writeFileAtomic(path.join(dir, BODIES_PENDING), `${JSON.stringify({ pid: process.pid })}\n`);
}

/**
 * Say that the pages' bodies and the source copies of `dir` are all written.
 *
 * @param dir The generated dir.
 */
export async function clearBodiesPending(dir: string): Promise<void> {
  await rm(path.join(dir, BODIES_PENDING), { force: true });
}

/** The generated dirs whose bodies this process has seen written (checked once each). */
const bodiesSeen = new Set<string>();

/**
 * Wait, blocking, until no pipeline is writing the pages' bodies of `dir`: for the page
 * rendering, which reads a body synchronously. Once it found them written, at once.
 *
 * @param dir The generated dir.
 * @throws When the marker's writer stopped before it finished them.
 */
export function bodiesWrittenSync(dir: string): void {
  if (bodiesSeen.has(dir)) return;
  const file = path.join(dir, BODIES_PENDING);
  const read = (): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let marker = read(); marker !== null; marker = read()) {
    const pid = markerPid(marker);
    if (!processAlive(pid) && read() !== null) {
      throw new Error(
        `Pipeline (tiến trình ${pid}) đã dừng trước khi ghi xong nội dung các trang trong “${dir}”: hãy chạy lại pipeline.`,
      );
    }
    // Nothing else to do meanwhile: the page being rendered needs its body.
    Atomics.wait(pause, 0, 0, POLL_MS);
  }
  bodiesSeen.add(dir);
}

/**
 * Say that the MDX files of `dir` are all written.
 *
 * @param dir The generated dir.
 */
export async function clearMdxPending(dir: string): Promise<void> {
  await rm(path.join(dir, MDX_PENDING), { force: true });
}

/**
 * Wait until no pipeline is writing the MDX files of `dir`.
 *
 * @param dir The generated dir.
 * @returns When they are all written (at once when no marker is there).
 * @throws When the marker's writer stopped before it finished them.
 */
export async function mdxWritten(dir: string): Promise<void> {
  for (;;) {
    const marker = await readFile(path.join(dir, MDX_PENDING), 'utf8').catch(() => null);
    if (marker === null) return;
    const pid = markerPid(marker);
    if (!processAlive(pid)) {
      // Gone meanwhile, or gone before it finished: look once more to tell which.
      const again = await readFile(path.join(dir, MDX_PENDING), 'utf8').catch(() => null);
      if (again === null) return;
      throw new Error(
        `Pipeline (tiến trình ${pid}) đã dừng trước khi ghi xong các tệp MDX trong “${dir}”: hãy chạy lại pipeline.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * @param marker The marker's text.
 * @returns The pid it names, or 0 when it is damaged (a writer killed mid-write).
 */
function markerPid(marker: string): number {
  try {
    const pid = (JSON.parse(marker) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : 0;
  } catch {
    return 0;
  }
}
