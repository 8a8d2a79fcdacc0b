/**
 * Types of corpus-level resolution: the documents (nodes) behind all mentions of all plans.
 *
 * Kept here rather than in `src/model.ts` so that the resolve stage owns its output; the
 * site and the graph emitters import them from `src/pipeline/resolve.ts`.
 */
import type { Citation, DocDate, DocumentId, IssuerLevel, Mention, ParsedPlan, Relation, DocRelation } from '../../model.ts';

/** One plan of the corpus with what `extract`/`groupCitations` found in it. */
export interface ResolveInput {
  plan: ParsedPlan;
  citations: Citation[];
  /**
   * The plan's mention list as `extract` returned it (the list `Mention.links` index into).
   * When left out it is rebuilt from the citations' mentions sorted by start.
   */
  mentions?: Mention[];
  /**
   * The sentence around each mention (`resolve/sentence.ts`), when known without the plan's
   * text: a cached analysis keeps them so a rebuild need not load every plan's text.
   */
  sentences?: ReadonlyMap<Mention, string>;
}

/** What is known of a document, merged from every mention of it (and its own header). */
export interface DocumentFacts {
  type: string | null;
  number: string | null;
  name: string | null;
  date: DocDate | null;
  dates: DocDate[];
  dateConflict: boolean;
  issuer: string | null;
  issuers: string[];
  issuerLevel: IssuerLevel;
  subject: string | null;
}

/** A distinct document: a plan of the corpus or a document only cited. */
export interface ResolvedNode extends DocumentFacts {
  id: DocumentId;
  /** Page URL relative to the site base: "van-ban/<id>/". */
  url: string;
  label: string;
  inCorpus: boolean;
  file: string | null;
  inDegree: number;
  outDegree: number;
  mentionCount: number;
}

/** One mention of a plan, with the node it resolved to. */
export interface ResolvedMention {
  /** Id of the plan whose text holds the mention. */
  plan: DocumentId;
  /** Position in the plan's mention list sorted by start (0-based). */
  index: number;
  /** `mentionAnchor(index)`: "trich-dan-1" for the first mention in text order. */
  anchor: string;
  start: number;
  end: number;
  text: string;
  /** The sentence (or `;`-separated clause) holding the mention, from the plan text. */
  sentence: string;
  relation: Relation;
  /** Node the mention cites, or null when it could not be resolved. */
  node: DocumentId | null;
}

/** Relation of an edge: plan → cited, or stated between two documents. */
export type EdgeRelation = Relation | DocRelation;

/** One edge per (source, target, relation), with every mention supporting it. */
export interface ResolvedEdge {
  id: string;
  source: DocumentId;
  target: DocumentId;
  relation: EdgeRelation;
  count: number;
  /** Supporting mentions, in plan id then text order. For doc-to-doc edges: the source's mention. */
  mentions: ResolvedMention[];
}

/** A problem found while resolving, for the build report and /kiem-tra/. */
export interface ResolveProblem {
  code:
    | 'date-conflict'
    | 'issuer-conflict'
    | 'type-conflict'
    | 'unresolved-mention'
    | 'ambiguous-mention'
    /** A local number whose issuer's place is unknown ("UBND tỉnh" in a district's plan). */
    | 'unknown-place'
    /** A law cited by a title passed more than once, its version not decided. */
    | 'undecided-law-version'
    | 'duplicate-plan'
    | 'self-citation'
    | 'id-collision';
  /** Node concerned, if any. */
  node: DocumentId | null;
  /** Plan concerned (the citing plan for mention problems), if any. */
  plan: DocumentId | null;
  /** Anchor of the mention concerned, if any. */
  anchor: string | null;
  /** Vietnamese message naming the problem. */
  message: string;
}

/** Output of `resolveCorpus`. */
export interface ResolvedCorpus {
  /** Sorted by id. */
  nodes: ResolvedNode[];
  /** Sorted by id. */
  edges: ResolvedEdge[];
  /** Plan id → its mentions in text order (index i is `mentionAnchor(i)`). */
  mentions: Map<DocumentId, ResolvedMention[]>;
  /** Sorted by code, node, plan, anchor. */
  problems: ResolveProblem[];
}
