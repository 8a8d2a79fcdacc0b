/**
 * Precision and recall of distinct cited documents over the hand-checked dev corpus
 * (`../shared/corpus/dev`, beside the project as in CI), scored like
 * `shared/tools/score-citations.py`. The bar: 0.97 for both.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printScore, scoreGoldFolder } from './gold-scoring.ts';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');

describe('dev corpus gold', () => {
  it('reaches precision and recall of 0.97', () => {
    // The dev corpus is part of how the project is measured: missing it is a failure, not a skip.
    expect(existsSync(DEV), `dev corpus not found at ${DEV} (shared/ must sit beside the project)`).toBe(true);
    const score = scoreGoldFolder(DEV);
    printScore('dev', score);
    expect(score.tp).toBeGreaterThan(150);
    expect(score.precision).toBeGreaterThanOrEqual(0.97);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });
});
