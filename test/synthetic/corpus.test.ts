/**
 * The synthetic corpus: reproducible from count and seed, and made of plans the real
 * pipeline reads as plans (number, issuer, date, about twenty citations), some citing others.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeeds, writeSyntheticCorpus } from '../../scripts/make-synthetic-corpus.ts';
import { generateCorpus, type SyntheticFile } from '../../scripts/synthetic/corpus.ts';
import type { SeedText } from '../../scripts/synthetic/seed-material.ts';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

let seeds: SeedText[];
let corpus: SyntheticFile[];
const temp: string[] = [];

beforeAll(async () => {
  seeds = await readSeeds('content/sources');
  corpus = generateCorpus({ count: 12, seed: 42, seeds });
});

afterAll(async () => {
  await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the tests. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vbg-synthetic-'));
  temp.push(dir);
  return dir;
}

describe('generateCorpus', () => {
  it('gives byte-identical files for the same count and seed', () => {
    const again = generateCorpus({ count: 12, seed: 42, seeds: [...seeds].reverse() });
    expect(again.map((file) => [file.name, file.content])).toEqual(corpus.map((file) => [file.name, file.content]));
  });

  it('gives other files for another seed', () => {
    const other = generateCorpus({ count: 12, seed: 43, seeds });
    expect(other.map((file) => file.name)).not.toEqual(corpus.map((file) => file.name));
  });

  it('writes the requested count, named like the exports, about 25 KB each', () => {
    expect(corpus).toHaveLength(12);
    for (const file of corpus) {
      expect(file.name).toMatch(/^\d{5}_[0-9a-f]{16}\.txt$/);
      const bytes = Buffer.byteLength(file.content);
      expect(bytes).toBeGreaterThan(15_000);
      expect(bytes).toBeLessThan(40_000);
    }
    expect(new Set(corpus.map((file) => `${file.plan.issuer} ${file.plan.number} ${file.plan.iso.slice(0, 4)}`)).size).toBe(12);
  });

  it('makes plans that parse with their real metadata and about twenty citations', () => {
    for (const file of corpus) {
      const plan = parse({ file: file.name, sha256: '0'.repeat(64), normalized: normalize(file.content, file.name) });
      expect(plan.messages).toEqual([]);
      expect(plan.meta.type).toBe('Kế hoạch');
      expect(plan.meta.number).toBe(file.plan.number);
      expect(plan.meta.issuer).toBe(file.plan.issuer);
      expect(plan.meta.date?.iso).toBe(file.plan.iso);
      expect(plan.meta.signer?.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
      expect(plan.blocks.filter((block) => block.kind === 'heading' && block.level === 1).length).toBeGreaterThanOrEqual(3);
      const mentions = extract(plan.text, { ownNumber: plan.meta.number });
      const cited = groupCitations(mentions).length;
      expect(mentions.length).toBeGreaterThanOrEqual(file.plan.citations * 0.7);
      expect(cited).toBeGreaterThanOrEqual(5);
      expect(cited).toBeLessThanOrEqual(60);
    }
  });

  it('builds a graph with hubs and links between generated plans', () => {
    const sources = corpus.map((file) => decodeSource(new TextEncoder().encode(file.content), file.name));
    const built = buildCorpus(sources);
    expect(built.report.files.every((entry) => entry.status === 'built')).toBe(true);
    const plans = new Set(built.report.files.map((entry) => entry.id));
    const inCorpus = built.graph.edges.filter((edge) => plans.has(edge.target));
    expect(inCorpus.length).toBeGreaterThan(0);
    const citing = new Map<string, Set<string>>();
    for (const edge of built.graph.edges) citing.set(edge.target, (citing.get(edge.target) ?? new Set()).add(edge.source));
    const hub = Math.max(...[...citing.values()].map((sources) => sources.size));
    expect(hub).toBeGreaterThanOrEqual(6);
  });
});

describe('make-synthetic-corpus', () => {
  it('writes the same bytes twice', async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    await writeSyntheticCorpus({ count: 5, seed: 3, out: first });
    await writeSyntheticCorpus({ count: 5, seed: 3, out: second });
    const names = (await readdir(first)).sort();
    expect(names).toHaveLength(5);
    expect((await readdir(second)).sort()).toEqual(names);
    for (const name of names) {
      expect((await readFile(path.join(second, name))).equals(await readFile(path.join(first, name)))).toBe(true);
    }
  });
});
