import { describe, expect, it } from 'vitest';
import { CITING_SENTENCES_LIMIT, quotesCitingSentences, type CitingPlan } from '../../src/utils/document-view.ts';

const plans = (count: number): CitingPlan[] =>
  Array.from({ length: count }, (_, index) => ({
    node: { id: `ke-hoach-${index}`, label: `Kế hoạch ${index}`, subject: null },
    relations: ['can-cu'],
    mentions: [],
  }));

describe('quotesCitingSentences', () => {
  it('quotes every sentence up to the limit, only links above it', () => {
    expect(quotesCitingSentences(plans(1))).toBe(true);
    expect(quotesCitingSentences(plans(CITING_SENTENCES_LIMIT))).toBe(true);
    expect(quotesCitingSentences(plans(CITING_SENTENCES_LIMIT + 1))).toBe(false);
  });
});
