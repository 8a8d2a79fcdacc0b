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

export interface JoinInput {
  /** Last line of the block so far, without asterisks. */
  previous: string;
  /** The whole block so far, without asterisks. */
  block: string;
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
  if (!gap && /^V\/v\b/u.test(block)) return 'join';
  const blockCaps = isAllCaps(block);
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
  if (!gap && blockCaps && isAllCaps(next) && startsWithMarker(block) && !/[.:;]$/u.test(previous)) return 'join';
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
function isParagraph(block: string): boolean {
  const body = stripMarker(block);
  return body.length >= PARAGRAPH_LENGTH || /[.!?]\s+\p{Lu}/u.test(body);
}
