/**
 * Search terms: the folded forms that make the search diacritic-insensitive, and the
 * số ký hiệu keys behind the exact number lookup. Pure functions, shared by the build
 * (SearchMeta, the Pagefind integration) and the browser (the search page).
 *
 * Why folding is needed at all: Pagefind ≥ 1.5 folds tone and vowel marks itself
 * ("nghi" finds "nghị"), but not đ/Đ, which has no Unicode decomposition, so "dinh",
 * "de an" or "nd-cp" find nothing. Pages therefore carry the folded form of their
 * đ-words as search-only metadata (see `dStrokeTerms`).
 */
import { foldDiacritics } from './ids.ts';
import type { GraphNode } from './emit/graph-schema.ts';

/** Dashes that texts use in numbers in place of "-". */
const dashes = /[\u2010-\u2015\u2212]/g;

/**
 * Fold text for comparison: no diacritics (đ → d), lower case, one kind of dash.
 *
 * @param text Text as written ("Nghị định 21/2019/NĐ-CP").
 * @returns Folded text ("nghi dinh 21/2019/nd-cp").
 */
export function foldText(text: string): string {
  return foldDiacritics(text.normalize('NFC')).replace(dashes, '-').toLowerCase();
}

/**
 * The words of a text that hold đ/Đ, folded, unique and sorted: the only words
 * Pagefind cannot match from an unaccented query. Punctuation around a word is
 * dropped, inside it kept ("(21/2019/NĐ-CP);" → "21/2019/nd-cp").
 *
 * @param text Plain text of a page.
 * @returns Sorted folded words ("dinh", "dong", "nd-cp"…).
 */
export function dStrokeTerms(text: string): string[] {
  // Only whitespace-delimited words holding đ, found by one scan of the text (a page's text
  // runs to hundreds of kilobytes, and most of its words have no đ); each raw word is
  // folded once however often it recurs.
  const raws = new Set<string>();
  for (const match of text.matchAll(/[^\sđĐ]*[đĐ]\S*/g)) raws.add(match[0]);
  const terms = new Set<string>();
  for (const raw of raws) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word) terms.add(foldText(word));
  }
  return [...terms].sort();
}

/**
 * The query with đ restored where a Vietnamese writer would most likely have put it, or
 * null when there is nothing to restore (no "d", or the query already has đ).
 *
 * Searching it as well as the query as typed makes an unaccented query rank and highlight
 * like the accented one: Pagefind matches "nghi đinh" against "Nghị định" natively, with
 * real term frequencies, where "nghi dinh" only meets the `folded` metadata.
 * - In a syllable (a word with a vowel), đ can only be the first letter: "dinh" → "đinh".
 * - In an abbreviation (no vowel), every d stands for a syllable: "nd" → "nđ", "qd" → "qđ";
 *   except a final "nd" after other letters, which is "Nhân dân" ("ubnd", "hdnd").
 *
 * @param query Query as typed.
 * @returns The đ-variant, or null.
 */
export function dStrokeVariant(query: string): string | null {
  if (/[đĐ]/.test(query) || !/d/i.test(query)) return null;
  const variant = query.replace(/[\p{L}]+/gu, (segment) => {
    const folded = foldDiacritics(segment).toLowerCase();
    if (/[aeiouy]/.test(folded)) return segment.replace(/^d/, 'đ').replace(/^D/, 'Đ');
    const kept = folded.length > 2 && folded.endsWith('nd') ? 1 : 0;
    const head = segment.slice(0, segment.length - kept).replace(/d/g, 'đ').replace(/D/g, 'Đ');
    return head + segment.slice(segment.length - kept);
  });
  return variant === query ? null : variant;
}

/**
 * The comparison key of a số ký hiệu: folded, upper case, no spaces.
 * "21/2019/NĐ-CP", "21/2019/ND-CP" and "21 /2019/NĐ- CP" → "21/2019/ND-CP".
 *
 * @param number Number as written.
 * @returns Key.
 */
export function numberKey(number: string): string {
  return foldText(number).replace(/\s+/g, '').replace(/^so/, '').toUpperCase();
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
   * `keys`, searched but never shown: number variants and the folded đ-words of the label,
   * subject and issuer.
   */
  meta: Record<string, string>;
  /** `type`, `level`, `year`, `scope`: the filters of the search page. */
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
  const described = [node.label, node.name, node.subject, node.issuer].filter(Boolean).join(' ');
  const keys = [...(node.number ? numberVariants(node.number) : []), ...dStrokeTerms(described)];
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
  const filters = compact({ type: node.type ?? '', level: node.issuerLevel, year, scope });
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
