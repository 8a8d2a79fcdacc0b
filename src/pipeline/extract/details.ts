/**
 * Details that follow (or precede) a mention: date, issuer, subject.
 *
 * Each reader looks at a bounded window after the mention so the cost per mention is constant.
 */
import { centralBodyPattern } from '../../reference/central-bodies.ts';
import type { DocDate } from '../../model.ts';
import { ISSUER_HEADS, ISSUER_WORDS, TYPE_ALTERNATION } from '../glossary.ts';

/** How far after a mention its details may reach (characters). */
const WINDOW = 400;

/**
 * Date right after a mention: "ngày 22/02/2019", ", ngày 22 tháng 6 năm 2023", "ngày21-02-2018".
 * Anchored at the window start (only whitespace and one comma may come first).
 */
const DATE_AFTER =
  /^[\s,]*(?:ban\s+hành\s+)?ngày\s*(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/iu;

/** Build a DocDate from day, month, year strings; null when out of range. */
export function toDocDate(day: string, month: string, year: string): DocDate | null {
  const d = Number(day);
  const m = Number(month);
  if (d < 1 || d > 31 || m < 1 || m > 12) return null;
  return { iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, partial: false };
}

/**
 * A sentence that opens with its date and issues the mention: "Ngày 15/10/2025, Cơ quan … đã có
 * văn bản số …". The clause between date and type word holds no digit (no other document or
 * date) and ends with a verb of issuing, so the date is the act's, not an event's.
 */
const OPENING_DATE = new RegExp(
  '(?:^|[.;:!?]\\s+|\\n)[-–+•\\s]*Ngày\\s+(?:(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})' +
    '|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))\\s*,[^\\d\\n.;:!?]{1,250}?' +
    '\\s(?:đã\\s+)?(?:có|ban\\s+hành|ký(?:\\s+ban\\s+hành)?|gửi|phát\\s+hành)\\s+(?:các\\s+)?$',
  'u',
);

/**
 * The date that opens the sentence of a mention without its own date.
 *
 * @param before Text right before the mention's type word (up to a few hundred characters).
 */
export function readOpeningDate(before: string): DocDate | null {
  const match = OPENING_DATE.exec(before);
  if (!match) return null;
  return match[1] !== undefined
    ? toDocDate(match[1], match[2] ?? '', match[3] ?? '')
    : toDocDate(match[4] ?? '', match[5] ?? '', match[6] ?? '');
}

/** A detail found after a mention, with the offset where the following text resumes. */
export interface Detail<T> {
  value: T;
  end: number;
}

/**
 * Read a date that starts at `from` (after the mention end).
 *
 * @param text Whole text.
 * @param from Offset right after the mention.
 */
export function readDateAfter(text: string, from: number): Detail<DocDate> | null {
  const window = text.slice(from, from + 60);
  const match = DATE_AFTER.exec(window);
  if (!match) return null;
  const date =
    match[1] !== undefined
      ? toDocDate(match[1], match[2] ?? '', match[3] ?? '')
      : toDocDate(match[4] ?? '', match[5] ?? '', match[6] ?? '');
  return date ? { value: date, end: from + match[0].length } : null;
}

/**
 * "và" ends an issuer unless a capitalized word other than a document type follows: it joins
 * the words of one body ("Bộ Tài nguyên và Môi trường", "Ban Tuyên giáo và Dân vận Trung ương")
 * or two joint issuers ("UBND tỉnh và Ban Chỉ huy Quân sự tỉnh"), but "… và Kế hoạch số …" starts
 * the next citation.
 */
const AND_NOT_IN_NAME = String.raw`(?!\s+(?!(?:${TYPE_ALTERNATION})(?![\p{L}]))\p{Lu})`;

/**
 * Words after which an issuer phrase stops: the subject starts ("về", "quy định"), or a
 * verb of the citing sentence follows ("ban hành", "hướng dẫn", "sửa đổi").
 */
const ISSUER_STOP = new RegExp(
  String.raw`\s+(?:về|quy\s+định|ban\s+hành|hướng\s+dẫn|sửa\s+đổi|phê\s+duyệt|triển\s+khai|thực\s+hiện|tại|theo|để|đã|đang|ngày|cho|với|nhằm|trong|về\s+việc|có|thì|là|đối\s+với|gửi|kèm|và${AND_NOT_IN_NAME}|nhân\s+dịp|giai\s+đoạn|năm\s+\d)(?=\s|$)`,
  'u',
);

/**
 * Read "của <issuer>" starting at `from`.
 *
 * The issuer runs until a stop word, a clause punctuation mark, or a line's end followed by
 * a list marker. "(khóa XI)" after the body is kept.
 *
 * @param text Whole text.
 * @param from Offset after the mention (and its date).
 */
export function readIssuerAfter(text: string, from: number): Detail<string> | null {
  const window = text.slice(from, from + WINDOW);
  const lead = /^[\s,]*của\s+/u.exec(window);
  if (!lead) return null;
  let offset = lead[0].length;
  const names: string[] = [];
  // "của Bộ Chính trị, Ban Bí thư": joint issuers listed with commas share the document.
  while (names.length < 4) {
    const rest = window.slice(offset);
    if (!ISSUER_HEADS.test(rest.slice(0, 30)) || !/^[\p{Lu}]/u.test(rest)) break;
    const phrase = readOneIssuer(rest);
    if (!phrase) break;
    const length = rawLength(rest, phrase);
    // "…của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh ban hành …": a later item followed by a
    // verb is the subject of a new clause, not a joint issuer.
    if (names.length > 0 && !JOINT_END.test(rest.slice(length, length + 20))) break;
    names.push(phrase);
    offset += length;
    // Only a bare comma before another capitalized issuer head continues the list.
    const comma = /^\s*,\s*(?=[\p{Lu}])/u.exec(window.slice(offset));
    if (!comma || !JOINT_HEAD.test(window.slice(offset + comma[0].length, offset + comma[0].length + 20))) break;
    offset += comma[0].length;
  }
  if (names.length === 0) return null;
  return { value: names.join(', '), end: from + lead[0].length + (offset - lead[0].length) };
}

/** What may follow the last joint issuer: clause punctuation or the citation's own details. */
const JOINT_END = /^\s*(?:[;.,:)]|$|(?:về|ngày|tại|theo|khóa|khoá|và\s+các)(?![\p{L}]))/u;

