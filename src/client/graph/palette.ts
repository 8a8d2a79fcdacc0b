/**
 * Colours and line styles of the graph, shared by the Cytoscape stylesheet and the legend.
 *
 * Node colours are Paul Tol's "muted" scheme (distinguishable with the common colour-vision
 * deficiencies); shape, not colour, tells plans of the corpus from cited-only documents, and
 * relations differ by line pattern as well as colour.
 */
import type { GraphRelation } from '../../pipeline/emit/graph-schema.ts';
import { EDGE_RELATIONS, ISSUER_LEVELS, type IssuerLevel } from '../../model.ts';

/** Issuer levels in legend order. */
export const LEVELS: readonly IssuerLevel[] = ISSUER_LEVELS;

export const LEVEL_COLOURS: Record<IssuerLevel, string> = {
  'dang-trung-uong': '#882255',
  'dang-dia-phuong': '#CC6677',
  'quoc-hoi': '#332288',
  'chinh-phu': '#88CCEE',
  'bo-nganh': '#44AA99',
  tinh: '#117733',
  huyen: '#999933',
  xa: '#DDCC77',
  'quan-doi': '#AA4499',
  khac: '#BBBBBB',
};

/** Relations in legend order. */
export const RELATIONS: readonly GraphRelation[] = EDGE_RELATIONS;

export interface RelationStyle {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
}

export const RELATION_STYLES: Record<GraphRelation, RelationStyle> = {
  'can-cu': { colour: '#4a5a6a', line: 'solid', width: 1.5 },
  'thuc-hien': { colour: '#4a5a6a', line: 'dashed', width: 1.5 },
  'dan-chieu': { colour: '#a0a0a0', line: 'dotted', width: 1.2 },
  'sua-doi': { colour: '#E69F00', line: 'solid', width: 2 },
  'huong-dan': { colour: '#0072B2', line: 'solid', width: 2 },
  'ban-hanh-kem-theo': { colour: '#009E73', line: 'dashed', width: 2 },
  'phe-duyet': { colour: '#CC79A7', line: 'solid', width: 2 },
  'thay-the': { colour: '#D55E00', line: 'dashed', width: 2 },
  'quy-dinh-chi-tiet': { colour: '#0072B2', line: 'dashed', width: 2 },
  'bai-bo': { colour: '#D55E00', line: 'solid', width: 2.5 },
  'het-hieu-luc': { colour: '#D55E00', line: 'dotted', width: 2 },
  'dinh-chi': { colour: '#000000', line: 'dashed', width: 2 },
  'dinh-chinh': { colour: '#56B4E9', line: 'dotted', width: 2 },
  'hop-nhat': { colour: '#56B4E9', line: 'solid', width: 2 },
};

/** SVG `stroke-dasharray` for a line style (the legend draws with SVG attributes, CSP-safe). */
export const DASH_ARRAYS: Record<RelationStyle['line'], string | undefined> = {
  solid: undefined,
  dashed: '6 3',
  dotted: '1.5 3',
};
