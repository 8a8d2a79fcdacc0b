/**
 * The pipeline's content-hash cache: a second run reads every plan from the cache, an edited
 * plan misses alone, and the output is byte-identical to a build without any cache.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentKey, diskCache, memoryCache, unseal } from '../../src/pipeline/cache.ts';
import { analyseIntoCache, analysisKeys, unanalysedSources } from '../../src/pipeline/analysis-cache.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { PRUNE_STAMP } from '../../src/fs/prune.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import type { SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

function seedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
}

/** Every file's content, read through (loading cached pages). */
function contents(files: readonly { path: string; content: string }[]): [string, string][] {
  return files.map((file) => [file.path, file.content]);
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
    expect(cache.stats).toMatchObject({ hits: 0, misses: 5 });
    const second = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.stats).toMatchObject({ hits: 5, misses: 5 });
    expect(second.files).toEqual(first.files);
    expect(first.files).toEqual(buildCorpus(seedSources(), { codeVersion: 'v1' }).files);
  });

  it('analyses only the edited plan again, with output identical to a clean build', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    const incremental = buildCorpus(editedSources(), { cache, codeVersion: 'v1' });
    expect(cache.stats).toMatchObject({ hits: 4, misses: 6 });
    expect(incremental.files).toEqual(buildCorpus(editedSources(), { codeVersion: 'v1' }).files);
    expect(incremental.files.some((file) => file.content.includes('Một câu mới được thêm vào.'))).toBe(true);
  });

  it('takes analyses made ahead (as the worker threads make them) and gives the same bytes', () => {
    const cache = memoryCache();
    const options = { cache, codeVersion: 'v1' };
    const sources = editedSources();
    expect(unanalysedSources(sources, options)).toHaveLength(5);
    // Two shares, as two threads would take them; then nothing is left to analyse.
    expect(
      analyseIntoCache(
        sources.filter((_, index) => index % 2 === 0),
        options,
      ),
    ).toBe(3);
    expect(unanalysedSources(sources, options).map((source) => source.file)).toEqual(
      sources.filter((_, index) => index % 2 === 1).map((source) => source.file),
    );
    analyseIntoCache(unanalysedSources(sources, options), options);
    expect(unanalysedSources(sources, options)).toEqual([]);
    const before = { ...cache.stats };
    const built = buildCorpus(sources, options);
    expect(cache.stats.hits - before.hits).toBe(5);
    expect(cache.stats.misses - before.misses).toBe(0);
    expect(built.files).toEqual(buildCorpus(editedSources(), { codeVersion: 'v1' }).files);
  });

  it("carries each source's analysis key from the first look-up to the build, hashing no text again", () => {
    const cache = memoryCache();
    const options = { cache, codeVersion: 'v1' };
    const sources = editedSources();
    const keys = analysisKeys(sources, options);
    expect([...keys.keys()]).toEqual(sources);
    expect(new Set(keys.values()).size).toBe(5);
    const missing = unanalysedSources(sources, options, keys);
    expect(missing).toHaveLength(5);
    expect(analyseIntoCache(missing, options, (source) => keys.get(source))).toBe(5);
    expect([...cache.entries.keys()].filter((name) => name.startsWith('analysed/')).sort()).toEqual(
      [...keys.values()].map((key) => `analysed/${key}`).sort(),
    );
    // (A memory cache has no `has`: the look-up above counted five misses.)
    expect(cache.stats).toMatchObject({ hits: 0, misses: 5 });
    const built = buildCorpus(sources, { ...options, analysisKeys: keys });
    expect(cache.stats).toMatchObject({ hits: 5, misses: 5 });
    expect(built.files).toEqual(buildCorpus(editedSources(), { codeVersion: 'v1' }).files);
    // The keys given are the ones used: other keys miss, and the analyses are stored under them.
    const other = new Map(sources.map((source, index) => [source, `other-${index}`]));
    const again = buildCorpus(sources, { ...options, analysisKeys: other });
    expect(cache.stats).toMatchObject({ hits: 5, misses: 10 });
    expect(cache.entries.has('analysed/other-0')).toBe(true);
    expect(again.files.map((file) => file.path)).toEqual(built.files.map((file) => file.path));
  });

  it('finds what a disk cache lacks by presence only: no entry read, the edited plan found', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-has-'));
    folders.push(dir);
    buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    const cache = diskCache(dir);
    const options = { cache, codeVersion: 'v1' };
    expect(unanalysedSources(seedSources(), options)).toEqual([]);
    const edited = editedSources();
    expect(unanalysedSources(edited, options).map((source) => source.file)).toEqual([edited[2]!.file]);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 0 });
    const built = buildCorpus(edited, options);
    expect(cache.stats).toMatchObject({ hits: 4, misses: 1 });
    expect(built.files).toEqual(buildCorpus(editedSources(), { codeVersion: 'v1' }).files);
  });

  it('misses everything when the code version changes', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    buildCorpus(seedSources(), { cache, codeVersion: 'v2' });
    expect(cache.stats).toMatchObject({ hits: 0, misses: 10 });
  });

  it('keeps entries on disk across cache objects', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-test-'));
    folders.push(dir);
    const clean = buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    const again = diskCache(dir);
    const cached = buildCorpus(seedSources(), { cache: again, codeVersion: 'v1' });
    expect(again.stats).toMatchObject({ hits: 5, misses: 0 });
    expect(cached.files).toEqual(clean.files);
  });

  it('reads no plan text or blocks on a rebuild, and keeps them when pruning after it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-test-'));
    folders.push(dir);
    const clean = contents(buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' }).files);
    const blocks = readdirSync(path.join(dir, 'analysed-blocks')).sort();
    const texts = readdirSync(path.join(dir, 'analysed-text')).sort();
    expect(blocks).toHaveLength(5);
    expect(texts).toHaveLength(5);
    // A rebuild takes every page from the page cache and each mention's sentence from the
    // analysis, so it never reads the blocks nor the text, and gives the same bytes.
    const again = diskCache(dir);
    const rebuilt = contents(buildCorpus(seedSources(), { cache: again, codeVersion: 'v1' }).files);
    expect(again.kinds.get('analysed-blocks')).toBeUndefined();
    expect(again.kinds.get('analysed-text')).toBeUndefined();
    expect(rebuilt).toEqual(clean);
    expect(rebuilt).toEqual(contents(buildCorpus(seedSources(), { codeVersion: 'v1' }).files));
    // The strictest rule: every entry this build did not use goes.
    again.prune({ maxAgeDays: 7, unusedPerUsed: 0, minUnused: 0 });
    expect(
      readdirSync(path.join(dir, 'analysed-blocks'))
        .filter((name) => name !== PRUNE_STAMP)
        .sort(),
    ).toEqual(blocks);
    expect(
      readdirSync(path.join(dir, 'analysed-text'))
        .filter((name) => name !== PRUNE_STAMP)
        .sort(),
    ).toEqual(texts);
  });

  it('computes the text and sentences again when the text entries were deleted by hand', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-test-'));
    folders.push(dir);
    buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    rmSync(path.join(dir, 'analysed-text'), { recursive: true });
    rmSync(path.join(dir, 'page'), { recursive: true });
    const rebuilt = contents(buildCorpus(editedSources(), { cache: diskCache(dir), codeVersion: 'v1' }).files);
    expect(rebuilt).toEqual(contents(buildCorpus(editedSources(), { codeVersion: 'v1' }).files));
  });

  it('treats truncated, emptied or hand-edited entries as misses, removes them, and rebuilds the same bytes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vbg-cache-corrupt-'));
    folders.push(dir);
    const clean = buildCorpus(seedSources(), { cache: diskCache(dir), codeVersion: 'v1' });
    // What a full disk or a crash outside the build leaves: every kind of entry damaged.
    const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(dir, name))
      .filter((file) => file.endsWith('.json'))
      .sort();
    expect(entries.length).toBeGreaterThan(10);
    const damaged = entries.filter((_, index) => index % 3 === 0);
    damaged.forEach((file, index) => {
      const text = readFileSync(file, 'utf8');
      if (index % 3 === 0) writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      else if (index % 3 === 1) writeFileSync(file, '');
      else
        writeFileSync(
          file,
          text.replace(/.$/su, (last) => (last === 'x' ? 'y' : 'x')),
        );
    });
    const again = diskCache(dir);
    const rebuilt = buildCorpus(seedSources(), { cache: again, codeVersion: 'v1' });
    expect(rebuilt.files).toEqual(clean.files);
    expect(again.stats.corrupt).toHaveLength(damaged.length);
    // Each damaged entry was removed, and rewritten whole where the build needed it again.
    for (const file of damaged) if (existsSync(file)) expect(unseal(readFileSync(file, 'utf8'))).toBeDefined();
    // Rewritten whole: a third build finds nothing corrupt.
    const third = diskCache(dir);
    expect(buildCorpus(seedSources(), { cache: third, codeVersion: 'v1' }).files).toEqual(clean.files);
    expect(third.stats.corrupt).toEqual([]);
  });

  it('keys by every part, unambiguously', () => {
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
    expect(contentKey('a')).toBe(contentKey('a'));
  });
});
