/**
 * The page cache: a rebuild takes unchanged plan pages from the cache (same bytes as
 * emitting them), and emits a page again when its plan, its mentions' targets or the code
 * version change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/pipeline/cache.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { emitPageCached, emitPageJob, type PageJob } from '../../src/pipeline/page-cache.ts';
import { emitPlanPage } from '../../src/pipeline/emit/mdx.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import type { ParsedPlan, SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

function seedSources(edit = false): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name, index) => {
      const text = readFileSync(path.join(seeds, name), 'utf8');
      const edited = edit && index === 2 ? text.replace('Nơi nhận:', 'Một câu mới được thêm vào.\n\nNơi nhận:') : text;
      return decodeSource(new TextEncoder().encode(edited), name);
    });
}

/** Every file's content, read through (loading cached pages). */
function contents(files: readonly { path: string; content: string }[]): [string, string][] {
  return files.map((file) => [file.path, file.content]);
}

describe('page cache', () => {
  it('serves every page on a rebuild, byte-identical to a build without cache', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.kinds.get('page')).toMatchObject({ hits: 0, misses: 5 });
    const again = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.kinds.get('page')).toMatchObject({ hits: 5, misses: 5 });
    expect(contents(again.files)).toEqual(contents(buildCorpus(seedSources(), { codeVersion: 'v1' }).files));
  });

  it('emits the edited plan again, and only pages whose inputs changed', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    const edited = buildCorpus(seedSources(true), { cache, codeVersion: 'v1' });
    const stats = cache.kinds.get('page')!;
    expect(stats.misses).toBeGreaterThanOrEqual(6);
    expect(stats.hits).toBeGreaterThanOrEqual(1);
    expect(contents(edited.files)).toEqual(contents(buildCorpus(seedSources(true), { codeVersion: 'v1' }).files));
  });

  it('misses when the code version changes', () => {
    const cache = memoryCache();
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    buildCorpus(seedSources(), { cache, codeVersion: 'v2' });
    expect(cache.kinds.get('page')).toMatchObject({ hits: 0, misses: 10 });
  });

  it('misses when a mention target changes, and loads bodies only when asked', () => {
    const parsed = parsedPlan(seedSources()[0]!);
    const plan = { id: parsed.meta.id };
    const cache = memoryCache();
    // A plan page with no mentions, then with one link: different keys.
    const first = emitPageCached(parsed, plan.id, [], 'k', cache);
    expect(first.mdx()).toBe(emitPlanPage(parsed, plan.id, []).mdx);
    const mention = { start: 0, end: 3, anchor: 'trich-dan-1', target: 'x', title: 'X', label: '' };
    const pending: PageJob[] = [];
    const second = emitPageCached(parsed, plan.id, [mention], 'k', cache, pending);
    expect(cache.kinds.get('page')).toMatchObject({ hits: 0, misses: 2 });
    // Not made yet: handed out as a job (for a worker thread), made on first access here.
    expect(pending.map((job) => job.id)).toEqual([plan.id]);
    expect(cache.kinds.get('page-mdx')).toMatchObject({ hits: 0, misses: 1 });
    expect(second.mdx()).toBe(emitPlanPage(parsed, plan.id, [mention]).mdx);
    // Each file is made when asked for, on its own: the MDX made no HTML.
    expect([...cache.entries.keys()].filter((key) => key.startsWith('page-html/'))).toEqual([]);
    expect(second.html()).toBe(emitPlanPage(parsed, plan.id, [mention]).html);
    expect(cache.kinds.get('page-html')).toMatchObject({ hits: 0, misses: 1 });
    const hit = emitPageCached(parsed, plan.id, [mention], 'k', cache);
    expect(cache.kinds.get('page')).toMatchObject({ hits: 1, misses: 2 });
    expect(hit.html()).toBe(emitPlanPage(parsed, plan.id, [mention]).html);
    expect(cache.kinds.get('page-html')).toMatchObject({ hits: 1, misses: 1 });
  });
});

describe('pages made ahead by worker threads', () => {
  it('are the pages made on first access, byte for byte', () => {
    const cache = memoryCache();
    const built = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(built.pendingPages.length).toBe(5);
    for (const job of built.pendingPages) {
      emitPageJob(job, 'page-html', cache);
      emitPageJob(job, 'page-mdx', cache);
    }
    const ahead = contents(built.files);
    expect(ahead).toEqual(contents(buildCorpus(seedSources(), { codeVersion: 'v1' }).files));
    // Nothing made twice: every body came from the cache.
    expect(cache.kinds.get('page-html')).toMatchObject({ hits: 5, misses: 0 });
    expect(cache.kinds.get('page-mdx')).toMatchObject({ hits: 5, misses: 0 });
  });

  it('make the HTML without the MDX (the build makes the MDX later, beside Astro)', () => {
    const cache = memoryCache();
    const built = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    for (const job of built.pendingPages) emitPageJob(job, 'page-html', cache);
    const stored = (kind: string): number => [...cache.entries.keys()].filter((key) => key.startsWith(`${kind}/`)).length;
    expect(stored('page-html')).toBe(5);
    expect(stored('page-mdx')).toBe(0);
    // Read on first access, the HTML still makes no MDX; the MDX is then made once and stored.
    for (const file of built.files.filter((file) => file.path.endsWith('.html'))) void file.content;
    expect(stored('page-mdx')).toBe(0);
    const mdx = built.files.filter((file) => file.path.endsWith('.mdx')).map((file) => file.content);
    expect(stored('page-mdx')).toBe(5);
    expect(mdx).toEqual(
      buildCorpus(seedSources(), { codeVersion: 'v1' })
        .files.filter((file) => file.path.endsWith('.mdx'))
        .map((file) => file.content),
    );
  });
});

/** The parsed plan of one source, as the pipeline makes it. */
function parsedPlan(source: SourceText): ParsedPlan {
  return parse({ file: source.file, sha256: source.sha256, normalized: normalize(source.text!, source.file) });
}

describe('analysis cache', () => {
  it('reads body blocks only for pages emitted again, and rebuilds them when they are gone', () => {
    const cache = memoryCache();
    const clean = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.kinds.get('analysed-blocks')).toBeUndefined();
    // Without the page and block entries every page is emitted again from recomputed blocks.
    for (const key of [...cache.entries.keys()]) {
      if (key.startsWith('page') || key.startsWith('analysed-blocks/')) cache.entries.delete(key);
    }
    const rebuilt = buildCorpus(seedSources(), { cache, codeVersion: 'v1' });
    expect(cache.kinds.get('analysed-blocks')).toMatchObject({ hits: 0, misses: 5 });
    expect(contents(rebuilt.files)).toEqual(contents(clean.files));
  });
});
