/**
 * Resolve: from each plan's citations to one node per distinct document of the corpus,
 * with plan → cited edges, document → document edges and a report of problems.
 *
 * Pure: no disk, no clock; output sorted so it is byte-identical for the same input.
 * Identity rules: `resolve/identity.ts`; date splitting: `resolve/cluster.ts`.
 */
import type { DocumentId, Mention } from '../model.ts';
import { mentionAnchor } from './ids.ts';
import { clusterByDate } from './resolve/cluster.ts';
import { compare } from './resolve/merge.ts';
import { claimId, draftNode, type NodeDraft } from './resolve/nodes.ts';
import { collectOccurrences, type Occurrence } from './resolve/occurrences.ts';
import { describeProblems } from './resolve/problems.ts';
import { sentenceAround } from './resolve/sentence.ts';
import type {
  EdgeRelation,
  ResolveInput,
  ResolveProblem,
  ResolvedCorpus,
  ResolvedEdge,
  ResolvedMention,
  ResolvedNode,
} from './resolve/types.ts';

export type * from './resolve/types.ts';

/**
 * Resolve the citations of all plans into one graph of documents.
 *
 * Mention anchors: the i-th mention of a plan, counting from 0 in order of `start` over
 * the plan's whole mention list, is `mentionAnchor(i)` ("trich-dan-<i+1>").
 *
 * @param inputs Each plan with its citations (and, optionally, its mention list).
 * @returns Nodes, edges, each plan's resolved mentions and the problems found.
 */
export function resolveCorpus(inputs: readonly ResolveInput[]): ResolvedCorpus {
  const sorted = [...inputs].sort((a, b) => compare(a.plan.meta.id, b.plan.meta.id) || compare(a.plan.file, b.plan.file));
  const occurrences = collectOccurrences(sorted);
  const problems: ResolveProblem[] = [];

  // Group by identity, then split each group by date.
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = occurrence.identity.key;
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const clusters: Occurrence[][] = [];
  const ambiguous: Occurrence[] = [];
  for (const key of [...groups.keys()].sort(compare)) {
    const group = groups.get(key) ?? [];
    const result = clusterByDate(group, group[0]?.identity.byDate ?? false);
    clusters.push(...result.clusters);
    ambiguous.push(...result.ambiguous);
    for (const item of result.duplicates) problems.push(...duplicate(item));
  }

  // Plans keep their own ids; other documents claim theirs in key order.
  const drafts = clusters.map(draftNode);
  const taken = new Set<string>();
  const order = drafts.map((_, i) => i).sort((a, b) => Number(drafts[b]!.inCorpus) - Number(drafts[a]!.inCorpus) || a - b);
  for (const i of order) {
    const draft = drafts[i]!;
    const id = claimId(draft.id, taken);
    if (id !== draft.id) {
      problems.push({
        code: 'id-collision',
        node: id,
        plan: null,
        anchor: null,
        message: `Hai văn bản khác nhau cùng mã “${draft.id}”; văn bản “${draft.label}” được đổi thành “${id}”.`,
      });
      drafts[i] = { ...draft, id, url: `van-ban/${id}/` };
    }
  }

  // Mention → node, per plan.
  const nodeOf = new Map<Mention, DocumentId>();
  clusters.forEach((cluster, i) => {
    for (const occurrence of cluster) for (const mention of occurrence.mentions) nodeOf.set(mention, drafts[i]!.id);
  });
  // A mention object may be a copy of the one in the citation: then match it by span. The
  // index is built on first need and keeps the first node per span, as a scan in order would.
  let spans: Map<string, DocumentId> | undefined;
  const bySpan = (): Map<string, DocumentId> => {
    if (spans) return spans;
    spans = new Map();
    for (const [known, node] of nodeOf) if (!spans.has(spanKey(known))) spans.set(spanKey(known), node);
    return spans;
  };
  const mentions = new Map<DocumentId, ResolvedMention[]>();
  const lists = new Map<DocumentId, Mention[]>();
  for (const { plan, citations, mentions: given, sentences } of sorted) {
    const list = (given ?? citations.flatMap((citation) => citation.mentions))
      .slice()
      .sort((a, b) => a.start - b.start || a.end - b.end);
    lists.set(plan.meta.id, list);
    mentions.set(
      plan.meta.id,
      list.map((mention, index) => ({
        plan: plan.meta.id,
        index,
        anchor: mentionAnchor(index),
        start: mention.start,
        end: mention.end,
        text: mention.text,
        sentence: sentences?.get(mention) ?? sentenceAround(plan.text, mention.start, mention.end),
        relation: mention.relation,
        node: nodeOf.get(mention) ?? bySpan().get(spanKey(mention)) ?? null,
      })),
    );
  }

  const anchors = new Map<Mention, string>();
  for (const list of lists.values()) list.forEach((mention, index) => anchors.set(mention, mentionAnchor(index)));
  for (const item of ambiguous) problems.push(...ambiguity(item, anchors));
  for (const item of occurrences) if (item.identity.unknownPlace) problems.push(...unknownPlace(item, anchors));
  for (const item of occurrences) if (item.identity.undecidedVersions) problems.push(...undecidedLaw(item, anchors));

  const edges = buildEdges(mentions, lists, problems);
  const nodes = finishNodes(drafts, edges, mentions);
  problems.push(...describeProblems(drafts));
  return { nodes, edges, mentions, problems: sortProblems(problems) };
}

/**
 * Plan → cited edges (one per mention relation) and document → document edges from
 * `Mention.links` (source: the mention carrying the link, the document said to act), and
 * plan → cited edges of what the plan itself does to it (`Mention.self`).
 */
