/**
 * View model of /kiem-tra/: where the data is uncertain.
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import type { PlanFrontmatter } from '../pipeline/emit/mdx/frontmatter-schema.ts';
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
