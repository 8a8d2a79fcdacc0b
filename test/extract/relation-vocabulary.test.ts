/**
 * The relation vocabulary, verb by verb, on real sentences (the seeds, the shared dev and
 * portal corpora, the hand-annotated holdout documents; rows marked "form" are the standard
 * phrasing of Vietnamese legal texts for verbs the corpora hold no numbered example of), in
 * both directions: "A sửa đổi, bổ sung … B" is A acting on B; "A (được sửa đổi, bổ sung bởi B)"
 * is B acting on A; "Quyết định này … thay thế Quyết định số …" is the text acting on it.
 * Then every relation has its two Vietnamese labels, and a page lists both directions.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../../src/pipeline/extract.ts';
import { statedLink } from '../../src/pipeline/extract/relations.ts';
import { EDGE_RELATIONS } from '../../src/model.ts';
import { documentRelations } from '../../src/utils/document-view.ts';
import type { GraphData, GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { graphNode } from '../support/graph-node.ts';
import { RELATION_STYLES } from '../../src/client/graph/palette.ts';

/** A relation as the extractor states it: who acts, how, on whom ("này" = the text itself). */
type Triple = [string, string, string];

/**
 * Every relation a text states: links between its mentions and the text's own acts.
 *
 * @param text A sentence.
 * @returns Triples, in mention order.
 */
function relationsOf(text: string): Triple[] {
  const mentions = extract(text);
  const name = (index: number): string => mentions[index]?.number ?? mentions[index]?.name ?? `#${index}`;
  const triples: Triple[] = [];
  mentions.forEach((mention, index) => {
    for (const link of mention.links) triples.push([name(index), link.relation, name(link.target)]);
    if (mention.self) triples.push(['này', mention.self, name(index)]);
  });
  return triples;
}

