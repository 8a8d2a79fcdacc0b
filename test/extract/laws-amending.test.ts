/**
 * Amending acts are their own acts, and the act they amend is also a mention (the gold
 * conventions of ../shared/corpus/portal/README.md: cv_ldtbxh_895_2013, cv_btc_19046_2014,
 * qd_byt_1227_2025, qd_bhxh_1666_2020). Real sentences from those documents.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';

/** The legislative acts a text cites: number, name, date and how often. */
function laws(text: string) {
  return groupCitations(extract(text))
    .filter((citation) => citation.name !== null || /Luật|Pháp lệnh|Hiến pháp/u.test(citation.docType ?? ''))
    .map((citation) => ({
      number: citation.number,
      name: citation.name,
      date: citation.date?.iso ?? null,
      mentions: citation.mentions.length,
    }));
}

describe('amending acts', () => {
  it('an ordinance cited by number is named by the reference data; its inner ordinance is a mention', () => {
    expect(
      laws(
        'khóa 13 đã ban hành Pháp lệnh số 04/2012/UBTVQH13 sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng.',
      ),
    ).toEqual([
      {
        number: '04/2012/UBTVQH13',
        name: 'Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách mạng',
        date: null,
        mentions: 1,
      },
      { number: null, name: 'Pháp lệnh ưu đãi người có công với cách mạng', date: null, mentions: 1 },
    ]);
  });

  it('the inner law of a numbered amending law counts for the base law cited by number', () => {
    expect(
      laws(
        'thay thế Luật Hải quan số 29/2001/QH10 năm 2001 và Luật sửa đổi, bổ sung một số điều của Luật Hải quan số 42/2005/QH11 năm 2005.',
      ),
    ).toEqual([
      { number: '29/2001/QH10', name: 'Luật Hải quan', date: null, mentions: 2 },
      { number: '42/2005/QH11', name: 'Luật sửa đổi, bổ sung một số điều của Luật Hải quan', date: null, mentions: 1 },
    ]);
  });

  it('two amending laws of one title are told apart by date; each inner law is the base law', () => {
    const cited = laws(
      'Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008; Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014; Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 27 tháng 11 năm 2024;',
    );
    expect(cited).toEqual([
      { number: null, name: 'Luật Bảo hiểm y tế', date: '2008-11-14', mentions: 3 },
      { number: null, name: 'Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế', date: '2014-06-13', mentions: 1 },
      { number: null, name: 'Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế', date: '2024-11-27', mentions: 1 },
    ]);
  });

  it("a name with another version's year beside a number stays its own citation", () => {
    const cited = laws(
      'Luật Hải quan năm 2014 thay thế Luật Hải quan số 29/2001/QH10 năm 2001. Theo Điều 22 Luật Hải quan năm 2014 và Luật hải quan.',
    );
    expect(cited.map(({ number, name, mentions }) => ({ number, name, mentions }))).toEqual([
      { number: null, name: 'Luật Hải quan', mentions: 3 },
      { number: '29/2001/QH10', name: 'Luật Hải quan', mentions: 1 },
    ]);
  });
});
