/**
 * The foundation issue's bad documents, built among the seeds the way `npm run pipeline`
 * does: a text with no recognizable header, a header-only document and a 5 MB document each
 * get a message naming the file (or build normally), and the other documents still build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model.ts';
import { buildCorpus, type BuiltCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Seed 000 repeated to about 5 MB: one huge but ordinary plan. */
function fiveMegabytePlan(): string {
  const seed = readFileSync(path.join(seeds, '000_f97b9327d3f16c43.txt'), 'utf8');
  const [header, ...rest] = seed.split('I. MỤC ĐÍCH, YÊU CẦU:');
  const body = `I. MỤC ĐÍCH, YÊU CẦU:${rest.join('')}`;
  return header + body.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(body)));
}

let built: BuiltCorpus;
const entry = (file: string) => built.report.files.find((candidate) => candidate.file === file);

beforeAll(() => {
  const sources: SourceText[] = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
  sources.push(
    decodeSource(encode('Ghi chú họp giao ban: mang theo máy tính.\nKhông có gì khác.\n'), 'ghi-chu.txt'),
    decodeSource(
      encode(
        'UỶ BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 12/KH-UBND\nLong An, ngày 03 tháng 5 năm 2024\nKẾ HOẠCH\nTriển khai công tác năm 2024\n',
      ),
      'chi-co-phan-dau.txt',
    ),
    decodeSource(encode(fiveMegabytePlan().replace('1062 /KH-UBND', '9999/KH-UBND')), 'rat-lon.txt'),
  );
  built = buildCorpus(sources);
}, 120_000);

describe('bad documents among good ones', () => {
  it('lists every input in the ingest report', () => {
    expect(built.report.files.map((file) => file.file).sort()).toEqual(
      [...readdirSync(seeds).filter((name) => name.endsWith('.txt')), 'ghi-chu.txt', 'chi-co-phan-dau.txt', 'rat-lon.txt'].sort(),
    );
  });

  it('warns, naming the file, about a text with no recognizable header', () => {
    const messages = entry('ghi-chu.txt')?.messages ?? [];
    expect(messages.map((message) => message.code)).toContain('no-header');
    expect(messages.find((message) => message.code === 'no-header')?.message).toContain('ghi-chu.txt');
  });

  it('warns, naming the file, about a header-only document and still builds its page', () => {
    const found = entry('chi-co-phan-dau.txt');
    expect(found?.status).toBe('warnings');
    const noBody = found?.messages.find((message) => message.code === 'no-body');
    expect(noBody?.message).toContain('chi-co-phan-dau.txt');
    expect(built.files.some((file) => file.path === `plans/${found?.id}.mdx`)).toBe(true);
  });

  it('builds a 5 MB plan with all its citations', () => {
    const found = entry('rat-lon.txt');
    expect(found?.status).not.toBe('skipped');
    const cited = built.graph.edges.filter((edge) => edge.source === found?.id).map((edge) => edge.target);
    expect(cited).toContain('nghi-dinh-21-2019-nd-cp');
  });

  it('still builds the five seed plans', () => {
    const seedEntries = built.report.files.filter((file) => /^\d{3}_/.test(file.file));
    expect(seedEntries).toHaveLength(5);
    for (const seed of seedEntries) expect(seed.status).not.toBe('skipped');
  });
});
