/**
 * The HTML the pipeline writes for a plan body (`plans/<id>.html`) is exactly what its MDX
 * source (`plans/<id>.mdx`) renders to: the MDX is compiled with `@mdx-js/mdx` (the compiler
 * `@astrojs/mdx` uses) and run with a string JSX runtime that escapes like Astro's renderer.
 * Checked on the seed plans and on a plan full of characters that are syntax in MDX, HTML or JS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compile, run } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import type { SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

/** A node of the string runtime: already-rendered HTML. */
class Html {
  constructor(readonly value: string) {}
}

const escapeText = (value: string): string =>
  value.replace(/[&<>'"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[character]!);
const escapeAttribute = (value: string): string => value.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

/** Children to HTML: strings escaped as Astro escapes text, rendered nodes as they are. */
function children(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(children).join('');
  if (value instanceof Html) return value.value;
  return escapeText(String(value));
}

const Fragment = Symbol('Fragment');

/** `jsx`/`jsxs` of the automatic runtime, rendering to strings. */
function jsx(type: unknown, props: Record<string, unknown>): Html {
  const inner = children(props['children']);
  if (type === Fragment) return new Html(inner);
  if (typeof type !== 'string') throw new Error(`unexpected component ${String(type)}`);
  const attributes = Object.entries(props)
    .filter(([name]) => name !== 'children')
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name}="${escapeAttribute(String(value))}"`)
    .join('');
  return new Html(`<${type}${attributes}>${inner}</${type}>`);
}

/**
 * Render MDX source the way the site's MDX integration would.
 *
 * @param source MDX file content (frontmatter included).
 * @returns HTML of the body.
 */
async function renderMdx(source: string): Promise<string> {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const code = await compile(body, { outputFormat: 'function-body' });
  const module = await run(code, { Fragment, jsx, jsxs: jsx, baseUrl: import.meta.url });
  const Content = module.default as (props: Record<string, unknown>) => Html;
  return Content({}).value;
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

describe('plan HTML', () => {
  it('is what the seed plans’ MDX renders to', async () => {
    const built = pages(seedSources());
    expect(built.length).toBeGreaterThan(0);
    for (const page of built) {
      expect(page.html, page.id).toBe(await renderMdx(page.mdx));
      expect(page.html).toContain('class="citation"');
    }
  }, 60_000);

  it('is what the MDX renders to for text full of syntax, which never executes', async () => {
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
    ].join('\n');
    const source = decodeSource(new TextEncoder().encode(text), 'dac-biet.txt');
    const [page] = pages([source]);
    expect(page).toBeDefined();
    expect(page!.html).toBe(await renderMdx(page!.mdx));
    expect(page!.html).not.toContain('<script>');
    expect(page!.html).toContain('&lt;script&gt;');
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
  }, 60_000);
});
