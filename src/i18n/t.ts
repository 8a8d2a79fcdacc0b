/**
 * The UI text accessor: every word the site shows comes from `vi.json` (dotted keys, as
 * Starlight's translations), so wording is changed in one place.
 */
import vi from './vi.json';

/** A key of the Vietnamese UI strings. */
export type UiKey = keyof typeof vi;

/**
 * Look up a UI string and fill its `{name}` placeholders.
 *
 * @param key Dotted key, e.g. "nav.home".
 * @param values Placeholder values.
 * @returns The Vietnamese text.
 */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Look up a key built at run time (a relation or level code), checked against the file.
 *
 * @param key Candidate key.
 * @returns The text, or the key itself when missing (visible, never silently empty).
 */
export function tDynamic(key: string): string {
  return key in vi ? vi[key as UiKey] : key;
}
