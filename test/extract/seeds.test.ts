/**
 * Citations of the seed corpus (content/sources), checked on facts stated in the brief.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import type { Citation } from '../../src/model.ts';

/** Citations of one seed, read as NFC text with LF line ends. */
function citationsOf(name: string, ownNumber: string): Citation[] {
  const text = readFileSync(new URL(`../../content/sources/${name}`, import.meta.url), 'utf8')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n');
  return groupCitations(extract(text, { ownNumber }));
}

/** The citation with this number. */
function byNumber(citations: Citation[], number: string): Citation | undefined {
  return citations.find((citation) => citation.number === number);
}

describe('seed citations', () => {
  const seed000 = citationsOf('000_f97b9327d3f16c43.txt', '1062/KH-UBND');
  const seed001 = citationsOf('001_a01f8457ceee4ac6.txt', '31/KH-UBND');
  const seed002 = citationsOf('002_869f96d070f2dfb7.txt', '860/KH-UBND');

  it('000 is based on Nghị định 21/2019/NĐ-CP of the Government', () => {
    const citation = byNumber(seed000, '21/2019/NĐ-CP');
    expect(citation?.date?.iso).toBe('2019-02-22');
    expect(citation?.issuer).toBe('Chính phủ');
    expect(citation?.relation).toBe('can-cu');
  });

  it('000 cites Công văn 1584/UBND-NCPC of the province', () => {
    const citation = byNumber(seed000, '1584/UBND-NCPC');
    expect(citation?.docType).toBe('Công văn');
    expect(citation?.date?.iso).toBe('2020-07-17');
    expect(citation?.issuer).toBe('UBND tỉnh');
  });

  it('000 links 139/2020/NĐ-CP as amending 13/2014/NĐ-CP', () => {
    const amending = byNumber(seed000, '139/2020/NĐ-CP');
    const mention = amending?.mentions.find((m) => m.links.some((link) => link.relation === 'sua-doi'));
    expect(mention).toBeDefined();
  });

  it('000 cites the named laws, not its own number', () => {
    const names = seed000.filter((c) => c.name).map((c) => c.name);
    expect(names).toContain('Luật Quốc phòng');
    expect(names).toContain('Luật Dân quân tự vệ');
    expect(names).toContain('Luật Giáo dục quốc phòng và an ninh');
    expect(byNumber(seed000, '1062/KH-UBND')).toBeUndefined();
  });

  it('001 joins the short "Thông tư số 124" to 124/2021/TT-BCA', () => {
    const citation = byNumber(seed001, '124/2021/TT-BCA');
    expect(citation?.mentions.map((m) => m.kind)).toEqual(['numbered', 'short-ref']);
    expect(seed001.some((c) => c.number === '124')).toBe(false);
  });

  it('Kết luận 44-KL/TW is dated 21/01/2019 in 001 and 22/01/2019 in 002', () => {
    expect(byNumber(seed001, '44-KL/TW')?.date?.iso).toBe('2019-01-21');
    expect(byNumber(seed002, '44-KL/TW')?.date?.iso).toBe('2019-01-22');
  });

  it('002 merges the two date forms of Kế hoạch 1891/KH-UBND', () => {
    const citation = byNumber(seed002, '1891/KH-UBND');
    expect(citation?.dates.map((date) => date.iso)).toEqual(['2023-06-22']);
    expect(citation?.mentions.length).toBe(3);
  });
});
