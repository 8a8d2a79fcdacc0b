/**
 * Whether a line continues the block before it.
 *
 * Two sources of cut paragraphs: page breaks in the seed exports (a blank line in the
 * middle of a sentence, "…các tổ chức thành" / "viên phát động…") and hard line breaks of
 * the crawled dev documents ("Nghị định số" / "63/2010/NĐ-CP"). A wrong join glues a
 * heading or list item onto a paragraph, which is worse than a missed one, so every rule
 * first refuses lines that start with a marker or a header label.
 */
import {
  continuesYearRange,
  endsOpen,
  endsSentence,
  endsWithConnector,
  firstSignificant,
  isAllCaps,
  startsWithLabel,
  startsWithMarker,
  stripMarker,
} from './markers.ts';

/** `join-fragment`: joined, but the previous part ended a sentence, so text is likely missing. */
export type JoinDecision = 'join' | 'join-fragment' | 'break';

/** Shortest line that looks hard-wrapped (the crawl wraps at about 80 characters). */
const WRAPPED_LENGTH = 40;
/** Shortest line that is surely wrapped prose even though it ends a sentence. */
const WRAPPED_SENTENCE_LENGTH = 60;
/** Length from which a block counts as a paragraph even without inner punctuation. */
const PARAGRAPH_LENGTH = 200;

/**
 * What the rules need to know about the block so far. Kept up to date line by line
 * (`startBlock`, `extendBlock`) so that a long run of joined lines stays linear.
 */
export interface BlockSummary {
  /** First line, without asterisks. */
  first: string;
  /** Length of the block after its leading marker. */
  bodyLength: number;
  hasLowerCase: boolean;
  /** Capital letters, counted up to `CAPITALS_ENOUGH`: the rules only ask whether there are that many. */
  capitals: number;
  /** A sentence ends inside the block ("… Chính phủ. Quản lý…"), which headings never do. */
  sentenceInside: boolean;
}

/** Summary of a block made of one line. */
export function startBlock(line: string): BlockSummary {
  const body = stripMarker(line);
  return {
    first: line,
    bodyLength: body.length,
    hasLowerCase: /\p{Ll}/u.test(line),
    capitals: countCapitals(line, CAPITALS_ENOUGH),
    sentenceInside: SENTENCE_INSIDE.test(body),
  };
}

/** Summary of `block` after `next` was joined to it (`previous` was its last line). */
export function extendBlock(block: BlockSummary, previous: string, next: string): BlockSummary {
  return {
    first: block.first,
    bodyLength: block.bodyLength + 1 + next.length,
    hasLowerCase: block.hasLowerCase || /\p{Ll}/u.test(next),
    capitals: block.capitals + countCapitals(next, CAPITALS_ENOUGH - block.capitals),
    sentenceInside: block.sentenceInside || SENTENCE_INSIDE.test(next) || (/[.!?]$/u.test(previous) && /^\p{Lu}/u.test(next)),
  };
}

const SENTENCE_INSIDE = /[.!?]\s+\p{Lu}/u;

/** Capitals that make a lower-case-free block a heading in capitals (`decideJoin`). */
const CAPITALS_ENOUGH = 2;

const CAPITAL = /\p{Lu}/gu;

/**
 * Capital letters of `line`, counted up to `limit`. Stopping early matters: every line of
 * every plan starts a block, and counting all their capitals took 0.45 s over 1,000 plans,
 * more than the rest of joining.
 */
function countCapitals(line: string, limit: number): number {
  let count = 0;
  CAPITAL.lastIndex = 0;
  while (count < limit && CAPITAL.test(line)) count += 1;
  CAPITAL.lastIndex = 0;
  return count;
}

export interface JoinInput {
  /** Last line of the block so far, without asterisks. */
  previous: string;
  /** The block so far. */
  block: BlockSummary;
  /** The candidate line, without asterisks. */
  next: string;
  /** Whether a blank line (a page break in the exports) stands between them. */
  gap: boolean;
}

/**
 * Decide whether `next` continues the block.
 *
 * @returns `join`, `join-fragment` (lower-case text after a full stop across a page
 *   break: joined, and worth a warning) or `break`.
 */
export function decideJoin({ previous, block, next, gap }: JoinInput): JoinDecision {
  if (continuesYearRange(previous, next)) return 'join';
  if (startsWithMarker(next) || startsWithLabel(next)) return 'break';
  // The subject line of a Công văn runs over several short lines ("V/v nâng cao năng lực tham" / …).
  if (!gap && /^V\/v\b/u.test(block.first)) return 'join';
  const blockCaps = !block.hasLowerCase && block.capitals >= CAPITALS_ENOUGH;
  const first = firstSignificant(next);

  if (endsOpen(previous) && /[\p{L}\p{N}]/u.test(first)) return 'join';

  if (/\p{Ll}/u.test(first)) {
    if (blockCaps) return 'break';
    if (gap && /[.!?]["”’)\]]*$/u.test(previous)) return 'join-fragment';
    return 'join';
  }

  if (/\p{N}/u.test(first)) {
    // "Nghị định số" / "63/2010/NĐ-CP", "năm" / "2025"; not table cells ("VCB bán" / "1").
    if (endsSentence(previous)) return 'break';
    if (endsWithConnector(previous) || previous.endsWith(',')) return 'join';
    if (!/\p{Ll}$/u.test(previous)) return 'break';
    return (gap ? isParagraph(block) : previous.length >= WRAPPED_LENGTH) ? 'join' : 'break';
  }

  if (!/\p{Lu}/u.test(first)) return 'break';

  // Upper-case start. A heading in capitals cut over two lines: "I. MỤC ĐÍCH," / "YÊU CẦU".
  if (!gap && blockCaps && isAllCaps(next) && startsWithMarker(block.first) && !/[.:;]$/u.test(previous)) return 'join';
  if (blockCaps) return 'break';
  if (isAllCaps(next)) {
    // A wrapped line ending mid-phrase may go on in capitals ("…khóa" / "XVII.").
    return !gap && previous.length >= WRAPPED_LENGTH && /\p{Ll}$/u.test(previous) ? 'join' : 'break';
  }

  if (endsSentence(previous)) {
    // Crawled prose wraps after a full stop too; the export's own lines never do that.
    const wrapped = !gap && previous.length >= WRAPPED_SENTENCE_LENGTH && /[^/]\.$/u.test(previous);
    return wrapped ? 'join' : 'break';
  }
  if (previous.endsWith(',')) return 'join';
  if (gap) {
    return isParagraph(block) ? 'join' : 'break';
  }
  return previous.length >= WRAPPED_LENGTH || endsWithConnector(previous) ? 'join' : 'break';
}

/**
 * A block this long, or with a sentence break inside, is a paragraph, not a heading
 * ("4. Sở Văn hóa…; Báo và Phát thanh, Truyền hình Cần Thơ" is a heading despite its ";").
 */
function isParagraph(block: BlockSummary): boolean {
  return block.bodyLength >= PARAGRAPH_LENGTH || block.sentenceInside;
}
