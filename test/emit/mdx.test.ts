/**
 * MDX emitter fixtures: each `test/fixtures/emit/<case>/input.txt` becomes a plan (one block
 * per line), is emitted, compiled with @mdx-js/mdx and rendered with a tiny JSX runtime.
 * The rendered text must equal the input text, nothing but the emitter's own elements may
 * appear, and `output.mdx` pins the emitted source (refresh with `vitest -u`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Block, EmphasisSpan, ParsedPlan } from '../../src/model.ts';
import { mentionAnchor, toDocumentId } from '../../src/pipeline/ids.ts';
import { emitPlanPage, planFrontmatterSchema, type EmitMention } from '../../src/pipeline/emit/mdx.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/emit');

interface CaseConfig {
  mentions?: { text: string; target: string | null; label: string; title: string }[];
  emphasis?: { text: string; kind: EmphasisSpan['kind'] }[];
}

/** A rendered element: what our JSX runtime builds. */
interface Element {
  type: string;
  props: Record<string, unknown> & { children?: unknown };
}

const runtime = {
  Fragment: 'fragment',
  jsx: (type: unknown, props: Element['props']): Element => ({ type: String(type), props }),
  jsxs: (type: unknown, props: Element['props']): Element => ({ type: String(type), props }),
};

/** Elements the emitter may produce; anything else means plan text became markup. */
const allowed = new Set(['fragment', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'li', 'a', 'span', 'strong', 'em']);

function children(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && 'props' in node) {
    return children((node as Element).props.children)
      .map(textOf)
      .join('');
  }
  return '';
}

function elements(node: unknown, out: Element[] = []): Element[] {
  if (typeof node === 'object' && node !== null && 'props' in node) {
    out.push(node as Element);
    for (const child of children((node as Element).props.children)) elements(child, out);
  }
  return out;
}

/** Make a plan from lines: "I. …" headings, "- "/"+ " bullets, the rest paragraphs. */
function planFrom(input: string, config: CaseConfig): { plan: ParsedPlan; expected: string[]; mentions: EmitMention[] } {
  const lines = input.replace(/\n$/, '').split('\n');
  const text = lines.join('\n');
  const blocks: Block[] = [];
  const expected: string[] = [];
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const bullet = /^([-+]) /.exec(line);
    if (/^[IVX]+\. /.test(line)) {
      blocks.push({ kind: 'heading', level: 1, marker: line.split(' ')[0]!, text: line, start, end, anchor: `muc-${index + 1}` });
      expected.push(line);
    } else if (bullet) {
      blocks.push({ kind: 'bullet', marker: bullet[1]!, text: line.slice(2), start, end });
      expected.push(line.slice(2));
    } else {
      blocks.push({ kind: 'paragraph', text: line, start, end });
      expected.push(line);
    }
  }
  const spanOf = (needle: string): { start: number; end: number } => {
    const start = text.indexOf(needle);
    if (start < 0) throw new Error(`fixture text lacks ${needle}`);
    return { start, end: start + needle.length };
  };
  const emphasis = (config.emphasis ?? []).map((span) => ({ ...spanOf(span.text), kind: span.kind }));
  const mentions = (config.mentions ?? [])
    .map((mention) => ({ ...spanOf(mention.text), target: mention.target, label: mention.label, title: mention.title }))
    .sort((a, b) => a.start - b.start)
    .map((mention, index) => ({ ...mention, anchor: mentionAnchor(index) }));
  const plan: ParsedPlan = {
    file: 'fixture/input.txt',
    sha256: '0'.repeat(64),
    meta: {
      id: toDocumentId('ke-hoach', 'fixture'),
      type: 'Kế hoạch',
      number: null,
      place: 'Tây Ninh',
      date: { iso: '2025-02', partial: true },
      issuer: 'UBND tỉnh <Tây Ninh> {x}',
      title: 'Trích yếu "có" {ngoặc} <script>alert(1)</script>\n---\nexport const y = 2',
      recipients: ['- Sở, ban, ngành tỉnh;'],
      distribution: ['Lưu: VT.'],
      signer: { position: 'KT. CHỦ TỊCH – PHÓ CHỦ TỊCH', name: 'Trần Văn A' },
    },
    body: { start: 0, end: text.length },
    blocks,
    text,
    emphasis,
    messages: [],
  };
  return { plan, expected, mentions };
}

describe('emitPlanPage: the MDX source', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, async () => {
      const input = readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8');
      const config = JSON.parse(readFileSync(path.join(fixtures, name, 'config.json'), 'utf8')) as CaseConfig;
      const { plan, expected, mentions } = planFrom(input, config);
      const mdx = emitPlanPage(plan, plan.meta.id, mentions, { html: false }).mdx;
      await expect(mdx).toMatchFileSnapshot(path.join(fixtures, name, 'output.mdx'));
      // Deterministic: the same input gives the same bytes.
      expect(emitPlanPage(plan, plan.meta.id, mentions, { html: false }).mdx).toBe(mdx);

      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(mdx) ?? [];
      const frontmatter = planFrontmatterSchema.parse(parseYaml(yaml));
      expect(frontmatter.title).toBe(plan.meta.title);
      expect(frontmatter.issuer).toBe(plan.meta.issuer);

      const module = await evaluate(body, { ...runtime, baseUrl: import.meta.url } as never);
      const tree = (module.default as (props: object) => Element)({});
      const all = elements(tree);
      expect(all.map((element) => element.type).filter((type) => !allowed.has(type))).toEqual([]);
      const blocks = children(tree.props.children).filter((node): node is Element => typeof node === 'object' && node !== null);
      const rendered = blocks.flatMap((block) =>
        block.type === 'ul'
          ? children(block.props.children)
              .filter((li) => typeof li === 'object')
              .map(textOf)
          : [textOf(block)],
      );
      expect(rendered).toEqual(expected);

      // Every mention has its anchor; resolved ones link to the cited page with its full title.
      for (const mention of mentions) {
        const element = all.find((node) => node.props['id'] === mention.anchor);
        expect(element, mention.anchor).toBeDefined();
        expect(textOf(element)).toBe(plan.text.slice(mention.start, mention.end));
        if (mention.target === null) {
          expect(element!.type).toBe('span');
        } else {
          expect(element!.type).toBe('a');
          expect(element!.props['href']).toBe(`../${mention.target}/`);
          expect(element!.props['title']).toBe(mention.title);
        }
      }
    });
  }
});
