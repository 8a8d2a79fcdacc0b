/**
 * The state on every citation link (`data-status`) and the words after a changed one, in
 * both syntaxes: once after a link split by emphasis, never after an unresolved mention.
 */
import { describe, expect, it } from 'vitest';
import { renderInline, type MentionLink } from '../../src/pipeline/emit/mdx/inline.ts';
import { htmlSyntax } from '../../src/pipeline/emit/mdx/syntax.ts';

const text = 'Căn cứ Nghị định số 13/2014/NĐ-CP và Nghị định số 21/2019/NĐ-CP;';
const amended: MentionLink = {
  start: 7, end: 33, anchor: 'trich-dan-1', href: '../nghi-dinh-13-2014-nd-cp/', title: 'Nghị định 13/2014/NĐ-CP',
  label: '', status: 'bi-sua-doi', flag: 'Đã bị sửa đổi, bổ sung',
};
const unknown: MentionLink = {
  start: 37, end: 63, anchor: 'trich-dan-2', href: '../nghi-dinh-21-2019-nd-cp/', title: 'Nghị định 21/2019/NĐ-CP',
  label: '', status: 'khong-ro', flag: '',
};

describe('status flags on citation links', () => {
  it('carries the state on every link and the words after a changed one (HTML)', () => {
    const html = renderInline(text, 0, text.length, [amended, unknown], [], htmlSyntax);
    expect(html).toBe(
      'Căn cứ <a class="citation" id="trich-dan-1" href="../nghi-dinh-13-2014-nd-cp/" title="Nghị định 13/2014/NĐ-CP (Đã bị sửa đổi, bổ sung)" data-status="bi-sua-doi">Nghị định số 13/2014/NĐ-CP</a>' +
        '<span class="status-flag" data-status="bi-sua-doi" data-pagefind-ignore="all">Đã bị sửa đổi, bổ sung</span>' +
        ' và <a class="citation" id="trich-dan-2" href="../nghi-dinh-21-2019-nd-cp/" title="Nghị định 21/2019/NĐ-CP" data-status="khong-ro">Nghị định số 21/2019/NĐ-CP</a>;',
    );
  });

  it('writes the same in MDX, every value a string expression', () => {
    const mdx = renderInline(text, 0, 34, [amended], []);
    expect(mdx).toContain('data-status={"bi-sua-doi"}');
    expect(mdx).toContain('<span class={"status-flag"} data-status={"bi-sua-doi"} data-pagefind-ignore={"all"}>{"Đã bị sửa đổi, bổ sung"}</span>');
  });

  it('puts the flag once, after the last part of a link that emphasis splits', () => {
    const html = renderInline(text, 0, text.length, [amended], [{ start: 20, end: 40, kind: 'strong' }], htmlSyntax);
    expect(html.match(/status-flag/g)).toHaveLength(1);
    expect(html.indexOf('status-flag')).toBeGreaterThan(html.indexOf('</a>'));
  });

  it('a block that ends inside the link leaves the flag to the block holding its end', () => {
    expect(renderInline(text, 0, 20, [amended], [], htmlSyntax)).not.toContain('status-flag');
    expect(renderInline(text, 20, text.length, [amended], [], htmlSyntax)).toContain('status-flag');
  });

  it('an unresolved mention has neither state nor flag', () => {
    const html = renderInline(text, 0, text.length, [{ ...amended, href: null }], [], htmlSyntax);
    expect(html).not.toContain('data-status');
    expect(html).not.toContain('status-flag');
  });
});
