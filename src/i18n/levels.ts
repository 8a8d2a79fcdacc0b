/**
 * Names of issuer levels (`levels.vi.json`): one wording for pages, graph and search.
 * Small and dependency-free, so browser bundles can import it too.
 */
import labels from './levels.vi.json';
import type { IssuerLevel } from '../model.ts';

/**
 * The Vietnamese name of an issuer level.
 *
 * @param level Level code, e.g. "chinh-phu".
 * @returns "Chính phủ, Thủ tướng"; an unknown code is shown as itself, never as nothing.
 */
export function levelLabel(level: IssuerLevel | string): string {
  return (labels as Record<string, string>)[level] ?? level;
}
