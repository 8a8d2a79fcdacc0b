/**
 * Display forms of dates and other values, in Vietnamese conventions.
 */
import { t } from '../i18n/t.ts';

/** A possibly partial date, as in graph.json and the frontmatter. */
export interface DateValue {
  iso: string;
  partial: boolean;
}

/**
 * "2024-04-11" → "11/04/2024"; "2025-02" → "tháng 02/2025 (chưa đủ ngày)".
 *
 * @param date The date, or null.
 * @returns Display text; "Chưa rõ" when null.
 */
export function formatDate(date: DateValue | null): string {
  if (!date) return t('value.unknown');
  const [year = '', month, day] = date.iso.split('-');
  if (day && month) return `${day}/${month}/${year}`;
  if (month) return t('date.partialMonth', { month, year });
  return t('date.partialYear', { year });
}

/**
 * The year of a date, for filters.
 *
 * @param date The date, or null.
 * @returns "2024", or "" when unknown.
 */
export function yearOf(date: DateValue | null): string {
  return date?.iso.slice(0, 4) ?? '';
}

/**
 * A value or "Chưa rõ".
 *
 * @param value Possibly missing text.
 * @returns Display text.
 */
export function orUnknown(value: string | null | undefined): string {
  return value && value.trim() ? value : t('value.unknown');
}

/**
 * The issuer level written after an issuer: in parentheses, "UBND tỉnh Tây Ninh (Cấp tỉnh)",
 * unless the level has its own ("Đảng (Trung ương)"), which after an issuer that often ends in
 * one too read "… (khóa XI) (Đảng (Trung ương))": then after a middle dot.
 *
 * @param label Level label (`levelLabel`).
 * @returns The note, with its leading space.
 */
export function levelNote(label: string): string {
  return label.includes('(') ? ` · ${label}` : ` (${label})`;
}
