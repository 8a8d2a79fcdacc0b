import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocumentStarts } from '../../src/pipeline/read/document-starts.ts';

/** Real documents (state and Party), as plain text with their headers. */
const devDocs = '../shared/corpus/dev/docs';
const documents = readdirSync(devDocs)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(devDocs, name), 'utf8') }))
  // Only documents that open with a header of their own (a number line near the top).
  .filter((doc) => /^(?:Số:?\s)/mu.test(doc.text.split('\n').slice(0, 14).join('\n')));

/** Cut a document into "pages" of about `lines` lines, with the "\f" lines readers write. */
function paginate(text: string, lines = 40): string {
  const all = text.split('\n');
  const pages: string[] = [];
  for (let start = 0; start < all.length; start += lines) pages.push(all.slice(start, start + lines).join('\n'));
  return pages.join('\n\f\n');
}

describe('findDocumentStarts', () => {
  it('has state and Party documents to work on', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    expect(documents.some((doc) => doc.text.includes('ĐẢNG CỘNG SẢN'))).toBe(true);
  });

  it.each(documents.map((doc) => [doc.name, doc.text] as const))('finds no second document inside %s', (_name, text) => {
    expect(findDocumentStarts(paginate(text))).toEqual([]);
  });

  it('finds the page where the next document of a bundle starts', () => {
    const [first, second, third] = documents;
    const bundle = [paginate(first!.text), paginate(second!.text), third!.text].join('\n\f\n');
    const pagesOfFirst = paginate(first!.text).split('\f').length;
    const pagesOfSecond = paginate(second!.text).split('\f').length;
    expect(findDocumentStarts(bundle)).toEqual([pagesOfFirst + 1, pagesOfFirst + pagesOfSecond + 1]);
  });

  it('finds a Party document after a state one (motto "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 45-HD/…")', () => {
    const state = documents.find((doc) => doc.text.includes('CỘNG HÒA'))!;
    const party = documents.find((doc) => doc.text.includes('ĐẢNG CỘNG SẢN'))!;
    expect(findDocumentStarts(`${state.text}\n\f\n${party.text}`)).toEqual([2]);
  });

  it('does not count a repeated header with the same number, nor an annex', () => {
    const doc = documents[0]!;
    expect(findDocumentStarts(`${doc.text}\n\f\n${doc.text}`)).toEqual([]);
    const header = doc.text.split('\n').slice(0, 10).join('\n');
    const annex = `${header.replace(/^Số:.*$/mu, 'Số: 999/PL-UBND')}\nPHỤ LỤC\nDanh mục kèm theo`;
    expect(findDocumentStarts(`${doc.text}\n\f\n${annex}`)).toEqual([]);
  });

  it('reads OCR text: columns run together, marks misread, form feed glued to a line', () => {
    const page1 = 'ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ\nSố: 4532/UBND-KSTTHC\nNội dung trang 1.';
    const page2 =
      'UBND TỈNH PHÚ THỌ\nVĂN PHÒNG\nCỘNG HOA XA HOI CHU NGHIA VIET NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 620/VP-KSTTHC\nPhú Thọ, ngày 07 tháng 12 năm 2011';
    expect(findDocumentStarts(`${page1}\f${page2}`)).toEqual([2]);
  });

  it('needs both the motto and a number line near the top of the page', () => {
    const doc = documents[0]!;
    const mottoLate = `${'Một dòng nội dung.\n'.repeat(20)}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/CV-UBND`;
    const numberOnly = 'Số: 77/TB-UBND\nThông báo kết quả';
    expect(findDocumentStarts(`${doc.text}\f${mottoLate}\f${numberOnly}`)).toEqual([]);
    expect(findDocumentStarts('')).toEqual([]);
    expect(findDocumentStarts(doc.text)).toEqual([]);
  });
});
