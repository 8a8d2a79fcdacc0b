/**
 * Issuer levels of the coverage views: finer than `IssuerLevel` where a province's own
 * bodies are concerned, since "who implemented it" is asked tỉnh ủy → UBND tỉnh → sở, ngành →
 * huyện → xã. National levels stay as they are.
 */
import type { IssuerLevel } from '../../model.ts';
import { foldDiacritics } from '../ids.ts';
import { localityLevel } from '../issuer-level.ts';

/** Coverage levels, top down: the order of groups on a page. */
export const COVERAGE_LEVELS = [
  'dang-trung-uong',
  'quoc-hoi',
  'chinh-phu',
  'bo-nganh',
  'quan-doi',
  'dang-tinh',
  'ubnd-tinh',
  'so-nganh',
  'dang-huyen',
  'huyen',
  'xa',
  'khac',
] as const;

/** A coverage level code. */
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** A province's executive or council itself (or its chairman), not one of its departments. */
const PEOPLES_BODY =
  /^(?:chu tich |pho chu tich )?(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|thuong truc hdnd|thuong truc hoi dong nhan dan)\b/;

/**
 * The coverage level of an issuer.
 *
 * @param level The node's `issuerLevel`.
 * @param issuer Its issuer as written, or null.
 * @returns `dang-tinh` / `dang-huyen` for a Party committee by the place it names (a
 *   "Huyện ủy" is a district's), `ubnd-tinh` for the province's People's Committee or
 *   Council (or an unnamed issuer of a "-UBND" number), `so-nganh` for any other provincial
 *   body (Sở, Công an tỉnh, Ban Chỉ đạo…); other levels unchanged.
 */
export function coverageLevel(level: IssuerLevel, issuer: string | null): CoverageLevel {
  const folded = issuer ? foldDiacritics(issuer.normalize('NFC')).toLowerCase().trim() : '';
  switch (level) {
    case 'dang-dia-phuong': {
      if (/\b(huyen uy|thi uy|quan uy)\b/.test(folded)) return 'dang-huyen';
      return issuer && localityLevel(issuer) === 'huyen' ? 'dang-huyen' : 'dang-tinh';
    }
    case 'tinh':
      return folded === '' || PEOPLES_BODY.test(folded) ? 'ubnd-tinh' : 'so-nganh';
    default:
      return level;
  }
}

/**
 * Order of two levels (top down).
 *
 * @param a A level.
 * @param b A level.
 * @returns Sort order.
 */
export function compareLevels(a: CoverageLevel, b: CoverageLevel): number {
  return COVERAGE_LEVELS.indexOf(a) - COVERAGE_LEVELS.indexOf(b);
}
