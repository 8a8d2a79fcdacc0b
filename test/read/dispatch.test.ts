/**
 * Format by content: magic bytes first, the extension only as a hint; a renamed file is
 * read as what it is, with a warning; what no reader knows is reported, never dropped.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/pipeline/read/dispatch.ts';
import { formatOfExtension, sniffFormat } from '../../src/pipeline/read/sniff.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const PLAN =
  'UBND TỈNH TÂY NINH\nSố: 1062/KH-UBND\nTây Ninh, ngày 11 tháng 4 năm 2024\nKẾ HOẠCH\nTriển khai Nghị định số 21/2019/NĐ-CP\n';

describe('sniffFormat', () => {
  it.each([
    ['a.pdf', encode('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['junk-before.pdf', encode('\r\n\r\n%PDF-1.4\n'), 'pdf'],
    ['a.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'doc'],
    ['a.docx', zipSync({ '[Content_Types].xml': encode('<Types/>'), 'word/document.xml': encode('<w:document/>') }), 'docx'],
    [
      'a.odt',
      zipSync({ mimetype: encode('application/vnd.oasis.opendocument.text'), 'content.xml': encode('<office/>') }),
      'odt',
    ],
    ['a.zip', zipSync({ 'x.txt': encode('x') }), 'zip'],
    ['a.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image'],
    ['a.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'image'],
    ['a.tif', Uint8Array.from([0x49, 0x49, 0x2a, 0x00]), 'image'],
    ['a.txt', encode(PLAN), 'txt'],
    ['trang.htm', encode('<!DOCTYPE html><p>x</p>'), 'html'],
    ['luu-tu-web.txt', encode('<html><body>x</body></html>'), 'html'],
    ['ghi-chu.md', encode('# Tiêu đề'), 'md'],
    // Renamed: a PDF called .docx, a text called .pdf.
    ['doi-ten.docx', encode('%PDF-1.5\n'), 'pdf'],
    ['doi-ten.pdf', encode(PLAN), 'txt'],
  ] as const)('%s → %s', (name, bytes, format) => {
    expect(sniffFormat(bytes, name)).toBe(format);
  });

  it('knows the extensions of every reader, in any case', () => {
    expect(['x.TXT', 'x.Docx', 'x.DOC', 'x.pdf', 'x.jpeg', 'x.tiff', 'x.html', 'x.md'].map(formatOfExtension)).toEqual([
      'txt',
      'docx',
      'doc',
      'pdf',
      'image',
      'image',
      'html',
      'md',
    ]);
    expect(formatOfExtension('bang-tinh.xlsx')).toBeNull();
  });
});

describe('readDocument', () => {
  it('reads a .txt exactly as the text decoder does, and says so', async () => {
    const source = await readDocument(encode(PLAN), 'ke-hoach.txt');
    expect(source.text).toBe(PLAN);
    expect(source.origin).toEqual({ format: 'txt', reader: 'text', pageCount: null, conversions: [], ocr: null });
    expect(source.messages).toEqual([]);
  });

  it('reads a renamed file by its content and warns, naming the file and both formats', async () => {
    const source = await readDocument(encode(PLAN), 'ke-hoach.pdf');
    expect(source.text).toBe(PLAN);
    expect(source.messages).toHaveLength(1);
    expect(source.messages[0]).toMatchObject({ level: 'warning', code: 'wrong-extension' });
    expect(source.messages[0]?.message).toContain('ke-hoach.pdf');
    expect(source.messages[0]?.message).toContain('PDF');
  });

  it('reports a zip that is not a Word file, and an unknown binary, by name', async () => {
    const zip = await readDocument(zipSync({ 'a.txt': encode('x') }), 'nen.docx');
    expect(zip.text).toBeNull();
    expect(zip.messages[0]).toMatchObject({ level: 'error', code: 'unsupported-zip' });
    expect(zip.messages[0]?.message).toContain('nen.docx');
    const rtf = await readDocument(encode('{\\rtf1\\ansi x}'), 'van-ban.rtf');
    expect(rtf.messages[0]).toMatchObject({ level: 'error', code: 'unsupported-binary' });
  });

  it('keeps the hash and size of the bytes for every format', async () => {
    const source = await readDocument(encode(PLAN), 'a.txt');
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source.byteLength).toBe(encode(PLAN).byteLength);
  });
});
