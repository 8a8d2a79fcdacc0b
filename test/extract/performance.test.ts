/**
 * No catastrophic backtracking: adversarial and large inputs extract in bounded time.
 *
 * The bounds are relative to work timed in the same run (so a loaded machine slows both
 * sides alike): an adversarial text against real text of the same length, and 5 MB of real
 * text against a tenth of it (extraction must stay linear). A blow-up costs thousands of
 * times the yardstick; the factors leave room for noise. The throughput target (≥ 20 MB/s)
 * is a benchmark, not a test: `npm run bench` (README, "Performance").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';

/** The best of `runs` timings of `run` (ms), after one warm-up run. */
function best(run: () => void, runs = 3): number {
  run();
  let fastest = Infinity;
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const seed = readFileSync(new URL('../../content/sources/000_f97b9327d3f16c43.txt', import.meta.url), 'utf8')
  .normalize('NFC')
  .replace(/\r\n?/g, '\n');

/** Real text (a seed plan repeated) of `length` characters. */
const realText = (length: number): string => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/** Adversarial text may cost up to this many times real text of its length (measured: at most ~25). */
const FACTOR = 100;

/**
 * Assert `text` extracts within FACTOR × the time of real text of its length, timed now.
 *
 * @param text Adversarial input.
 */
function expectBounded(text: string): void {
  const yardstick = best(() => extract(realText(text.length)));
  const ms = best(() => extract(text), 1);
  expect(ms, `${Math.round(ms)} ms against ${yardstick.toFixed(1)} ms for real text of the same length`).toBeLessThan(
    100 + FACTOR * yardstick,
  );
}

describe('extract performance', () => {
  it('handles 100 KB of "Nghị định số 1/1/1/1/…" in time proportional to real text', () => {
    expectBounded('Nghị định số ' + '1/'.repeat(50_000) + 'NĐ-CP');
  });

  it('handles 100 KB of repeated type words, dashes and commas in time proportional to real text', () => {
    expectBounded('Luật Đất đai, '.repeat(3_000) + 'số 1, 2, 3, '.repeat(3_000) + '1-'.repeat(10_000));
  });

  it('extracts 5 MB of real text in time linear in its size', () => {
    const text = realText(5_000_000);
    const tenth = realText(500_000);
    const small = best(() => extract(tenth), 2);
    let count = 0;
    const start = performance.now();
    count = extract(text).length;
    const elapsed = performance.now() - start;
    expect(count).toBeGreaterThan(1_000);
    // Print the throughput so a run shows where it stands (the target is a benchmark's).
    console.log(`extract throughput: ${(Buffer.byteLength(text) / 1e6 / (elapsed / 1000)).toFixed(1)} MB/s`);
    // Ten times the text: linear is 10 × the tenth; a quadratic step would be 100 ×.
    expect(elapsed, `5 MB: ${Math.round(elapsed)} ms; 500 KB: ${Math.round(small)} ms`).toBeLessThan(200 + 30 * small);
  });
});
