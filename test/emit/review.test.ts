/**
 * The rà soát rows and ra-soat.csv on a small graph: one row per plan and changed document it
 * rests on (căn cứ outranks thực hiện), nothing for dẫn chiếu or unchanged documents, the
 * state at the plan's date against the state now, and the changing documents by number.
 */
import { describe, expect, it } from 'vitest';
import { documentStatuses, type StatusNode } from '../../src/pipeline/resolve/status.ts';
import type { GraphData, GraphEdge, GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { graphNode } from '../support/graph-node.ts';
import { REVIEW_CSV_HEADER, reviewRows, toReviewCsv } from '../../src/pipeline/emit/review.ts';

function node(id: string, number: string, date: string, inCorpus = false): GraphNode {
  return graphNode({ id, label: `Nghị định ${number}`, number, date: { iso: date, partial: false }, inCorpus });
}

function edge(source: string, target: string, relation: GraphEdge['relation'], plan = source): GraphEdge {
  return {
    id: `${source}--${relation}--${target}`,
    source,
    target,
    relation,
    count: 1,
    mentions: [{ plan, anchor: 'trich-dan-1', text: target, sentence: `Căn cứ ${target};` }],
  };
}

/** A graph whose nodes carry the statuses its edges give. */
function graph(nodes: GraphNode[], edges: GraphEdge[], statusDate: string): GraphData {
  const statuses = documentStatuses(nodes as StatusNode[], edges, { reference: null, asOf: statusDate });
  return { version: 2, statusDate, nodes: nodes.map((n) => ({ ...n, status: { ...statuses.get(n.id)! } })), edges };
}

const nodes = [
  node('plan-2022', '1/KH-UBND', '2022-05-01', true),
  node('plan-2024', '2/KH-UBND', '2024-04-11', true),
  node('a', '13/2014/NĐ-CP', '2014-02-25'),
  node('b', '139/2020/NĐ-CP', '2020-11-27'),
  node('c', '50/2023/NĐ-CP', '2023-07-01'),
  node('d', '21/2019/NĐ-CP', '2019-02-22'),
];
const edges = [
  edge('b', 'a', 'sua-doi', 'plan-2022'),
  edge('c', 'a', 'thay-the', 'plan-2024'),
  edge('plan-2022', 'a', 'can-cu'),
  edge('plan-2022', 'a', 'thuc-hien'),
  edge('plan-2022', 'd', 'can-cu'),
  edge('plan-2024', 'a', 'thuc-hien'),
  edge('plan-2024', 'b', 'dan-chieu'),
];

describe('reviewRows', () => {
  const rows = reviewRows(graph(nodes, edges, '2024-04-11'));

  it('lists each plan once per changed document it rests on, căn cứ before thực hiện', () => {
    expect(rows.map((row) => [row.plan.id, row.relation, row.cited.id])).toEqual([
      ['plan-2022', 'can-cu', 'a'],
      ['plan-2024', 'thuc-hien', 'a'],
    ]);
  });

  it('tells a document replaced after the plan from one cited after it was replaced', () => {
    expect(rows[0]).toMatchObject({ state: 'bi-thay-the', stateThen: 'bi-sua-doi', timing: 'sau', since: '2023-07-01' });
    expect(rows[1]).toMatchObject({ state: 'bi-thay-the', stateThen: 'bi-thay-the', timing: 'truoc' });
    expect(rows[0]!.changers).toEqual([{ id: 'c', label: 'Nghị định 50/2023/NĐ-CP', number: '50/2023/NĐ-CP' }]);
  });

  it('at an earlier build date the replacement has not happened yet', () => {
    const earlier = reviewRows(graph(nodes, edges, '2022-12-31'));
    expect(earlier.map((row) => [row.plan.id, row.state, row.timing])).toEqual([
      ['plan-2022', 'bi-sua-doi', 'truoc'],
      ['plan-2024', 'bi-sua-doi', 'truoc'],
    ]);
  });
});

describe('toReviewCsv', () => {
  it('writes the rows with a BOM, CRLF and quoted commas', () => {
    const csv = toReviewCsv(graph(nodes, edges, '2024-04-11'));
    expect(csv.startsWith(`\uFEFF${REVIEW_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'plan-2022,1/KH-UBND,2022-05-01,can-cu,a,13/2014/NĐ-CP,bi-thay-the,Đã bị thay thế,bi-sua-doi,sau,50/2023/NĐ-CP,c,2023-07-01',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('is only the header when nothing is changed', () => {
    expect(toReviewCsv(graph(nodes, edges.slice(2), '2024-04-11'))).toBe(`\uFEFF${REVIEW_CSV_HEADER.join(',')}\r\n`);
  });
});
