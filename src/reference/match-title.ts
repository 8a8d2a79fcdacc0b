/**
 * The longest title of the reference data that a text has at a law head, with the text's
 * abbreviations expanded ("Luật NSNN" = "Luật Ngân sách nhà nước").
 */
import type { ReferenceData } from './load.ts';
import type { ReferenceAct } from './schema.ts';
import { textTokens, type TextToken } from './title-tokens.ts';

/** A reference title found in a text. */
export interface ReferenceTitleMatch {
  /** End offset of the complete title, or null when no complete title matched. */
  end: number | null;
  /** Acts with that title (all its versions). */
  acts: readonly ReferenceAct[];
  /** Words of the complete title (the kind's words included). */
  tokenCount: number;
  /** End offset of the furthest word some title still followed (≥ `end`). */
  deepestEnd: number | null;
  /** The words read, for the name as written with expansions. */
  tokens: readonly TextToken[];
}

/** Words read first: enough for most titles. */
const FIRST_WORDS = 8;

/** Most words read after a head: the longest titles have about 25. */
const MAX_TITLE_WORDS = 32;

/**
 * Match the reference titles at `headStart` (the offset of "Luật", "Bộ luật", …).
 *
 * @param text Whole text.
 * @param headStart Offset of the law head.
 * @param data Reference data.
 */
export function matchReferenceTitle(text: string, headStart: number, data: ReferenceData): ReferenceTitleMatch {
  // Most titles are short: read a few words, and the rest only when a title still follows.
  const first = textTokens(text, headStart, FIRST_WORDS, data.abbreviationIndex);
  let tokens = first.tokens;
  let { match, depth } = data.titles.longest(tokens);
  if (depth === tokens.length && first.reachedLimit) {
    tokens = textTokens(text, headStart, MAX_TITLE_WORDS, data.abbreviationIndex).tokens;
    ({ match, depth } = data.titles.longest(tokens));
  }
  return {
    end: match ? tokens[match.tokenCount - 1]!.end : null,
    acts: match?.acts ?? [],
    tokenCount: match?.tokenCount ?? 0,
    deepestEnd: depth > 0 ? tokens[depth - 1]!.end : null,
    tokens,
  };
}

/**
 * The name as written between `start` and `end`, abbreviations replaced by their expansion
 * ("Luật BHYT" → "Luật bảo hiểm y tế") and whitespace collapsed.
 *
 * @param text Whole text.
 * @param start Offset of the head.
 * @param end End of the title.
 * @param tokens Words of the text from `start` (`textTokens`), carrying expansions.
 */
export function nameAsWritten(text: string, start: number, end: number, tokens: readonly TextToken[]): string {
  let name = '';
  let position = start;
  for (const token of tokens) {
    if (token.start >= end) break;
    if (!token.expansion || token.start < position) continue;
    name += text.slice(position, token.start) + token.expansion;
    position = token.end;
  }
  name += text.slice(position, end);
  return name.replace(/\s+/g, ' ').trim();
}
