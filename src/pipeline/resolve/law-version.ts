/**
 * Which act of the reference data a law cited by name is. A title passed again ("Luật Quốc
 * phòng" 2005 and 2018) is decided by a year the text gives ("Luật Quốc phòng năm 2018",
 * "… ngày 08 tháng 6 năm 2018"), else by the version in force on the citing document's date;
 * when neither decides, the mention stays one node for the title and is reported.
 */
import type { Citation, DocDate } from '../../model.ts';
import { referenceData, type ReferenceData } from '../../reference/load.ts';
import type { ReferenceAct } from '../../reference/schema.ts';
import { pickVersion, versionsOfTitle } from '../../reference/versions.ts';

/** What the reference data says about a law cited by name. */
export type LawVersion =
  | { kind: 'act'; act: ReferenceAct }
  /** Several versions, none decided: one node for the title. */
  | { kind: 'ambiguous'; versions: readonly ReferenceAct[] }
  /** The title is not in the data (or no version fits the year or date). */
  | { kind: 'unknown' };

/** The year a mention ends with ("Luật Hải quan năm 2014", "Luật DN 2014"). */
const YEAR_AT_END = /(?:^|\s)(?:năm\s+)?((?:19|20)\d{2})\s*$/u;

/** The year one mention's text ends with ("Luật Quốc phòng năm 2005": 2005), or null. */
export function mentionYear(text: string): number | null {
  const year = YEAR_AT_END.exec(text)?.[1];
  return year ? Number(year) : null;
}

/**
 * The year a citation itself gives its law: a year written after the title in some mention,
 * else the year of its date (for a law, the date it was passed).
 */
export function statedYear(citation: Pick<Citation, 'mentions' | 'date'>): number | null {
  for (const mention of citation.mentions) {
    const year = mentionYear(mention.text);
    if (year !== null) return year;
  }
  return citation.date ? Number(citation.date.iso.slice(0, 4)) : null;
}

/** `versionsOfTitle` per reference data and title as written: each law title is cited thousands of times. */
const versionsByData = new WeakMap<ReferenceData, Map<string, readonly ReferenceAct[]>>();

function titleVersions(data: ReferenceData, name: string): readonly ReferenceAct[] {
  let byName = versionsByData.get(data);
  if (!byName) versionsByData.set(data, (byName = new Map()));
  let versions = byName.get(name);
  if (!versions) {
    // Bounded as `memoize` bounds its tables.
    if (byName.size >= 100_000) byName.clear();
    byName.set(name, (versions = versionsOfTitle(data, name)));
  }
  return versions;
}

/**
 * The version a law cited by name is.
 *
 * @param name The title as written.
 * @param year A year the citation gives, or null.
 * @param citingDate Date of the citing document, or null.
 * @param data Reference data.
 */
export function lawVersion(
  name: string,
  year: number | null,
  citingDate: DocDate | null,
  data: ReferenceData = referenceData(),
): LawVersion {
  const versions = titleVersions(data, name);
  if (versions.length === 0) return { kind: 'unknown' };
  const citing = citingDate && !citingDate.partial ? citingDate.iso : null;
  const act = pickVersion(versions, year, citing);
  if (act) return { kind: 'act', act };
  if (year === null && versions.length > 1) return { kind: 'ambiguous', versions };
  return { kind: 'unknown' };
}