/** Heads of a second issuer in a comma list (organs, not places: "…, tỉnh X" is no issuer). */
const JOINT_HEAD =
  /^(?:Ban|Bộ|Văn\s+phòng|Chính\s+phủ|Quốc\s+hội|Thủ\s+tướng|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Hội\s+đồng|Mặt\s+trận|Tổng\s+Liên\s+đoàn|Đoàn|Hội|Tòa\s+án|Viện\s+kiểm\s+sát|Kiểm\s+toán)(?![\p{L}])/u;

/** Length in `raw` of `collapsed`, a prefix of `raw` with its whitespace runs collapsed. */
function rawLength(raw: string, collapsed: string): number {
  let wanted = collapsed.replace(/\s+/g, '').length;
  let index = 0;
  while (wanted > 0 && index < raw.length) {
    if (!/\s/u.test(raw.charAt(index))) wanted -= 1;
    index += 1;
  }
  return index;
}

/**
 * Bodies named by their remit, which is written in lower case: "Ban Chỉ đạo phòng, chống tội
 * phạm, tệ nạn xã hội và xây dựng phong trào … tỉnh", "Hội đồng thi đua - khen thưởng tỉnh".
 */
const REMIT_HEAD =
  /^(?:Ban\s+Chỉ\s+(?:đạo|huy)|Hội\s+đồng(?!\s+nhân\s+dân)|Ban\s+Quản\s+lý|Tổ\s+công\s+tác|Cơ\s+quan\s+thường\s+trực)(?![\p{L}])/u;

/**
 * Where a remit-named body ends: clause punctuation, a comma before a capital or digit (the
 * next item), the subject ("về"), a verb of the citing sentence, or a date.
 */
