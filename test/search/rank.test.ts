import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../src/client/search/pagefind-api.ts';
import { numberFirst } from '../../src/client/search/rank.ts';

/** Results as Pagefind ranked them for "nghi dinh 21" on the seed site, before the fix. */
function result(id: string, score: number): PageResult {
  return { id, score, words: [], data: async () => ({}) as never } as unknown as PageResult;
}
const decree = result('nd-21', 3.1);
const askingPlan = result('kh-31', 2.9); // says "đề nghị", cites no decree 21
const otherPlan = result('kh-860', 2.5);
const citingPlan = result('kh-1062', 2.2); // cites Nghị định 21/2019/NĐ-CP twice
const pagefindOrder = [decree, askingPlan, otherPlan, citingPlan];

describe('numberFirst', () => {
  it('puts the named document first and the plans citing it right after', () => {
    const ranked = numberFirst(pagefindOrder, new Set(['nd-21']), new Set(['kh-1062']));
    expect(ranked.map((r) => r.id)).toEqual(['nd-21', 'kh-1062', 'kh-31', 'kh-860']);
  });

  it('moves the document up even when Pagefind ranked it low', () => {
    const ranked = numberFirst([askingPlan, citingPlan, decree], new Set(['nd-21']), new Set(['kh-1062']));
    expect(ranked.map((r) => r.id)).toEqual(['nd-21', 'kh-1062', 'kh-31']);
  });

  it('keeps Pagefind’s order within each group and brings back nothing the search left out', () => {
    const ranked = numberFirst([askingPlan, otherPlan], new Set(['nd-21']), new Set(['kh-1062', 'kh-860']));
    expect(ranked.map((r) => r.id)).toEqual(['kh-860', 'kh-31']);
  });

  it('changes nothing for a query that names no document', () => {
    expect(numberFirst(pagefindOrder, new Set(), new Set())).toEqual(pagefindOrder);
  });
});
