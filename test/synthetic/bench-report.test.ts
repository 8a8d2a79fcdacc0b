/**
 * The benchmark's pure pieces: medians, the Pagefind share read from Astro's log, the table.
 */
import { describe, expect, it } from 'vitest';
import { median, medianRecord, toMarkdown, type SizeResult } from '../../scripts/bench/report.ts';
import { pagefindTime } from '../../scripts/bench/site-build.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes medians field by field, null when a run has none', () => {
    expect(
      medianRecord([
        { a: 1, b: null },
        { a: 5, b: 2 },
        { a: 3, b: 1 },
      ]),
    ).toEqual({ a: 3, b: null });
  });
});

describe('pagefindTime', () => {
  it('is the time between the last step and the stats Astro prints after its hooks', () => {
    const lines = [
      { at: 1000, text: '12:00:01 ✓ Completed in 900ms.' },
      { at: 5000, text: '12:00:05 ✓ Completed in 3.9s.' },
      { at: 6500, text: '12:00:06 [van-ban-pagefind] Pagefind: 10 trang' },
      { at: 6600, text: '12:00:06 [build] 12 page(s) built in 6.50s' },
    ];
    expect(pagefindTime({ lines })).toBe(1600);
  });

  it('is the time the Pagefind integration reports, when it does', () => {
    const lines = [
      { at: 5000, text: '12:00:05 ✓ Completed in 3.9s.' },
      { at: 9000, text: '12:00:09 [van-ban-pagefind] Pagefind: 10 trang, 5 chữ đ, 3 dẫn chiếu, 2 số hiệu, trong 2.5 s.' },
      { at: 9100, text: '12:00:09 [build] 12 page(s) built in 9.10s' },
    ];
    expect(pagefindTime({ lines })).toBe(2500);
  });

  it('is null when the log does not show it', () => {
    expect(pagefindTime({ lines: [{ at: 1, text: 'no stats' }] })).toBeNull();
  });
});

describe('toMarkdown', () => {
  it('prints one column per size and a dash for what was not measured', () => {
    const result: SizeResult = {
      documents: 20,
      runs: 1,
      ingest: {
        documents: 20,
        bytes: 500_000,
        read: 10,
        normalizeParse: 40,
        extract: 50,
        ingest: 100,
        buildCorpus: 700,
        mentions: 400,
        graphJsonBytes: 1000,
        nodes: 100,
        edges: 300,
      },
      build: null,
      incremental: null,
      added: null,
      standard: null,
      site: null,
      graphJsonBytes: 1000,
    };
    const table = toMarkdown([result], ['note']);
    expect(table).toContain('| Measure | N = 20 |');
    expect(table).toContain('| Ingest + extract: documents/s | 200 |');
    expect(table).toContain('| Full build (s) | – |');
    expect(table).toContain('| Rebuild after adding one plan (s) | – |');
    expect(table).toContain('| Baseline: standard Astro route (glob + MDX) + Pagefind CLI, clean (s) | – |');
    expect(table).toContain('|   search index parts reused | – |');
    expect(table).toContain('- note');
  });

  it('prints the CPU time of both build steps beside the wall times', () => {
    const build = {
      pipeline: 2000,
      astro: 5000,
      pagefind: 3000,
      shards: 8,
      reusedShards: 7,
      total: 10_000,
      cpuPipeline: 1500,
      cpuAstro: 9250,
      peakRssPipeline: null,
      peakRssAstro: null,
    };
    const result = {
      documents: 20,
      runs: 1,
      ingest: { documents: 20, bytes: 1, read: 1, normalizeParse: 1, extract: 1, ingest: 1, buildCorpus: 1, mentions: 1 },
      build,
      incremental: { ...build, cpuAstro: null },
      added: { ...build, total: 12_500 },
      standard: { astro: 4000, pagefind: 1000, total: 5000, cpu: 6200, peakRss: null },
      site: null,
      graphJsonBytes: null,
    } as unknown as SizeResult;
    const table = toMarkdown([result], []);
    expect(table).toContain('|   CPU time, pipeline / Astro + Pagefind (s) | 1.50 / 9.25 |');
    expect(table).toContain('|   CPU time, pipeline / Astro + Pagefind (s) | 1.50 / – |');
    expect(table).toContain('|   CPU time (s) | 6.20 |');
    expect(table).toContain('|   search index parts reused | 7 of 8 |');
    expect(table).toContain('| Rebuild after adding one plan (s) | 12.50 |');
  });
});
