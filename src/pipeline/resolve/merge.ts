/**
 * Merge what all mentions (and the plan itself, when in the corpus) say about one document
 * into the facts of its node: fullest date, issuers, subject, and the conflicts among them.
 */
import type { DocDate, IssuerLevel } from '../../model.ts';
import { issuerLevel, type LocalLevel } from '../issuer-level.ts';
import { typeFromNumber } from './doc-type.ts';
import { nameKey } from '../../text/compare.ts';
import { conflictingIssuers } from './issuer-equivalence.ts';
import type { DocumentFacts } from './types.ts';

/** What one source (a plan's header, or one citing text's merged citation) states. */
export interface FactSource {
  /** A plan's own header outranks what citing texts say about it. */
  authoritative: boolean;
  /** Type words, one per mention (so the most written wins). */
  types: (string | null)[];
  /** Numbers as written, one per mention. */
  numbers: (string | null)[];
  name: string | null;
  date: DocDate | null;
  dates: DocDate[];
  /** Issuer for display (generic words already read against the citing plan). */
  issuer: string | null;
  subject: string | null;
}

/** The merged facts of a node, with the conflicts found while merging. */
export interface NodeFacts extends DocumentFacts {
  /** Distinct type words when more than one was written. */
  typeConflict: string[];
  /** Distinct issuers that are not the same body written two ways. */
  issuerConflict: string[];
}

/**
 * Most frequent value; ties go to the longest, then to the one with non-ASCII letters
 * ("NĐ-CP" over "ND-CP"), then to code-unit order, so the choice never depends on input order.
 *
 * @param values Candidate values (nulls ignored).
 * @returns The pick or null.
 */
export function pickMostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const ranked = [...counts].sort(
    ([a, countA], [b, countB]) =>
      countB - countA || b.length - a.length || Number(/[^\x00-\x7f]/.test(b)) - Number(/[^\x00-\x7f]/.test(a)) || compare(a, b),
  );
  return ranked[0]?.[0] ?? null;
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Best date: full dates beat partial ones; among full dates the most stated wins, then the
 * earliest. Among partial dates the most precise wins.
 *
 * @param dates Every date stated.
 * @returns The best date or null.
 */
export function pickDate(dates: readonly DocDate[]): DocDate | null {
  const full = dates.filter((date) => !date.partial);
  if (full.length > 0) {
    const iso = pickByCountThenEarliest(full.map((date) => date.iso));
    return full.find((date) => date.iso === iso) ?? null;
  }
  const partial = [...dates].sort((a, b) => b.iso.length - a.iso.length || compare(a.iso, b.iso));
  return partial[0] ?? null;
}

function pickByCountThenEarliest(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))[0]?.[0];
}

/**
 * Distinct dates sorted by ISO form.
 *
 * @param dates Dates, possibly repeated.
 * @returns Distinct dates.
 */
export function distinctDates(dates: readonly DocDate[]): DocDate[] {
  const byIso = new Map<string, DocDate>();
  for (const date of dates) {
    if (!byIso.has(date.iso)) byIso.set(date.iso, { iso: date.iso, partial: date.partial });
  }
  return [...byIso.values()].sort((a, b) => compare(a.iso, b.iso));
}

/**
 * Merge sources into node facts.
 *
 * @param sources What each source states; authoritative sources (a plan's header) win.
 * @param localLevel Level of the body assumed for a UBND-style number with no issuer.
 * @returns Merged facts.
 */
export function mergeFacts(sources: readonly FactSource[], localLevel: LocalLevel | null): NodeFacts {
  const own = sources.find((source) => source.authoritative);
  const allTypes = sources.flatMap((source) => source.types);
  const allNumbers = sources.flatMap((source) => source.numbers);
  const number = (own ? own.numbers[0] : null) ?? pickMostCommon(allNumbers);
  const type = (own ? own.types[0] : null) ?? pickMostCommon(allTypes) ?? (number ? typeFromNumber(number) : null);

  const stated = sources.flatMap((source) => [...(source.date ? [source.date] : []), ...source.dates]);
  const dates = distinctDates(stated);
  const date = own?.date ?? pickDate(dates);
  const fullDates = dates.filter((item) => !item.partial);
  const dateConflict =
    fullDates.length > 1 ||
    (date !== null && dates.some((item) => !date.iso.startsWith(item.iso) && !item.iso.startsWith(date.iso)));

  const issuerValues = sources.map((source) => source.issuer);
  const issuers = distinctByFold(issuerValues);
  const issuer = own?.issuer ?? pickMostCommon(issuerValues);

  return {
    type,
    number,
    name: pickMostCommon(sources.map((source) => source.name)),
    date,
    dates,
    dateConflict,
    issuer,
    issuers,
    issuerLevel: levelOf(issuer, number, type, localLevel),
    subject: own?.subject ?? pickMostCommon(sources.map((source) => source.subject)),
    typeConflict: distinctByFold(allTypes).length > 1 ? distinctByFold(allTypes) : [],
    issuerConflict: conflictingIssuers(issuers),
  };
}

/**
 * Issuer level, with laws known by name only: a Luật or Bộ luật is passed by the Quốc hội,
 * a Pháp lệnh by its Standing Committee, whoever the citing text names.
 */
function levelOf(issuer: string | null, number: string | null, type: string | null, localLevel: LocalLevel | null): IssuerLevel {
  const level = issuerLevel(issuer, number, localLevel ? { localLevel } : {});
  if (level !== 'khac' || !type) return level;
  return /^(bo )?luat$|^hien phap$|^phap lenh$/.test(nameKey(type)) ? 'quoc-hoi' : level;
}

/**
 * Distinct values by folded form, keeping the most common spelling of each; sorted.
 *
 * @param values Values as written.
 * @returns Distinct values.
 */
function distinctByFold(values: readonly (string | null)[]): string[] {
  // In place, each spelling folded once: a hub cited by every plan has thousands of values,
  // most of them one spelling, and copying the group on each one made this quadratic.
  const groups = new Map<string, string[]>();
  const keys = new Map<string, string>();
  for (const value of values) {
    if (!value) continue;
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = nameKey(value)));
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return [...groups.values()].map((group) => pickMostCommon(group) ?? '').sort(compare);
}
