/**
 * Exact số ký hiệu lookup: the number index written by the build
 * (`<base>tim-kiem/so-hieu/<shard>.json`, see src/integrations/pagefind.ts).
 */
import type { NumberEntry } from '../../integrations/pagefind.ts';
import { numberMatches, numberQueryTokens, shardsOfQuery } from '../../pipeline/search-terms.ts';

/** More matches than this and the query is too vague to name "the" document. */
const MAX_EXACT = 5;

const shards = new Map<string, Promise<NumberEntry[]>>();

/**
 * The documents whose number holds every number-like part of the query as whole
 * segments ("nd-cp 21/2019" → 21/2019/NĐ-CP, never 2100/2019/NĐ-CP).
 *
 * @param base Site base path.
 * @param query Query as typed.
 * @returns Matching entries (at most `MAX_EXACT`), or [] when the query is no number.
 */
export async function lookupNumber(base: string, query: string): Promise<NumberEntry[]> {
  const tokens = numberQueryTokens(query);
  if (tokens.length === 0) return [];
  const lists = await Promise.all(shardsOfQuery(tokens).map((shard) => loadShard(base, shard)));
  const seen = new Set<string>();
  const matches = lists.flat().filter((entry) => {
    if (seen.has(entry.id) || !numberMatches(entry.key, tokens)) return false;
    seen.add(entry.id);
    return true;
  });
  return matches.length <= MAX_EXACT ? matches : [];
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