/** [verb, source of the sentence, sentence, the relations it states]. */
const TABLE: [string, string, string, Triple[]][] = [
  [
    'thực hiện / triển khai',
    'seed 002',
    'Căn cứ Kế hoạch số 1891/KH-UBND ngày 22 tháng 6 năm 2023 của UBND tỉnh về triển khai thực hiện Chỉ thị số 30-CT/TU, ngày 26 tháng 4 năm 2023',
    [['1891/KH-UBND', 'thuc-hien', '30-CT/TU']],
  ],
  [
    'triển khai',
    'dev kh_nghean (form of "Kế hoạch số 321-KH/TU … về triển khai …")',
    'Kế hoạch số 321-KH/TU ngày 11/4/2025 của Tỉnh ủy Nghệ An triển khai Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ',
    [['321-KH/TU', 'thuc-hien', '214/NQ-CP']],
  ],
  [
    'hướng dẫn (thực hiện)',
    'seed 001',
    'Hướng dẫn số 19/HD-CAT-PV05 ngày 21/10/2022 của Công an tỉnh về hướng dẫn thực hiện Thông tư số 124/2021/TT-BCA của Bộ Công an',
    [['19/HD-CAT-PV05', 'huong-dan', '124/2021/TT-BCA']],
  ],
  [
    'hướng dẫn thi hành',
    'form',
    'Thông tư số 01/2015/TT-BNV ngày 14/4/2015 của Bộ Nội vụ hướng dẫn thi hành Nghị định số 41/2012/NĐ-CP ngày 08/5/2012 của Chính phủ',
    [['01/2015/TT-BNV', 'huong-dan', '41/2012/NĐ-CP']],
  ],
  [
    'quy định chi tiết (và hướng dẫn biện pháp thi hành)',
    'portal qd_byt_3176_2024',
    'Thông tư số 30/2020/TT-BYT ngày 31 tháng 12 năm 2020 của Bộ trưởng Bộ Y tế quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ',
    [['30/2020/TT-BYT', 'quy-dinh-chi-tiet', '146/2018/NĐ-CP']],
  ],
  [
    'quy định chi tiết và biện pháp thi hành',
    'seed 1062',
    'Căn cứ Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ quy định chi tiết và biện pháp thi hành Luật Giáo dục quốc phòng và an ninh;',
    [['13/2014/NĐ-CP', 'quy-dinh-chi-tiet', 'Luật Giáo dục quốc phòng và an ninh']],
  ],
  [
    'sửa đổi, bổ sung',
    'seed 000',
    'Căn cứ Nghị định số 139/2020/NĐ-CP ngày 27/11/2020 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ;',
    [['139/2020/NĐ-CP', 'sua-doi', '13/2014/NĐ-CP']],
  ],
  [
    'được sửa đổi, bổ sung bởi (passive)',
    'holdout cv_hanoi_dauthau_2025',
    'Luật Đấu thầu số 22/2023/QH15 ngày 29/11/2024, được sửa đổi, bổ sung bởi Luật số 57/2024/QH15 ngày 25/6/2025',
    [['57/2024/QH15', 'sua-doi', '22/2023/QH15']],
  ],
  [
    '(đã được sửa đổi, bổ sung tại) (passive)',
    'holdout cv_cucthue_5348_2025 (form)',
    'Thông tư số 219/2013/TT-BTC ngày 31/12/2013 của Bộ Tài chính (đã được sửa đổi, bổ sung tại Thông tư số 26/2015/TT-BTC ngày 27/02/2015)',
    [['26/2015/TT-BTC', 'sua-doi', '219/2013/TT-BTC']],
  ],
  [
    'thay thế (the text itself)',
    'portal (Quyết định 1666/QĐ-BHXH, Điều 5)',
    'Điều 5. Hiệu lực thi hành Quyết định này có hiệu lực thi hành từ ngày 01/4/2021 thay thế Quyết định số 1313/QĐ-BHXH ngày 02/12/2014 của Tổng Giám đốc BHXH Việt Nam về việc ban hành mẫu thẻ BHYT.',
    [['này', 'thay-the', '1313/QĐ-BHXH']],
  ],
  [
    'thay thế các … (a list)',
    'portal (Quyết định of Lai Châu, Điều 4)',
    'Điều 4. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký và thay thế các Quyết định số 25/2005/QĐ-UB ngày 03/02/2005; Quyết định số 32/2005/QĐ-UB ngày 01/4/2005 của UBND tỉnh.',
    [
      ['này', 'thay-the', '25/2005/QĐ-UB'],
      ['này', 'thay-the', '32/2005/QĐ-UB'],
    ],
  ],
  [
    'được thay thế bằng (passive)',
    'form',
    'Nghị định số 116/2007/NĐ-CP ngày 10/7/2007 của Chính phủ đã được thay thế bằng Nghị định số 63/2010/NĐ-CP ngày 08/6/2010',
    [['63/2010/NĐ-CP', 'thay-the', '116/2007/NĐ-CP']],
  ],
  [
    'bãi bỏ (an article of the text)',
    'form',
    'Điều 2. Bãi bỏ Quyết định số 25/2019/QĐ-UBND ngày 12/7/2019 của Ủy ban nhân dân tỉnh.',
    [['này', 'bai-bo', '25/2019/QĐ-UBND']],
  ],
  [
    'bãi bỏ (a part: amended, not ended)',
    'form',
    'Điều 2. Bãi bỏ khoản 3 Điều 5 của Quyết định số 25/2019/QĐ-UBND ngày 12/7/2019 của Ủy ban nhân dân tỉnh.',
    [['này', 'sua-doi', '25/2019/QĐ-UBND']],
  ],
  [
    'bãi bỏ (between two documents)',
    'form',
    'Thông tư số 15/2022/TT-BTC ngày 04/3/2022 của Bộ Tài chính bãi bỏ Thông tư số 102/2008/TT-BTC ngày 11/11/2008',
    [['15/2022/TT-BTC', 'bai-bo', '102/2008/TT-BTC']],
  ],
  [
    'bị bãi bỏ bởi (passive)',
    'form',
    'Quyết định số 58/2015/QĐ-TTg ngày 17/11/2015 đã bị bãi bỏ bởi Quyết định số 15/2024/QĐ-TTg ngày 20/9/2024',
    [['15/2024/QĐ-TTg', 'bai-bo', '58/2015/QĐ-TTg']],
  ],
  [
    'hết hiệu lực (the text itself)',
    'form',
    'Thông tư số 08/2014/TT-BQP ngày 12/02/2014 của Bộ Quốc phòng hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực.',
    [['này', 'het-hieu-luc', '08/2014/TT-BQP']],
  ],
  [
    'hết hiệu lực kể từ ngày … có hiệu lực (between two documents)',
    'form',
    'Nghị định số 116/2007/NĐ-CP hết hiệu lực kể từ ngày Nghị định số 63/2010/NĐ-CP có hiệu lực',
    [['63/2010/NĐ-CP', 'het-hieu-luc', '116/2007/NĐ-CP']],
  ],
  [
    'đình chỉ (việc thi hành)',
    'form',
    'Quyết định số 1245/QĐ-TTg ngày 20/7/2020 của Thủ tướng Chính phủ đình chỉ việc thi hành Quyết định số 54/2019/QĐ-UBND ngày 18/12/2019',
    [['1245/QĐ-TTg', 'dinh-chi', '54/2019/QĐ-UBND']],
  ],
  [
    'tạm đình chỉ (the text itself)',
    'form',
    'Điều 1. Tạm đình chỉ thi hành Quyết định số 54/2019/QĐ-UBND ngày 18/12/2019 của Ủy ban nhân dân tỉnh.',
    [['này', 'dinh-chi', '54/2019/QĐ-UBND']],
  ],
  [
    'đính chính',
    'form',
    'Quyết định số 1291/QĐ-BGDĐT ngày 10/5/2021 của Bộ Giáo dục và Đào tạo đính chính Thông tư số 01/2021/TT-BGDĐT ngày 02/02/2021',
    [['1291/QĐ-BGDĐT', 'dinh-chinh', '01/2021/TT-BGDĐT']],
  ],
  [
    'được đính chính tại (passive)',
    'form',
    'Thông tư số 01/2021/TT-BGDĐT ngày 02/02/2021 (được đính chính tại Quyết định số 1291/QĐ-BGDĐT ngày 10/5/2021)',
    [['1291/QĐ-BGDĐT', 'dinh-chinh', '01/2021/TT-BGDĐT']],
  ],
  [
    'hợp nhất',
    'form',
    'Văn bản hợp nhất số 05/VBHN-BQP ngày 20/01/2021 của Bộ Quốc phòng hợp nhất Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ',
    [['05/VBHN-BQP', 'hop-nhat', '13/2014/NĐ-CP']],
  ],
  [
    'ban hành kèm theo',
    'form',
    'Quy chế làm việc ban hành kèm theo Quyết định số 05/2021/QĐ-UBND ngày 15/01/2021 của Ủy ban nhân dân tỉnh; Quy định số 12-QĐ/TU ngày 02/3/2021 ban hành kèm theo Quyết định số 40-QĐ/TU ngày 02/3/2021',
    [['12-QĐ/TU', 'ban-hanh-kem-theo', '40-QĐ/TU']],
  ],
  [
    'phê duyệt',
    'form',
    'Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia; Quyết định số 2397/QĐ-UBND ngày 08/9/2021 phê duyệt Kế hoạch số 155/KH-UBND ngày 30/8/2021',
    [['2397/QĐ-UBND', 'phe-duyet', '155/KH-UBND']],
  ],
  [
    'được phê duyệt tại (passive)',
    'form',
    'Kế hoạch số 155/KH-UBND ngày 30/8/2021 được phê duyệt tại Quyết định số 2397/QĐ-UBND ngày 08/9/2021',
    [['2397/QĐ-UBND', 'phe-duyet', '155/KH-UBND']],
  ],
  [
    'phê duyệt of something else (a Quy chế) is no link to the decree it follows',
    'seed 1062',
    'Tiếp tục tham mưu thực hiện nghiêm Quyết định số 39/QĐ-UBND ngày 29/4/2020 của UBND tỉnh phê duyệt Quy chế phối hợp giữa Công an, Quân sự, Biên phòng theo Nghị định số 03/2019/NĐ-CP ngày 05/9/2019 của Chính phủ;',
    [],
  ],
  [
    'an article of a law amending another (Luật 28/2018/QH14, a .docx)',
    'files corpus',
    'Điều 4. Sửa đổi, bổ sung một số điều của Luật Hóa chất',
    [['này', 'sua-doi', 'Luật Hóa chất']],
  ],
  [
    '"chuẩn bị sửa đổi" is not passive ("bị" inside a word)',
    'form',
    'Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ chuẩn bị sửa đổi, bổ sung Quyết định số 90/QĐ-TTg ngày 18/01/2022',
    [['1719/QĐ-TTg', 'sua-doi', '90/QĐ-TTg']],
  ],
  [
    'căn cứ (a plan to its basis: not a link between the two)',
    'portal qd_laichau_16_2010',
    'Căn cứ Luật Đất đai ngày 26/11/2003; Căn cứ Nghị định số 181/2004/NĐ-CP ngày 29/10/2004 của Chính phủ về thi hành Luật Đất đai;',
    [],
  ],
  [
    'a task of a plan is not an act ("- Sửa đổi, bổ sung …")',
    'form',
    '- Sửa đổi, bổ sung Quyết định số 25/2019/QĐ-UBND ngày 12/7/2019 cho phù hợp với quy định mới.',
    [],
  ],
];

