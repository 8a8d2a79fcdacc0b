/**
 * `remarkCitations` in a real unified pipeline over a seed plan: the same mentions and
 * citations as the pure stages, stored in `file.data`, the tree untouched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { extract } from '../../src/pipeline/extract.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import remarkCitations from '../../src/remark/remark-citations.ts';

const seed = readFileSync(path.resolve(import.meta.dirname, '../../content/sources/000_f97b9327d3f16c43.txt'), 'utf8');
const text = normalize(seed, '000.txt').text;

describe('remarkCitations', () => {
  it('stores the mentions and distinct citations of the text in file.data', async () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkCitations, { extract: { ownNumber: '1062/KH-UBND' } });
    const file = new VFile({ path: '000.txt', value: text });
    const tree = processor.parse(file);
    const before = JSON.stringify(tree);
    await processor.run(tree, file);
    expect(JSON.stringify(tree)).toBe(before);
    expect(file.data.mentions).toEqual(extract(text, { ownNumber: '1062/KH-UBND' }));
    const numbers = file.data.citations?.map((citation) => citation.number ?? citation.name);
    expect(numbers).toContain('21/2019/NĐ-CP');
    expect(numbers).toContain('1584/UBND-NCPC');
    expect(numbers).not.toContain('1062/KH-UBND');
    const decree = file.data.citations?.find((citation) => citation.number === '21/2019/NĐ-CP');
    expect(decree?.relation).toBe('can-cu');
    expect(text.slice(decree!.mentions[0]!.start, decree!.mentions[0]!.end)).toBe(decree!.mentions[0]!.text);
  });
});
