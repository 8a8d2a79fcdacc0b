/**
 * One node per legislative act across the corpus: a law cited by name in one plan and by
 * number in another is one node; an unnumbered title resolves to the version in force on the
 * citing plan's date, or to the one a year in the text names; when neither decides, one node
 * for the title and a problem saying so.
 */
import { describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model.ts';
import { extractReport } from '../../src/pipeline/extract-report.ts';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { corpusStatuses } from '../../src/pipeline/emit/graph.ts';
import { resolveCorpus } from '../../src/pipeline/resolve.ts';
import { plan } from '../fixtures/resolve/factories.ts';

/** A plan's text in the layout of Nghị định 30/2020 (organ, motto, Số, place and date, type). */
function planText(number: string, place: string, date: string, body: string): string {
  const [day, month, year] = date.split('/');
  return [
    'ỦY BAN NHÂN DÂN',
    `TỈNH ${place.toUpperCase()}`,
    '-------',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    `Số: ${number}`,
    `${place}, ngày ${day} tháng ${month} năm ${year}`,
    '',
    'KẾ HOẠCH',
    '',
    'Triển khai công tác quốc phòng địa phương',
    '',
    body,
    '',
  ].join('\n');
}

function source(file: string, text: string): SourceText {
  return { file, text, encoding: 'utf-8', sha256: file, byteLength: Buffer.byteLength(text), messages: [] };
}

/** Node id of the first citation of `file` whose mention text matches `pattern`. */
function citedId(report: ReturnType<typeof extractReport>, file: string, pattern: RegExp): string | undefined {
  const entry = report.find((item) => item.file === file);
  return entry?.citations.find((citation) => citation.mentions.some((mention) => pattern.test(mention.text)))?.id;
}

describe('law identity across plans', () => {
  const report = extractReport([
    source(
      'a.txt',
      planText(
        '21/KH-UBND',
        'Tây Ninh',
        '15/3/2024',
        '- Tuyên truyền, phổ biến Luật Quốc phòng, Luật Dân quân tự vệ đến cán bộ, nhân dân.',
      ),
    ),
    source(
      'b.txt',
      planText('35/KH-UBND', 'Bình Phước', '02/02/2023', 'Căn cứ Luật Quốc phòng số 22/2018/QH14 ngày 08 tháng 6 năm 2018;'),
    ),
    source('c.txt', planText('12/KH-UBND', 'Quảng Ngãi', '10/5/2012', '- Quán triệt Luật Quốc phòng đến cán bộ, đảng viên.')),
    source(
      'd.txt',
      planText('40/KH-UBND', 'Long An', '20/8/2024', '- Thực hiện Luật Quốc phòng năm 2005 và Luật Nghĩa vụ quân sự.'),
    ),
  ]);

  it('"Luật Quốc phòng" in a 2024 plan and 22/2018/QH14 in another are one node', () => {
    const byName = citedId(report, 'a.txt', /^Luật Quốc phòng$/u);
    expect(byName).toBeDefined();
    expect(citedId(report, 'b.txt', /22\/2018\/QH14/u)).toBe(byName);
    expect(byName).toBe('luat-22-2018-qh14');
  });

  it('a 2012 plan cites the 2005 law, which 22/2018/QH14 replaced', () => {
    const older = citedId(report, 'c.txt', /^Luật Quốc phòng$/u);
    expect(older).toBeDefined();
    expect(older).not.toBe(citedId(report, 'a.txt', /^Luật Quốc phòng$/u));
  });

  it('"năm 2005" in the text names the 2005 law, whatever the plan\'s date', () => {
    expect(citedId(report, 'd.txt', /Luật Quốc phòng năm 2005/u)).toBe(citedId(report, 'c.txt', /^Luật Quốc phòng$/u));
  });
});

describe('law identity: undecided versions', () => {
  it('an undated plan citing a title passed twice gets one node for the title and a problem', () => {
    const text = 'Thực hiện Luật Quốc phòng.';
    const undated = plan({ issuer: 'UBND huyện Ba Tơ', place: 'Quảng Ngãi', number: null, date: null, text });
    const corpus = resolveCorpus([{ plan: undated, citations: groupCitations(extract(text)) }]);
    const law = corpus.nodes.find((node) => node.label === 'Luật Quốc phòng');
    expect(law).toMatchObject({ id: 'luat-quoc-phong', number: null });
    const problem = corpus.problems.find((item) => item.code === 'undecided-law-version');
    expect(problem?.message).toMatch(/39\/2005\/QH11, 22\/2018\/QH14/u);
  });
});

describe('law identity: the status of a law cited by title only', () => {
  /** The node and status of the first law labelled `label` in a corpus of the given plans. */
  function statusOf(label: string, ...plans: { date: string | null; text: string }[]) {
    const inputs = plans.map((spec, index) => {
      const parsed = plan({ issuer: 'UBND tỉnh Tây Ninh', place: 'Tây Ninh', number: `${index + 1}/KH-UBND`, ...spec });
      return { plan: parsed, citations: groupCitations(extract(spec.text)) };
    });
    const corpus = resolveCorpus(inputs);
    const node = corpus.nodes.find((item) => item.label === label);
    return { node, status: node ? corpusStatuses(corpus, '2025-01-01').byNode.get(node.id) : undefined };
  }

  it('"Luật Quốc phòng" in a 2024 plan alone is 22/2018/QH14, whose status the reference data knows', () => {
    const { node, status } = statusOf('Luật Quốc phòng', {
      date: '2024-03-15',
      text: '- Tuyên truyền, phổ biến Luật Quốc phòng, Luật Dân quân tự vệ đến cán bộ, nhân dân.',
    });
    expect(node?.number).toBeNull();
    expect(status?.state).not.toBe('khong-ro');
    expect(status?.inForceFrom).toBe('2019-01-01');
  });

  it('"Luật Quốc phòng" in a 2012 plan is the 2005 law, replaced by 22/2018/QH14', () => {
    const { status } = statusOf('Luật Quốc phòng', {
      date: '2012-05-10',
      text: '- Quán triệt Luật Quốc phòng đến cán bộ, đảng viên.',
    });
    expect(status?.state).toBe('bi-thay-the');
  });

  it('"Luật Quốc phòng năm 2005" in a 2024 plan is the 2005 law, whatever the plan\'s date', () => {
    const { status } = statusOf('Luật Quốc phòng', {
      date: '2024-08-20',
      text: '- Thực hiện Luật Quốc phòng năm 2005 và Luật Nghĩa vụ quân sự.',
    });
    expect(status?.state).toBe('bi-thay-the');
  });

  it('an undated plan leaves the version, and so the status, unknown', () => {
    const { status } = statusOf('Luật Quốc phòng', { date: null, text: 'Thực hiện Luật Quốc phòng.' });
    expect(status?.state).toBe('khong-ro');
  });
});