describe('relation vocabulary: real sentences, both directions', () => {
  for (const [verb, source, sentence, expected] of TABLE) {
    it(`${verb} (${source})`, () => {
      expect(relationsOf(sentence)).toEqual(expected);
    });
  }

  it('the plan’s own relation (căn cứ, thực hiện) comes from its lead phrase', () => {
    const mentions = extract(
      'Căn cứ Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ;\nThực hiện Chỉ thị số 07/CT-UBND ngày 15/12/2023 của UBND tỉnh;',
    );
    expect(mentions.map((mention) => [mention.number, mention.relation])).toEqual([
      ['13/2014/NĐ-CP', 'can-cu'],
      ['07/CT-UBND', 'thuc-hien'],
    ]);
  });

  it('reads the direction from the words between the two mentions', () => {
    expect(statedLink(' ngày 27/11/2020 của Chính phủ sửa đổi, bổ sung một số điều của ')).toEqual({
      relation: 'sua-doi',
      reverse: false,
    });
    expect(statedLink(' ngày 25/02/2014 (được sửa đổi, bổ sung bởi ')).toEqual({ relation: 'sua-doi', reverse: true });
    expect(statedLink(' được thay thế bằng ')).toEqual({ relation: 'thay-the', reverse: true });
    expect(statedLink(' ban hành kèm theo ')).toEqual({ relation: 'ban-hanh-kem-theo', reverse: false });
    // "được ban hành kèm theo" is the attachment's own side: no reversal.
    expect(statedLink(' được ban hành kèm theo ')).toEqual({ relation: 'ban-hanh-kem-theo', reverse: false });
    expect(statedLink('; ')).toBeNull();
  });
});

