/**
 * Search terms: the folded forms that make the search diacritic-insensitive, and the
 * số ký hiệu keys behind the exact number lookup. Pure functions, shared by the build
 * (SearchMeta, the Pagefind integration) and the browser (the search page).
 *
 * Why folding is needed at all: Pagefind ≥ 1.5 folds tone and vowel marks itself
 * ("nghi" finds "nghị"), but not đ/Đ, which has no Unicode decomposition, so "dinh",
 * "de an" or "nd-cp" would find nothing. The indexed copy of each page therefore writes
 * đ as "d" + a combining mark Pagefind strips (`markDStroke`), and the search page drops
 * the stroke from the query (`searchableQuery`).
 */
import { foldText } from '../text/fold.ts';
import { numberKey } from '../text/number-key.ts';
import type { GraphNode } from '../pipeline/emit/graph-schema.ts';

/** Folding and number keys live in the Vietnamese-text module (`src/text/`); re-exported for the search's callers. */
export { foldText, numberKey };

/**
 * The combining mark that stands in for the stroke of đ/Đ in the indexed copy of a page.
 * Pagefind strips combining marks when it folds a word, so "đ" written as "d" + U+0335
 * ("d̵ịnh") is indexed under "dinh", while the same text, with the mark turned back into
 * đ by the search page (`readableText`), is what excerpts and titles show.
 */
export const STROKE_MARK = '\u0335';

/**
 * Write đ/Đ as d/D plus `STROKE_MARK`, for Pagefind to index them as "d".
 *
 * @param text Text as written ("Nghị định").
 * @returns Marked text ("Nghị d̵ịnh"), the same length in words and one mark per đ.
 */
export function markDStroke(text: string): string {
  return text.replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D') + STROKE_MARK);
}

/**
 * Undo `markDStroke`. A "d" + U+0335 that was in the source text becomes "đ" too: the mark
 * has no other use in Vietnamese.
 *
 * @param text Marked text.
 * @returns Text with đ/Đ.
 */
export function unmarkDStroke(text: string): string {
  return text.replace(/([dD])\u0335/g, (_, letter: string) => (letter === 'd' ? 'đ' : 'Đ'));
}

/**
 * The mark that hides a repeated word from search in the indexed copy of a page. Pagefind
 * keeps U+2054 (one of its "word" characters) inside the word and indexes "⁔an" alone,
 * never its part "an", so no query reaches it, while the page still counts it as a word;
 * the search page drops the mark (`readableText`). A U+2054 of the page's own text is
 * written twice in the indexed copy (`escapeRepeatMark`), so it reads back as written.
 */
export const REPEAT_MARK = '\u2054';

/**
 * Write each `REPEAT_MARK` of a page's own text twice, before anything is muted: a muting
 * mark is always alone (it follows a space or punctuation and precedes a letter), so
 * `readableText` tells the two apart.
 *
 * @param text Text as written.
 * @returns Text with its own marks doubled.
 */
export function escapeRepeatMark(text: string): string {
  return text.includes(REPEAT_MARK) ? text.replaceAll(REPEAT_MARK, REPEAT_MARK + REPEAT_MARK) : text;
}

/**
 * How many times one word (same spelling) of a page is searchable. Why a cap: Pagefind
 * hands back, for every matching page, every place a query word occurs, and the browser's
 * cost is in that list; a plan says "an ninh" or "tổ chức" a hundred times. Ranking loses
 * little: its term-frequency part is nearly saturated long before (BM25 with k1 = 1.4),
 * and the first occurrences — title, headings, opening — stay indexed.
 */
export const SEARCHABLE_REPEATS = 8;

/** Character classes of `repeatMuter`, as lookup tables over UTF-16 code units. */
interface WordClasses {
  letter: Uint8Array;
  inWord: Uint8Array;
  before: Uint8Array;
  after: Uint8Array;
}

let wordClassTables: WordClasses | undefined;

