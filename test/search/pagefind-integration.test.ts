import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { bodyRegion, enrichPage, INDEX_CHUNK_SIZE, INDEX_CODE, indexSite } from '../../src/integrations/pagefind.ts';
import { readableText, REPEAT_MARK, SEARCHABLE_REPEATS } from '../../src/search/search-terms.ts';

/** A fragment's fields the tests read. */
interface Fragment {
  content: string;
  word_count: number;
  meta: { title: string };
}

/** A fragment as Pagefind wrote it (gzip of "pagefind_dcd" + JSON), parsed. */
function readFragment(content: Uint8Array): Fragment {
  const text = gunzipSync(content).toString('utf8');
  expect(text.startsWith('pagefind_dcd')).toBe(true);
  return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
}

/**
 * Index one page's indexed copy (`enrichPage`) with Pagefind itself.
 *
 * @param html Page HTML.
 * @returns The index's words (its chunks decompressed and joined) and its fragments, parsed.
 */
async function indexWithPagefind(html: string): Promise<{ words: string; fragments: Fragment[] }> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  try {
    await index!.addHTMLFile({ url: '/a/', content: enrichPage(html, new Map())!.html });
    const { files } = await index!.getFiles();
    const words = files
      .filter((file) => file.path.endsWith('.pf_index'))
      .map((file) => gunzipSync(file.content).toString('utf8'))
      .join(' ');
    const fragments = files.filter((file) => file.path.endsWith('.pf_fragment')).map((file) => readFragment(file.content));
    return { words, fragments };
  } finally {
    await pagefind.close();
  }
}

const page = (body: string) =>
  `<!doctype html><html lang="vi"><body><header>Đồ thị</header><main id="noi-dung" data-pagefind-body>${body}</main><footer>Đơn vị</footer></body></html>`;

describe('INDEX_CODE', () => {
  it('names files that exist, so each is part of the index fingerprint', () => {
    const root = new URL('../../', import.meta.url);
    const missing = INDEX_CODE.filter((file) => !existsSync(new URL(file, root)));
    expect(missing).toEqual([]);
    expect(INDEX_CODE).toContain('src/search/search-terms.ts');
  });
});

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

