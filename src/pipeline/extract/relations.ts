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

/**
 * Verbs between two mentions that state how the first relates to the second. A longer phrase
 * is listed before the words inside it ("quy định chi tiết và hướng dẫn thi hành" is one verb,
 * not "hướng dẫn"); `PASSIVE_RELATIONS` may be said the other way round.
 */
const LINK_WORDS: readonly [RegExp, DocRelation][] = [
  [/sửa\s+đổi/giu, 'sua-doi'],
  [/thay\s+thế/giu, 'thay-the'],
  [/bãi\s+bỏ/giu, 'bai-bo'],
  [/hết\s+hiệu\s+lực/giu, 'het-hieu-luc'],
  [/(?:tạm\s+)?đình\s+chỉ/giu, 'dinh-chi'],
  [/đính\s+chính/giu, 'dinh-chinh'],
  [/hợp\s+nhất/giu, 'hop-nhat'],
  [/(?:ban\s+hành\s+)?kèm\s+theo/giu, 'ban-hanh-kem-theo'],
  [/phê\s+duyệt/giu, 'phe-duyet'],
  [/quy\s+định\s+chi\s+tiết(?:\s*(?:,|và)\s*hướng\s+dẫn(?:\s+(?:biện\s+pháp\s+)?thi\s+hành)?)?/giu, 'quy-dinh-chi-tiet'],
  [/hướng\s+dẫn(?:\s+thi\s+hành)?/giu, 'huong-dan'],
  [/(?:triển\s+khai\s+)?thực\s+hiện|triển\s+khai/giu, 'thuc-hien'],
];

/** Every verb of `LINK_WORDS` in one expression, one capturing group each, in that order. */
const ANY_LINK_WORD = new RegExp(LINK_WORDS.map(([pattern]) => `(${pattern.source})`).join('|'), 'giu');

/**
 * Relations a sentence may state from the acted-on document's side: "Nghị định 13/2014/NĐ-CP
 * (được sửa đổi, bổ sung bởi Nghị định 139/2020/NĐ-CP)" is 139 amending 13.
 */
const PASSIVE_RELATIONS: ReadonlySet<DocRelation> = new Set([
  'sua-doi',
  'thay-the',
  'bai-bo',
  'dinh-chi',
  'dinh-chinh',
  'hop-nhat',
  'phe-duyet',
  'quy-dinh-chi-tiet',
  'huong-dan',
]);

/**
 * "được"/"bị" (maybe "đã …") right before a verb: the sentence is passive — but not the "bị"
 * of a word of two syllables ("chuẩn bị", "thiết bị", "trang bị", "dự bị", "phòng bị").
 */
const PASSIVE_BEFORE = /(?<![\p{L}])(?:được|(?<!(?:chuẩn|thiết|trang|dự|phòng)\s+)bị)\s+(?:(?:\p{L}+\s+){0,2})?$/iu;
/** "bởi", "bằng", "tại", "theo" right after a verb: the sentence names the actor after it. */
const ACTOR_AFTER = /^(?:\s*,?\s*bổ\s+sung)?(?:\s*,?\s*(?:bãi\s+bỏ|thay\s+thế))?\s*(?:bởi|bằng|tại|theo)(?![\p{L}])/iu;
/**
 * A part of a document named right after "bãi bỏ"/"thay thế" ("bãi bỏ khoản 2 Điều 3 của …"):
 * the document is amended, not ended.
 */
const PART_AFTER =
  /^\s*(?:một\s+số\s+|các\s+)?(?:điều|khoản|điểm|chương|mục|phụ\s+lục|cụm\s+từ|nội\s+dung|quy\s+định)(?![\p{L}])/iu;

/** A relation stated between two mentions, and which way it goes. */
export interface StatedLink {
  relation: DocRelation;
  /** True when the second mention acts on the first ("… được sửa đổi bởi …", "… hết hiệu lực khi … có hiệu lực"). */
  reverse: boolean;
}

