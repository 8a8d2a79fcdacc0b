/**
 * Cut header lines into the fields Nghị định 30/2020 lays out — organ, motto, "Số", place and
 * date, type word, trích yếu or "V/v", "Kính gửi" — wherever the source put the line breaks.
 *
 * A portal copy runs a whole header row together ("BỘ Y TẾ ------- CỘNG HÒA … Hạnh phúc -----",
 * "Số: 296/BHXH-CSYT V/v hướng dẫn … Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi: …"), an old
 * .doc puts both columns on one line with tabs, a PDF interleaves them. Each field is found by
 * its own grammar (a motto is a fixed phrase, "Số" opens a số ký hiệu, a place is the capitalised
 * words before ", ngày", a type word in capitals opens the type line…) and becomes its own line,
 * so the line reader in header.ts sees one field per line in every layout. Spans still point into
 * the normalized text. Only the head of the text is cut: from the first body line on, lines are
 * kept whole.
 */
import { documentTypes } from './doc-types.ts';
import type { Line } from './lines.ts';
import { isUpperCase } from './text-case.ts';

/** How far the header may reach, in lines and characters. */
const maxHeaderLines = 16;
const maxHeaderChars = 6000;

/** Lines that open the body: once one starts a line, the header is over. */
const BODY_LINE =
  /^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Phúc\s+đáp|Trả\s+lời|Tiếp\s+theo|Điều\s+\d|Chương\s+[IVXLC\d]|PHẦN\s+[IVXLC\d]|Phần\s+[IVXLC\d]|[IVX]{1,4}\.\s|\d{1,2}\.\s|Nơi\s+nhận)/u;

/** A body opener inside a run-together line, after a header field ("… BỘ Y TẾ Căn cứ …"). */
const BODY_OPENER =
  /(?<=[\p{Lu}\d)\].;:,]\s{1,3})(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Phúc\s+đáp|Trả\s+lời|Tiếp\s+theo|Nhằm|Để|Hiện\s+nay|Vừa\s+qua|Sau\s+khi|Nhận\s+được|Ngày\s+\d{1,2}\s*[/-]|Điều\s+1\.)(?![\p{L}])/u;

/**
 * Openers that begin the body even after a lower-case word, once the addressee is named: "Kính gửi:
 * Tổng công ty Khí Việt Nam Phúc đáp Công văn số …" (a sentence never has them capitalised inside).
 */
const LETTER_OPENER =
  /\s(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Phúc\s+đáp|Trả\s+lời|Tiếp\s+theo|Nhận\s+được)(?![\p{L}])/u;

/** Where the body starts inside a run-together header line, or -1. */
function bodyOpenerAt(text: string): number {
  const opener = BODY_OPENER.exec(text);
  let at = opener ? opener.index : -1;
  const addressee = /(?<![\p{L}])Kính\s+gửi\b\s*:?/u.exec(text);
  if (addressee) {
    const from = addressee.index + addressee[0].length;
    const letter = LETTER_OPENER.exec(text.slice(from));
    if (letter && (at === -1 || from + letter.index + 1 < at)) at = from + letter.index + 1;
  }
  return at;
}

/** Rules drawn under the organ and the motto, and the Party's "*". */
const SEPARATOR = /(?<=^|\s)(?:[-_=–—~]{3,}|\*{1,3})(?=\s|$)/gu;

/** The national motto (two parts) and the Party's, tolerant of the crawl's spacing. */
const MOTTOS = [
  /CỘNG\s*H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu,
  /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/giu,
  /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/gu,
];

/** "Số", "Số:", "Luật số:" opening a số ký hiệu (never the upper-case "SỐ" of a title). */
const NUMBER_LABEL = /(?<![\p{L}\d])(?:Luật\s+số|Số)(?=\s*[:.]|\s+[\d…_./-]|\s*$)\s*[:.]?\s*/gu;

/** A số ký hiệu after its label: "435/QĐ-UBND", "45-HD/BTCTW", "/KH-UBND", "507 /UBND-KGVX". */
const CODE = /^[\p{L}\d.…_]*(?:\s*[-/–]\s*[\p{L}\d.&_…]+)+/u;

/** "V/v …" (a letter's subject; also "V/V" after a decision's type word). */
const SUBJECT = /(?<![\p{L}])V\/[vV](?![\p{L}])/gu;

/** "Kính gửi". */
const ADDRESSEE = /(?<![\p{L}])Kính\s+gửi\b\s*:?/gu;

/** ", ngày …" after a place: the date runs to its year (or the year's blank). */
const PLACE_DATE = /,\s*ngày(?![\p{L}])/gu;
const DATE_TAIL =
  /^,\s*ngày[\s\d…._]*tháng[\s\d…._]*năm\s*(?:\d{4}|[…._]+)?|^,\s*ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/u;

