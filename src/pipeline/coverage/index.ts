/**
 * Coverage: who implemented what (src/pipeline/coverage/coverage.ts), the timeline of a
 * cascade (timeline.ts), trien-khai.csv (csv.ts), related documents (related.ts) and the
 * pages of /trien-khai/ (views.ts). Pure, from graph.json; each computed once per graph.
 */
import type { GraphData } from '../emit/graph-schema.ts';
import { buildCoverage, type Coverage } from './coverage.ts';
import { buildRelated, type Related } from './related.ts';

export * from './coverage.ts';
export * from './dates.ts';
export * from './levels.ts';
export { toCoverageCsv, COVERAGE_CSV_HEADER } from './csv.ts';
export { buildRelated, type Related, type RelatedDocument, type OtherYear, type RelatedRef } from './related.ts';
export { timelineSvg } from './timeline.ts';
export * from './views.ts';

const coverages = new WeakMap<GraphData, Coverage>();
const relateds = new WeakMap<GraphData, Map<string, Related>>();

/**
 * The coverage of a graph, computed once per graph object.
 *
 * @param graph The graph.
 * @returns Its coverage.
 */
export function coverageOf(graph: GraphData): Coverage {
  let coverage = coverages.get(graph);
  if (!coverage) coverages.set(graph, (coverage = buildCoverage(graph)));
  return coverage;
}

/**
 * Related documents of every document of a graph, computed once per graph object.
 *
 * @param graph The graph.
 * @returns By node id.
 */
export function relatedOf(graph: GraphData): ReadonlyMap<string, Related> {
  let related = relateds.get(graph);
  if (!related) relateds.set(graph, (related = buildRelated(graph)));
  return related;
}
