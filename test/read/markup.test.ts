/**
 * The .html and .md readers: pages saved from a legal portal arrive as one block per line,
 * with the header table flattened cell by cell, and the pipeline reads their header.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlToLines, markdownToLines, readHtml, readMarkdown } from '../../src/pipeline/read/markup.ts';
import { readDocument } from '../../src/pipeline/read/dispatch.ts';
import { unicodeToLegacy } from '../../src/pipeline/read/legacy-encoding.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A portal page as saved by a browser: header table, scripts, a menu, a body. */
const PORTAL_HTML = `<!DOCTYPE html><html><head><title>Công văn 2214/BXD-QLN</title>
<script>var x = "<p>không phải văn bản</p>";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Trang chủ</a></nav>
<table><tr><td><b>BỘ XÂY DỰNG</b><br>-------</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------</td></tr>
<tr><td>Số: 2214/BXD-QLN<br>V/v: hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg</td><td><i>Hà Nội, ngày 23 tháng 10 năm 2013</i></td></tr></table>
<p>Kính gửi: Sở Xây dựng các tỉnh,&nbsp;thành phố trực thuộc Trung ương</p>
<p>Ngày 26/4/2013, Thủ tướng Chính phủ đã ban hành Quyết định số 22/2013/QĐ-TTg
về hỗ trợ người có công với cách mạng về nhà ở &amp; các văn bản liên quan.</p>
<ul><li>Mục một</li><li>Mục hai</li></ul></body></html>`;

describe('htmlToLines', () => {
  it('gives one line per table cell line and paragraph, without scripts, styles or the menu', () => {
    expect(htmlToLines(PORTAL_HTML).split('\n')).toEqual([
      'BỘ XÂY DỰNG',
      '-------',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      'Số: 2214/BXD-QLN',
      'V/v: hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg',
      'Hà Nội, ngày 23 tháng 10 năm 2013',
      'Kính gửi: Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương',
      'Ngày 26/4/2013, Thủ tướng Chính phủ đã ban hành Quyết định số 22/2013/QĐ-TTg về hỗ trợ người có công với cách mạng về nhà ở & các văn bản liên quan.',
      'Mục một',
      'Mục hai',
    ]);
  });

  it('keeps text as data: markup inside text is not run or parsed twice', () => {
    expect(htmlToLines('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
  });
});

describe('markdownToLines', () => {
  it('flattens a GFM table to one cell per line and drops emphasis markers', () => {
    const markdown = [
      '| **BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI** ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |',
      '|---|---|',
      '| Số: 895/LĐTBXH-NCC | *Hà Nội, ngày 21 tháng 3 năm 2013* |',
      '',
      'Kính gửi: Sở Lao động - Thương binh và Xã hội',
      '',
      '1. Thực hiện Pháp lệnh số 04/2012/UBTVQH13;',
      '2. Nghị định số 31/2013/NĐ-CP.',
    ].join('\n');
    expect(markdownToLines(markdown).split('\n')).toEqual([
      'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI -------',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 895/LĐTBXH-NCC',
      'Hà Nội, ngày 21 tháng 3 năm 2013',
      'Kính gửi: Sở Lao động - Thương binh và Xã hội',
      '1. Thực hiện Pháp lệnh số 04/2012/UBTVQH13;',
      '2. Nghị định số 31/2013/NĐ-CP.',
    ]);
  });
});

describe('readHtml / readMarkdown', () => {
  it('say which reader read the file and pass decoding errors on, naming the file', async () => {
    const html = await readHtml(encode(PORTAL_HTML), 'cv.html', {});
    expect(html.origin).toMatchObject({ format: 'html', reader: 'hast-util-from-html', conversions: [] });
    const empty = await readMarkdown(new Uint8Array(), 'rong.md', {});
    expect(empty.text).toBeNull();
    expect(empty.messages[0]?.message).toContain('rong.md');
  });

  it('read an .html typed in TCVN3 as Unicode, as a .txt would be', async () => {
    const legacy = unicodeToLegacy('<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>', 'tcvn3');
    const bytes = new Uint8Array(iconv.encode(legacy, 'windows-1252'));
    const source = await readDocument(bytes, 'tcvn3.html');
    expect(source.messages).toEqual([expect.objectContaining({ code: 'legacy-encoding-tcvn3' })]);
    expect(source.text).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
    expect(source.origin?.conversions).toEqual(['tcvn3']);
  });
});
