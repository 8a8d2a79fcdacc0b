/**
 * Searches one at a time, the latest request only. Pagefind's worker does one thing at a time
 * and cannot drop a search once asked, so a search asked while another runs waits for it
 * anyway, and each one typed in between would cost a whole search first: on a slow machine a
 * typing pause of a few hundred ms between words queued several (`bench-search.ts --typed`).
 */

/** A runner of requests. */
export interface LatestOnly<T> {
  /**
   * Run a request after the one under way, replacing any request still waiting.
   *
   * @returns Resolves when every request made so far is done (or dropped).
   */
  request(value: T): Promise<void>;
}

/**
 * Run requests one at a time, skipping those replaced while they waited.
 *
 * @param run Runs one request (a rejection is dropped: the next request still runs).
 * @param onRequest Called on each request, before it waits (tells the one under way to stop).
 * @returns The runner.
 */
export function latestOnly<T>(run: (value: T) => Promise<void>, onRequest: () => void = () => undefined): LatestOnly<T> {
  let waiting: { value: T } | null = null;
  let running: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    while (waiting) {
      const { value } = waiting;
      waiting = null;
      await run(value).catch(() => undefined);
    }
    running = null;
  };
  return {
    request(value) {
      waiting = { value };
      onRequest();
      running ??= drain();
      return running;
    },
  };
}
