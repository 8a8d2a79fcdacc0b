/**
 * A header date whose day was left blank ("ngày    tháng 12 năm 2011": the day written in by
 * hand after signing, unread by OCR) is completed when the same file cites the document's own
 * number with a full date of that month and year: a second letter scanned into the file
 * ("Căn cứ Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh"), an attachment's
 * caption ("(Kèm theo Kế hoạch số 123/KH-UBND ngày 05/3/2026)"). A date of another month or year
 * is another document's or a typo, and changes nothing.
 */
import type { DocDate } from '../../model.ts';
import { parseIssueDate } from './date.ts';

/** The number as the text may write it: stray spaces around "/" and "-", any case. */
function numberPattern(number: string): string {
  return number
    .split('')
    .map((char) => (/[/-]/u.test(char) ? '\\s*[/\\-–]\\s*' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/**
 * @param text The whole normalized text.
 * @param number The document's own number.
 * @param date The header's partial date.
 * @returns The full date, or the partial one unchanged.
 */
export function completeOwnDate(text: string, number: string | null, date: DocDate | null): DocDate | null {
  if (!number || !date?.partial || !/^\d{4}-\d{2}$/u.test(date.iso)) return date;
  const after = new RegExp(`(?<![\\p{L}\\d])${numberPattern(number)}(?![\\p{L}\\d])\\s*,?\\s*(ngày\\s*[^\\n;]{0,40})`, 'giu');
  for (const match of text.matchAll(after)) {
    const found = parseIssueDate(match[1] ?? '');
    if (found && !found.partial && found.iso.startsWith(`${date.iso}-`)) return found;
  }
  return date;
}
