/**
 * Shapes of line starts and ends that decide whether two lines belong to one block.
 * Only what `normalize` needs to avoid gluing a heading or list item onto a paragraph;
 * the parser classifies blocks itself.
 */

/**
 * A list or heading marker at the start of a line: "- ", "+ ", "• ", "1. ", "1.2.3. ",
 * "1) ", "a) ", "đ) ", "(3) ", "(ii) ", "II. ", "Điều 5", "Chương II", "Phụ lục 1"…
 */
const BLOCK_MARKER =
  /^(?:[-–—+•●▪◦·]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|\d{1,3}(?:\.\d{1,3})+\s|\(\d{1,3}\)\s|\(?[a-zđ]\)\s|\(?[ivx]{1,5}\)\s|[IVXLC]{1,7}[.)]\s|(?:Điều|Chương|Mục|Phần|Phụ lục|ĐIỀU|CHƯƠNG|MỤC|PHẦN|PHỤ LỤC)\s+[\dIVXLC]{1,6}(?![\p{L}\p{N}]))/u;

/**
 * Lines that open a block of the header or of the closing part: "Số: …", "V/v …",
 * "Kính gửi:", "Nơi nhận:", "Căn cứ …", "Thực hiện …", a place-and-date line
 * ("Tây Ninh, ngày 11 tháng 4 năm 2024"), signature roles ("KT. CHỦ TỊCH").
 */
const BLOCK_LABEL =
  /^(?:(?:Số|V\/v|Về việc|Kính gửi|Nơi nhận|Căn cứ|Thực hiện|Xét|Theo đề nghị)(?![\p{L}\p{N}])|(?:KT|TM|TL|TUQ|Q|K\/T)\.?\s+\p{Lu}|\p{Lu}[\p{L} .'-]{1,30}, ngày(?![\p{L}\p{N}]))/u;

const LEADING_ELLIPSIS = /^(?:…|\.{3})\s*/u;

/** A four-digit year at the end of a line and the "- 2030" that continues it on the next. */
const YEAR_END = /(?<![\p{N}/.])\d{4}$/u;
const YEAR_RANGE_START = /^[-–]\s?\d{4}(?![\p{N}/])/u;

/** Ends a sentence, a clause or a label: . : ; ! ? … possibly followed by closing quotes/brackets. */
const SENTENCE_END = /[.:;!?…]["”’)\]]*$/u;

/** Ends with an opening bracket or quote, or with a dash after a space ("(22/12/1944 -"). */
const OPEN_END = /(?:[([{“‘]|\s[-–—])$/u;

/**
 * Words that cannot end a heading or a sentence, so a line ending with one goes on:
 * "…của", "…Nghị định số", "…Giám đốc Sở".
 */
const CONNECTOR_END =
  /(?:^|\s)(?:của|và|các|những|số|ngày|tháng|năm|tại|theo|với|cho|là|về|trong|được|do|bằng|hoặc|để|từ|đến|trên|dưới|gồm|thuộc|như|giữa|nhằm|nghiêm|Sở|Bộ|Ban|Ủy ban|UBND|Luật|Nghị định|Thông tư|Quyết định|Chỉ thị|Nghị quyết|Kế hoạch|Công văn)$/iu;

/** Whether a line starts a list item, a numbered heading or an article. */
export function startsWithMarker(line: string): boolean {
  // Quoted excerpts elide the items before: "…đ) Mua, bán…".
  return BLOCK_MARKER.test(line.replace(LEADING_ELLIPSIS, ''));
}

/** A line without its list or heading marker ("1.2. Tập thể" → "Tập thể"). */
export function stripMarker(line: string): string {
  return line.replace(BLOCK_MARKER, '').replace(/^[.:)]\s*/u, '');
}

/** Whether a line opens a header or closing block (never a continuation). */
export function startsWithLabel(line: string): boolean {
  return BLOCK_LABEL.test(line);
}

/** Whether `next` is the second half of a year range cut after `previous` ("2026" / "- 2030"). */
export function continuesYearRange(previous: string, next: string): boolean {
  return YEAR_END.test(previous) && YEAR_RANGE_START.test(next);
}

export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

export function endsOpen(line: string): boolean {
  return OPEN_END.test(line);
}

export function endsWithConnector(line: string): boolean {
  // One capitalised word alone ("Ngày") is a table header, not a cut sentence.
  return CONNECTOR_END.test(line) && line.includes(' ');
}

/** Upper-case text: at least two letters and no lower-case letter ("KẾ HOẠCH", "KT. CHỦ TỊCH"). */
export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The first letter or digit of a line, skipping opening quotes and brackets. */
export function firstSignificant(line: string): string {
  return /[\p{L}\p{N}]/u.exec(line.slice(0, 4))?.[0] ?? line.charAt(0);
}
