/**
 * The build survives faults and loses nothing (fault-harness.ts): on a small synthetic corpus,
 * a build is killed (SIGKILL to its process group) at a random moment — once from empty
 * caches, once incrementally — and files of every store are damaged (the pipeline cache, the
 * page store, Astro's cache, the generated dir); after each kill the site being served is
 * still the last complete build, and the rebuild, without cleaning, equals a clean build byte
 * for byte, leaving no staging folder, lock or temporary file behind.
 *
 * Seeded (kill times and damage); `VBG_FAULT_ROUNDS=N` runs more rounds, and
 * `npx tsx test/robustness/fault-harness.ts --rounds N` prints the figures.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';
import { ROOT, build, faultRound, makeWorld, treeDigest } from './fault-harness.ts';

const ROUNDS = Number(process.env['VBG_FAULT_ROUNDS'] ?? '2');

describe('faults during a build', () => {
  it(`survives ${ROUNDS} builds killed at random moments and damaged caches: the rebuild equals a clean build`, async () => {
    const next = mulberry32(20261207);
    const world = await makeWorld(path.join(ROOT, 'dist-test/faults'), 3, 5);
    const clean = await build(world);
    expect(clean.code, clean.output.slice(-2000)).toBe(0);
    const reference = treeDigest(world.out);
    expect(reference.size).toBeGreaterThan(50);
    let warmMs = clean.ms;
    for (let round = 0; round < ROUNDS; round++) {
      const cold = round % 2 === 0;
      const killAfter = Math.round(300 + next() * 0.9 * (cold ? clean.ms : warmMs));
      const outcome = await faultRound(world, reference, next, killAfter, 4 + Math.floor(next() * 3), cold);
      warmMs = outcome.rebuildMs;
      const context = `round ${round + 1}: kill at ${killAfter} ms, damaged ${outcome.damaged.join('; ')}\n${outcome.output.slice(-2000)}`;
      expect(outcome.siteWholeAfterKill, context).toBe(true);
      expect(outcome.rebuildCode, context).toBe(0);
      expect(outcome.diff, context).toEqual([]);
      expect(outcome.leftovers, context).toEqual([]);
    }
  }, 1_800_000);
});
