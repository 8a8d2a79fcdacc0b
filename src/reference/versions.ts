/**
 * Which version of a titled act a mention means. Titles are passed again ("Luật Quốc phòng"
 * 2005 and 2018), so an unnumbered mention is decided by a year the text gives ("năm 2015",
 * "ngày 25/6/2015"), else by the version in force on the citing document's date; when the
 * data cannot tell (no dates, or the date precedes every version), there is no answer.
 */
import type { ReferenceData } from './load.ts';
import { actTitleKey, actYear } from './load.ts';
import type { ReferenceAct } from './schema.ts';

/** Versions of the act titled `title` (oldest first), numbered ones only. */
export function versionsOfTitle(data: ReferenceData, title: string): readonly ReferenceAct[] {
  return (data.byTitle.get(actTitleKey(title)) ?? []).filter((act) => act.number !== null);
}

/** First day an act applied: its date in force, else its date passed, else its year. */
function startOf(act: ReferenceAct): string | null {
  if (act.dateInForce) return act.dateInForce;
  if (act.datePassed) return act.datePassed;
  const year = actYear(act);
  return year > 0 ? `${year}-12-31` : null;
}

/**
 * The version a mention means.
 *
 * @param versions Versions of one title, oldest first.
 * @param year A year the mention itself gives ("Luật Hải quan năm 2014"), or null.
 * @param citingDate ISO date of the citing document, or null.
 * @returns The act, or null when it cannot be decided.
 */
export function pickVersion(
  versions: readonly ReferenceAct[],
  year: number | null,
  citingDate: string | null,
): ReferenceAct | null {
  if (versions.length === 0) return null;
  if (year !== null) return versions.find((act) => actYear(act) === year) ?? null;
  if (!citingDate) return versions.length === 1 ? versions[0]! : null;
  let chosen: ReferenceAct | null = null;
  for (const act of versions) {
    const start = startOf(act);
    if (start === null) return versions.length === 1 ? act : null;
    if (start <= citingDate) chosen = act;
  }
  return chosen;
}
