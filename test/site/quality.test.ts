import { describe, expect, it } from 'vitest';
import { UNKNOWN_STATUS, type GraphData, type GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { levelNote } from '../../src/utils/format.ts';
import { conflictingNodes, issuerConflict, otherProblems, problemRest } from '../../src/utils/quality.ts';

function node(id: string, issuers: string[], dateConflict = false): GraphNode {
  return {
    id,
    url: `van-ban/${id}/`,
    label: id,
    type: null,
    number: null,
    name: null,
    date: null,
    dates: [],
    dateConflict,
    issuer: issuers[0] ?? null,
    issuers,
    issuerLevel: 'khac',
    subject: null,
    inCorpus: false,
    file: null,
    inDegree: 1,
    outDegree: 0,
    mentionCount: 1,
    status: UNKNOWN_STATUS,
    x: 0,
    y: 0,
  };
}

describe('/kiem-tra/ conflicts', () => {
  // The two lines the seed site used to list, and one real conflict.
  const graph = {
    nodes: [
      node('chi-thi-46-ct-tw-2015', ['Bộ Chính trị', 'Bộ Chính trị (khóa XI)']),
      node('thong-tu-124-2021-tt-bca', ['Bộ Công an', 'Bộ trưởng Bộ Công an']),
      node('ket-luan-44-kl-tw-2019', ['Ban Bí thư', 'Bộ Chính trị']),
      node('ke-hoach-1', ['UBND tỉnh'], true),
    ],
  } as unknown as GraphData;

  it('lists a document only for issuers that are truly different bodies, or dates', () => {
    expect(conflictingNodes(graph).map((n) => n.id)).toEqual(['ke-hoach-1', 'ket-luan-44-kl-tw-2019']);
  });

  it('shows the disagreeing issuers only', () => {
    expect(issuerConflict(graph.nodes[1] as GraphNode)).toEqual([]);
    expect(issuerConflict(graph.nodes[2] as GraphNode)).toEqual(['Ban Bí thư', 'Bộ Chính trị']);
  });
});

describe('/kiem-tra/ problems', () => {
  const message =
    'Kết luận 44-KL/TW của Ban Bí thư Trung ương Đảng (khóa XII): các văn bản ghi ngày khác nhau (2019-01-21, 2019-01-22).';

  it('writes the label once, as the link, when the message starts with it', () => {
    expect(problemRest(message, 'Kết luận 44-KL/TW')).toBe(
      ' của Ban Bí thư Trung ương Đảng (khóa XII): các văn bản ghi ngày khác nhau (2019-01-21, 2019-01-22).',
    );
    expect(problemRest('Hai tệp trùng nhau.', 'Kế hoạch 31/KH-UBND')).toBe(': Hai tệp trùng nhau.');
    expect(problemRest('Hai tệp trùng nhau.', null)).toBe('Hai tệp trùng nhau.');
  });

  it('does not say twice a conflict the conflicts section lists', () => {
    const conflict = node('ket-luan-44-kl-tw-2019', ['Ban Bí thư'], true);
    const problems = [
      { code: 'date-conflict', node: 'ket-luan-44-kl-tw-2019', plan: null, anchor: null, message },
      { code: 'type-conflict', node: 'ket-luan-44-kl-tw-2019', plan: null, anchor: null, message: 'x' },
      { code: 'date-conflict', node: 'other', plan: null, anchor: null, message: 'y' },
    ];
    expect(otherProblems(problems, [conflict]).map((p) => p.message)).toEqual(['x', 'y']);
  });
});

describe('levelNote', () => {
  it('puts a level in parentheses, unless it has its own', () => {
    expect(levelNote('Cấp tỉnh')).toBe(' (Cấp tỉnh)');
    expect(levelNote('Đảng (Trung ương)')).toBe(' · Đảng (Trung ương)');
  });
});
