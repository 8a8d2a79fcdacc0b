/**
 * Load the reference data once: the project's rows (`data/reference/`) and the user's own
 * (`content/reference/*.tsv`, same columns), validated, indexed by number and by title.
 *
 * A bad row in the project's data is a bug and throws (the reference tests catch it); a bad
 * row in a user's file is skipped with a Vietnamese message naming the file, line and reason,
 * so one typo does not stop a build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentNumberKey } from '../text/number-key.ts';
import { parseTsv } from './tsv.ts';
import { abbreviationRowSchema, actRowSchema, type Abbreviation, type ReferenceAct } from './schema.ts';
import { TitleIndex } from './title-index.ts';
import { indexAbbreviations, type AbbreviationIndex } from '../text/abbreviations.ts';
import { titleKeys } from './title-tokens.ts';

/** Everything the pipeline asks of the reference data. */
export interface ReferenceData {
  acts: readonly ReferenceAct[];
  abbreviations: readonly Abbreviation[];
  abbreviationIndex: AbbreviationIndex;
  titles: TitleIndex;
  /** Acts by `actNumberKey`. */
  byNumber: ReadonlyMap<string, ReferenceAct>;
  /** Acts by `actTitleKey` of the title and of each variant, oldest first. */
  byTitle: ReadonlyMap<string, readonly ReferenceAct[]>;
  /** Problems in the user's files. */
  messages: readonly string[];
}

/** Where the files are; the defaults are the repository's folders. */
export interface ReferenceLocations {
  dataDir: string;
  userDir: string | null;
}

/**
 * The repository's root: the nearest folder above this module holding the reference data.
 * Found by walking up, not by a fixed "../..", because the site's build bundles this module
 * into a chunk elsewhere (dist/chunks/) and its pages read the data too; the working
 * directory is the fallback.
 */
function repositoryRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'data', 'reference', 'legislative-acts.tsv'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const ROOT = repositoryRoot();

export const DEFAULT_LOCATIONS: ReferenceLocations = {
  dataDir: join(ROOT, 'data', 'reference'),
  userDir: join(ROOT, 'content', 'reference'),
};

/**
 * Comparison key of an act's number: the key resolution identifies documents by
 * (`documentNumberKey`: folded, and without the "PL-" that ordinances dropped in 2012 but
 * texts still write, "04/2012/PL-UBTVQH13" = "04/2012/UBTVQH13").
 */
export function actNumberKey(number: string): string {
  return documentNumberKey(number);
}

/** Comparison key of a title: its folded words, a trailing "năm YYYY" dropped. */
export function actTitleKey(title: string): string {
  return titleKeys(title.replace(/\s+(?:năm\s+)?\d{4}\s*$/u, '')).join(' ');
}