/** The tables, built on first use (the browser imports this module but never mutes). */
function wordClasses(): WordClasses {
  wordClassTables ??= buildWordClasses();
  return wordClassTables;
}

function buildWordClasses(): WordClasses {
  const code = (chars: string): number[] => [...chars].map((char) => char.charCodeAt(0));
  const spaces = [...code(' \t\n\v\f\r\u00a0\u2028\u2029\u202f\u3000')];
  for (let c = 0x2000; c <= 0x200a; c += 1) spaces.push(c);
  const table = (codes: number[]): Uint8Array => {
    const out = new Uint8Array(0x10000);
    for (const c of codes) out[c] = 1;
    return out;
  };
  // Latin letters with every Vietnamese one (Latin-1, Extended-A/B, Extended Additional).
  const letters: number[] = [];
  for (const [from, to] of [
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let c: number = from; c <= to; c += 1) if (c !== 0xd7 && c !== 0xf7) letters.push(c);
  }
  const marks: number[] = [];
  for (let c = 0x300; c <= 0x36f; c += 1) marks.push(c);
  return {
    letter: table(letters),
    inWord: table([...letters, ...marks]),
    before: table([...spaces, ...code('(["\'“‘')]),
    after: table([...spaces, ...code('.,;:!?)]"\'”’…')]),
  };
}

/**
 * A function that marks, in the successive text pieces of one page, every occurrence of a
 * plain word (letters between spaces or the punctuation around words) after its first
 * `limit` with `REPEAT_MARK`. Words with digits or inner punctuation ("21/2019/NĐ-CP",
 * "nd-cp") are never marked. A scan by hand: a regular expression with a callback per word
 * took four times as long, over 35 MB of pages for 1,000 plans.
 *
 * @param limit Searchable occurrences per word.
 * @returns Marker of text pieces, in page order.
 */
export function repeatMuter(limit = SEARCHABLE_REPEATS): (text: string) => string {
  const { letter, inWord, before, after } = wordClasses();
  const seen = new Map<string, number>();
  return (text) => {
    let out = '';
    let copied = 0;
    for (let at = 0; at < text.length;) {
      if (!letter[text.charCodeAt(at)] || (at > 0 && !before[text.charCodeAt(at - 1)])) {
        at += 1;
        continue;
      }
      let end = at + 1;
      while (end < text.length && inWord[text.charCodeAt(end)]) end += 1;
      if (end === text.length || after[text.charCodeAt(end)]) {
        const word = text.slice(at, end);
        const count = (seen.get(word) ?? 0) + 1;
        seen.set(word, count);
        if (count > limit) {
          out += text.slice(copied, at) + REPEAT_MARK;
          copied = at;
        }
      }
      at = end;
    }
    return out + text.slice(copied);
  };
}

/**
 * Undo `repeatMuter` and `escapeRepeatMark`: a lone mark goes, a doubled one is the text's own.
 *
 * @param text Marked text.
 * @returns Text without the marks.
 */
export function unmuteRepeats(text: string): string {
  return text.includes(REPEAT_MARK) ? text.replace(/\u2054\u2054?/g, (marks) => (marks.length === 2 ? REPEAT_MARK : '')) : text;
}

/**
 * Text of the index (a title, metadata, an excerpt) as written in the page: both marks of
 * the indexed copy undone. Pagefind's fragments keep the marks, so the search page reads
 * every text it shows through this; words keep their number and order, so the match
 * locations Pagefind gives still point at the right words.
 *
 * @param text Text from Pagefind.
 * @returns Text as written.
 */
export function readableText(text: string): string {
  return unmuteRepeats(unmarkDStroke(text));
}

/**
 * The query Pagefind is given: đ/Đ written as d/D. The index holds every đ-word under its
 * "d" form (`markDStroke`) and Pagefind folds tone marks on both sides, so "nghị định",
 * "nghi dinh" and "NGHI ĐINH" all become "nghi dinh": one search, whatever the keyboard.
 *
 * @param query Query as typed.
 * @returns Query without đ.
 */