/** Type words in capitals, longest first ("THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ"). */
const TYPE_WORD = new RegExp(
  `(?<![\\p{L}])(?:${[...documentTypes]
    .sort((a, b) => b.length - a.length)
    .map((type) => type.toUpperCase().replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}])\\s*:?`,
  'gu',
);

/** A field span that no other field may cut. */
interface Span {
  start: number;
  end: number;
}

/**
 * Cut the header lines of a text into one line per field.
 *
 * @param lines Non-empty lines of the normalized text.
 * @returns The same lines, header lines cut into fields, re-indexed.
 */
export function segmentHeader(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let chars = 0;
  let inHeader = true;
  let afterAddressee = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    if (inHeader && (index >= maxHeaderLines || chars > maxHeaderChars || BODY_LINE.test(line.text))) inHeader = false;
    if (!inHeader) {
      out.push({ ...line, index: out.length });
      continue;
    }
    chars += line.text.length;
    // A whole document on one line: only its head can hold the header (and cutting stays linear).
    const head = line.text.slice(0, maxHeaderChars);
    const { pieces, body } = afterAddressee ? cutRecipients(head) : cutFields(head);
    const last = pieces[pieces.length - 1];
    if (last) last.end = line.text.length;
    for (const piece of pieces) {
      const text = line.text.slice(piece.start, piece.end);
      const trimmed = text.trim();
      if (!trimmed) continue;
      const start = line.start + piece.start + (text.length - text.trimStart().length);
      out.push({ index: out.length, text: trimmed, start, end: start + trimmed.length });
    }
    if (/(?<![\p{L}])Kính\s+gửi\b/u.test(line.text)) afterAddressee = true;
    if (body) inHeader = false;
  }
  return out;
}

/** Pieces of one line and whether its tail is body text. */
interface Cut {
  pieces: Span[];
  body: boolean;
}

/**
 * Cut one header line at the boundaries of its fields.
 *
 * @param text The line.
 */
export function cutFields(text: string): Cut {
  const cuts = new Set<number>();
  const whole: Span[] = [];
  const mark = (start: number, end: number): void => {
    cuts.add(start);
    cuts.add(end);
    whole.push({ start, end });
  };

  for (const motto of MOTTOS) {
    for (const match of text.matchAll(motto)) mark(match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(SEPARATOR)) {
    if (!inside(whole, match.index)) mark(match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(NUMBER_LABEL)) {
    if (inside(whole, match.index)) continue;
    const codeStart = match.index + match[0].length;
    const end = codeEnd(text, codeStart);
    // "Số" is a field only with a số ký hiệu after it, or alone at the end (its number on the next line).
    if (end > codeStart ? /[-/–]/u.test(text.slice(codeStart, end)) : text.slice(codeStart).trim() === '') {
      mark(match.index, end);
    }
  }
  for (const match of text.matchAll(PLACE_DATE)) {
    if (inside(whole, match.index)) continue;
    const tail = DATE_TAIL.exec(text.slice(match.index));
    const end = tail ? match.index + tail[0].length : text.length;
    const floor = whole.reduce((last, span) => (span.end <= match.index ? Math.max(last, span.end) : last), 0);
    const start = placeStart(text, floor, match.index);
    if (start < match.index) mark(start, end);
  }
  for (const match of text.matchAll(SUBJECT)) {
    if (!inside(whole, match.index)) cuts.add(match.index);
  }
  for (const match of text.matchAll(ADDRESSEE)) {
    if (inside(whole, match.index)) continue;
    cuts.add(match.index);
    // "Kính gửi: - Bộ Tài chính; - Bộ …": each item its own line.
    const after = match.index + match[0].length;
    if (/^\s*[-+•]\s/u.test(text.slice(after))) cuts.add(after);
    for (const item of text.slice(after).matchAll(/[;,.]\s+(?=[-+•]\s)/gu)) cuts.add(after + item.index + item[0].length);
  }
  for (const match of text.matchAll(TYPE_WORD)) {
    if (inside(whole, match.index)) continue;
    // A type word opens the type line only at the start of a run of capitals ("… 2020 QUYẾT ĐỊNH BAN
    // HÀNH …"), not inside an organ or a title ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "… QUYẾT ĐỊNH SỐ 130 …").
    const before = text.slice(0, match.index).trimEnd();
    const previousWord = /\S+$/u.exec(before)?.[0] ?? '';
    const opensRun = before === '' || cuts.has(match.index) || endsField(cuts, before.length) || /\p{Ll}/u.test(previousWord);
    const after = text.slice(match.index + match[0].length).trimStart();
    const nextWord = /^\S+/u.exec(after)?.[0] ?? '';
    const closes = after === '' || isUpperCase(nextWord) || /^(?:V\/[vV]|Về|Ban hành|Quy định)/u.test(after);
    if (opensRun && closes && match[0].trim() === match[0].trim().toUpperCase()) {
      cuts.add(match.index);
      cuts.add(match.index + match[0].length);
    }
  }

  let body = false;
  let limit = text.length;
  const opener = bodyOpenerAt(text);
  if (opener > 0 && !inside(whole, opener)) {
    limit = opener;
    body = true;
  } else {
    // "Kính gửi: Cục Hải quan các tỉnh, thành phố. Luật hải quan được …": the body after the addressee.
    const addressee = /(?<![\p{L}])Kính\s+gửi\b/u.exec(text);
    if (addressee) {
      const stop = /\.\s+(?=\p{Lu})/u.exec(text.slice(addressee.index));
      if (stop) {
        limit = addressee.index + stop.index + 1;
        body = true;
      }
    }
  }

  const points = [...cuts].filter((cut) => cut > 0 && cut < limit).sort((a, b) => a - b);
  const pieces: Span[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push({ start, end: point });
    start = point;
  }
  pieces.push({ start, end: limit });
  if (limit < text.length) pieces.push({ start: limit, end: text.length });
  return { pieces, body };
}

/**
 * The số ký hiệu of the first "Số …" field in a text, as written ("3210/QĐ - U B ND"), or null.
 *
 * @param text The head of a text.
 */
export function firstNumberField(text: string): string | null {
  // Only the header: from the first body line on, "Luật số 57/2024/QH15" is a citation.
  const bodyLine = /\n[ \t]*/gu;
  let end = text.length;
  for (const line of text.matchAll(bodyLine)) {
    if (BODY_LINE.test(text.slice(line.index + line[0].length, line.index + line[0].length + 40))) {
      end = line.index;
      break;
    }
  }
  for (const match of text.slice(0, end).matchAll(NUMBER_LABEL)) {
    // "Luật số:" is a law's own label only where a line starts.
    if (/^Luật/u.test(match[0]) && match.index > 0 && text[match.index - 1] !== '\n') continue;
    const codeStart = match.index + match[0].length;
    const code = text.slice(codeStart, codeEnd(text, codeStart));
    if (/[-/–]/u.test(code) && /\d/u.test(code)) return code;
  }
  return null;
}

/** Lines after "Kính gửi": a run of items "- A; - B" cut into one item per line. */
function cutRecipients(text: string): Cut {
  if (!/^[-+•]\s/u.test(text)) return cutFields(text);
  const pieces: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(/[;,.]\s+(?=[-+•]\s)/gu)) {
    const end = match.index + match[0].length;
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: text.length });
  return { pieces, body: false };
}