/** Acts of one TSV file; `strict` throws on a bad row, otherwise it is reported. */
function readActs(file: string, strict: boolean, messages: string[], user: boolean): ReferenceAct[] {
  const { records } = parseTsv(readFileSync(file, 'utf8'));
  const acts: ReferenceAct[] = [];
  for (const record of records) {
    const parsed = actRowSchema.safeParse({ confidence: user ? 'U' : undefined, ...withoutEmpty(record.cells) });
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'dòng'}: ${issue.message}`).join('; ');
      const message = `Tệp dữ liệu tham chiếu ${file}, dòng ${record.line}: bỏ qua vì ${reason}.`;
      if (strict) throw new Error(message);
      messages.push(message);
      continue;
    }
    const row = parsed.data;
    acts.push({
      kind: row.kind,
      title: row.title,
      number: row.number,
      datePassed: row.date_passed,
      dateInForce: row.date_in_force,
      replaces: row.replaces,
      amends: row.amends,
      variants: row.variants,
      confidence: user ? 'U' : row.confidence,
      source: row.source ?? (user ? file : null),
    });
  }
  return acts;
}

/** Cells with missing columns filled, so a user's file may leave out the extra columns. */
function withoutEmpty(cells: Record<string, string>): Record<string, string> {
  const filled: Record<string, string> = {
    title: '',
    number: '',
    date_passed: '',
    date_in_force: '',
    replaces: '',
    amends: '',
    variants: '',
    source: '',
  };
  for (const [column, value] of Object.entries(cells)) {
    if (column === 'confidence' && value.trim() === '') continue;
    filled[column] = value;
  }
  return filled;
}

/** Abbreviations of one TSV file. */
function readAbbreviations(file: string): Abbreviation[] {
  return parseTsv(readFileSync(file, 'utf8')).records.map((record) => {
    const row = abbreviationRowSchema.parse(record.cells);
    return { abbreviation: row.abbreviation, expansion: row.expansion };
  });
}

/** A user's abbreviations: a bad row is skipped with a message. */
function readUserAbbreviations(file: string, messages: string[]): Abbreviation[] {
  const rows: Abbreviation[] = [];
  for (const record of parseTsv(readFileSync(file, 'utf8')).records) {
    const parsed = abbreviationRowSchema.safeParse(record.cells);
    if (parsed.success) rows.push({ abbreviation: parsed.data.abbreviation, expansion: parsed.data.expansion });
    else messages.push(`Tệp chữ viết tắt ${file}, dòng ${record.line}: bỏ qua vì thiếu chữ viết tắt hoặc nghĩa đầy đủ.`);
  }
  return rows;
}

/**
 * Load and index the reference data.
 *
 * @param locations Folders to read (defaults: the repository's).
 */
export function loadReferenceData(locations: ReferenceLocations = DEFAULT_LOCATIONS): ReferenceData {
  const messages: string[] = [];
  const acts = readActs(join(locations.dataDir, 'legislative-acts.tsv'), true, messages, false);
  const abbreviations = readAbbreviations(join(locations.dataDir, 'abbreviations.tsv'));
  if (locations.userDir && existsSync(locations.userDir)) {
    for (const name of readdirSync(locations.userDir)
      .filter((file) => file.endsWith('.tsv'))
      .sort()) {
      const file = join(locations.userDir, name);
      if (name === 'central-bodies.tsv') continue;
      if (name === 'abbreviations.tsv') abbreviations.push(...readUserAbbreviations(file, messages));
      else acts.push(...readActs(file, false, messages, true));
    }
  }
  const byNumber = new Map<string, ReferenceAct>();
  // A user's row for a number the data has replaces the data's row: the user knows the act.
  for (const act of acts) if (act.number) byNumber.set(actNumberKey(act.number), act);
  const kept = acts.filter((act) => !act.number || byNumber.get(actNumberKey(act.number)) === act);
  acts.length = 0;
  acts.push(...kept);
  const byTitle = new Map<string, ReferenceAct[]>();
  const titles = new TitleIndex();
  for (const act of acts) {
    for (const title of [act.title, ...act.variants]) {
      if (!title) continue;
      const key = actTitleKey(title);
      const list = byTitle.get(key) ?? [];
      if (!list.includes(act)) list.push(act);
      byTitle.set(key, list);
      titles.add(titleKeys(title), act);
      // "Hiến pháp … năm 2013" is also cited without its year.
      if (key !== titleKeys(title).join(' ')) titles.add(key.split(' '), act);
    }
  }
  for (const list of byTitle.values()) list.sort((a, b) => actYear(a) - actYear(b));
  return {
    acts,
    abbreviations,
    abbreviationIndex: indexAbbreviations(abbreviations),
    titles,
    byNumber,
    byTitle,
    messages,
  };
}

/** Year an act was passed: its date, else the year in its number, else its title's year. */
export function actYear(act: ReferenceAct): number {
  const text = act.datePassed ?? act.number?.match(/\/((?:19|20)\d{2})\//)?.[1] ?? act.title?.match(/(\d{4})$/)?.[1];
  return text ? Number(text.slice(0, 4)) : 0;
}

let cached: ReferenceData | null = null;

/** The repository's reference data, loaded on first use. */
export function referenceData(): ReferenceData {
  cached ??= loadReferenceData();
  return cached;
}
