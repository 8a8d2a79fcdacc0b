/**
 * Localities of issuers: which tỉnh/huyện/xã a local number belongs to.
 *
 * "07/CT-UBND" is only unique per issuer and year, so a local document's identity carries
 * its place. A generic issuer ("UBND tỉnh", "Tỉnh ủy") means the citing plan's own place.
 */
import { memoize } from '../memo.ts';
import { nameKey } from '../../text/compare.ts';
import { localityLevel, placeNames, type LocalLevel } from '../../text/locality.ts';

/** A named place at one administrative level. */
export interface Locality {
  level: LocalLevel;
  /** Place name as written, e.g. "Tây Ninh". */
  name: string;
  /** Folded key, e.g. "tinh:tay ninh". */
  key: string;
}

/**
 * Make a locality from a level and a name.
 *
 * @param level Administrative level.
 * @param name Place name as written.
 * @returns The locality with its key.
 */
export function toLocality(level: LocalLevel, name: string): Locality {
  return { level, name, key: `${level}:${nameKey(name)}` };
}

/**
 * Every named place an issuer text states, most specific first
 * ("UBND xã A, huyện B" → xã A, huyện B).
 *
 * @param issuer Issuer as written.
 * @returns Named places.
 */
export function namedPlaces(issuer: string): Locality[] {
  // A copy: callers own the array they get.
  return [...namedPlacesOnce(issuer)];
}

/** `namedPlaces`, computed once per issuer text (resolve asks for the same ones again and again). */
const namedPlacesOnce = memoize(function namedPlacesOnce(issuer: string): readonly Locality[] {
  const places = placeNames(issuer).map((place) => toLocality(place.level, place.name));
  const rank: Record<LocalLevel, number> = { xa: 0, huyen: 1, tinh: 2 };
  return places.sort((a, b) => rank[a.level] - rank[b.level]);
});

/** Where an issuer is, once generic words are read against the citing plan. */
export interface IssuerPlace {
  /** Locality of the issuing body, or null when unknown. */
  locality: Locality | null;
  /** Issuer for display: "UBND tỉnh" read in a Tây Ninh plan → "UBND tỉnh Tây Ninh". */
  issuer: string | null;
  /** True when the place was not written but taken from the citing plan. */
  inferred: boolean;
}

/**
 * Read an issuer against the citing plan's places.
 *
 * A named place is taken as written. A generic level word ("UBND tỉnh", "Tỉnh ủy",
 * "Ban Thường vụ Huyện ủy") takes the plan's place at that level. No issuer at all takes
 * the plan's own place (the caller decides whether the number is local).
 *
 * @param issuer Issuer as written, or null.
 * @param planPlaces Places of the citing plan's issuer, most specific first.
 * @returns The issuer's place.
 */
export function placeIssuer(issuer: string | null, planPlaces: readonly Locality[]): IssuerPlace {
  if (!issuer) {
    return { locality: planPlaces[0] ?? null, issuer: null, inferred: true };
  }
  const named = namedPlaces(issuer)[0];
  if (named) return { locality: named, issuer, inferred: false };
  const level = genericLevel(issuer);
  if (!level) return { locality: null, issuer, inferred: false };
  const planPlace = planPlaces.find((place) => place.level === level);
  if (!planPlace) return { locality: null, issuer, inferred: false };
  return { locality: planPlace, issuer: `${issuer.trim()} ${planPlace.name}`, inferred: true };
}

/**
 * Level of a generic issuer: "UBND tỉnh" and "Tỉnh ủy" → `tinh`, "Huyện ủy" → `huyen`.
 *
 * @param issuer Issuer as written, with no named place.
 * @returns Level or null.
 */
const genericLevel = memoize(function genericLevel(issuer: string): LocalLevel | null {
  const lower = issuer.normalize('NFC').toLowerCase();
  if (/(?<!\p{L})(tỉnh|thành) ủy(?!\p{L})/u.test(lower)) return 'tinh';
  if (/(?<!\p{L})(huyện|quận|thị) ủy(?!\p{L})/u.test(lower)) return 'huyen';
  if (/(?<!\p{L})đảng ủy (xã|phường|thị trấn)(?!\p{L})/u.test(lower)) return 'xa';
  return localityLevel(issuer);
});
