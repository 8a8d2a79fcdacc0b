/**
 * At most two OCR processes at once in the whole process, whichever files they belong to:
 * the machine has two cores, and a build may read several scans at the same time.
 */

const OCR_SLOTS = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Run `task` when a slot is free. */
export async function withOcrSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= OCR_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await task();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
