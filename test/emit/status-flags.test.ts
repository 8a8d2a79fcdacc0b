/**
 * The state on every citation link (`data-status`) and the words after a changed one, in the
 * page HTML and the MDX: once after a link that emphasis splits, never after an unresolved
 * mention.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { Block, EmphasisSpan } from '../../src/model.ts';
import { treeHtml } from '../../src/pipeline/emit/mdx/html.ts';
import { treeMdx } from '../../src/pipeline/emit/mdx/source.ts';
import { planTree } from '../../src/pipeline/parse/tree.ts';
import { linkCitations, type CitationLink } from '../../src/remark/remark-citations.ts';

const text = 'Căn cứ Nghị định số 13/2014/NĐ-CP và Nghị định số 21/2019/NĐ-CP;';
const amended: CitationLink = {
  start: 7,
  end: 33,
  anchor: 'trich-dan-1',
  href: '../nghi-dinh-13-2014-nd-cp/',
  title: 'Nghị định 13/2014/NĐ-CP',
  label: '',
  status: 'bi-sua-doi',
  flag: 'Đã bị sửa đổi, bổ sung',
};
const unknown: CitationLink = {
  start: 37,
  end: 63,
  anchor: 'trich-dan-2',
  href: '../nghi-dinh-21-2019-nd-cp/',
  title: 'Nghị định 21/2019/NĐ-CP',
  label: '',
  status: 'khong-ro',
  flag: '',
};

/**
 * @param links Links to place.
 * @param emphasis Emphasis spans.
 * @param blocks Blocks (one paragraph of the whole text by default).
 * @returns The linked tree written both ways.
 */
function render(
  links: CitationLink[],
  emphasis: EmphasisSpan[] = [],
  blocks: Block[] = [{ kind: 'paragraph', text, start: 0, end: text.length }],
): { html: string; mdx: string } {
  const tree = planTree({ text, blocks, emphasis });
  linkCitations(tree, new VFile({ value: text }), { links });
  return { html: treeHtml(tree), mdx: treeMdx(tree) };
}

describe('status flags on citation links', () => {
  it('carries the state on every link and the words after a changed one (HTML)', () => {
    expect(render([amended, unknown]).html).toBe(
      '<p>Căn cứ <a class="citation" id="trich-dan-1" href="../nghi-dinh-13-2014-nd-cp/" title="Nghị định 13/2014/NĐ-CP (Đã bị sửa đổi, bổ sung)" data-status="bi-sua-doi">Nghị định số 13/2014/NĐ-CP</a>' +
        '<span class="status-flag" data-status="bi-sua-doi" data-pagefind-ignore="all">Đã bị sửa đổi, bổ sung</span>' +
        ' và <a class="citation" id="trich-dan-2" href="../nghi-dinh-21-2019-nd-cp/" title="Nghị định 21/2019/NĐ-CP" data-status="khong-ro">Nghị định số 21/2019/NĐ-CP</a>;</p>',
    );
  });

  it('writes the same in MDX, as JSX elements', () => {
    const { mdx } = render([amended]);
    expect(mdx).toContain('data-status="bi-sua-doi"');
    expect(mdx).toContain(
      '<span class="status-flag" data-status="bi-sua-doi" data-pagefind-ignore="all">Đã bị sửa đổi, bổ sung</span>',
    );
  });

  it('puts the flag once, after a link that emphasis splits, emphasis inside the link', () => {
    const { html } = render([amended], [{ start: 20, end: 40, kind: 'strong' }]);
    expect(html.match(/status-flag/g)).toHaveLength(1);
    expect(html.indexOf('status-flag')).toBeGreaterThan(html.indexOf('</a>'));
    expect(html).toContain('>Nghị định số <strong>13/2014/NĐ-CP</strong></a>');
    expect(html).toContain('</span><strong> và Ngh</strong>');
  });

  it('a mention no block holds whole is an anchor at the top, without a link or flag', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: text.slice(0, 20), start: 0, end: 20 },
      { kind: 'paragraph', text: text.slice(21), start: 21, end: text.length },
    ];
    const { html } = render([amended], [], blocks);
    expect(html.startsWith('<span id="trich-dan-1"></span>\n<p>')).toBe(true);
    expect(html).not.toContain('status-flag');
    expect(html).not.toContain('<a ');
  });

  it('an unresolved mention has neither state nor flag', () => {
    const { html } = render([{ ...amended, href: null }]);
    expect(html).toContain('<span class="citation citation-unresolved" id="trich-dan-1">Nghị định số 13/2014/NĐ-CP</span>');
    expect(html).not.toContain('data-status');
    expect(html).not.toContain('status-flag');
  });
});
