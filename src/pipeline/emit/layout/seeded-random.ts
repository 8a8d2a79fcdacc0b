/**
 * A seeded PRNG, and a way to run code that calls `Math.random` (fcose does) deterministically.
 */

/**
 * Mulberry32: a tiny 32-bit PRNG, good enough for layout jitter and fast.
 *
 * @param seed Any integer.
 * @returns A function returning floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Run `fn` with `Math.random` replaced by a seeded PRNG, then restore it.
 *
 * fcose draws its spectral samples and initial jitter from `Math.random`; replacing it for the
 * (synchronous) run makes the same graph always land on the same positions.
 *
 * @param seed PRNG seed.
 * @param fn Synchronous work.
 * @returns What `fn` returns.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
