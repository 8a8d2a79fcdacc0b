import { describe, expect, it } from 'vitest';
import { clusterByDate, sameDocumentDates } from '../../src/pipeline/resolve/cluster.ts';
import { date } from '../fixtures/resolve/factories.ts';

const item = (iso: string | null, term: string | null = null, isPlan = false) => ({
  date: iso ? date(iso) : null,
  term,
  isPlan,
});

describe('sameDocumentDates', () => {
  it.each([
    ['2019-01-21', '2019-01-22', true], // 44-KL/TW written two ways
    ['2019-01-21', '2019-11-30', true], // same year
    ['2023-12-30', '2024-01-02', true], // a typo across New Year
    ['2023-12-15', '2024-01-15', false], // a month apart in another year
    ['2015-06-22', '2021-03-01', false], // another term
    ['2025-02', '2025-01-16', true], // partial, same year
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(sameDocumentDates(date(a), date(b))).toBe(expected);
  });
});

describe('clusterByDate', () => {
  it('joins an undated occurrence to the only dated document', () => {
    expect(clusterByDate([item(null), item('2019-01-21')], true).clusters).toHaveLength(1);
  });

  it('uses the khóa to place an undated occurrence, else reports it', () => {
    const items = [item('2015-06-22', 'XI'), item('2021-03-01', 'XIII'), item(null, 'XIII'), item(null)];
    const result = clusterByDate(items, true);
    expect(result.clusters.map((c) => c.length)).toEqual([1, 2, 1]);
    expect(result.ambiguous).toEqual([items[3]]);
  });

  it('keeps numbers with a year as one document, and two plans apart', () => {
    const result = clusterByDate([item('2019-02-22', null, true), item('2020-01-01'), item('2019-02-22', null, true)], false);
    expect(result.clusters.map((c) => c.length)).toEqual([2, 1]);
    expect(result.duplicates).toHaveLength(1);
  });
});