describe('relation vocabulary: labels in both directions', () => {
  const vi = JSON.parse(readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8')) as Record<string, string>;
  const graphVi = JSON.parse(readFileSync(new URL('../../src/i18n/graph.vi.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

  it('every relation has a Vietnamese label for each side, the graph legend’s and a line style', () => {
    for (const relation of EDGE_RELATIONS) {
      expect(vi[`docRelation.${relation}`], relation).toMatch(/^\p{Lu}/u);
      expect(vi[`docRelation.${relation}.reverse`], relation).toMatch(/^\p{Lu}/u);
      expect(vi[`docRelation.${relation}`]).not.toBe(vi[`docRelation.${relation}.reverse`]);
      expect(graphVi[`relation.${relation}`], relation).toBeTruthy();
      expect(RELATION_STYLES[relation], relation).toBeDefined();
    }
    expect(vi['docRelation.sua-doi']).toBe('Sửa đổi, bổ sung');
    expect(vi['docRelation.sua-doi.reverse']).toBe('Được sửa đổi, bổ sung bởi');
  });

  it('each page lists both directions: 139 “Sửa đổi, bổ sung” 13, and 13 “Được sửa đổi, bổ sung bởi” 139', () => {
    const node = (id: string, label: string): GraphNode =>
      graphNode({ id, label, number: label.split(' ')[2] ?? null, issuer: 'Chính phủ' });
    const mention = { plan: 'ke-hoach-1', anchor: 'trich-dan-1', text: 'Nghị định số 139/2020/NĐ-CP', sentence: '…' };
    const relations = ['sua-doi', 'bai-bo', 'het-hieu-luc', 'dinh-chinh', 'hop-nhat', 'quy-dinh-chi-tiet', 'dinh-chi'] as const;
    for (const relation of relations) {
      const graph: GraphData = {
        version: 2,
        statusDate: null,
        nodes: [
          node('nghi-dinh-139-2020-nd-cp', 'Nghị định 139/2020/NĐ-CP'),
          node('nghi-dinh-13-2014-nd-cp', 'Nghị định 13/2014/NĐ-CP'),
        ],
        edges: [
          {
            id: `nghi-dinh-139-2020-nd-cp--${relation}--nghi-dinh-13-2014-nd-cp`,
            source: 'nghi-dinh-139-2020-nd-cp',
            target: 'nghi-dinh-13-2014-nd-cp',
            relation,
            count: 1,
            mentions: [mention],
          },
        ],
      };
      const from = documentRelations(graph, 'nghi-dinh-139-2020-nd-cp');
      const to = documentRelations(graph, 'nghi-dinh-13-2014-nd-cp');
      expect(from.map((item) => [item.phrase, item.node.label])).toEqual([
        [vi[`docRelation.${relation}`], 'Nghị định 13/2014/NĐ-CP'],
      ]);
      expect(to.map((item) => [item.phrase, item.node.label])).toEqual([
        [vi[`docRelation.${relation}.reverse`], 'Nghị định 139/2020/NĐ-CP'],
      ]);
    }
  });
});