/**
 * Relation stated between two mentions of one sentence and its direction: "A sửa đổi, bổ
 * sung … B" is A acting on B; "A (được sửa đổi, bổ sung bởi B)" and "A hết hiệu lực kể từ
 * ngày B có hiệu lực" are B acting on A.
 *
 * @param between Text from the end of the first mention to the start of the second.
 * @returns The relation and its direction, or null when the words state none.
 */
export function statedLink(between: string): StatedLink | null {
  if (between.length > 400 || /[;]|[.!?]\s/u.test(between)) return null;
  // One pass over the words: leftmost verb first, a longer phrase before the words inside it
  // (the alternation is in LINK_WORDS order, and matches never overlap).
  let best: { at: number; end: number; relation: DocRelation } | null = null;
  for (const match of between.matchAll(ANY_LINK_WORD)) {
    const relation = LINK_WORDS[match.slice(1).findIndex((group) => group !== undefined)]?.[1];
    if (!relation) continue;
    // "hướng dẫn thực hiện": the earlier verb of the pair wins at the same position.
    if (!best || match.index > best.at + 12) best = { at: match.index, end: match.index + match[0].length, relation };
  }
  // The verb must lead into the second mention, not sit inside the first one's subject (its
  // end is measured: "quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của" is one verb).
  if (!best || best.end < between.length - 50) return null;
  let relation = best.relation;
  if ((relation === 'bai-bo' || relation === 'thay-the') && PART_AFTER.test(between.slice(best.end))) relation = 'sua-doi';
  const passive =
    PASSIVE_RELATIONS.has(relation) &&
    (PASSIVE_BEFORE.test(between.slice(Math.max(0, best.at - 24), best.at)) || ACTOR_AFTER.test(between.slice(best.end)));
  // "A hết hiệu lực (kể từ ngày) B (có hiệu lực)": B ends A.
  return { relation, reverse: passive || relation === 'het-hieu-luc' };
}

/**
 * The verbs by which a document acts on another with its own words, right before the other's
 * mention ("… và thay thế các Quyết định số …", "Bãi bỏ Quyết định số …", "… sửa đổi, bổ sung
 * một số điều của Quyết định số …").
 */
const SELF_VERB_AT_END = new RegExp(
  '(sửa\\s+đổi(?:\\s*,\\s*bổ\\s+sung)?|thay\\s+thế|bãi\\s+bỏ|(?:tạm\\s+)?đình\\s+chỉ|đính\\s+chính|hợp\\s+nhất)' +
    // What may stand between the verb and the document: "việc thi hành", "toàn bộ", a part of it.
    '((?:\\s+(?:việc\\s+)?thi\\s+hành|\\s+toàn\\s+bộ|\\s+một\\s+số\\s+(?:điều|nội\\s+dung|quy\\s+định)(?:\\s*,\\s*khoản)?|' +
    '(?:\\s+(?:điểm|khoản|điều|chương|mục|phụ\\s+lục)\\s+[\\p{L}\\d.,]+)+)?(?:\\s+(?:của|tại))?)?' +
    '\\s+(?:các\\s+)?$',
  'iu',
);
const SELF_RELATION_OF: Readonly<Record<string, DocRelation>> = {
  sửa: 'sua-doi',
  thay: 'thay-the',
  bãi: 'bai-bo',
  tạm: 'dinh-chi',
  đình: 'dinh-chi',
  đính: 'dinh-chinh',
  hợp: 'hop-nhat',
};
/** Cheap tests before the anchored expressions above (which try every start position). */
const ANY_SELF_VERB = /sửa\s+đổi|thay\s+thế|bãi\s+bỏ|đình\s+chỉ|đính\s+chính|hợp\s+nhất/iu;
const HET_HIEU_LUC = /hết\s+hiệu\s+lực/u;
/** The document speaking of itself: "Quyết định này", "Kế hoạch này", "Văn bản này". */
const THIS_DOCUMENT = /\p{L}\s+này(?![\p{L}])/u;
/**
 * A verb opening an article of the document's own text: "Điều 2. Bãi bỏ …" (an item of a
 * plan's task list, "- Sửa đổi, bổ sung Quyết định số …", is work to do, not an act).
 */
