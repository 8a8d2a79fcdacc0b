/**
 * Seeded pseudo-random numbers for the synthetic corpus: the same seed gives the same
 * sequence on every machine, so a corpus is reproducible from `--count` and `--seed`.
 */
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';

/** A deterministic source of randomness with the few draws the generator needs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A new list: `items` in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * mulberry32: tiny, fast and good enough for test data (not for anything secret).
 *
 * @param seed Any integer; strings can be hashed with `hashSeed` first.
 * @returns A seeded generator.
 */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: danh sách rỗng');
    return items[int(0, items.length - 1)]!;
  };
  return {
    next,
    int,
    pick,
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let target = next() * total;
      for (const item of items) {
        target -= weight(item);
        if (target < 0) return item;
      }
      return pick(items);
    },
    chance: (p: number) => next() < p,
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = int(0, index);
        [copy[index], copy[other]] = [copy[other]!, copy[index]!];
      }
      return copy;
    },
  };
}

/**
 * A 32-bit seed from any string (FNV-1a), to derive independent sub-streams
 * ("province:Tây Ninh") from one corpus seed.
 *
 * @param text Text to hash.
 * @returns Unsigned 32-bit integer.
 */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