const REMIT_END =
  /[;:“”"]|\.(?:\s|$)|\n|,\s*(?=[\p{Lu}\d])|\s(?:về|quy\s+định|ban\s+hành|hướng\s+dẫn|phê\s+duyệt|sửa\s+đổi|tại|theo|để|đã|đang|ngày|cho|nhằm|có|thì|là|đối\s+với|gửi|kèm|nhân\s+dịp|năm\s+\d)(?=\s|$)/u;

/** Longest remit name kept, in words: beyond it the phrase is prose, not a name. */
const REMIT_MAX_WORDS = 30;

/**
 * The issuer phrase extended to the end of a central body's name that starts inside it and
 * that the grammar cut at its comma ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch").
 */
function withWholeCentralBody(rest: string, phrase: string): string {
  const pattern = centralBodyPattern();
  if (!pattern || phrase === '') return phrase;
  const body = pattern.exec(rest.slice(0, 160));
  if (!body) return phrase;
  const phraseLength = rawLength(rest, phrase);
  const end = body.index + body[0].length;
  if (body.index >= phraseLength || end <= phraseLength) return phrase;
  return rest.slice(0, end).replace(/\s+/g, ' ');
}

/** One issuer phrase at the start of `rest`, as written (not collapsed), or '' when none. */
function readOneIssuer(rest: string): string {
  if (REMIT_HEAD.test(rest)) {
    const end = rest.search(REMIT_END);
    const phrase = (end < 0 ? rest : rest.slice(0, end)).replace(/\s+/g, ' ').replace(/[\s,–-]+$/u, '');
    if (phrase.split(' ').length <= REMIT_MAX_WORDS) return phrase;
  }
  let cut = rest.search(/[;:,“”"]|\.(?:\s|$)|\n\s*\n/u);
  if (cut < 0) cut = rest.length;
  let phrase = rest.slice(0, cut);
  const stop = ISSUER_STOP.exec(phrase);
  if (stop) phrase = phrase.slice(0, stop.index);
  phrase = trimIssuer(phrase.replace(/\s+/g, ' ').replace(/[\s,]+$/u, ''));
  phrase = withWholeCentralBody(rest, phrase);
  // Keep "(khóa XI)" / "(Khóa XII)" but not an unclosed bracket.
  if (/\([^)]*$/.test(phrase)) phrase = phrase.replace(/\s*\([^)]*$/, '');
  // A closing bracket of the surrounding aside ("… của Ủy ban nhân dân tỉnh)") is not the issuer's.
  if ((phrase.match(/\)/g)?.length ?? 0) > (phrase.match(/\(/g)?.length ?? 0)) phrase = phrase.replace(/\s*\).*$/, '');
  return phrase;
}

/** Capitalized verb phrases that open a title right after the issuer ("… Bình Phước Thành lập …"). */
const VERB_PAIRS: ReadonlySet<string> = new Set([
  'ban hành',
  'thành lập',
  'sửa đổi',
  'bổ sung',
  'cho phép',
  'phê duyệt',
  'quy định',
  'tách phòng',
  'giao chỉ',
  'về việc',
  'công nhận',
  'chấp thuận',
  'giao nhiệm',
]);

/**
 * Keep the words of an issuing body: capitalized words, digits, dashes, "(khóa XI)" and the
 * lower-case words of `ISSUER_WORDS`. Stop at another lower-case word, or at a capitalized
 * word that opens a lower-case phrase ("… tỉnh Đồng Nai Quy định về …", "… Thành lập …").
 */
function trimIssuer(phrase: string): string {
  const tokens = phrase.replace(/^Hội nghị lần thứ \S+\s+/u, '').split(' ');
  const kept: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const bare = token.replace(/^[(“"]+|[)”",]+$/gu, '');
    const lower = bare.toLowerCase();
    const isLower = /^[\p{Ll}]/u.test(bare);
    if (isLower && !ISSUER_WORDS.has(lower)) break;
    if (!isLower && /^[\p{Lu}][\p{Ll}]/u.test(bare) && index > 1) {
      const next = tokens[index + 1] ?? '';
      if (/^[\p{Ll}]/u.test(next) && (!ISSUER_WORDS.has(next.toLowerCase()) || VERB_PAIRS.has(`${lower} ${next}`))) break;
    }
    kept.push(token);
  }
  return kept.join(' ').replace(/[\s,–-]+$/u, '');
}

/**
 * Issuer stated before the mention: "Bộ Y tế có Công văn số …", "đề nghị của Giám đốc Sở Y tế
 * tại Tờ trình số …" → "Sở Y tế".
 *
 * @param before Text of the same clause before the mention's type word.
 */
export function readIssuerBefore(before: string): string | null {
  const match = ISSUER_BEFORE.exec(before);
  return match?.[1] ? match[1].replace(/\s+/g, ' ') : null;
}

/** One organ named before a mention: head, capitalized words and the locality words. */
const ORGAN_BEFORE =
  '(?:Bộ|Sở|Ủy\\s+ban|UBND|Ban|Văn\\s+phòng|Cục|Tổng\\s+cục|Thủ\\s+tướng|Chính\\s+phủ|Công\\s+an)(?:\\s+[\\p{Lu}][\\p{L}]*|\\s+(?:nhân\\s+dân|tỉnh|thành\\s+phố|huyện|xã|tế|thư|trị))*';

/**
 * "<organ>[, <organ>] có / đã có / tại / ban hành <mention>": joint issuers ("Bộ Chính trị, Ban
 * Bí thư đã có Kết luận số …") are kept together. Bounded: at most three organs.
 */
const ISSUER_BEFORE = new RegExp(
  `(?:^|[\\s,;(\\]])(${ORGAN_BEFORE}(?:\\s*,\\s*${ORGAN_BEFORE}){0,2})\\s+(?:có|đã\\s+có|tại|ban\\s+hành|đã\\s+ban\\s+hành)\\s*$`,
  'u',
);

/**
 * Subject right after the mention's details: "về khu vực phòng thủ", "“Quy định …”".
 *
 * @param text Whole text.
 * @param from Offset after date and issuer.
 */
export function readSubjectAfter(text: string, from: number): string | null {
  const window = text.slice(from, from + WINDOW);
  const quoted = /^[\s,]*(?:về\s+(?:việc\s+)?|ban\s+hành\s+)?[“"]([^”"]{3,300})[”"]/u.exec(window);
  if (quoted?.[1]) return quoted[1].replace(/\s+/g, ' ').trim();
  const about = /^[\s,]*((?:về|quy\s+định|hướng\s+dẫn|ban\s+hành)\s+[^;:.“”"()]{3,300})/u.exec(window);
  if (!about?.[1]) return null;
  // A subject ends before the next cited document.
  const cut = about[1].search(/\s(?:của|và|,)\s*(?:các\s+)?(?:Nghị|Thông|Quyết|Chỉ|Kế|Công|Văn|Hướng|Luật|Kết|Quy)\s/u);
  const subject = (cut >= 0 ? about[1].slice(0, cut) : about[1]).replace(/\s+/g, ' ').replace(/[\s,]+$/u, '');
  return subject || null;
}
