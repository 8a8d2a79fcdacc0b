import { describe, expect, it } from 'vitest';
import { isEmptyState, readState, writeState } from '../../src/client/search/url-state.ts';

describe('search state in the URL', () => {
  it('reads and writes the query and the filters that have a value', () => {
    const state = readState('?q=+21%2F2019+&type=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh&year=');
    expect(state).toEqual({ query: '21/2019', filters: { type: 'Nghị định' } });
    expect(readState(writeState(state))).toEqual(state);
  });

  it('is empty only with no query and no filter', () => {
    expect(isEmptyState(readState(''))).toBe(true);
    expect(isEmptyState(readState('?q=+&year='))).toBe(true);
    expect(isEmptyState(readState('?q=an+ninh'))).toBe(false);
    expect(isEmptyState(readState('?year=2024'))).toBe(false);
  });
});
