/**
 * The MDX writer's `text` handler (`plainText`) writes exactly what the library's own `text`
 * handler writes: compared on the whole MDX of the seed plans, and on generated trees whose
 * text holds every character an unsafe pattern names (markdown and MDX syntax, line breaks,
 * backslashes, "import"/"export" at a line start), next to links, emphasis and JSX elements,
 * in paragraphs, headings and nested lists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/pipeline/cache.ts';
import { linkedPlanTree } from '../../src/pipeline/emit/mdx.ts';
import { OPTIONS, toMdxTree, treeMdx } from '../../src/pipeline/emit/mdx/source.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

/** The same options with the library's own handlers. */
const LIBRARY = { ...OPTIONS, handlers: {} };

function libraryMdx(tree: Root): string {
  return toMarkdown(toMdxTree(tree), LIBRARY);
}

/** Pieces of text: words, every ASCII punctuation character, spaces, tabs and line breaks. */
const PIECES = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''),
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '1.',
  '2)',
  'import',
  'export',
  'Nghị định',
  '21/2019/NĐ-CP',
  'a',
  'đ',
  '&amp;',
  '<b>',
  '{x}',
  '![x](y)',
];

function text(next: () => number): string {
  const length = 1 + Math.floor(next() * 8);
  let value = '';
  for (let i = 0; i < length; i++) value += next() < 0.4 ? ' chữ ' : PIECES[Math.floor(next() * PIECES.length)];
  return value;
}

function phrasing(next: () => number, depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.55 || depth > 1) out.push({ type: 'text', value: text(next) });
    else if (kind < 0.7) {
      out.push({
        type: 'link',
        url: '../x/',
        children: phrasing(next, depth + 1) as never,
        data: { hProperties: { className: 'citation', id: `trich-dan-${i}`, href: '../x/', title: text(next) } },
      });
    } else if (kind < 0.8) out.push({ type: 'emphasis', children: phrasing(next, depth + 1) });
    else if (kind < 0.9) out.push({ type: 'strong', children: phrasing(next, depth + 1) });
    else out.push({ type: 'text', value: text(next), data: { hName: 'span', hProperties: { className: 'status-flag' } } });
  }
  return out;
}

function flow(next: () => number, depth: number): RootContent {
  const kind = next();
  if (kind < 0.5 || depth > 2) return { type: 'paragraph', children: phrasing(next, 0) };
  if (kind < 0.7) {
    return { type: 'heading', depth: 2, children: phrasing(next, 0), data: { hProperties: { id: `muc-${depth}` } } };
  }
  const items = 1 + Math.floor(next() * 3);
  return {
    type: 'list',
    ordered: next() < 0.5,
    spread: false,
    children: Array.from({ length: items }, () => ({
      type: 'listItem' as const,
      spread: false,
      children: [flow(next, depth + 1)] as never,
    })),
  };
}

describe('MDX text handler', () => {
  it('writes the seed plans byte for byte as the library does', () => {
    const sources = readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
    const jobs = buildCorpus(sources, { cache: memoryCache(), codeVersion: 'test' }).pendingPages;
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    for (const job of jobs) {
      const tree = linkedPlanTree(job.plan, job.mentions);
      expect(treeMdx(tree)).toBe(libraryMdx(tree));
    }
  });

  it('writes text full of syntax byte for byte as the library does', () => {
    const next = mulberry32(17);
    let escaped = 0;
    for (let round = 0; round < 300; round++) {
      const tree: Root = { type: 'root', children: Array.from({ length: 1 + Math.floor(next() * 4) }, () => flow(next, 0)) };
      const ours = treeMdx(tree);
      expect(ours).toBe(libraryMdx(tree));
      if (ours.includes('\\') || ours.includes('&#x')) escaped++;
    }
    // The generated text does exercise the escaping, not only the plain path.
    expect(escaped).toBeGreaterThan(200);
  });

  it('leaves plain text as it is and escapes what would be syntax', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'Căn cứ Nghị định số 21/2019/NĐ-CP, (Điều 5).' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'a <b> {c} *d* [e]' }] },
      ],
    };
    expect(treeMdx(tree)).toBe('Căn cứ Nghị định số 21/2019/NĐ-CP, (Điều 5).\n\na \\<b> \\{c} \\*d\\* \\[e]\n');
  });
});
