import { describe, expect, it } from 'vitest';
import { resolveCorpus, type ResolvedCorpus } from '../../src/pipeline/resolve.ts';
import { cite, citation, mention, plan } from '../fixtures/resolve/factories.ts';

const tayNinh = { issuer: 'UBND tỉnh Tây Ninh', place: 'Tây Ninh' };

function node(corpus: ResolvedCorpus, id: string) {
  const found = corpus.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}; have ${corpus.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

describe('resolveCorpus: state documents with a year', () => {
  // One node for 21/2019/NĐ-CP whatever the spelling, dated or not, across plans.
  const a = plan({
    ...tayNinh,
    number: '1062/KH-UBND',
    date: '2024-04-11',
    text: 'Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về khu vực phòng thủ;',
  });
  const b = plan({
    issuer: 'UBND tỉnh Bình Phước',
    place: 'Bình Phước',
    number: '31/KH-UBND',
    date: '2023-02-02',
    text: 'Theo NGHỊ ĐỊNH 21/2019/ND-CP và Thông tư 111/2013/TT- BTC.',
  });
  const corpus = resolveCorpus([
    {
      plan: a,
      citations: cite(a, {
        text: 'Nghị định số 21/2019/NĐ-CP ngày 22/02/2019',
        docType: 'Nghị định',
        number: '21/2019/NĐ-CP',
        date: '2019-02-22',
        issuer: 'Chính phủ',
        subject: 'về khu vực phòng thủ',
        relation: 'can-cu',
      }),
    },
    {
      plan: b,
      citations: cite(
        b,
        { text: 'NGHỊ ĐỊNH 21/2019/ND-CP', docType: 'NGHỊ ĐỊNH', number: '21/2019/ND-CP' },
        { text: 'Thông tư 111/2013/TT- BTC', docType: 'Thông tư', number: '111/2013/TT- BTC' },
      ),
    },
  ]);

  it('makes one node with the fullest facts', () => {
    const n = node(corpus, 'nghi-dinh-21-2019-nd-cp');
    expect(n.label).toBe('Nghị định 21/2019/NĐ-CP');
    expect(n.date).toEqual({ iso: '2019-02-22', partial: false });
    expect(n.issuerLevel).toBe('chinh-phu');
    expect(n.inDegree).toBe(2);
    expect(n.mentionCount).toBe(2);
    expect(n.url).toBe('van-ban/nghi-dinh-21-2019-nd-cp/');
    expect(n.inCorpus).toBe(false);
  });

  it('drops stray spaces in numbers', () => {
    expect(node(corpus, 'thong-tu-111-2013-tt-btc').number).toBe('111/2013/TT-BTC');
  });

  it('gives plan → cited edges with the mention’s anchor and sentence', () => {
    const edge = corpus.edges.find((e) => e.source === a.meta.id);
    expect(edge).toMatchObject({ target: 'nghi-dinh-21-2019-nd-cp', relation: 'can-cu', count: 1 });
    expect(edge?.mentions[0]).toMatchObject({ anchor: 'trich-dan-1', sentence: a.text });
  });
});

describe('resolveCorpus: Party central documents', () => {
  const a = plan({
    issuer: 'UBND tỉnh Bình Phước',
    place: 'Bình Phước',
    number: '31/KH-UBND',
    date: '2023-02-02',
    text: 'thực hiện Kết luận 44-KL/TW ngày 21/01/2019 của Ban Bí thư; Chỉ thị 46-CT/TW ngày 22/6/2015.',
  });
  const b = plan({
    ...tayNinh,
    number: '860/KH-UBND',
    date: '2024-03-25',
    text: 'Kết luận số 44-KL/TW, ngày 22/01/2019 của Ban Bí thư Trung ương Đảng (khóa XII); Chỉ thị 46-CT/TW ngày 01/3/2021; Chỉ thị 46-CT/TW.',
  });
  const corpus = resolveCorpus([
    {
      plan: a,
      citations: cite(
        a,
        {
          text: 'Kết luận 44-KL/TW ngày 21/01/2019',
          docType: 'Kết luận',
          number: '44-KL/TW',
          date: '2019-01-21',
          issuer: 'Ban Bí thư',
        },
        { text: 'Chỉ thị 46-CT/TW ngày 22/6/2015', docType: 'Chỉ thị', number: '46-CT/TW', date: '2015-06-22' },
      ),
    },
    {
      plan: b,
      citations: cite(
        b,
        {
          text: 'Kết luận số 44-KL/TW, ngày 22/01/2019',
          docType: 'Kết luận',
          number: '44-KL/TW',
          date: '2019-01-22',
          issuer: 'Ban Bí thư Trung ương Đảng (khóa XII)',
        },
        { text: 'Chỉ thị 46-CT/TW ngày 01/3/2021', docType: 'Chỉ thị', number: '46-CT/TW', date: '2021-03-01' },
        { text: 'Chỉ thị 46-CT/TW', occurrence: 1, docType: 'Chỉ thị', number: '46-CT/TW' },
      ),
    },
  ]);

  it('keeps 44-KL/TW dated 21/01 and 22/01/2019 as one node with a date conflict', () => {
    const n = node(corpus, 'ket-luan-44-kl-tw-2019');
    expect(n.dates.map((d) => d.iso)).toEqual(['2019-01-21', '2019-01-22']);
    expect(n.dateConflict).toBe(true);
    expect(n.issuerLevel).toBe('dang-trung-uong');
    expect(corpus.problems.some((p) => p.code === 'date-conflict' && p.node === n.id)).toBe(true);
    // Same body written two ways is no issuer conflict.
    expect(corpus.problems.some((p) => p.code === 'issuer-conflict')).toBe(false);
  });

  it('splits the same number years apart and reports an undated one as ambiguous', () => {
    expect(node(corpus, 'chi-thi-46-ct-tw-2015').inDegree).toBe(1);
    expect(node(corpus, 'chi-thi-46-ct-tw-2021').inDegree).toBe(1);
    expect(node(corpus, 'chi-thi-46-ct-tw').dates).toEqual([]);
    const ambiguous = corpus.problems.filter((p) => p.code === 'ambiguous-mention');
    expect(ambiguous).toMatchObject([{ plan: b.meta.id, anchor: 'trich-dan-3' }]);
  });
});

describe('resolveCorpus: local numbers and plans of the corpus', () => {
  const letter = plan({
    ...tayNinh,
    type: 'Công văn',
    number: '1584/UBND-NCPC',
    date: '2020-07-17',
    title: 'nâng cao năng lực tham mưu',
    text: 'Thực hiện Luật ngân sách Nhà nước.',
  });
  const tn = plan({
    ...tayNinh,
    number: '1062/KH-UBND',
    date: '2024-04-11',
    text: 'Thực hiện Chỉ thị số 07/CT-UBND ngày 15/12/2023 của UBND tỉnh; Công văn số 1584/UBND-NCPC ngày 17/7/2020 của UBND tỉnh; Kế hoạch 07/KH-UBND ngày 02/3/2023; Luật Ngân sách nhà nước; Luật Giáo dục quốc phòng an ninh.',
  });
  const baTo = plan({
    issuer: 'UBND huyện Ba Tơ',
    place: 'Ba Tơ',
    number: null,
    date: '2025-02',
    text: 'Căn cứ Kế hoạch số 07/KH-UBND ngày 16 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh Quảng Ngãi; Luật Giáo dục quốc phòng và an ninh.',
  });
  const corpus = resolveCorpus([
    {
      plan: baTo,
      citations: cite(
        baTo,
        {
          text: 'Kế hoạch số 07/KH-UBND ngày 16 tháng 01 năm 2025',
          docType: 'Kế hoạch',
          number: '07/KH-UBND',
          date: '2025-01-16',
          issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
          relation: 'can-cu',
        },
        { text: 'Luật Giáo dục quốc phòng và an ninh', name: 'Luật Giáo dục quốc phòng và an ninh', docType: 'Luật' },
      ),
    },
    {
      plan: letter,
      citations: cite(letter, { text: 'Luật ngân sách Nhà nước', name: 'Luật ngân sách Nhà nước', docType: 'Luật' }),
    },
    {
      plan: tn,
      citations: cite(
        tn,
        {
          text: 'Chỉ thị số 07/CT-UBND ngày 15/12/2023',
          docType: 'Chỉ thị',
          number: '07/CT-UBND',
          date: '2023-12-15',
          issuer: 'UBND tỉnh',
          relation: 'thuc-hien',
        },
        {
          text: 'Công văn số 1584/UBND-NCPC ngày 17/7/2020',
          docType: 'Công văn',
          number: '1584/UBND-NCPC',
          date: '2020-07-17',
          issuer: 'UBND tỉnh',
        },
        { text: 'Kế hoạch 07/KH-UBND ngày 02/3/2023', docType: 'Kế hoạch', number: '07/KH-UBND', date: '2023-03-02' },
        { text: 'Luật Ngân sách nhà nước', name: 'Luật Ngân sách nhà nước', docType: 'Luật' },
        { text: 'Luật Giáo dục quốc phòng an ninh', name: 'Luật Giáo dục quốc phòng an ninh', docType: 'Luật' },
      ),
    },
  ]);

  it('reads “UBND tỉnh” in a Tây Ninh plan as UBND tỉnh Tây Ninh', () => {
    const n = node(corpus, 'chi-thi-07-ct-ubnd-tay-ninh-2023');
    expect(n.issuer).toBe('UBND tỉnh Tây Ninh');
    expect(n.issuerLevel).toBe('tinh');
  });

  it('keeps a Quảng Ngãi 07/KH-UBND apart from a Tây Ninh one', () => {
    expect(node(corpus, 'ke-hoach-07-kh-ubnd-quang-ngai-2025').issuerLevel).toBe('tinh');
    expect(node(corpus, 'ke-hoach-07-kh-ubnd-tay-ninh-2023').issuer).toBeNull();
  });

  it('resolves a citation of a corpus plan to the plan’s node', () => {
    const n = node(corpus, letter.meta.id);
    expect(n).toMatchObject({
      inCorpus: true,
      inDegree: 1,
      label: 'Công văn 1584/UBND-NCPC',
      subject: 'nâng cao năng lực tham mưu',
      dateConflict: false,
    });
    expect(corpus.nodes.filter((x) => x.number === '1584/UBND-NCPC')).toHaveLength(1);
    const mentions = corpus.mentions.get(tn.meta.id) ?? [];
    expect(mentions[1]).toMatchObject({ anchor: 'trich-dan-2', node: letter.meta.id });
  });

  it('labels a draft plan by type and issuer', () => {
    expect(node(corpus, baTo.meta.id).label).toBe('Kế hoạch (dự thảo) – UBND huyện Ba Tơ');
    expect(node(corpus, baTo.meta.id).issuerLevel).toBe('huyen');
  });

  it('folds law names: case, “và”, accents', () => {
    expect(node(corpus, 'luat-ngan-sach-nha-nuoc').inDegree).toBe(2);
    const law = node(corpus, 'luat-giao-duc-quoc-phong-an-ninh');
    expect(law.inDegree).toBe(2);
    expect(law.label).toBe('Luật Giáo dục quốc phòng và an ninh');
    expect(law.name).toBe(law.label);
  });
});

describe('resolveCorpus: document → document relations', () => {
  const text =
    'Căn cứ Nghị định số 139/2020/NĐ-CP ngày 27/11/2020 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ;';
  const p = plan({ ...tayNinh, number: '1062/KH-UBND', date: '2024-04-11', text });
  const m139 = mention(p, {
    text: 'Nghị định số 139/2020/NĐ-CP ngày 27/11/2020',
    docType: 'Nghị định',
    number: '139/2020/NĐ-CP',
    date: '2020-11-27',
    issuer: 'Chính phủ',
    relation: 'can-cu',
    links: [{ relation: 'sua-doi', target: 1 }],
  });
  const m13 = mention(p, {
    text: 'Nghị định số 13/2014/NĐ-CP ngày 25/02/2014',
    docType: 'Nghị định',
    number: '13/2014/NĐ-CP',
    date: '2014-02-25',
    issuer: 'Chính phủ',
    relation: 'can-cu',
  });
  const corpus = resolveCorpus([{ plan: p, citations: [citation([m13]), citation([m139])], mentions: [m139, m13] }]);

  it('adds 139/2020 --sua-doi--> 13/2014', () => {
    const edge = corpus.edges.find((e) => e.relation === 'sua-doi');
    expect(edge).toMatchObject({ source: 'nghi-dinh-139-2020-nd-cp', target: 'nghi-dinh-13-2014-nd-cp', count: 1 });
    expect(edge?.mentions[0]?.anchor).toBe('trich-dan-1');
    expect(node(corpus, 'nghi-dinh-13-2014-nd-cp').inDegree).toBe(2);
  });
});

describe('resolveCorpus: determinism and problems', () => {
  const make = () => {
    const a = plan({
      ...tayNinh,
      number: '1/KH-UBND',
      date: '2024-01-02',
      text: 'Chỉ thị 46-CT/TW ngày 22/6/2015 của Bộ Chính trị; Kết luận 44-KL/TW của Bộ Chính trị.',
    });
    const b = plan({
      ...tayNinh,
      id: 'ban-sao',
      number: '1/KH-UBND',
      date: '2024-03-02',
      file: 'copy.txt',
      text: 'Kết luận 44-KL/TW ngày 21/01/2019 của Ban Bí thư.',
    });
    return [
      {
        plan: a,
        citations: cite(
          a,
          { text: 'Chỉ thị 46-CT/TW ngày 22/6/2015', number: '46-CT/TW', date: '2015-06-22', issuer: 'Bộ Chính trị' },
          { text: 'Kết luận 44-KL/TW', number: '44-KL/TW', issuer: 'Bộ Chính trị' },
        ),
      },
      {
        plan: b,
        citations: cite(b, {
          text: 'Kết luận 44-KL/TW ngày 21/01/2019',
          number: '44-KL/TW',
          date: '2019-01-21',
          issuer: 'Ban Bí thư',
        }),
      },
    ];
  };

  it('gives the same output whatever the input order', () => {
    const one = resolveCorpus(make());
    const two = resolveCorpus(make().reverse());
    const json = (c: ResolvedCorpus) => JSON.stringify({ ...c, mentions: [...c.mentions] });
    expect(json(two)).toBe(json(one));
  });

  it('reports duplicate plans and issuer conflicts', () => {
    const corpus = resolveCorpus(make());
    const codes = corpus.problems.map((p) => p.code);
    expect(codes).toContain('duplicate-plan');
    expect(codes).toContain('issuer-conflict');
    // Undated 44-KL/TW joins the only dated node of that number.
    expect(node(corpus, 'ket-luan-44-kl-tw-2019').mentionCount).toBe(2);
  });
});

describe('resolveCorpus: a generic issuer with no place to read it against', () => {
  // A district's plan citing "UBND tỉnh" does not say which province.
  const p = plan({
    issuer: 'UBND huyện Ba Tơ',
    place: 'Ba Tơ',
    number: '5/KH-UBND',
    date: '2025-03-01',
    text: 'Chỉ thị số 07/CT-UBND ngày 15/01/2025 của UBND tỉnh.',
  });
  const corpus = resolveCorpus([
    {
      plan: p,
      citations: cite(p, {
        text: 'Chỉ thị số 07/CT-UBND ngày 15/01/2025',
        docType: 'Chỉ thị',
        number: '07/CT-UBND',
        date: '2025-01-15',
        issuer: 'UBND tỉnh',
      }),
    },
  ]);

  it('keeps the node out of Ba Tơ and reports the unknown place', () => {
    expect(corpus.nodes.map((n) => n.id)).toContain('chi-thi-07-ct-ubnd-2025');
    expect(corpus.problems).toMatchObject([{ code: 'unknown-place', plan: p.meta.id, anchor: 'trich-dan-1' }]);
  });
});
