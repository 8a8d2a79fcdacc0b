/**
 * The graph's UI text (`src/i18n/graph.vi.json`), usable at build time and in the browser.
 */
import strings from '../../i18n/graph.vi.json';

/** A key of the graph's Vietnamese strings. */
export type GraphKey = keyof typeof strings;

/**
 * Look up a graph UI string and fill its `{name}` placeholders.
 *
 * @param key Dotted key.
 * @param values Placeholder values (numbers are written with Vietnamese digit grouping).
 * @returns The Vietnamese text.
 */
export function gt(key: GraphKey, values: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatCount(value) : value;
  });
}

/**
 * "10000" → "10.000", as Vietnamese writes counts; no locale data needed.
 *
 * @param value Integer.
 * @returns Grouped digits.
 */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
