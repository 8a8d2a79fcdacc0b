/** Bounded time: no regex may backtrack badly on long lines or large files. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

const seeds = join(import.meta.dirname, '../../content/sources');
const corpus = readdirSync(seeds)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => readFileSync(join(seeds, file), 'utf8'))
  .join('\n\n');

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('normalize performance', () => {
  it('reads and normalizes 5 MB of seed text in under 3 s', () => {
    const big = corpus.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(corpus)));
    const bytes = Buffer.from(big, 'utf8');
    expect(bytes.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    const { result, ms } = timed(() => normalize(decodeSource(bytes, 'big.txt').text ?? '', 'big.txt'));
    expect(result.text.length).toBeGreaterThan(4_000_000);
    expect(ms).toBeLessThan(3000);
  });

  it('handles a 100k-character line, asterisk runs and space runs in well under a second', () => {
    const line = 'Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ '.repeat(1600).slice(0, 100_000);
    const hostile = [
      line,
      '*'.repeat(50_000),
      `${'* a '.repeat(20_000)}`,
      `${' '.repeat(50_000)}x`,
      `${'-'.repeat(50_000)}`,
      `${'1.'.repeat(30_000)} `,
      `${'a '.repeat(30_000)}\n\n${'b '.repeat(30_000)}`,
    ].join('\n');
    const { result, ms } = timed(() => normalize(hostile, 'x.txt'));
    expect(result.text).not.toContain('*');
    expect(ms).toBeLessThan(1000);
  });

  it('stays linear when 50 000 hard-wrapped lines join into one block', () => {
    const wrapped = Array.from({ length: 50_000 }, (_, index) => `dòng thứ ${index} của cùng một đoạn văn`).join('\n');
    const { result, ms } = timed(() => normalize(wrapped, 'x.txt'));
    expect(result.text).not.toContain('\n');
    expect(ms).toBeLessThan(2000);
  });
});
