/**
 * The search index comes in parts (src/integrations/pagefind-shards.ts), merged by
 * Pagefind's `mergeIndex`. One behaviour of Pagefind differs between one index and
 * several: when no word of an index starts with a query word, Pagefind falls back to the
 * longest word of that index the query word starts with ("2643khubnd" → "2643"). In one
 * index that happens only when the whole site lacks the word; in parts it happens in every
 * part that lacks it, and a rare number found hundreds of pages instead of one.
 *
 * So the search page checks, in each part that returned results, the words its best
 * result matched (Pagefind's `locations` in the page's text) and the words of its metadata,
 * which Pagefind searches too but gives no locations for (a number in `keys` or `cited`): a
 * part matched a query word when one of them starts with it, and fell back when one is only
 * a prefix of it. A part
 * that fell back on a word another part matched is dropped; when every part fell back,
 * only the parts with the longest fallback stay — what one index would have returned.
 */

/** Result ids are "<language>_<hash>"; each part is indexed as "vi-x-s<n>". */
const SHARD_OF_ID = /^vi-x-s(\d+)_/;

/**
 * The part a result comes from.
 *
 * @param id Pagefind result id ("vi-x-s3_42abb6b").
 * @returns Part name ("3"), or null for an index that is not in parts.
 */
export function shardOfResult(id: string): string | null {
  return SHARD_OF_ID.exec(id)?.[1] ?? null;
}

/** Punctuation Pagefind removes from queries and words (its own classes). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/**
 * Fold a word as Pagefind compares it: lower case, no diacritics (đ → d), no punctuation.
 *
 * @param word Word.
 * @returns Folded word.
 */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(PUNCTUATION, '');
}

/**
 * The words of a query as Pagefind searches them.
 *
 * @param query Query as given to Pagefind.
 * @returns Folded words, without empties.
 */
export function queryTerms(query: string): string[] {
  return query.split(/\s+/).map(fold).filter(Boolean);
}

/**
 * The forms under which Pagefind may index a word of the text: the word without its
 * punctuation ("2643khubnd") and every run of its parts ("2643", "2643kh", "kh", "khubnd",
 * "ubnd"…). Generous on purpose: a form too many only keeps a part's results.
 *
 * @param word Word of the page's text ("(2643/KH-UBND),").
 * @returns Folded forms.
 */
export function wordForms(word: string): string[] {
  const parts = word
    .split(/[^\p{L}\p{M}\p{N}_\u2054]+/u)
    .map(fold)
    .filter(Boolean);
  const runs: string[] = [];
  for (let start = 0; start < parts.length; start += 1) {
    for (let end = start + 1; end <= parts.length; end += 1) runs.push(parts.slice(start, end).join(''));
  }
  return [...new Set([fold(word), ...runs].filter(Boolean))];
}

/** How a part matched one query word. */
export type TermMatch = { kind: 'match' } | { kind: 'fallback'; length: number } | { kind: 'unknown' };

/**
 * How a part matched a query word, from the words its best result matched.
 *
 * @param term Folded query word.
 * @param forms Forms of the matched words of the part's best result (`wordForms`).
 * @returns Match, fallback (with the length of the word used), or unknown (the word was
 *   matched in metadata, not in the text).
 */
export function termMatch(term: string, forms: readonly string[]): TermMatch {
  if (forms.some((form) => form.startsWith(term))) return { kind: 'match' };
  const length = Math.max(0, ...forms.filter((form) => term.startsWith(form)).map((form) => form.length));
  return length > 0 ? { kind: 'fallback', length } : { kind: 'unknown' };
}

/**
 * The parts whose results one index would have returned.
 *
 * @param matches Part → how it matched each query word (same order as the terms).
 * @returns Parts to keep.
 */
export function keptShards(matches: ReadonlyMap<string, readonly TermMatch[]>): Set<string> {
  const kept = new Set(matches.keys());
  const terms = Math.max(0, ...[...matches.values()].map((list) => list.length));
  for (let term = 0; term < terms; term += 1) {
    const of = [...matches].map(([shard, list]) => [shard, list[term] ?? { kind: 'unknown' }] as const);
    const matched = of.some(([, match]) => match.kind === 'match');
    const longest = Math.max(0, ...of.map(([, match]) => (match.kind === 'fallback' ? match.length : 0)));
    for (const [shard, match] of of) {
      if (match.kind === 'fallback' && (matched || match.length < longest)) kept.delete(shard);
    }
  }
  return kept;
}

/**
 * The forms of every word of a result's metadata. Pagefind matches query words in metadata
 * as in the text, but reports locations only in the text: without these, a part whose best
 * result fell back to "12005" through the `cited` numbers of a plan looked unknown and
 * was kept, and the number query "1/2005/KH-UBND" found 3 pages where one index finds 1.
 *
 * @param meta The result's metadata (`data().meta`).
 * @returns Forms of its words.
 */
export function metaForms(meta: Readonly<Record<string, string | undefined>>): string[] {
  const words = Object.values(meta).flatMap((value) => (value ? value.split(/\s+/) : []));
  return [...new Set(words.flatMap((word) => wordForms(word)))];
}

/**
 * The words of a page's text at Pagefind's locations (its text split at white space but
 * U+FEFF, as Pagefind's own excerpts do), as their forms.
 *
 * @param content The page's text (`content` of its fragment).
 * @param locations Word positions matched.
 * @returns Forms of the matched words.
 */
export function matchedForms(content: string, locations: readonly number[]): string[] {
  const words = content.split(/[^\S\uFEFF]+/g);
  return [...new Set(locations.flatMap((location) => wordForms(words[location] ?? '')))];
}
