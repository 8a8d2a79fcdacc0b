/**
 * A UTF-8 text cut short inside its last character (a copy or a write cut off by a crash or a
 * full disk) is read as UTF-8 with a warning naming the file, never rejected as a legacy
 * encoding: before, a seed plan cut so was refused as "TCVN3 that cannot be converted"
 * (the whole document lost), and a 4 MB one took 35 s to be refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/pipeline/read.ts';

const seed = readFileSync(path.join(import.meta.dirname, '../../content/sources/000_f97b9327d3f16c43.txt'));

/** `bytes` cut after the first `keep` bytes of the last character of `length` bytes starting before `end`. */
function cutInside(bytes: Buffer, end: number, length: 2 | 3, keep: number): Buffer {
  let at = end;
  // The lead byte of a character of `length` bytes.
  while (!(length === 2 ? bytes[at]! >= 0xc2 && bytes[at]! <= 0xdf : bytes[at]! >= 0xe0 && bytes[at]! <= 0xef)) at -= 1;
  return bytes.subarray(0, at + keep);
}

describe('UTF-8 cut short', () => {
  it.each([
    [2, 1],
    [3, 1],
    [3, 2],
  ] as const)('reads a plan cut inside a %i-byte character after %i byte(s), with a warning naming the file', (length, keep) => {
    const cut = cutInside(seed, seed.length - 10, length, keep);
    const source = decodeSource(cut, 'cat-ngan.txt');
    expect(source.encoding).toBe('utf-8');
    expect(source.text).toBe(cut.subarray(0, cut.length - keep).toString('utf8'));
    expect(source.messages).toEqual([expect.objectContaining({ level: 'warning', code: 'utf8-cut-short' })]);
    expect(source.messages[0]!.message).toContain('cat-ngan.txt');
  });

  it('reads a 4 MB text cut so as UTF-8, not through the legacy-encoding detectors', () => {
    const big = Buffer.concat(Array.from({ length: Math.ceil((4 * 1024 * 1024) / seed.length) }, () => seed));
    const cut = cutInside(big, big.length - 10, 3, 1);
    const source = decodeSource(cut, 'lon.txt');
    expect(source.encoding).toBe('utf-8');
    expect(source.text?.length).toBe(cut.subarray(0, cut.length - 1).toString('utf8').length);
  });

  it('still treats a bad byte inside the text as not UTF-8', () => {
    const damaged = Buffer.from(seed);
    damaged[Math.floor(damaged.length / 2)] = 0xff;
    const source = decodeSource(damaged, 'hong.txt');
    expect(source.messages.some((message) => message.code === 'utf8-cut-short')).toBe(false);
  });

  it('leaves a complete file alone', () => {
    const source = decodeSource(seed, 'du.txt');
    expect(source.encoding).toBe('utf-8');
    expect(source.messages).toEqual([]);
  });
});
