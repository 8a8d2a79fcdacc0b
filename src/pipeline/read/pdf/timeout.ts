/**
 * A time limit around work that can be stopped, counted in the CPU time of this thread, so
 * that whether a file is read does not depend on how busy the machine is: on a machine at
 * load 25 a text PDF that takes 2 s of work can take over 60 s of wall time, and a wall-time
 * limit then dropped it from one build and not the next.
 *
 * The work must be the only thing this thread does meanwhile for the count to be its own:
 * `oneAtATime` queues such work. A wall-time limit (`wallMs`, much longer) stays as a
 * backstop for work that waits without using the CPU.
 *
 * After a limit the caller gets `onTimeout()`'s result and the work's `cancel` hook runs (for
 * pdfjs: destroying the loading task, so a looping file stops using the CPU). pdfjs works in
 * promise-sized steps on this thread, so the timer gets its turn between them.
 */
import { threadCpuMs } from '../cpu-time.ts';

/** Set by the work once it has something to stop. */
export interface Cancel {
  destroy: (() => Promise<void>) | null;
}

export interface Limits {
  /** CPU time of this thread the work may use. */
  cpuMs: number;
  /** Wall time after which the work is stopped anyway. */
  wallMs: number;
}

/** How often the limits are looked at. */
const CHECK_EVERY_MS = 250;

/**
 * Whether `budgetMs` of this thread's CPU time has been used since the call.
 *
 * @param budgetMs CPU time allowed.
 * @returns A check to call between steps.
 */
export function cpuBudget(budgetMs: number): () => boolean {
  const start = threadCpuMs();
  return () => threadCpuMs() - start > budgetMs;
}

export async function withTimeout<T>(
  limits: Limits,
  work: (cancel: Cancel) => Promise<T>,
  onTimeout: (limit: 'cpu' | 'wall') => T,
): Promise<T> {
  const cancel: Cancel = { destroy: null };
  const cpuStart = threadCpuMs();
  const wallStart = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    const check = (): void => {
      const limit =
        threadCpuMs() - cpuStart > limits.cpuMs ? 'cpu' : performance.now() - wallStart > limits.wallMs ? 'wall' : null;
      if (limit) {
        void cancel.destroy?.().catch(() => undefined);
        resolve(onTimeout(limit));
      } else timer = setTimeout(check, Math.min(CHECK_EVERY_MS, limits.cpuMs, limits.wallMs));
    };
    timer = setTimeout(check, Math.min(CHECK_EVERY_MS, limits.cpuMs, limits.wallMs));
  });
  const running = work(cancel);
  // After a timeout the stopped work fails; that failure is expected and dropped.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `work` after the work queued before it has ended, so that each one's CPU count is its
 * own. Costs no time for pdfjs, which runs on this thread anyway: reads started together
 * only took turns in smaller steps.
 *
 * @param work Work to queue.
 * @returns Its result.
 */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}
