/**
 * The frontmatter writer (`frontmatterYaml`, js-yaml): on the records of the seed plans and on
 * generated records of every shape the frontmatter schema allows (nulls, empty and full lists,
 * nested records, OCR details, strings holding quotes, backslashes, line breaks, control
 * characters, "---" and Vietnamese) it writes what the files held when `yaml` wrote them, and
 * both readers — js-yaml (Astro's) and yaml — read back the record it was given.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parse, stringify } from 'yaml';
import { memoryCache } from '../../src/pipeline/cache.ts';
import { planFrontmatter } from '../../src/pipeline/emit/mdx.ts';
import { frontmatterYaml } from '../../src/pipeline/emit/mdx/frontmatter-yaml.ts';
import { planFrontmatterSchema } from '../../src/pipeline/emit/mdx/frontmatter-schema.ts';
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

/** What the MDX files' frontmatter was before: `yaml` with the settings the emitter used. */
const YAML_SETTINGS = {
  lineWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
} as const;
const before = (record: Record<string, unknown>): string => stringify(record, YAML_SETTINGS);

/**
 * Characters js-yaml writes as escapes of its own where yaml wrote JSON's (`\\u0007`) or the
 * character itself: controls other than tab and line breaks, no-break space, line and paragraph
 * separators, BOM, lone surrogates.
 */
const ESCAPED_BY_JS_YAML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff]|[\ud800-\udfff]/u;

/** Every string in a record. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

const STRINGS = [
  '',
  'Kế hoạch',
  'KT. CHỦ TỊCH – PHÓ CHỦ TỊCH',
  'Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”',
  'a "quoted" word',
  'back\\slash',
  'line\nbreak',
  'crlf\r\nline',
  'tab\there',
  '---',
  '--- x',
  '# not a comment',
  'key: value',
  '- item',
  'null',
  'true',
  '123',
  '0x1F',
  '~',
  ' leading and trailing ',
  'bell\u0007 and del\u007f',
  'surrogate \ud83d\ude00 pair',
  'lone \ud800 surrogate',
  '\u2028\u2029',
  'Đ đ',
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function text(next: () => number): string {
  return Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, STRINGS)).join(next() < 0.5 ? '' : ' ');
}

function maybe<T>(next: () => number, make: () => T): T | null {
  return next() < 0.3 ? null : make();
}

function list(next: () => number, max: number): string[] {
  return Array.from({ length: Math.floor(next() * (max + 1)) }, () => text(next));
}

/** A record the schema accepts, with every optional part present or not. */
function record(next: () => number): Record<string, unknown> {
  const format = pick(next, ['txt', 'md', 'html', 'docx', 'odt', 'doc', 'pdf', 'pdf-scan', 'image'] as const);
  const made = {
    id: pick(next, ['ke-hoach-1', 'cong-van-12-ubnd-2024', 'x']),
    type: maybe(next, () => text(next)),
    number: maybe(next, () => text(next)),
    place: maybe(next, () => text(next)),
    date: maybe(next, () => ({ iso: pick(next, ['2024-04-11', '2025-02', '2025']), partial: next() < 0.5 })),
    partial: next() < 0.5,
    issuer: maybe(next, () => text(next)),
    title: maybe(next, () => text(next)),
    recipients: list(next, 3),
    distribution: list(next, 4),
    signer: maybe(next, () => ({ position: maybe(next, () => text(next)), name: maybe(next, () => text(next)) })),
    source: text(next),
    sha256: 'ab'.repeat(32),
    origin: {
      format,
      reader: text(next),
      pageCount: maybe(next, () => Math.floor(next() * 40)),
      conversions: list(next, 2),
      ocr: maybe(next, () => ({
        engine: 'tesseract',
        // Whole or fractional confidences: a fraction is left to the library.
        confidence: maybe(next, () => (next() < 0.5 ? Math.floor(next() * 100) : Math.round(next() * 10000) / 100)),
        pages: Math.floor(next() * 9),
      })),
    },
    original: maybe(next, () => `x.${format === 'pdf-scan' ? 'pdf' : 'docx'}`),
    toc: Array.from({ length: Math.floor(next() * 6) }, (_, index) => ({
      depth: 1 + Math.floor(next() * 4),
      text: text(next),
      anchor: `muc-${index}`,
    })),
    ...(next() < 0.2 ? { numberSource: 'file-name' as const } : {}),
  };
  return planFrontmatterSchema.parse(made) as Record<string, unknown>;
}

function readsBack(record: Record<string, unknown>): void {
  const written = frontmatterYaml(record);
  expect(load(written)).toEqual(record);
  expect(parse(written)).toEqual(record);
  // One line per string: no line of the frontmatter can close it early.
  expect(written.split('\n')).not.toContain('---');
}

describe('frontmatter YAML', () => {
  it('writes the seed plans’ records byte for byte as before, and reads them back', () => {
    const sources = readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
    const jobs = buildCorpus(sources, { cache: memoryCache(), codeVersion: 'test' }).pendingPages;
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    for (const job of jobs) {
      const { numberSource, ...always } = planFrontmatter(job.plan, job.id);
      const present = numberSource ? { ...always, numberSource } : always;
      expect(frontmatterYaml(present)).toBe(before(present));
      readsBack(present);
    }
  });

  it('writes records of every shape the schema allows as before unless a string holds an invisible character', () => {
    const next = mulberry32(35);
    let withOcr = 0;
    let escaped = 0;
    for (let round = 0; round < 2000; round++) {
      const made = record(next);
      readsBack(made);
      if (stringsOf(made).some((value) => ESCAPED_BY_JS_YAML.test(value))) escaped++;
      else expect(frontmatterYaml(made)).toBe(before(made));
      if ((made['origin'] as { ocr: unknown }).ocr) withOcr++;
    }
    expect(withOcr).toBeGreaterThan(500);
    expect(escaped).toBeGreaterThan(100);
    expect(escaped).toBeLessThan(2000);
  });

  it('writes invisible characters as escapes', () => {
    expect(frontmatterYaml({ a: 'bell\u0007 del\u007f' })).toBe('a: "bell\\a del\\x7F"\n');
    expect(frontmatterYaml({ a: '\u00a0x\u2028\ufeff' })).toBe('a: "\\_x\\L\\uFEFF"\n');
    expect(frontmatterYaml({ a: 'line\nbreak "q" back\\slash' })).toBe('a: "line\\nbreak \\"q\\" back\\\\slash"\n');
  });

  it('writes nested and empty collections in block style, strings quoted', () => {
    const made = {
      a: 'x',
      b: null,
      c: [],
      d: {},
      e: [{ depth: 1, o: { p: 1, q: [], r: { s: null } } }, {}],
      f: ['a'],
      g: true,
      h: 'null',
      i: '123',
    };
    expect(frontmatterYaml(made)).toBe(
      'a: "x"\nb: null\nc: []\nd: {}\ne:\n  - depth: 1\n    o:\n      p: 1\n      q: []\n      r:\n        s: null\n  - {}\nf:\n  - "a"\ng: true\nh: "null"\ni: "123"\n',
    );
    readsBack(made);
  });
});
