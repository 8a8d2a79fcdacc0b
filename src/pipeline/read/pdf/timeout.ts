/**
 * A time limit around work that can be stopped: after `ms` the caller gets `onTimeout()`'s
 * result and the work's `cancel` hook runs (for pdfjs: destroying the loading task, so a
 * looping file stops using the CPU). pdfjs works in promise-sized steps on this thread, so
 * the timer gets its turn between them.
 */

/** Set by the work once it has something to stop. */
export interface Cancel {
  destroy: (() => Promise<void>) | null;
}

export async function withTimeout<T>(ms: number, work: (cancel: Cancel) => Promise<T>, onTimeout: () => T): Promise<T> {
  const cancel: Cancel = { destroy: null };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      void cancel.destroy?.().catch(() => undefined);
      resolve(onTimeout());
    }, ms);
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
