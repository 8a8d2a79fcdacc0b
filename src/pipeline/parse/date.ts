/**
 * The issue date of a header line: "Tây Ninh, ngày 11 tháng 4 năm 2024",
 * a draft's "ngày tháng 02 năm 2025", or "ngày 11/4/2024".
 */
import type { DocDate } from '../../model.ts';

// A draft leaves the day or month blank, as spaces, dots or an ellipsis ("ngày … tháng 02 năm 2025").
const wordDate = /ngày[\s….·_]*(\d{1,2})?[\s….·_]*,?\s*tháng[\s….·_]*(\d{1,2})?[\s….·_]*,?\s*năm\s*(\d{4})/iu;
const numericDate = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;

/**
 * Read the first date written in words or digits after "ngày".
 * A blank day (or month) gives a partial date: {iso: "2025-02", partial: true}.
 *
 * @param text Place-and-date text, lines already joined.
 * @returns The date, or null when there is none or it is impossible (month 13).
 */
export function parseIssueDate(text: string): DocDate | null {
  const match = wordDate.exec(text) ?? numericDate.exec(text);
  if (!match) return null;
  const year = Number(match[3]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[1] === undefined ? null : Number(match[1]);
  if (year < 1900 || year > 2100) return null;
  if (month === null) return { iso: String(year), partial: true };
  if (month < 1 || month > 12) return null;
  const yearMonth = `${year}-${pad(month)}`;
  if (day === null) return { iso: yearMonth, partial: true };
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { iso: `${yearMonth}-${pad(day)}`, partial: false };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
