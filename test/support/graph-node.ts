/**
 * A graph node with every field filled, for tests that build small graphs by hand: a cited
 * Nghị định outside the corpus, known by nothing but its id. Tests override the fields they
 * look at; the keys keep the schema's order, so a node written out reads like the pipeline's.
 */
import { UNKNOWN_STATUS, type GraphNode } from '../../src/pipeline/emit/graph-schema.ts';

export function graphNode({ id, ...fields }: Partial<GraphNode> & Pick<GraphNode, 'id'>): GraphNode {
  return {
    id,
    url: `van-ban/${id}/`,
    label: 'Nghị định',
    type: 'Nghị định',
    number: null,
    name: null,
    date: null,
    dates: [],
    dateConflict: false,
    issuer: null,
    issuers: [],
    issuerLevel: 'chinh-phu',
    subject: null,
    inCorpus: false,
    file: null,
    inDegree: 0,
    outDegree: 0,
    mentionCount: 1,
    status: UNKNOWN_STATUS,
    x: 0,
    y: 0,
    ...fields,
  };
}

/** Nghị định 21/2019/NĐ-CP as the pipeline writes it when two sentences cite it. */
export const DECREE_21_2019: GraphNode = graphNode({
  id: 'nghi-dinh-21-2019-nd-cp',
  label: 'Nghị định 21/2019/NĐ-CP',
  number: '21/2019/NĐ-CP',
  date: { iso: '2019-02-22', partial: false },
  issuer: 'Chính phủ',
  subject: 'về khu vực phòng thủ',
  inDegree: 1,
  mentionCount: 2,
});
