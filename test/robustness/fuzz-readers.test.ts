/**
 * The readers on mutated real files (scripts/fuzz-readers.ts: bytes flipped, files cut short,
 * blocks duplicated, zip entries damaged, PDF references pointed elsewhere): every case ends,
 * within a bound per MB, under a heap limit, with text or an error naming the file; the
 * reader never throws. The bound is the PDF reader's own (it stops pdfjs after 60 s) plus a
 * margin for a loaded machine. Seeded: the same cases every run. `npx tsx scripts/fuzz-readers.ts
 * --cases 300` runs many more and prints the figures.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzCases, realFiles, runCases, summarize } from '../../scripts/fuzz-readers.ts';

const FILES = path.resolve(import.meta.dirname, '../../../shared/corpus/files');

describe('fuzzed readers', () => {
  it('read 36 mutated Word and PDF files without a crash, a hang or a nameless error', async () => {
    // Files up to 800 KB (the big scans only add time: OCR is off here, they are reported).
    const cases = fuzzCases(realFiles(FILES, 800_000), 18, 36);
    expect(new Set(cases.map((entry) => entry.name.split('#')[1]!.replace(/\(.*/u, ''))).size).toBeGreaterThanOrEqual(5);
    const outcomes = await runCases(cases, { limitMs: 90_000, limitMsPerMb: 10_000, heapMb: 1024 });
    const bad = outcomes.filter((outcome) => outcome.result === 'crash' || outcome.result === 'hang' || outcome.result === 'oom');
    expect(bad.map((outcome) => `${outcome.name}: ${outcome.result} ${outcome.message}`)).toEqual([]);
    const nameless = outcomes.filter((outcome) => outcome.result === 'error' && !outcome.namesFile);
    expect(nameless.map((outcome) => `${outcome.name}: ${outcome.message}`)).toEqual([]);
    expect(outcomes).toHaveLength(36);
    console.log(summarize(outcomes).join('\n'));
  }, 600_000);
});