describe('enrichPage', () => {
  const cites = new Map([
    [
      'ke-hoach-1',
      [
        { id: 'chi-thi-46-ct-tw', number: '46-CT/TW' },
        { id: 'luat-quoc-phong', number: null },
        { id: 'nghi-dinh-21-2019-nd-cp', number: '21/2019/NĐ-CP' },
      ],
    ],
  ]);

  it('marks đ in the body only, adds a cites filter per cited document and their numbers as metadata', () => {
    const html = page('<h1>Kế hoạch</h1><span hidden data-node-id="ke-hoach-1"></span><p>Căn cứ Nghị định số 21/2019/NĐ-CP</p>');
    const enriched = enrichPage(html, cites);
    expect(enriched?.marked).toBe(2);
    expect(enriched?.cites).toBe(3);
    expect(enriched?.html).toContain(
      '<main id="noi-dung" data-pagefind-body>' +
        '<span hidden data-pagefind-meta="cited[data-cited]" data-cited="ct/tw 21/2019/nd-cp 21/2019 nd-cp"></span>' +
        '<span hidden data-pagefind-filter="cites[data-cites]" data-cites="chi-thi-46-ct-tw"></span>' +
        '<span hidden data-pagefind-filter="cites[data-cites]" data-cites="luat-quoc-phong"></span>' +
        '<span hidden data-pagefind-filter="cites[data-cites]" data-cites="nghi-dinh-21-2019-nd-cp"></span><h1>',
    );
    expect(enriched?.html).toContain('<p>Căn cứ Nghị d\u0335ịnh số 21/2019/ND\u0335-CP</p>');
    // Only the indexed element is handed to Pagefind: no header, no footer.
    expect(enriched?.html).not.toContain('<header>');
    expect(enriched?.html).not.toContain('<footer>');
    expect(enriched?.html.endsWith('</main></body></html>')).toBe(true);
  });

  it('leaves out what Pagefind ignores, unless it holds a filter or metadata', () => {
    const html = page(
      '<p>Đề án</p><section data-pagefind-ignore><p>Được dẫn chiếu bởi</p><section><p>lồng</p></section></section>' +
        '<div data-pagefind-ignore><span data-pagefind-filter="type[data-type]" data-type="Nghị định"></span></div><img data-pagefind-ignore alt="">Cuối',
    );
    const indexed = enrichPage(html, cites)?.html ?? '';
    expect(indexed).not.toContain('dẫn chiếu');
    expect(indexed).not.toContain('lồng');
    expect(indexed).not.toContain('<img');
    expect(indexed).toContain(
      '<div data-pagefind-ignore><span data-pagefind-filter="type[data-type]" data-type="Nghị định"></span></div>',
    );
    expect(indexed).toContain('Cuối</main>');
    expect(enrichPage(html, cites)?.marked).toBe(1);
  });

  it('leaves out ids and link targets, which the index never holds, but not from a tag Pagefind reads them in', () => {
    const html = page(
      '<h2 id="dieu-1">Điều 1</h2><p>Xem <a href="/ra-soat/trang/3/#ra-soat-ke-hoach-1" class="lien-ket">rà soát</a></p>' +
        '<a hidden data-pagefind-meta="source[href]" href="/nguon/">nguồn</a>',
    );
    const indexed = enrichPage(html, cites)?.html ?? '';
    expect(indexed).toContain('<h2>D\u0335iều 1</h2><p>Xem <a class="lien-ket">rà soát</a></p>');
    expect(indexed).toContain('<a hidden data-pagefind-meta="source[href]" href="/nguon/">nguồn</a>');
    // The page's own element keeps its id (the site's markup is not the indexed text).
    expect(indexed).toContain('<main id="noi-dung" data-pagefind-body>');
  });

  it('marks metadata attributes but not filter values, which the menus show as stored', () => {
    const html = page(
      '<span hidden data-pagefind-meta="issuer[data-issuer]" data-issuer="Bộ Quốc phòng, Đảng ủy"></span>' +
        '<span hidden data-pagefind-filter="type[data-type]" data-type="Nghị định"></span>',
    );
    const marked = enrichPage(html, cites)?.html ?? '';
    expect(marked).toContain('data-issuer="Bộ Quốc phòng, D\u0335ảng ủy"');
    expect(marked).toContain('data-type="Nghị định"');
  });

  it('doubles the page’s own U+2054 in text and metadata, never in filters', () => {
    const html = page(
      `<span hidden data-pagefind-meta="title[data-title]" data-title="A${REPEAT_MARK}B"></span>` +
        `<span hidden data-pagefind-filter="type[data-type]" data-type="X${REPEAT_MARK}"></span><p>C${REPEAT_MARK}D</p>`,
    );
    const indexed = enrichPage(html, cites)?.html ?? '';
    expect(indexed).toContain(`data-title="A${REPEAT_MARK}${REPEAT_MARK}B"`);
    expect(indexed).toContain(`data-type="X${REPEAT_MARK}"`);
    expect(indexed).toContain(`<p>C${REPEAT_MARK}${REPEAT_MARK}D</p>`);
    expect(readableText(`C${REPEAT_MARK}${REPEAT_MARK}D`)).toBe(`C${REPEAT_MARK}D`);
  });

  it('drops the ids of the indexed elements, so Pagefind keeps no anchors, but not data attributes ending in "id"', () => {
    const html = page(
      '<h2 id="muc-1">I. MỤC ĐÍCH</h2><span hidden data-node-id="ke-hoach-1"></span><p id="p-2" class="x">Đề án id="y"</p>',
    );
    const enriched = enrichPage(html, cites)!.html;
    expect(enriched).toContain('<h2>I. MỤC D\u0335ÍCH</h2>');
    expect(enriched).toContain('<span hidden data-node-id="ke-hoach-1"></span>');
    expect(enriched).toContain('<p class="x">D\u0335ề án id="y"</p>');
    // The indexed element's own tag is kept as it is.
    expect(enriched).toContain('<main id="noi-dung" data-pagefind-body>');
  });

  it('leaves pages without an indexed body alone', () => {
    expect(enrichPage('<html><body><main>Đồ thị</main></body></html>', cites)).toBeNull();
  });
});

