/**
 * View model of /kiem-tra/: where the data is uncertain.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import type { PlanFrontmatter } from '../pipeline/emit/mdx/frontmatter-schema.ts';
import type { IngestReport } from '../pipeline/emit/report-schema.ts';
import { conflictingIssuers } from '../pipeline/resolve/issuer-equivalence.ts';
import { t } from '../i18n/t.ts';
import { byLabel } from './document-view.ts';

/**
 * Issuers of a node that truly disagree. One body written two ways ("Bộ Công an" and
 * "Bộ trưởng Bộ Công an", "Bộ Chính trị (khóa XI)") is not a conflict: the resolver's rule.
 *
 * @param node A node of the graph.
 * @returns The disagreeing issuers, or [] when all name one body.
 */
export function issuerConflict(node: GraphNode): string[] {
  return node.issuers.length > 1 ? conflictingIssuers(node.issuers) : [];
}

/**
 * Documents given different full dates or truly different issuers by different mentions.
 *
 * @param graph The graph.
 * @returns Nodes with a conflict.
 */
export function conflictingNodes(graph: GraphData): GraphNode[] {
  return graph.nodes.filter((node) => node.dateConflict || issuerConflict(node).length > 0).sort(byLabel);
}

/** A plan with missing or partial metadata. */
export interface IncompletePlan {
  id: string;
  label: string;
  /** What is missing, in Vietnamese. */
  problems: string[];
}

/**
 * What a plan's record lacks.
 *
 * @param plan Frontmatter of a plan page.
 * @returns Vietnamese descriptions, empty when complete.
 */
export function missingFields(plan: PlanFrontmatter): string[] {
  const problems: string[] = [];
  if (plan.number === null) problems.push(t('quality.missingNumber'));
  if (plan.date === null) problems.push(t('quality.missingDate'));
  else if (plan.date.partial) problems.push(t('quality.partialDate'));
  if (plan.issuer === null) problems.push(t('quality.missingIssuer'));
  if (plan.title === null) problems.push(t('quality.missingTitle'));
  return problems;
}

/**
 * Plans with missing or partial metadata.
 *
 * @param plans Frontmatter of every plan page.
 * @param graph The graph (for labels).
 * @returns Incomplete plans, by id.
 */
export function incompletePlans(plans: PlanFrontmatter[], graph: GraphData): IncompletePlan[] {
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  return plans
    .map((plan) => ({ id: plan.id, label: labels.get(plan.id) ?? plan.id, problems: missingFields(plan) }))
    .filter((plan) => plan.problems.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A resolver problem as /kiem-tra/ lists it. */
type CorpusProblem = IngestReport['problems'][number];

/** Problems the conflicts section already shows, in a reader's form (dates as dd/mm/yyyy). */
const SHOWN_AS_CONFLICT = new Set(['date-conflict', 'issuer-conflict']);

/**
 * The resolver's problems left for the "Vấn đề" section: a date or issuer conflict of a
 * document listed under the conflicts is not said a second time.
 *
 * @param problems The report's problems.
 * @param conflicts Nodes of the conflicts section.
 * @returns Problems still to show, in the resolver's order.
 */
export function otherProblems(problems: readonly CorpusProblem[], conflicts: readonly GraphNode[]): CorpusProblem[] {
  const listed = new Set(conflicts.map((node) => node.id));
  return problems.filter((problem) => !(SHOWN_AS_CONFLICT.has(problem.code) && problem.node && listed.has(problem.node)));
}

/**
 * A problem's line split around its document's label, so the label is written once, as
 * the link: the resolver's messages start with the document ("Kết luận 44-KL/TW của …: …").
 *
 * @param message The problem's message.
 * @param label The label of its node, or null when it has none.
 * @returns The text after the linked label (starting with ": " when the message does not
 *   start with the label), or the whole message when there is no label.
 */
export function problemRest(message: string, label: string | null): string {
  if (!label) return message;
  return message.startsWith(label) ? message.slice(label.length) : `: ${message}`;
}

/**
 * Most unresolved mentions and most problems /kiem-tra/ lists (a line each, ~0.2 KB): a corpus
 * of thousands of real documents could hold tens of thousands. The page says how many more
 * there are and links /data/report.json, which holds them all.
 */
export const QUALITY_LIST_LIMIT = 1000;
