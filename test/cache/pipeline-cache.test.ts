/**
 * The pipeline's content-hash cache: a second run reads every plan from the cache, an edited
 * plan misses alone, and the output is byte-identical to a build without any cache.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentKey, diskCache, memoryCache } from '../../src/pipeline/cache.ts';
import { analyseIntoCache, buildCorpus, unanalysedSources } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import type { SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

function seedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
}

/** The seeds with one sentence added to the third plan. */
function editedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name, index) => {
      const text = readFileSync(path.join(seeds, name), 'utf8');
      const edited = index === 2 ? text.replace('Nơi nhận:', 'Một câu mới được thêm vào.\n\nNơi nhận:') : text;
      return decodeSource(new TextEncoder().encode(edited), name);
    });
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('pipeline cache', () => {
  it('reuses every plan on a second run and gives the same bytes as no cache', () => {
    const cache = memoryCache();
    const first = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.stats).toEqual({ hits: 0, misses: 5 });
    const second = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.stats).toEqual({ hits: 5, misses: 5 });
    expect(second.files).toEqual(first.files);
    expect(first.files).toEqual(buildCorpus(seedSources()).files);
  });

  it('analyses only the edited plan again, with output identical to a clean build', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    const incremental = buildCorpus(editedSources(), { cache, codeVersion: 'v1' });
    expect(cache.stats).toEqual({ hits: 4, misses: 6 });
    expect(incremental.files).toEqual(buildCorpus(editedSources()).files);
    expect(incremental.files.some((file) => file.content.includes('Một câu mới được thêm vào.'))).toBe(true);
  });

  it('takes analyses made ahead (as the worker threads make them) and gives the same bytes', () => {
    const cache = memoryCache();
    const options = { cache, codeVersion: 'v1' };
    const sources = editedSources();
    expect(unanalysedSources(sources, options)).toHaveLength(5);
    // Two shares, as two threads would take them; then nothing is left to analyse.
    expect(analyseIntoCache(sources.filter((_, index) => index % 2 === 0), options)).toBe(3);
    expect(unanalysedSources(sources, options).map((source) => source.file)).toEqual(
      sources.filter((_, index) => index % 2 === 1).map((source) => source.file),
    );
    analyseIntoCache(unanalysedSources(sources, options), options);
    expect(unanalysedSources(sources, options)).toEqual([]);
    const before = { ...cache.stats };
    const built = buildCorpus(sources, options);
    expect(cache.stats.hits - before.hits).toBe(5);
    expect(cache.stats.misses - before.misses).toBe(0);
    expect(built.files).toEqual(buildCorpus(editedSources()).files);
  });

  it('misses everything when the code version changes', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    buildCorpus(seedSources(), { cache, codeVersion: 'v2' });
    expect(cache.stats).toEqual({ hits: 0, misses: 10 });
  });

  it('keeps entries on disk across cache objects', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-test-'));
    folders.push(dir);
    const clean = buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    const again = diskCache(dir);
    const cached = buildCorpus(seedSources(), { cache: again, codeVersion: 'v1' });
    expect(again.stats).toEqual({ hits: 5, misses: 0 });
    expect(cached.files).toEqual(clean.files);
  });

  it('keys by every part, unambiguously', () => {
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
    expect(contentKey('a')).toBe(contentKey('a'));
  });
});
