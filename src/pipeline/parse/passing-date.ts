/**
 * The date of a law, which has no place-and-date line: the Quốc hội passes it, and the last
 * paragraph says so ("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ
 * họp thứ 5 thông qua ngày 15 tháng 6 năm 2018.").
 */
import type { DocDate } from '../../model.ts';
import { parseIssueDate } from './date.ts';

/** Types dated by their passing: laws, codes, ordinances and the National Assembly's resolutions. */
const PASSED_TYPES: ReadonlySet<string> = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp', 'Nghị quyết']);

/** How far from the end the passing clause may stand (the signature and Nơi nhận follow it). */
const tailChars = 4000;

/** "<Type> này (đã) được <body> … thông qua ngày …": bounded, no sentence end in between. */
const PASSING =
  /(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Hiến\s+pháp|Nghị\s+quyết)\s+này\s+(?:đã\s+)?được\s+(?:Quốc\s+hội|Ủy\s+ban\s+thường\s+vụ\s+Quốc\s+hội|Uỷ\s+ban\s+thường\s+vụ\s+Quốc\s+hội)[^.;]{0,200}?thông\s+qua\s+(ngày\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}))/giu;

/**
 * The passing date stated at the end of a legislative act.
 *
 * @param type The document's type.
 * @param text The whole normalized text.
 * @returns The date, or null when the type is not dated by passing or the text does not say.
 */
export function passingDate(type: string | null, text: string): DocDate | null {
  if (!type || !PASSED_TYPES.has(type)) return null;
  let found: DocDate | null = null;
  for (const match of text.slice(-tailChars).matchAll(PASSING)) found = parseIssueDate(match[1] ?? '') ?? found;
  return found;
}
