/**
 * The time one file's OCR may take: the CPU time its programs (pdftoppm, Tesseract) use,
 * summed, as each page's limit counts its programs' CPU time (`runCommand`). Wall time would
 * make the result depend on the machine's load: a 60-page scan that needs 15 min of work
 * takes over an hour at load 25 on two cores, and a wall-time limit then left pages out of
 * one build and not the next. A wall-time backstop of `WALL_FACTOR` times the limit still
 * ends a file whose programs wait without working.
 *
 * Two pages run at a time, each given at most what is left when it starts, so a file may
 * overrun its limit by up to two pages' limits; pages not started by then are left out.
 */
import { WALL_FACTOR } from './commands.ts';

export interface FileBudget {
  /** Time (ms) a page starting now may use: what is left of the limit, never below 0. */
  left(): number;
  /** Count CPU time a page's programs used. */
  spend(cpuMs: number): void;
}

/**
 * @param limitMs The file's limit, in CPU milliseconds.
 * @param now The clock of the backstop (tests replace it).
 * @returns A fresh budget.
 */
export function fileBudget(limitMs: number, now: () => number = () => performance.now()): FileBudget {
  const started = now();
  let spentMs = 0;
  return {
    left: () => Math.max(0, Math.min(limitMs - spentMs, limitMs * WALL_FACTOR - (now() - started))),
    spend: (cpuMs) => {
      spentMs += cpuMs;
    },
  };
}
