/**
 * `src/utils/act-facts.ts`: the reference facts a cited act's page shows, with links only to
 * acts that are pages of the site.
 */
import { describe, expect, it } from 'vitest';
import type { GraphData, GraphNode } from '../../src/pipeline/emit/graph-schema.ts';
import { actFacts } from '../../src/utils/act-facts.ts';
import { graphNode } from '../support/graph-node.ts';

function node(fields: Partial<GraphNode> & Pick<GraphNode, 'id'>): GraphNode {
  return graphNode({ label: fields.name ?? fields.id, type: 'Luật', issuerLevel: 'quoc-hoi', mentionCount: 0, ...fields });
}

function mention(plan: string, text: string) {
  return { plan, anchor: 'trich-dan-1', text, sentence: text };
}

const plan2024 = node({
  id: 'ke-hoach-21-kh-ubnd-tay-ninh-2024',
  type: 'Kế hoạch',
  number: '21/KH-UBND',
  inCorpus: true,
  date: { iso: '2024-03-15', partial: false },
});
const plan2012 = node({
  id: 'ke-hoach-12-kh-ubnd-quang-ngai-2012',
  type: 'Kế hoạch',
  number: '12/KH-UBND',
  inCorpus: true,
  date: { iso: '2012-05-10', partial: false },
});
const lawByName = node({ id: 'luat-quoc-phong', name: 'Luật Quốc phòng' });
const law2005 = node({ id: 'luat-quoc-phong-2', name: 'Luật Quốc phòng' });
const citation = (source: GraphNode, target: GraphNode, text: string) => ({
  id: `${source.id}->${target.id}`,
  source: source.id,
  target: target.id,
  relation: 'dan-chieu' as const,
  count: 1,
  mentions: [mention(source.id, text)],
});

const graph: GraphData = {
  version: 2,
  statusDate: '2024-03-15',
  nodes: [plan2024, plan2012, lawByName, law2005],
  edges: [citation(plan2024, lawByName, 'Luật Quốc phòng'), citation(plan2012, law2005, 'Luật Quốc phòng')],
};

describe('actFacts', () => {
  it('a title cited in a 2024 plan is the 2018 law; its 2005 predecessor, cited by a 2012 plan, is linked', () => {
    const facts = actFacts(graph, lawByName);
    expect(facts).toMatchObject({ kind: 'Luật', number: '22/2018/QH14', datePassed: '2018-06-08', dateInForce: '2019-01-01' });
    expect(facts?.replaces).toEqual([{ label: 'Luật Quốc phòng (39/2005/QH11)', id: 'luat-quoc-phong-2' }]);
  });

  it('the 2005 law says what replaced it, linked to its page', () => {
    const facts = actFacts(graph, law2005);
    expect(facts?.number).toBe('39/2005/QH11');
    expect(facts?.replacedBy).toEqual([{ label: 'Luật Quốc phòng (22/2018/QH14)', id: 'luat-quoc-phong' }]);
  });

  it('a numbered act is read by its number; an act not in the graph is plain text', () => {
    const numbered = node({ id: 'luat-22-2018-qh14', number: '22/2018/QH14', label: 'Luật Quốc phòng (22/2018/QH14)' });
    const facts = actFacts({ ...graph, nodes: [numbered], edges: [] }, numbered);
    expect(facts?.replaces).toEqual([{ label: 'Luật Quốc phòng (39/2005/QH11)', id: null }]);
  });

  it('is null for what is no legislative act, or an act the data does not know', () => {
    expect(actFacts(graph, plan2024)).toBeNull();
    expect(actFacts(graph, node({ id: 'luat-khong-co', name: 'Luật Không có trong dữ liệu' }))).toBeNull();
  });
});
