/**
 * normalize → parse → extract on random and hostile text: no throw, no hang (a bound
 * relative to real text timed in the same run), and well-formed output. Each stage is also fed the raw input
 * directly, so a later stage meets what an earlier one would have cleaned.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { hostileCases, randomText } from './hostile-text.ts';
import { mentionProblems, normalizedProblems, parsedProblems } from './well-formed.ts';

type Stage = 'normalize' | 'parse' | 'extract';

/**
 * The yardstick, timed in this run on this machine: each stage's time per character on real
 * text (a seed plan repeated to 100,000 characters; the best of three runs after a warm-up).
 * A load that slows the hostile cases slows it alike, so the bound below holds on a busy
 * machine and still catches a hang or a super-linear blow-up (catastrophic backtracking on
 * 100,000 characters costs thousands of times the yardstick, not tens).
 */
const yardstick: Record<Stage, number> = { normalize: 0, parse: 0, extract: 0 };

beforeAll(() => {
  const seed = readFileSync(path.join(import.meta.dirname, '../../content/sources/000_f97b9327d3f16c43.txt'), 'utf8');
  const real = seed.repeat(Math.ceil(100_000 / seed.length)).slice(0, 100_000);
  const runs: Record<Stage, () => unknown> = {
    normalize: () => normalize(real, 'yardstick.txt'),
    parse: () => parse({ file: 'yardstick.txt', sha256: '0'.repeat(64), normalized: { text: real, emphasis: [], messages: [] } }),
    extract: () => extract(real),
  };
  for (const stage of Object.keys(runs) as Stage[]) {
    runs[stage]();
    let best = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      runs[stage]();
      best = Math.min(best, performance.now() - started);
    }
    yardstick[stage] = best / real.length;
  }
});

/** Hostile text may cost up to this many times real text of its length (measured: at most ~6). */
const FACTOR = 100;

/** Time allowed for `stage` on `text`: FACTOR × the yardstick's time for its length, plus 100 ms of timer noise. */
function budget(text: string, stage: Stage): number {
  return 100 + FACTOR * yardstick[stage] * Math.max(text.length, 10_000);
}

/** Run `work`, failing when it takes longer than the budget for `text`. */
function within<T>(text: string, stage: Stage, work: () => T): T {
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const allowed = budget(text, stage);
  expect(ms, `${stage} took ${Math.round(ms)} ms on ${text.length} chars (allowed ${Math.round(allowed)} ms)`).toBeLessThan(
    allowed,
  );
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
