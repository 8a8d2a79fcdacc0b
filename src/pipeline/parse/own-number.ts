/**
 * Where a text states its own số ký hiệu, so that it is never taken for a citation of itself:
 * the header's number in whatever layout ("Số: 435/QĐ-UBND", a crawl's "Số: 3210/QĐ - U B ND"),
 * a legal database's title line ("QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG NGÀY …"), and the caption of an
 * attachment ("(Ban hành kèm theo Quyết định số 3210/QĐ-UBND ngày …)"), which repeats the
 * number of the document it belongs to.
 */
import { documentTypes } from './doc-types.ts';
import { firstNumberField } from './header-segments.ts';

/** How much of the head of a text may hold its header. */
const headChars = 4000;

/**
 * "QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG NGÀY …" opening the text: the title of a copy with no header. Only
 * the first line: a title lower down ("KẾ HOẠCH" / "TRIỂN KHAI THỰC HIỆN" / "CHỈ THỊ SỐ 32/CT-TTG")
 * cites another document.
 */
const TITLE_NUMBER = new RegExp(
  `^\\s*(?:${documentTypes.map((type) => type.toUpperCase().replace(/ /g, '\\s+')).join('|')})\\s+SỐ\\s*:?\\s*(\\d[^\\s,;()]{2,40})`,
  'u',
);

/** "(Ban hành) kèm theo <Type> số <number>" opening a line: an attachment's caption. */
const CAPTION_NUMBER = new RegExp(
  `(?:^|\\n)[ \\t]*\\(\\s*(?:Ban\\s+hành\\s+)?(?:kèm\\s+theo\\s+)+(?:${documentTypes.join('|').replace(/ /g, '\\s+')}|văn\\s+bản)\\s+số\\s*:?\\s*(\\d[^\\s,;()]{2,40})`,
  'giu',
);

/**
 * The forms in which a text writes its own number.
 *
 * @param text The whole normalized text.
 * @param number The number the header gave, if any.
 * @returns Raw number texts (the caller reads them with its own number grammar); may be empty.
 */
export function ownNumberTexts(text: string, number: string | null): string[] {
  const forms = new Set<string>();
  if (number) forms.add(number);
  const head = text.slice(0, headChars);
  const field = firstNumberField(head);
  if (field) forms.add(field);
  const title = field ? null : TITLE_NUMBER.exec(head)?.[1];
  if (title) forms.add(trimNumber(title));
  for (const match of text.matchAll(CAPTION_NUMBER)) if (match[1]) forms.add(trimNumber(match[1]));
  return [...forms];
}

function trimNumber(text: string): string {
  return text.replace(/[.:]+$/u, '');
}
