/**
 * Exact số ký hiệu lookup: the number index written by the build
 * (`<base>tim-kiem/so-hieu/<shard>.json`, see src/integrations/pagefind.ts).
 */
import type { NumberEntry } from '../../integrations/pagefind.ts';
import {
  numberMatches,
  numberQueryTokens,
  numberShard,
  shardsOfQuery,
  typedNumberMatches,
  typedNumberQuery,
} from '../../search/search-terms.ts';

/** More matches than this and the query is too vague to name "the" document. */
const MAX_EXACT = 5;

const shards = new Map<string, Promise<NumberEntry[]>>();

/**
 * The documents a query names by number: those whose number holds every number-like part
 * of the query as whole segments ("nd-cp 21/2019" → 21/2019/NĐ-CP, never 2100/2019/NĐ-CP),
 * or, for a query like "nghi dinh 21", those of that type whose number starts so.
 *
 * @param base Site base path.
 * @param query Query as typed.
 * @returns Matching entries (at most `MAX_EXACT`), or [] when the query is no number.
 */
export async function lookupNumber(base: string, query: string): Promise<NumberEntry[]> {
  const tokens = numberQueryTokens(query);
  const typed = tokens.length === 0 ? typedNumberQuery(query) : null;
  if (tokens.length === 0 && !typed) return [];
  const wanted = typed ? [numberShard(/^\d+/.exec(typed.number)?.[0] ?? '0')] : shardsOfQuery(tokens);
  const matches = typed
    ? (entry: NumberEntry) => typedNumberMatches(entry, typed)
    : (entry: NumberEntry) => numberMatches(entry.key, tokens);
  const lists = await Promise.all(wanted.map((shard) => loadShard(base, shard)));
  const seen = new Set<string>();
  const found = lists.flat().filter((entry) => {
    if (seen.has(entry.id) || !matches(entry)) return false;
    seen.add(entry.id);
    return true;
  });
  return found.length <= MAX_EXACT ? found : [];
}

function loadShard(base: string, shard: string): Promise<NumberEntry[]> {
  let entries = shards.get(shard);
  if (!entries) {
    entries = fetch(`${base}tim-kiem/so-hieu/${shard}.json`).then((response) =>
      response.ok ? (response.json() as Promise<NumberEntry[]>) : [],
    );
    shards.set(shard, entries);
  }
  return entries;
}