const ARTICLE_START = /^\s*Điều\s+\d+\s*[.:]\s*$/u;
/** "… hết hiệu lực (thi hành) kể từ ngày Quyết định này có hiệu lực" right after a mention. */
const ENDED_BY_THIS = /^[^.;!?\n]{0,160}?\shết\s+hiệu\s+lực(?:\s+thi\s+hành)?[^.;!?\n]{0,80}?\p{L}\s+này(?![\p{L}])/u;

/**
 * How the citing document itself acts on a document it mentions, from the words around the
 * mention: "Quyết định này … thay thế Quyết định số 104/1999/QĐ-TTg" (thay-the), "Bãi bỏ
 * Quyết định số …" opening an article (bai-bo), "Thông tư số … hết hiệu lực kể từ ngày Thông
 * tư này có hiệu lực" (het-hieu-luc). A part of a document repealed or replaced ("bãi bỏ
 * Điều 5 của …") amends it (sua-doi). A passive verb ("được thay thế bởi …") is not the
 * document's own act.
 *
 * @param text Normalized text.
 * @param start Start of the mention.
 * @param end End of the mention.
 * @param previousEnd End of the mention before it (0 for none): the words of the act are after it.
 * @returns The relation of the citing document to the mentioned one, or null.
 */
export function selfRelation(text: string, start: number, end: number, previousEnd: number): DocRelation | null {
  const after = text.slice(end, end + 300);
  if (HET_HIEU_LUC.test(after) && ENDED_BY_THIS.test(after)) return 'het-hieu-luc';
  // The verb and what may follow it fit in 120 characters: most mentions have none there.
  const near = text.slice(Math.max(previousEnd, start - 120), start);
  if (!ANY_SELF_VERB.test(near)) return null;
  const from = Math.max(previousEnd, start - 300);
  const before = text.slice(from, start);
  const match = SELF_VERB_AT_END.exec(before);
  if (!match) return null;
  const verbAt = match.index;
  // "được/bị thay thế": someone else's act.
  if (/(?<![\p{L}])(?:được|bị)\s+$/iu.test(before.slice(Math.max(0, verbAt - 12), verbAt))) return null;
  const head = match[1]!.toLowerCase().split(/\s+/u)[0] ?? '';
  let relation = SELF_RELATION_OF[head] ?? null;
  if (relation === null) return null;
  if (
    (relation === 'bai-bo' || relation === 'thay-the') &&
    match[2] &&
    /điểm|khoản|điều|chương|mục|phụ\s+lục|một\s+số/iu.test(match[2])
  ) {
    relation = 'sua-doi';
  }
  // The clause up to the verb (from a sentence end, a ";" or a line break) names "… này".
  const sentence = before.slice(0, verbAt);
  const boundary = Math.max(sentence.lastIndexOf('\n'), ...[...sentence.matchAll(/[.!?;]\s/gu)].map((m) => m.index + 1));
  if (THIS_DOCUMENT.test(sentence.slice(boundary + 1))) return relation;
  // Or the verb opens an article of the document's own text.
  const lineStart = sentence.lastIndexOf('\n');
  const atLineStart = lineStart >= 0 || from === 0 || text.charAt(from - 1) === '\n';
  if (atLineStart && ARTICLE_START.test(sentence.slice(lineStart + 1))) return relation;
  return null;
}

/**
 * Whether the words between two mentions only continue a list ("…; Quyết định số …", "… và
 * Quyết định số …"), so the second shares the first one's relation to the citing document.
 *
 * @param between Text between the two mentions.
 * @returns True for a list continuation.
 */
export function continuesList(between: string): boolean {
  if (between.length > 200 || /[.!?:]\s|\n/u.test(between)) return false;
  if (statedLink(between) !== null) return false;
  return (
    /^(?:[^;,]*?)(?:;|,|\svà\s|\shoặc\s)\s*(?:các\s+)?$/u.test(between) || /^\s*(?:,|;|và|hoặc)\s*(?:các\s+)?$/u.test(between)
  );
}
