/**
 * `remarkCitations` on authored Markdown, the way notes and site pages use it: each
 * `test/fixtures/remark/<case>/input.md` is parsed by remark, its citations found by the
 * extractor and resolved against `test/fixtures/remark/graph.json` (a number several documents
 * share, or none, stays text), then written as HTML by `mdast-util-to-hast` +
 * `hast-util-to-html`; `output.html` pins the result (refresh with `vitest -u`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/pipeline/emit/graph-schema.ts';
import { citationResolver, documentLookup } from '../../src/remark/citation-lookup.ts';
import remarkCitations from '../../src/remark/remark-citations.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/remark');
const graph = JSON.parse(readFileSync(path.join(fixtures, 'graph.json'), 'utf8')) as Pick<GraphData, 'nodes'>;
const resolve = citationResolver(documentLookup(graph), (node) => `/${node.url}`);

describe('remarkCitations over authored Markdown', () => {
  const cases = readdirSync(fixtures)
    .filter((name) => statSync(path.join(fixtures, name)).isDirectory())
    .sort();
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const name of cases) {
    it(name, async () => {
      const file = new VFile({ path: `${name}.md`, value: readFileSync(path.join(fixtures, name, 'input.md'), 'utf8') });
      const processor = unified().use(remarkParse).use(remarkCitations, { resolve });
      const tree = await processor.run(processor.parse(file), file);
      const html = `${toHtml(toHast(tree))}\n`;
      await expect(html).toMatchFileSnapshot(path.join(fixtures, name, 'output.html'));
      // What was linked is in file.data, and each link's text is a mention's text.
      for (const link of file.data.citationLinks ?? []) {
        expect(html).toContain(`href="${link.href}"`);
        expect(file.data.mentions?.some((mention) => mention.start === link.start && mention.end === link.end)).toBe(true);
      }
    });
  }
});
