/**
 * normalize → parse → extract on random and hostile text: no throw, no hang (a generous
 * bound per megabyte), and well-formed output. Each stage is also fed the raw input
 * directly, so a later stage meets what an earlier one would have cleaned.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { hostileCases, randomText } from './hostile-text.ts';
import { mentionProblems, normalizedProblems, parsedProblems } from './well-formed.ts';

/** Time allowed: 5 s per MB of input (UTF-16 units), never less than 2 s. No hang, not a benchmark. */
function budget(text: string): number {
  return Math.max(2000, (text.length / 1e6) * 5000);
}

/** Run `work`, failing when it takes longer than the budget for `text`. */
function within<T>(text: string, stage: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  expect(ms, `${stage} took ${Math.round(ms)} ms on ${text.length} chars`).toBeLessThan(budget(text));
  return result;
}

describe.each(hostileCases(100_000))('hostile input: $name', ({ name, text }) => {
  it('goes through normalize, parse and extract', () => {
    const normalized = within(text, 'normalize', () => normalize(text, `${name}.txt`));
    expect(normalizedProblems(normalized)).toEqual([]);
    const plan = within(normalized.text, 'parse', () => parse({ file: `${name}.txt`, sha256: '0'.repeat(64), normalized }));
    expect(plan.text).toBe(normalized.text);
    expect(parsedProblems(plan)).toEqual([]);
    const mentions = within(plan.text, 'extract', () => extract(plan.text, { ownNumber: plan.meta.number }));
    expect(mentionProblems(plan.text, mentions)).toEqual([]);
  });

  it('goes through parse and extract without normalize', () => {
    const plan = within(text, 'parse', () =>
      parse({ file: `${name}.txt`, sha256: '0'.repeat(64), normalized: { text, emphasis: [], messages: [] } }),
    );
    expect(parsedProblems(plan)).toEqual([]);
    const mentions = within(text, 'extract', () => extract(text));
    expect(mentionProblems(text, mentions)).toEqual([]);
  });
});

describe('fuzz: many small random texts', () => {
  it('never throws and stays well-formed', () => {
    for (let seed = 0; seed < 300; seed += 1) {
      const text = randomText(seed, 50 + ((seed * 37) % 3000));
      const normalized = normalize(text, `fuzz-${seed}.txt`);
      const plan = parse({ file: `fuzz-${seed}.txt`, sha256: '0'.repeat(64), normalized });
      const mentions = extract(plan.text, { ownNumber: plan.meta.number });
      const problems = [...normalizedProblems(normalized), ...parsedProblems(plan), ...mentionProblems(plan.text, mentions)];
      expect(problems, `seed ${seed}`).toEqual([]);
    }
  });

  it('is deterministic', () => {
    const text = randomText(7, 20_000);
    const once = extract(normalize(text, 'a.txt').text);
    expect(extract(normalize(text, 'a.txt').text)).toEqual(once);
  });
});