export function searchableQuery(query: string): string {
  return query.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Extra searchable forms of a number, so that unaccented and partial queries find the
 * document's own page: the folded number, its running part with the year ("21/2019")
 * and its code part ("ND-CP"), each only when it differs from the written number.
 *
 * @param number Number as written ("21/2019/NĐ-CP").
 * @returns Variants ("21/2019/ND-CP", "21/2019", "ND-CP").
 */
export function numberVariants(number: string): string[] {
  const key = numberKey(number);
  const variants = new Set<string>([key]);
  const running = /^(\d+\/(?:19|20)\d{2})\//.exec(key);
  if (running?.[1]) variants.add(running[1]);
  const code = /^\d+(?:\/(?:19|20)\d{2})?[/-](.+)$/.exec(key);
  if (code?.[1]) variants.add(code[1]);
  variants.delete(number.replace(/\s+/g, ''));
  return [...variants];
}

/**
 * The parts of a query that look like (part of) a số ký hiệu, as keys: words made of
 * letters and digits joined by "/" or "-", at least one of them holding a digit.
 * "nd-cp 21/2019" → ["ND-CP", "21/2019"]; "khu vực phòng thủ" → [].
 *
 * @param query Query as typed.
 * @returns Number-like tokens, or [] when the query is not about a number.
 */
export function numberQueryTokens(query: string): string[] {
  const tokens = foldText(query)
    .split(/\s+/)
    .map((word) => word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').toUpperCase())
    .filter((word) => /^[A-Z0-9]+(?:[/-][A-Z0-9]+)+$/.test(word));
  return tokens.some((token) => /\d/.test(token)) ? tokens : [];
}

/**
 * Whether a number key holds every token as whole segments: "21/2019" and "ND-CP" are in
 * "21/2019/ND-CP", "21/201" and "1/2019" are not (Pagefind's prefix match would take them).
 *
 * @param key Number key (`numberKey`).
 * @param tokens Query tokens (`numberQueryTokens`).
 * @returns True when all tokens match.
 */
export function numberMatches(key: string, tokens: readonly string[]): boolean {
  return (
    tokens.length > 0 &&
    tokens.every((token) => {
      const at = `/${key.replace(/-/g, '/')}/`;
      return at.includes(`/${token.replace(/-/g, '/')}/`);
    })
  );
}

/** A query that names a document by its type and running number: "nghi dinh 21". */
export interface TypedNumberQuery {
  /** The type words, folded: "nghi dinh". */
  type: string;
  /** The number as typed, as a key: "21", "21/2019". */
  number: string;
}

/**
 * Read a query of the form "<type> [số] <number>", the way officials name a document
 * aloud: "Nghị định 21", "nghi dinh so 21/2019", "Chỉ thị 46". Only the last word may hold
 * digits and it must start with them; every word before it is a letter word. The number
 * index then resolves it (`typedNumberMatches`), where Pagefind alone would rank any page
 * saying "đề nghị" and "21" as high as the decree.
 *
 * @param query Query as typed.
 * @returns The type and number, or null for any other query.
 */
export function typedNumberQuery(query: string): TypedNumberQuery | null {
  const words = foldText(query)
    .split(/\s+/)
    .map((word) => word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter(Boolean);
  const number = words.pop();
  if (!number || !/^\d+(?:[/-][a-z0-9]+)*$/.test(number)) return null;
  if (words.at(-1) === 'so') words.pop();
  if (words.length === 0 || !words.every((word) => /^[a-z]+$/.test(word))) return null;
  return { type: words.join(' '), number: number.toUpperCase() };
}

/**
 * Whether a number-index entry is the document a typed query names: same type (folded)
 * and a number that starts with the typed segments ("21" and "21/2019" name
 * "21/2019/ND-CP"; "2" and "21/2018" do not).
 *
 * @param entry The entry's number key and type.
 * @param query The typed query (`typedNumberQuery`).
 * @returns True when it names this entry.
 */
export function typedNumberMatches(entry: { key: string; type: string | null }, query: TypedNumberQuery): boolean {
  if (!entry.type || foldText(entry.type).replace(/\s+/g, ' ').trim() !== query.type) return false;
  const segments = (key: string): string => `${key.replace(/-/g, '/')}/`;
  return segments(entry.key).startsWith(segments(query.number));
}

/** How many files the number index is split into. */
export const NUMBER_SHARDS = 64;

/**
 * The shard of the number index that holds a key: its first run of digits, modulo
 * `NUMBER_SHARDS`, so a query downloads one small file instead of every number.
 *
 * @param digits A run of digits ("21", "07").
 * @returns Shard name, two digits ("21").
 */
export function numberShard(digits: string): string {
  return String(Number.parseInt(digits, 10) % NUMBER_SHARDS).padStart(2, '0');
}

/**
 * The shard a number key is stored in (its first run of digits), or null without digits.
 *
 * @param key Number key.
 * @returns Shard name or null.
 */
export function shardOfKey(key: string): string | null {
  const digits = /\d+/.exec(key);
  return digits ? numberShard(digits[0]) : null;
}

/**
 * The shards a query must read: one per run of digits in its number tokens, since the
 * query may start anywhere in the number ("2019/ND-CP" finds nothing, "21/2019" does).
 *
 * @param tokens Query tokens (`numberQueryTokens`).
 * @returns Sorted unique shard names.
 */
export function shardsOfQuery(tokens: readonly string[]): string[] {
  const shards = new Set<string>();
  for (const token of tokens) {
    for (const digits of token.match(/\d+/g) ?? []) shards.add(numberShard(digits));
  }
  return [...shards].sort();
}

/** Value of the `scope` filter: a plan of the corpus, or a document only cited by plans. */
export type SearchScope = 'trong-kho' | 'dan-chieu';

/** Pagefind metadata and filters of one document page (rendered by SearchMeta). */
export interface SearchFields {
  /**
   * Shown with each result: `title` (label), `number`, `type`, `issuer`, `date` (ISO),
   * `level`, `scope`; `summary`, the trích yếu of a plan of the corpus, weighted up at
   * search time (a cited document's subject is only what citing plans say of it); and
   * `keys`, searched but never shown: the number's variants (`numberVariants`).
   */
  meta: Record<string, string>;
  /**
   * `type`, `level`, `year`, `scope`, `status` (the validity state at the build's date,
   * `con-hieu-luc`, `bi-sua-doi`…): the filters of the search page; and `doc`, the page's
   * own node id, by which the search page finds a document's own result to put it first.
   */
  filters: Record<string, string>;
}

/**
 * The search metadata and filters of a document, from its graph node. Empty values
 * are left out, so a page never gets an empty filter value.
 *
 * @param node Graph node of the page.
 * @returns Metadata and filters, in a fixed key order.
 */
export function searchFields(node: GraphNode): SearchFields {
  const scope: SearchScope = node.inCorpus ? 'trong-kho' : 'dan-chieu';
  const year = node.date && /^\d{4}/.test(node.date.iso) ? node.date.iso.slice(0, 4) : '';
  const keys = node.number ? numberVariants(node.number) : [];
  const meta = compact({
    title: node.label,
    number: node.number ?? '',
    type: node.type ?? '',
    issuer: node.issuer ?? '',
    date: node.date?.iso ?? '',
    level: node.issuerLevel,
    scope,
    summary: node.inCorpus ? (node.subject ?? '') : '',
    keys: [...new Set(keys.map((key) => key.toLowerCase()))].join(' '),
  });
  const filters = compact({
    type: node.type ?? '',
    level: node.issuerLevel,
    year,
    scope,
    status: node.status.state,
    doc: node.id,
  });
  return { meta, filters };
}

/**
 * Drop empty values of a record.
 *
 * @param record Record with possibly empty strings.
 * @returns The record without them.
 */
function compact(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value.trim() !== ''));
}
