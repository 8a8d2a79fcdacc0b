import { describe, expect, it } from 'vitest';
import { bodyRegion, enrichPage, pageUrl, plainText, withoutIgnored } from '../../src/integrations/pagefind.ts';

const page = (body: string) =>
  `<!doctype html><html lang="vi"><body><header>Đồ thị</header><main id="noi-dung" data-pagefind-body>${body}</main><footer>Đơn vị</footer></body></html>`;

describe('bodyRegion', () => {
  it('finds the marked element, nested tags of the same name included', () => {
    const html = '<div><div data-pagefind-body><div>a</div>b</div>c</div>';
    const region = bodyRegion(html);
    expect(region && html.slice(region.innerStart, region.end)).toBe('<div>a</div>b');
  });
  it('is null without a marked element', () => {
    expect(bodyRegion('<main>x</main>')).toBeNull();
  });
});

describe('plainText and withoutIgnored', () => {
  it('drops tags, scripts and ignored parts, decodes entities', () => {
    const html = '<p>Nghị&nbsp;định &amp; Đề&#x20;án</p><script>đ()</script><div data-pagefind-ignore><div>Đảng</div></div><img data-pagefind-ignore alt="">Được';
    expect(plainText(withoutIgnored(html)).replace(/\s+/g, ' ').trim()).toBe('Nghị định & Đề án Được');
  });
});

describe('enrichPage', () => {
  const cites = new Map([['ke-hoach-1', ['chi-thi-46-ct-tw', 'nghi-dinh-21-2019-nd-cp']]]);

  it('adds the folded đ-words of the body and a cites filter per cited document', () => {
    const html = page('<h1>Kế hoạch</h1><span hidden data-node-id="ke-hoach-1"></span><p>Căn cứ Nghị định số 21/2019/NĐ-CP</p>');
    const enriched = enrichPage(html, cites);
    expect(enriched?.folded).toBe(2);
    expect(enriched?.cites).toBe(2);
    expect(enriched?.html).toContain(
      '<main id="noi-dung" data-pagefind-body><span hidden data-pagefind-meta="folded[data-folded]" data-folded="21/2019/nd-cp dinh"></span>' +
        '<span hidden data-pagefind-filter="cites[data-cites]" data-cites="chi-thi-46-ct-tw"></span>' +
        '<span hidden data-pagefind-filter="cites[data-cites]" data-cites="nghi-dinh-21-2019-nd-cp"></span><h1>',
    );
    // Header and footer words are not the page's: "do", "don" stay out.
    expect(enriched?.html).not.toContain('data-folded="do');
  });

  it('leaves pages without an indexed body alone', () => {
    expect(enrichPage('<html><body><main>Đồ thị</main></body></html>', cites)).toBeNull();
  });
});

describe('pageUrl', () => {
  it.each([
    ['index.html', '/'],
    ['van-ban/x/index.html', '/van-ban/x/'],
    ['404.html', '/404.html'],
  ])('%s → %s', (file, url) => {
    expect(pageUrl(file)).toBe(url);
  });
});
