/**
 * Turn clusters of occurrences into nodes: merged facts, label, id and url.
 */
import type { DocumentId } from '../../model.ts';
import { toDocumentId } from '../ids.ts';
import type { LocalLevel } from '../issuer-level.ts';
import { lawTitleKey } from '../../text/compare.ts';
import { mergeFacts, type NodeFacts } from './merge.ts';
import type { Occurrence } from './occurrences.ts';
import type { ResolvedNode } from './types.ts';

/** A node before degrees and mention counts are known. */
export type NodeDraft = Omit<ResolvedNode, 'inDegree' | 'outDegree' | 'mentionCount'> & {
  facts: NodeFacts;
};

/**
 * Label of a node: "Nghị định 21/2019/NĐ-CP", "Luật Quốc phòng",
 * "Kế hoạch (dự thảo) – UBND huyện Ba Tơ" for a plan with its number left blank.
 *
 * @param facts Merged facts.
 * @param isPlan Whether the node is a plan of the corpus.
 * @returns The label.
 */
export function nodeLabel(facts: NodeFacts, isPlan: boolean): string {
  const type = facts.type ?? 'Văn bản';
  if (facts.name && facts.number) return `${facts.name} (${facts.number})`;
  if (facts.name) return facts.name;
  if (facts.number) return `${type} ${facts.number}`;
  if (isPlan) return facts.issuer ? `${type} (dự thảo) – ${facts.issuer}` : `${type} (dự thảo)`;
  return type;
}

/**
 * Draft the node of one cluster. Ids: a plan keeps its `meta.id`; a law by name is its
 * folded name; a number is type + number, then the place for a local number, then the year
 * for a number without one ("chi-thi-07-ct-ubnd-tay-ninh-2023").
 *
 * @param cluster Occurrences of one document.
 * @returns The draft (id not yet checked for collisions).
 */
export function draftNode(cluster: readonly Occurrence[]): NodeDraft {
  const first = cluster[0];
  if (!first) throw new Error('draftNode: empty cluster');
  const plan = cluster.find((occurrence) => occurrence.plan)?.plan ?? null;
  const identity = first.identity;
  const localLevel: LocalLevel | null = identity.locality?.level ?? null;
  const facts = mergeFacts(
    cluster.map((occurrence) => occurrence.source),
    localLevel,
  );

  let id: DocumentId;
  if (plan) {
    id = plan.meta.id;
  } else if (identity.key.startsWith('L:')) {
    id = toDocumentId(identity.key.slice(2));
  } else if (facts.number === null && facts.name) {
    // A law the reference data identified while no text gives its number keeps the id of
    // its name, as a law known by name only always had.
    id = toDocumentId(lawTitleKey(facts.name));
  } else {
    const year = identity.byDate ? (facts.date?.iso.slice(0, 4) ?? null) : null;
    id = toDocumentId(facts.type ?? 'van-ban', facts.number, identity.locality?.name, year);
  }

  return {
    id,
    url: `van-ban/${id}/`,
    label: nodeLabel(facts, plan !== null),
    type: facts.type,
    number: facts.number,
    // `name` is the title of a law known by name only; a numbered law shows it in its label.
    name: facts.number ? null : facts.name,
    date: facts.date,
    dates: facts.dates,
    dateConflict: facts.dateConflict,
    issuer: facts.issuer,
    issuers: facts.issuers,
    issuerLevel: facts.issuerLevel,
    subject: facts.subject,
    inCorpus: plan !== null,
    file: plan?.file ?? null,
    facts,
  };
}

/**
 * Give a draft a free id: the first of `id`, `id-2`, `id-3`… not yet taken.
 *
 * @param id Wanted id.
 * @param taken Ids already given (updated).
 * @returns The free id.
 */
export function claimId(id: DocumentId, taken: Set<string>): DocumentId {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = toDocumentId(id, String(n));
  taken.add(candidate);
  return candidate;
}
