/**
 * Text of a result's description line, from its Pagefind metadata.
 */
import strings from '../../i18n/search.vi.json';
import type { PageMeta } from './pagefind-api.ts';

/**
 * A date as Vietnamese readers write it: "2019-02-22" → "22/02/2019", "2025-02" → "02/2025".
 *
 * @param iso ISO date, possibly partial.
 * @returns Display form.
 */
export function formatDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/**
 * Fill `{name}` placeholders of a UI string.
 *
 * @param template String from search.vi.json.
 * @param values Values by name.
 * @returns Text.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/**
 * A UI string by key (every key is in search.vi.json; a missing one shows as the key).
 *
 * @param key Dotted key.
 * @returns Vietnamese text.
 */
export function t(key: string): string {
  return (strings as Record<string, string>)[key] ?? key;
}

/**
 * The parts of a result's description: "Số 21/2019/NĐ-CP", type, issuer, date, scope.
 *
 * @param meta Pagefind metadata of the page.
 * @returns Non-empty parts, in display order.
 */
export function describe(meta: PageMeta): string[] {
  return [
    meta.number ? `${t('search.results.number')} ${meta.number}` : '',
    meta.type ?? '',
    meta.issuer ?? '',
    meta.date ? formatDate(meta.date) : '',
    meta.scope ? t(`search.scope.${meta.scope}`) : '',
  ].filter(Boolean);
}