function buildEdges(
  mentions: ReadonlyMap<DocumentId, ResolvedMention[]>,
  lists: ReadonlyMap<DocumentId, Mention[]>,
  problems: ResolveProblem[],
): ResolvedEdge[] {
  const edges = new Map<string, ResolvedEdge>();
  const add = (source: DocumentId, target: DocumentId, relation: EdgeRelation, mention: ResolvedMention): void => {
    const id = `${source}--${relation}--${target}`;
    const edge = edges.get(id) ?? { id, source, target, relation, count: 0, mentions: [] };
    edge.count++;
    edge.mentions.push(mention);
    edges.set(id, edge);
  };
  for (const [plan, resolved] of mentions) {
    const list = lists.get(plan) ?? [];
    for (const mention of resolved) {
      if (mention.node === null) {
        problems.push({
          code: 'unresolved-mention',
          node: null,
          plan,
          anchor: mention.anchor,
          message: `Trích dẫn “${mention.text}” không gắn được với văn bản nào.`,
        });
        continue;
      }
      if (mention.node === plan) {
        problems.push({
          code: 'self-citation',
          node: plan,
          plan,
          anchor: mention.anchor,
          message: `Văn bản tự trích dẫn chính mình: “${mention.text}”.`,
        });
        continue;
      }
      add(plan, mention.node, mention.relation, mention);
      // The plan's own act on it ("Quyết định này thay thế …"): a stated relation too.
      const self = list[mention.index]?.self;
      if (self) add(plan, mention.node, self, mention);
      for (const link of list[mention.index]?.links ?? []) {
        const target = resolved[link.target]?.node ?? null;
        if (target && target !== mention.node) add(mention.node, target, link.relation, mention);
      }
    }
  }
  return [...edges.values()]
    .map((edge) => ({ ...edge, mentions: edge.mentions.sort((a, b) => compare(a.plan, b.plan) || a.index - b.index) }))
    .sort((a, b) => compare(a.id, b.id));
}

/** Add degrees and mention counts; drop draft-only fields; sort by id. */
function finishNodes(
  drafts: readonly NodeDraft[],
  edges: readonly ResolvedEdge[],
  mentions: ReadonlyMap<DocumentId, ResolvedMention[]>,
): ResolvedNode[] {
  const citing = new Map<string, Set<string>>();
  const cited = new Map<string, Set<string>>();
  for (const edge of edges) {
    citing.set(edge.target, (citing.get(edge.target) ?? new Set()).add(edge.source));
    cited.set(edge.source, (cited.get(edge.source) ?? new Set()).add(edge.target));
  }
  const counts = new Map<string, number>();
  for (const list of mentions.values()) {
    for (const mention of list) if (mention.node) counts.set(mention.node, (counts.get(mention.node) ?? 0) + 1);
  }
  return drafts
    .map(({ facts: _facts, ...node }) => ({
      ...node,
      inDegree: citing.get(node.id)?.size ?? 0,
      outDegree: cited.get(node.id)?.size ?? 0,
      mentionCount: counts.get(node.id) ?? 0,
    }))
    .sort((a, b) => compare(a.id, b.id));
}

/** What identifies a mention copied from a citation: its span and text. */
function spanKey(mention: Mention): string {
  return `${mention.start}:${mention.end}:${mention.text}`;
}

function ambiguity(item: Occurrence, anchors: ReadonlyMap<Mention, string>): ResolveProblem[] {
  return item.mentions.map((mention) => ({
    code: 'ambiguous-mention' as const,
    node: null,
    plan: item.citingPlan,
    anchor: anchors.get(mention) ?? null,
    message: `“${mention.text}” không ghi ngày và khớp với nhiều văn bản cùng số; được tách thành văn bản riêng.`,
  }));
}

function unknownPlace(item: Occurrence, anchors: ReadonlyMap<Mention, string>): ResolveProblem[] {
  return item.mentions.map((mention) => ({
    code: 'unknown-place' as const,
    node: null,
    plan: item.citingPlan,
    anchor: anchors.get(mention) ?? null,
    message: `“${mention.text}”: số ký hiệu chỉ duy nhất trong một địa phương, nhưng không xác định được địa phương của cơ quan ban hành.`,
  }));
}

/**
 * A law cited by a title passed more than once ("Luật Quốc phòng" of 2005 and 2018), with no
 * year in the text and no date on the citing document to pick the version in force.
 */
function undecidedLaw(item: Occurrence, anchors: ReadonlyMap<Mention, string>): ResolveProblem[] {
  const versions = (item.identity.undecidedVersions ?? []).join(', ');
  return item.mentions.slice(0, 1).map((mention) => ({
    code: 'undecided-law-version' as const,
    node: null,
    plan: item.citingPlan,
    anchor: anchors.get(mention) ?? null,
    message: `“${mention.text}”: luật có nhiều văn bản cùng tên (${versions}); văn bản không ghi năm và không có ngày để chọn văn bản đang có hiệu lực.`,
  }));
}

function duplicate(item: Occurrence): ResolveProblem[] {
  const plan = item.plan;
  if (!plan) return [];
  return [
    {
      code: 'duplicate-plan',
      node: plan.meta.id,
      plan: plan.meta.id,
      anchor: null,
      message: `Tệp ${plan.file} trùng số, cơ quan và năm với một văn bản khác trong kho (${plan.meta.number ?? ''}).`,
    },
  ];
}

function sortProblems(problems: ResolveProblem[]): ResolveProblem[] {
  return problems.sort(
    (a, b) =>
      compare(a.code, b.code) ||
      compare(a.node ?? '', b.node ?? '') ||
      compare(a.plan ?? '', b.plan ?? '') ||
      compare(a.anchor ?? '', b.anchor ?? '') ||
      compare(a.message, b.message),
  );
}
