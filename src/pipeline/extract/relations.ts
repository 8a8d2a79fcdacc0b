/**
 * Relations: of the plan to what it cites (from the lead phrase of the clause chain), and
 * between two mentions of one sentence ("… sửa đổi, bổ sung một số điều của …").
 */
import type { DocRelation, Relation } from '../../model.ts';
import { LEAD_CAN_CU, LEAD_THUC_HIEN, TYPE_ALTERNATION } from '../glossary.ts';

/** A clause of the text with the relation its lead phrase (or its chain's lead) gives. */
interface Clause {
  start: number;
  relation: Relation;
}

/** Line or list marker that starts a new paragraph ("I.", "1.", "1.1.", "a)", "-", "+"). */
const MARKER = /^\s*(?:[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]?\s|[a-zđ][).]\s|[-–+•*]\s)/u;

/** A type word at the start of a clause (a list continuation such as "…; Chỉ thị số …"). */
const TYPE_AT_START = new RegExp(`^\\s*(?:các\\s+)?(?:${TYPE_ALTERNATION})(?![\\p{L}])`, 'iu');

/** Lead relation of a clause's own first words, or null when it has none. */
function ownLead(clause: string): Relation | null {
  if (LEAD_CAN_CU.test(clause)) return 'can-cu';
  if (LEAD_THUC_HIEN.test(clause)) return 'thuc-hien';
  return null;
}

/**
 * Split `text` into clauses once and give each its relation, so a mention's relation is a
 * binary search (linear overall, not a backward scan per mention).
 *
 * A clause continues the previous one's lead across ";" and ",", across a hard line wrap
 * (the previous line ends without . : ! ?), and across ":" into a list; a blank line, a
 * sentence end or a list marker starts afresh.
 *
 * @param text Normalized text.
 */
export function clauseRelations(text: string): Clause[] {
  const clauses: Clause[] = [];
  const boundary = /;|[.:!?](?=\s)|\n/g;
  let start = 0;
  let previous: { relation: Relation; terminator: string } | null = null;
  const push = (end: number, terminator: string): void => {
    const body = text.slice(start, end);
    const own = ownLead(body);
    let relation: Relation = own ?? 'dan-chieu';
    if (!own && previous && previous.relation !== 'dan-chieu' && continues(previous.terminator, body)) {
      relation = previous.relation;
    }
    clauses.push({ start, relation });
    previous = { relation, terminator };
  };
  for (const match of text.matchAll(boundary)) {
    const end = match.index;
    let terminator = match[0];
    // A line break right after ";" or "." belongs to that terminator; a blank line is a break.
    if (terminator === '\n') {
      const before = text.slice(Math.max(start, end - 3), end).trimEnd();
      const last = before.charAt(before.length - 1);
      if (/\n\s*$/.test(text.slice(Math.max(0, end - 4), end))) terminator = '\n\n';
      else if (last && /[.:!?]/.test(last)) terminator = '.';
      else if (last === ';' || last === ',') terminator = ';';
    }
    push(end, terminator);
    start = end + 1;
  }
  push(text.length, '');
  return clauses;
}

/** Whether a clause without its own lead inherits the previous clause's lead. */
function continues(terminator: string, body: string): boolean {
  if (MARKER.test(body)) return false;
  switch (terminator) {
    case ';':
    case ',':
    case '\n':
      return true;
    case ':':
      return TYPE_AT_START.test(body) || /^\s*[-–+•]/.test(body);
    default:
      return false;
  }
}

/**
 * Relation of a mention at `offset`.
 *
 * @param clauses From `clauseRelations`.
 * @param offset Mention start.
 */
export function relationAt(clauses: readonly Clause[], offset: number): Relation {
  let low = 0;
  let high = clauses.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((clauses[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return clauses[low]?.relation ?? 'dan-chieu';
}

/** Verbs between two mentions that state how the first relates to the second, strongest first. */
const LINK_WORDS: readonly [RegExp, DocRelation][] = [
  [/sửa\s+đổi/giu, 'sua-doi'],
  [/thay\s+thế/giu, 'thay-the'],
  [/(?:ban\s+hành\s+)?kèm\s+theo/giu, 'ban-hanh-kem-theo'],
  [/phê\s+duyệt/giu, 'phe-duyet'],
  [/hướng\s+dẫn/giu, 'huong-dan'],
  [/thực\s+hiện/giu, 'thuc-hien'],
];

/**
 * Relation stated in the text between two mentions of one sentence, read from the words
 * between them; the verb nearest to the second mention wins.
 *
 * @param between Text from the end of the first mention to the start of the second.
 */
export function linkBetween(between: string): DocRelation | null {
  if (between.length > 400 || /[;]|[.!?]\s/u.test(between)) return null;
  let best: { at: number; relation: DocRelation } | null = null;
  for (const [pattern, relation] of LINK_WORDS) {
    for (const match of between.matchAll(pattern)) {
      // "hướng dẫn thực hiện": the earlier verb of the pair wins at the same position.
      if (!best || match.index > best.at + 12) best = { at: match.index, relation };
    }
  }
  // The verb must lead into the second mention, not sit inside the first one's subject.
  if (!best || best.at < between.length - 60) return null;
  return best.relation;
}
