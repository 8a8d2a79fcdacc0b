/**
 * `memoize`: the same answers as the function, computed once per input, and a bounded table.
 */
import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/pipeline/memo.ts';
import { sentenceAround } from '../../src/pipeline/resolve/sentence.ts';

describe('memoize', () => {
  it('computes each input once, including undefined and null results', () => {
    const calls: string[] = [];
    const fn = memoize((input: string) => {
      calls.push(input);
      return input === 'none' ? null : input.length;
    });
    expect([fn('abc'), fn('abc'), fn('none'), fn('none')]).toEqual([3, 3, null, null]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('starts over when the table is full, still answering correctly', () => {
    let calls = 0;
    const fn = memoize((input: string) => (calls++, input.toUpperCase()), 2);
    expect([fn('a'), fn('b'), fn('c'), fn('a')]).toEqual(['A', 'B', 'C', 'A']);
    expect(calls).toBe(4);
  });
});

describe('sentenceAround', () => {
  it('stops at sentence ends followed by any white space, as the regex \\s has it', () => {
    const text = 'Một.\u00a0Hai; ba Nghị định 21 bốn.\u3000Năm';
    const start = text.indexOf('Nghị');
    expect(sentenceAround(text, start, start + 12)).toBe('ba Nghị định 21 bốn.');
    expect(sentenceAround('- Căn cứ Luật A.', 2, 7)).toBe('Căn cứ Luật A.');
    expect(sentenceAround('x\nCăn cứ A', 2, 5)).toBe('Căn cứ A');
  });
});
