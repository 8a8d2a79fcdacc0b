/**
 * Identity of a cited document across the corpus: which occurrences can be one document.
 *
 * - A number with a year from a national body ("21/2019/NĐ-CP") is global.
 * - A number from a national body without a year ("46-CT/TW", "03/ĐA-BCA") is global but
 *   restarts per year or term, so its occurrences are further split by date (`cluster.ts`).
 * - A local number ("07/CT-UBND", "30-CT/TU", "25/2009/QĐ-UBND") is unique only per issuer's
 *   place (and year): its key carries the place, read against the citing plan.
 * - A law cited by name is the act the reference data makes of it (by the year the text gives,
 *   or the version in force on the citing date), else keyed by its number when some text gives
 *   one, else by its folded name.
 */
import type { DocumentMeta } from '../../model.ts';
import { issuerLevel, localityLevel } from '../issuer-level.ts';
import { lawTitleKey } from '../../text/compare.ts';
import { documentNumberKey, numberYear } from '../../text/number-key.ts';
import { namedPlaces, placeIssuer, toLocality, type Locality } from './locality.ts';
import type { LawVersion } from './law-version.ts';

/** Where a number is unique. */
export interface Identity {
  /** Group key: "N:21/2019/ND-CP@global", "N:07/CT-UBND@tinh:tay ninh", "L:luat quoc phong". */
  key: string;
  /** True when occurrences must be split by date (numbers without a year). */
  byDate: boolean;
  /** Place of a local document (for its id), else null. */
  locality: Locality | null;
  /** Issuer for display, generic words read against the citing plan. */
  issuer: string | null;
  /** True for a local number whose place could not be told (generic issuer, other level). */
  unknownPlace: boolean;
  /** For a law cited by a title passed more than once, none of them decided: their numbers. */
  undecidedVersions?: readonly string[];
}

/** What identifies a cited or citing document. */
export interface IdentityFields {
  number: string | null;
  name: string | null;
  issuer: string | null;
  /** For a law cited by name: the act the reference data makes of it (`law-version.ts`). */
  lawVersion?: LawVersion | undefined;
}

/** Levels whose numbers are unique nationwide (within their year or term). */
const nationalLevels = new Set(['dang-trung-uong', 'quoc-hoi', 'chinh-phu', 'bo-nganh', 'quan-doi']);

/**
 * Places of a plan's issuer, most specific first. Falls back to the plan's `place` line at
 * the level the issuer names ("UBND tỉnh" + "Tây Ninh"), or at province level.
 *
 * @param meta The plan's metadata.
 * @returns Places (possibly empty).
 */
export function planPlaces(meta: DocumentMeta): Locality[] {
  const named = meta.issuer ? namedPlaces(meta.issuer) : [];
  if (named.length > 0) return named;
  if (!meta.place) return [];
  return [toLocality((meta.issuer && localityLevel(meta.issuer)) || 'tinh', meta.place)];
}

/**
 * Whether a folded number is a usable số ký hiệu (has a code after the running number).
 *
 * @param folded Number key (`numberKey`).
 * @returns True for "07/CT-UBND", false for a bare "124".
 */
export function isFullNumber(folded: string): boolean {
  return /^\d+[-/]\S*[A-Z]/.test(folded);
}

/**
 * Identity of a document from its number or name, read in the context of the text that
 * mentions it (or of its own header, for a plan).
 *
 * @param fields Number, name and issuer as stated.
 * @param places Places of the citing plan (for a plan: its own).
 * @param lawNumbers Folded law name → key of its number, from texts giving both.
 * @returns The identity, or null when neither a full number nor a name is known.
 */
export function identify(
  fields: IdentityFields,
  places: readonly Locality[],
  lawNumbers: ReadonlyMap<string, string>,
): Identity | null {
  // Ordinances dropped "PL-" in 2012 but texts still write it: one key either way.
  const folded = fields.number ? documentNumberKey(fields.number) : null;
  if (folded && isFullNumber(folded)) {
    const byDate = numberYear(folded) === null;
    const statesPlace = fields.issuer !== null && localityLevel(fields.issuer) !== null;
    const level = issuerLevel(fields.issuer, fields.number);
    if (!statesPlace && nationalLevels.has(level)) {
      return { key: `N:${folded}@global`, byDate, locality: null, issuer: fields.issuer, unknownPlace: false };
    }
    const placed = placeIssuer(fields.issuer, places);
    // An issuer with no place word ("Ban Chỉ đạo 138") is read as a body of the plan's place.
    const locality = placed.locality ?? (statesPlace ? null : (places[0] ?? null));
    const scope = locality ? locality.key : `?${places[0]?.key ?? ''}`;
    return {
      key: `N:${folded}@${scope}`,
      byDate,
      locality,
      issuer: placed.issuer,
      unknownPlace: locality === null,
    };
  }
  if (fields.name) {
    const name = lawTitleKey(fields.name);
    const version = fields.lawVersion ?? { kind: 'unknown' };
    // The reference data names the act: its number's node, whichever text gives the number.
    if (version.kind === 'act' && version.act.number) {
      const numbered = identify({ number: version.act.number, name: null, issuer: null }, places, lawNumbers);
      if (numbered) return { ...numbered, issuer: fields.issuer };
    }
    // A number some text gives with this title decides only when the data knows one version at most.
    if (version.kind === 'ambiguous') {
      const undecidedVersions = version.versions.map((act) => act.number ?? '').filter(Boolean);
      return { key: `L:${name}`, byDate: false, locality: null, issuer: fields.issuer, unknownPlace: false, undecidedVersions };
    }
    const numbered = lawNumbers.get(name);
    if (numbered) return { key: numbered, byDate: false, locality: null, issuer: fields.issuer, unknownPlace: false };
    return { key: `L:${name}`, byDate: false, locality: null, issuer: fields.issuer, unknownPlace: false };
  }
  return null;
}
