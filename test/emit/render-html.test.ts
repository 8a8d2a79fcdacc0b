/**
 * The MDX file the pipeline writes for a plan (`plans/<id>.mdx`, offered at
 * `/data/mdx/<id>.mdx`) renders the same text and links as the page body (`plans/<id>.html`).
 *
 * The MDX is compiled with `@mdx-js/mdx` (the compiler `@astrojs/mdx` uses) and run with a JSX
 * runtime that builds a hast tree; the page body is parsed with `hast-util-from-html`. Nothing
 * here escapes or unescapes by hand: both sides are compared as trees (text, and every element
 * with an id or an href, with its attributes). Checked on the seed plans and on a plan full of
 * characters that are syntax in MDX, HTML or JS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compile, run } from '@mdx-js/mdx';
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import type { SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

const Fragment = Symbol('Fragment');

/** Children of a JSX call as hast nodes. */
function hastChildren(value: unknown): ElementContent[] {
  if (value === undefined || value === null || value === false) return [];
  if (Array.isArray(value)) return value.flatMap(hastChildren);
  if (typeof value === 'object' && 'type' in value) {
    const node = value as Root | ElementContent;
    return node.type === 'root' ? (node.children as ElementContent[]) : [node];
  }
  return [{ type: 'text', value: String(value) }];
}

/** `jsx`/`jsxs` of the automatic runtime, building hast. */
function jsx(type: unknown, props: Record<string, unknown>): Root | Element {
  const children = hastChildren(props['children']);
  if (type === Fragment) return { type: 'root', children };
  if (typeof type !== 'string') throw new Error(`unexpected component ${String(type)}`);
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(props)) {
    if (name !== 'children') properties[name === 'className' ? 'class' : name] = String(value);
  }
  return { type: 'element', tagName: type, properties, children };
}

/**
 * Render MDX source as the site's MDX integration would, to hast.
 *
 * @param source MDX file content (frontmatter included).
 * @returns hast of the body.
 */
async function renderMdx(source: string): Promise<Root> {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const code = await compile(body, { outputFormat: 'function-body' });
  const module = await run(code, { Fragment, jsx, jsxs: jsx, baseUrl: import.meta.url });
  const Content = module.default as (props: Record<string, unknown>) => Root;
  return Content({});
}

/** The elements of a tree that carry an id or an href, with their attributes as HTML names them. */
function anchored(tree: Nodes): { tag: string; attributes: Record<string, string>; text: string }[] {
  const out: { tag: string; attributes: Record<string, string>; text: string }[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      const attributes = htmlAttributes(node);
      if ('id' in attributes || 'href' in attributes) out.push({ tag: node.tagName, attributes, text: toText(node) });
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/**
 * @param node An element, from either side.
 * @returns Its attributes under their HTML names, values as strings.
 */
function htmlAttributes(node: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.properties)) {
    const html =
      name === 'className'
        ? 'class'
        : name.startsWith('data') && name !== 'data' && /[A-Z]/.test(name)
          ? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
          : name;
    out[html] = Array.isArray(value) ? value.join(' ') : String(value);
  }
  return out;
}

/** Text of a tree with whitespace runs folded (block boundaries are line breaks on one side, none on the other). */
function textOf(tree: Root): string {
  return toText(tree).replace(/\s+/g, ' ').trim();
}

function seedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name));
}

/** Pairs of (MDX, HTML) files of a built corpus. */
function pages(sources: SourceText[]): { id: string; mdx: string; html: string }[] {
  const files = new Map(buildCorpus(sources).files.map((file) => [file.path, file.content]));
  return [...files.keys()]
    .filter((name) => name.startsWith('plans/') && name.endsWith('.mdx'))
    .map((name) => {
      const id = name.slice('plans/'.length, -'.mdx'.length);
      return { id, mdx: files.get(name)!, html: files.get(`plans/${id}.html`)! };
    });
}

/**
 * @param page A plan's files.
 * @returns Both renderings, to compare.
 */
async function both(page: { mdx: string; html: string }): Promise<{ mdx: Root; html: Root }> {
  return { mdx: await renderMdx(page.mdx), html: fromHtml(page.html, { fragment: true }) };
}

describe('plan MDX', () => {
  it('renders the same text and links as the seed plans’ pages', async () => {
    const built = pages(seedSources());
    expect(built.length).toBe(5);
    for (const page of built) {
      const { mdx, html } = await both(page);
      expect(textOf(mdx), page.id).toBe(textOf(html));
      const links = anchored(html);
      expect(links.filter((link) => link.attributes['class'] === 'citation').length, page.id).toBeGreaterThan(0);
      expect(anchored(mdx), page.id).toEqual(links);
    }
  }, 60_000);

  it('renders the same for text full of syntax, which never executes', async () => {
    const text = [
      'UBND TỈNH TÂY NINH',
      'Số: 12/KH-UBND',
      'Tây Ninh, ngày 11 tháng 4 năm 2024',
      'KẾ HOẠCH',
      'Thử các ký tự đặc biệt',
      'Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về "khu vực" phòng thủ & {globalThis.pwned = 1} <script>alert(1)</script>;',
      'I. MỤC ĐÍCH <b>&amp;</b>',
      '- import x from "y"; export const z = 1; `a` *b* _c_ [d](e) | f | ~g~ \\ <!-- h --> \u2028',
      "1. Đoạn có 'nháy đơn' và {{ngoặc}} và </p> đóng thẻ.",
      '# Không phải tiêu đề; > không phải trích dẫn; *** không phải đường kẻ',
    ].join('\n');
    const source = decodeSource(new TextEncoder().encode(text), 'dac-biet.txt');
    const [page] = pages([source]);
    expect(page).toBeDefined();
    const { mdx, html } = await both(page!);
    expect(textOf(mdx)).toBe(textOf(html));
    expect(textOf(html)).toContain('<script>alert(1)</script>');
    expect(textOf(html)).toContain('{globalThis.pwned = 1}');
    expect(anchored(mdx)).toEqual(anchored(html));
    expect(anchored(html).some((link) => link.attributes['href'] === '../nghi-dinh-21-2019-nd-cp/')).toBe(true);
    expect(page!.html).not.toContain('<script>');
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
  }, 60_000);
});
