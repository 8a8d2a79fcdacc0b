/**
 * Localities of issuers: which tỉnh/huyện/xã a local number belongs to.
 *
 * "07/CT-UBND" is only unique per issuer and year, so a local document's identity carries
 * its place. A generic issuer ("UBND tỉnh", "Tỉnh ủy") means the citing plan's own place.
 */
import { localityLevel, type LocalLevel } from '../issuer-level.ts';
import { memoize } from '../memo.ts';
import { foldName } from './fold.ts';

/** A named place at one administrative level. */
export interface Locality {
  level: LocalLevel;
  /** Place name as written, e.g. "Tây Ninh". */
  name: string;
  /** Folded key, e.g. "tinh:tay ninh". */
  key: string;
}

/** A place's level word followed by its capitalised name: "tỉnh Tây Ninh", "huyện Ba Tơ". */
const namedPlace =
  /(?<!\p{L})(tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã|phường|thị trấn)\s+((?:\p{Lu}[\p{L}\p{M}]*|\d+)(?:\s+(?:\p{Lu}[\p{L}\p{M}]*|\d+))*)/gu;

/** Level word → level. */
const levelWords: Readonly<Record<string, LocalLevel>> = {
  'tỉnh': 'tinh',
  'thành phố': 'tinh',
  'tp.': 'tinh',
  'huyện': 'huyen',
  'quận': 'huyen',
  'thị xã': 'huyen',
  'xã': 'xa',
  'phường': 'xa',
  'thị trấn': 'xa',
};

/**
 * Make a locality from a level and a name.
 *
 * @param level Administrative level.
 * @param name Place name as written.
 * @returns The locality with its key.
 */
export function toLocality(level: LocalLevel, name: string): Locality {
  return { level, name, key: `${level}:${foldName(name)}` };
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
  const places: Locality[] = [];
  // Title-case level words ("Tỉnh Tây Ninh") are still level words; "Tỉnh ủy" is not matched
  // because a lower-case word follows.
  const text = issuer
    .normalize('NFC')
    .replace(/(?<!\p{L})(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)(?=\s+\p{Lu})/gu, (word) =>
      word.toLowerCase(),
    );
  for (const match of text.matchAll(namedPlace)) {
    const word = match[1]?.toLowerCase() ?? '';
    const name = match[2] ?? '';
    const level = levelWords[word];
    // "xã hội" is not a commune; "Hội" is capitalised in some texts.
    if (!level || (word === 'xã' && /^hội\b/iu.test(name))) continue;
    places.push(toLocality(level, name));
  }
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
