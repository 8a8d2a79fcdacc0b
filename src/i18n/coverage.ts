/**
 * UI text of the coverage views (/trien-khai/, the "Triển khai" and "Văn bản liên quan"
 * sections), from `coverage.vi.json`; same conventions as `t.ts`. Dependency-free, so the
 * pipeline's timeline renderer uses it too.
 */
import labels from './coverage.vi.json';
import type { CoverageLevel } from '../pipeline/coverage/levels.ts';
import type { Delay } from '../pipeline/coverage/dates.ts';

/** A key of the coverage strings. */
export type CoverageKey = keyof typeof labels;

/**
 * Look up a coverage string and fill its `{name}` placeholders.
 *
 * @param key Dotted key.
 * @param values Placeholder values.
 * @returns The Vietnamese text.
 */
export function tc(key: CoverageKey, values: Record<string, string | number> = {}): string {
  return labels[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The name of a coverage level.
 *
 * @param level Level code.
 * @returns "UBND, HĐND tỉnh"…
 */
export function coverageLevelLabel(level: CoverageLevel): string {
  return tc(`level.${level}` as CoverageKey);
}

/**
 * A delay in words: "sau 70 ngày", "cùng ngày", "sau 10–38 ngày (ngày chưa đủ)".
 *
 * @param delay A delay.
 * @returns Display text.
 */
export function formatDelay(delay: Delay): string {
  if (delay.kind === 'unknown') return tc('delay.unknown');
  if (delay.kind === 'exact') {
    if (delay.days === 0) return tc('delay.sameDay');
    return delay.days > 0 ? tc('delay.exact', { days: delay.days }) : tc('delay.before', { days: -delay.days });
  }
  return delay.min >= 0
    ? tc('delay.range', { min: delay.min, max: delay.max })
    : tc('delay.rangeSigned', { min: delay.min, max: delay.max });
}

/**
 * A date for display: "01/02/2024", "tháng 02/2025", "năm 2025".
 *
 * @param iso ISO date, maybe partial, or null.
 * @returns Display text, "chưa rõ" when null.
 */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return 'chưa rõ';
  const [year = '', month, day] = iso.split('-');
  if (day && month) return `${day}/${month}/${year}`;
  if (month) return `tháng ${month}/${year}`;
  return `năm ${year}`;
}