/**
 * Where a số ký hiệu that starts at `from` ends. A crawl may space out its letters
 * ("3210/QĐ - U B ND"): short capital fragments after a cut code are part of it.
 */
function codeEnd(text: string, from: number): number {
  const match = CODE.exec(text.slice(from));
  if (!match) return from;
  let end = from + match[0].length;
  for (;;) {
    const last = /[^-/–\s]*$/u.exec(text.slice(from, end))?.[0] ?? '';
    const next = /^\s([\p{Lu}]{1,3})(?=\s|$)/u.exec(text.slice(end));
    if (!next?.[1] || last.length > 2 || !/\p{Lu}$/u.test(last)) break;
    end += next[0].length;
  }
  return end;
}

/**
 * Where the place before ", ngày" starts: the capitalised words just before it ("Kon Tum",
 * "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"), never reaching back past the previous field.
 */
function placeStart(text: string, floor: number, comma: number): number {
  // Seven words at most: the place is short, so only the stretch just before the comma is read.
  const from = Math.max(floor, comma - 120);
  const before = text.slice(from, comma);
  const tokens = [...before.matchAll(/\S+/gu)];
  let start = comma;
  let taken = 0;
  for (let index = tokens.length - 1; index >= 0 && taken < 7; index--) {
    const token = tokens[index];
    if (!token) break;
    const word = token[0];
    const left = tokens[index - 1]?.[0] ?? '';
    const capital = /^\p{Lu}/u.test(word) && !/\d/u.test(word) && (!/[.,;:)]$/u.test(word) || word.length <= 4);
    // A lower-case word belongs to the place only right after a capitalised one ("Thành phố").
    const lower = /^\p{Ll}+$/u.test(word) && /^\p{Lu}/u.test(left) && !/\d/u.test(left);
    if (!capital && !lower) break;
    start = from + token.index;
    taken++;
  }
  return start;
}

function inside(spans: readonly Span[], at: number): boolean {
  return spans.some((span) => at > span.start && at < span.end);
}

/** Whether a field ends at `at` (only spaces between), so what follows starts a new run. */
function endsField(cuts: ReadonlySet<number>, at: number): boolean {
  return cuts.has(at) || cuts.has(at + 1);
}