describe('marked pages through Pagefind itself', () => {
  it('indexes đ-words under their d form, and the page’s text reads back as written', async () => {
    const html = page('<h1>Nghị định 21/2019/NĐ-CP</h1><p>Quy định về khu vực phòng thủ; Đề án được duyệt.</p>');
    const { words, fragments } = await indexWithPagefind(html);
    // Folded "d" forms are in the index, so "nghi dinh", "de an" and "nd-cp" can match.
    for (const word of ['dinh', 'de', 'duoc', '212019ndcp']) expect(words).toContain(word);
    expect(fragments).toHaveLength(1);
    const data = fragments[0]!;
    expect(readableText(data.meta.title)).toBe('Nghị định 21/2019/NĐ-CP');
    expect(readableText(data.content)).toContain('Quy định về khu vực phòng thủ; Đề án được duyệt.');
    expect(readableText(data.content)).not.toContain('\u0335');
  });

  it('indexes a word repeated on a page as searchable only so many times, and the text reads back unchanged', async () => {
    const sentence = 'Bảo vệ an ninh Tổ quốc.';
    const repeats = SEARCHABLE_REPEATS + 5;
    const html = page(`<h1>An ninh</h1>${`<p>${sentence}</p>`.repeat(repeats)}`);
    const { words, fragments } = await indexWithPagefind(html);
    // Pagefind keeps the mark inside the word, under a word of its own that no query starts with.
    expect(words).toContain(`${REPEAT_MARK}ninh`);
    expect(words).toMatch(/(^|[^\u2054])ninh/);
    const data = fragments[0]!;
    expect(readableText(data.content)).toBe(`An ninh. ${Array(repeats).fill(sentence).join(' ')}`);
    // Every word still counts for the page's length.
    expect(data.word_count).toBe(2 + repeats * 6);
  });
});

describe('anchors', () => {
  it('are none in the fragments: one excerpt per result, not one per heading (each a pass over the whole text)', async () => {
    const { fragments } = await indexWithPagefind(
      page(
        '<h1>Kế hoạch</h1><h2 id="muc-1">I. Mục đích</h2><p>Bảo vệ an ninh.</p><h2 id="muc-2">II. Nội dung</h2><p>An ninh.</p>',
      ),
    );
    expect((fragments[0] as unknown as { anchors: unknown[] }).anchors).toEqual([]);
    expect(readableText(fragments[0]!.content)).toBe('Kế hoạch. I. Mục đích. Bảo vệ an ninh. II. Nội dung. An ninh.');
  });
});

describe('indexSite’s word-index chunks', () => {
  it('splits the word index into chunks of INDEX_CHUNK_SIZE occurrences, not Pagefind’s 20,000', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'vbg-chunks-'));
    try {
      // 40 pages of 1,000 different words each ("baca", "bacb", …): 40,000 occurrences, each
      // counted twice by Pagefind's chunking (its place and its page), so 80,000 in all.
      const letters = 'abcdeghiklmnopqrstuvxy';
      const word = (n: number): string =>
        `b${letters[Math.floor(n / letters.length ** 2) % letters.length]}${letters[Math.floor(n / letters.length) % letters.length]}${letters[n % letters.length]}`;
      for (let index = 0; index < 40; index += 1) {
        const words = Array.from({ length: 1000 }, (_, at) => word(index * 1000 + at)).join(' ');
        await mkdir(path.join(site, `van-ban/${index}`), { recursive: true });
        await writeFile(path.join(site, `van-ban/${index}/index.html`), page(`<h1>Kế hoạch ${index}</h1><p>${words}</p>`));
      }
      await indexSite(site, null);
      const chunks = (await readdir(path.join(site, 'pagefind/0/index'))).filter((name) => name.endsWith('.pf_index'));
      expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(80_000 / INDEX_CHUNK_SIZE) - 1);
      expect(chunks.length).toBeGreaterThan(Math.ceil(80_000 / 20_000) * 2);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
