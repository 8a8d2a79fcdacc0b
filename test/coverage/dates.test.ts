/**
 * Delay arithmetic: days from the implemented document to the implementing one, exact for
 * two full dates, a range for a partial one ("tháng 02/2025", "năm 2025"), unknown for a
 * missing or impossible date.
 */
import { describe, expect, it } from 'vitest';
import { daySpan, delayDays, delaySortKey, yearOfDate } from '../../src/pipeline/coverage/dates.ts';
import { formatDelay } from '../../src/i18n/coverage.ts';

const full = (iso: string) => ({ iso, partial: false });
const partial = (iso: string) => ({ iso, partial: true });

describe('delayDays', () => {
  it.each([
    // Chỉ thị 32/CT-UBND 01/02/2024 → Kế hoạch 1062/KH-UBND 11/04/2024 (2024 is a leap year: 29 + 31 + 10).
    ['2024-02-01', '2024-04-11', 70],
    ['2023-02-01', '2023-04-11', 69],
    ['2023-12-15', '2024-04-11', 118],
    ['2024-04-11', '2024-04-11', 0],
    // Across a year end and a century's leap rule.
    ['1999-12-31', '2000-03-01', 61],
    // An implementation dated before what it implements: negative, shown as a misread date.
    ['2024-04-11', '2024-04-01', -10],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(delayDays(full(from), full(to))).toEqual({ kind: 'exact', days });
  });

  it('gives the range of possible delays when a date has only its month or year', () => {
    // Draft of Ba Tơ dated "tháng 02/2025" implementing a document of 15/01/2025: 17 to 44 days.
    expect(delayDays(full('2025-01-15'), partial('2025-02'))).toEqual({ kind: 'range', min: 17, max: 44 });
    // A document of "năm 2023" implemented on 11/04/2024: 102 (from 31/12/2023) to 466 days (from 01/01/2023).
    expect(delayDays(partial('2023'), full('2024-04-11'))).toEqual({ kind: 'range', min: 102, max: 466 });
    // Both partial, same month: anywhere from -27 to 27 days (February 2025 has 28 days).
    expect(delayDays(partial('2025-02'), partial('2025-02'))).toEqual({ kind: 'range', min: -27, max: 27 });
  });

  it('is unknown when a date is missing or impossible', () => {
    expect(delayDays(null, full('2024-04-11'))).toEqual({ kind: 'unknown' });
    expect(delayDays(full('2024-02-01'), undefined)).toEqual({ kind: 'unknown' });
    expect(delayDays(full('2024-02-30'), full('2024-04-11'))).toEqual({ kind: 'unknown' });
    expect(delayDays(full('2024-13'), full('2024-04-11'))).toEqual({ kind: 'unknown' });
    expect(delayDays({ iso: 'không rõ', partial: true }, full('2024-04-11'))).toEqual({ kind: 'unknown' });
  });

  it('spans the days a date stands for', () => {
    expect(daySpan(partial('2024-02'))).toEqual({ first: 19754, last: 19782 });
    expect(daySpan(full('1970-01-01'))).toEqual({ first: 0, last: 0 });
  });

  it('sorts exact before unknown, ranges by their middle', () => {
    expect(delaySortKey({ kind: 'exact', days: 70 })).toBe(70);
    expect(delaySortKey({ kind: 'range', min: 10, max: 40 })).toBe(25);
    expect(delaySortKey({ kind: 'unknown' })).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads in Vietnamese', () => {
    expect(formatDelay({ kind: 'exact', days: 70 })).toBe('sau 70 ngày');
    expect(formatDelay({ kind: 'exact', days: 0 })).toBe('cùng ngày');
    expect(formatDelay({ kind: 'exact', days: -10 })).toBe('trước 10 ngày (ngày ghi có thể sai)');
    expect(formatDelay({ kind: 'range', min: 17, max: 44 })).toBe('sau 17–44 ngày (ngày chưa đủ)');
    expect(formatDelay({ kind: 'unknown' })).toBe('chưa rõ (thiếu ngày)');
  });

  it('takes the year of full and partial dates only when it is one', () => {
    expect(yearOfDate(full('2024-02-01'))).toBe('2024');
    expect(yearOfDate(partial('2025'))).toBe('2025');
    expect(yearOfDate(null)).toBeNull();
  });
});
