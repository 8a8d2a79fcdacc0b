/**
 * Run an async task on every item, at most `limit` at a time: enough file operations in
 * flight to keep the disk and libuv's thread pool busy, without opening thousands at once.
 *
 * @param items Items.
 * @param limit Most tasks running at once.
 * @param task Task per item.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
