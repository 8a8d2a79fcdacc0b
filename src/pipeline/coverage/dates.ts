/**
 * Delay arithmetic between two possibly partial dates ("2024-02-01", "2025-02", "2025"):
 * how many days after the implemented document the implementing one was issued.
 *
 * A full date is one day; a partial one stands for every day of its month or year, so the
 * delay between two dates is a range [min, max] that is exact only when both are full. A
 * missing date makes it unknown. Day numbers are UTC days since 1970-01-01: no time zone,
 * no clock.
 */

/** A possibly partial date, as in graph.json. */
export interface PartialDate {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  iso: string;
  partial: boolean;
}

/** Delay from one document to another, in days. */
export type Delay = { kind: 'exact'; days: number } | { kind: 'range'; min: number; max: number } | { kind: 'unknown' };

/** First and last day (UTC day numbers) a date may stand for. */
export interface DaySpan {
  first: number;
  last: number;
}

const DAY = 86_400_000;

/**
 * The days a date may stand for.
 *
 * @param date A date, or null.
 * @returns Its first and last day; null when missing or unreadable.
 */
export function daySpan(date: PartialDate | null | undefined): DaySpan | null {
  if (!date) return null;
  // A corpus has a few thousand distinct dates and asks for each many times.
  const known = spans.get(date.iso);
  if (known !== undefined) return known;
  const span = computeSpan(date.iso);
  if (spans.size < 100_000) spans.set(date.iso, span);
  return span;
}

/** Day spans by ISO date. */
const spans = new Map<string, DaySpan | null>();

/** The days an ISO date may stand for (see `daySpan`). */
function computeSpan(iso: string): DaySpan | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3] !== undefined) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    // 2024-02-30 is not a date: unknown rather than silently 1 March.
    if (month < 1 || month > 12 || check.getUTCDate() !== day) return null;
    const days = time / DAY;
    return { first: days, last: days };
  }
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return { first: Date.UTC(year, month - 1, 1) / DAY, last: Date.UTC(year, month, 0) / DAY };
  }
  return { first: Date.UTC(year, 0, 1) / DAY, last: Date.UTC(year, 11, 31) / DAY };
}

/**
 * Days from `from` (the implemented document) to `to` (the implementing one).
 *
 * @param from Date of the earlier document.
 * @param to Date of the later document.
 * @returns Exact days when both dates are full; the range of possible delays when one is
 *   partial; unknown when one is missing. Negative when `to` is before `from`.
 */
export function delayDays(from: PartialDate | null | undefined, to: PartialDate | null | undefined): Delay {
  const a = daySpan(from);
  const b = daySpan(to);
  if (!a || !b) return { kind: 'unknown' };
  const min = b.first - a.last;
  const max = b.last - a.first;
  return min === max ? { kind: 'exact', days: min } : { kind: 'range', min, max };
}

/**
 * A delay as one number for sorting: exact days, a range's middle, unknown last.
 *
 * @param delay A delay.
 * @returns Sort key.
 */
export function delaySortKey(delay: Delay): number {
  if (delay.kind === 'exact') return delay.days;
  if (delay.kind === 'range') return (delay.min + delay.max) / 2;
  return Number.POSITIVE_INFINITY;
}

/**
 * The year of a date.
 *
 * @param date A date, or null.
 * @returns "2024", or null when unknown.
 */
export function yearOfDate(date: PartialDate | null | undefined): string | null {
  const year = date?.iso.slice(0, 4) ?? '';
  return /^\d{4}$/.test(year) ? year : null;
}
