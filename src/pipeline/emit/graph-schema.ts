/**
 * The schema of `/data/graph.json`, the citation graph the site and outside tools read.
 * Documented in docs/graph-json.md; bump `GRAPH_VERSION` on any incompatible change.
 */
import { z } from 'zod';
import { EDGE_RELATIONS, ISSUER_LEVELS } from '../../model.ts';
import { CHANGED_STATES, DOCUMENT_STATES } from '../resolve/status-states.ts';

/** 2: nodes gained `status` (validity: in force, amended, replaced…). */
export const GRAPH_VERSION = 2;

const dateSchema = z.object({
  /** "2019-02-22", or "2025-02" / "2025" when only part is known. */
  iso: z.string(),
  partial: z.boolean(),
});

export const issuerLevelSchema = z.enum(ISSUER_LEVELS);

export const documentStateSchema = z.enum(DOCUMENT_STATES);

/** One change of a document's validity (see src/pipeline/resolve/status.ts). */
export const statusChangeSchema = z.object({
  state: z.enum(CHANGED_STATES),
  /** Node id of the changing document, or null when it is known only from the reference data. */
  by: z.string().nullable(),
  /** Its label (number and title when it is not a node). */
  label: z.string(),
  /** Date it applied (date in force, else date of the document; ISO, maybe partial), or null. */
  since: z.string().nullable(),
  /** Known from the corpus's own sentences, or from the reference data. */
  source: z.enum(['corpus', 'reference']),
});

/** Validity of a document at the build's date, and what it is computed from. */
export const documentStatusSchema = z.object({
  state: documentStateSchema,
  /** Node ids of the documents that gave the state. */
  by: z.array(z.string()),
  /** Since when the state holds, or null when unknown. */
  since: z.string().nullable(),
  /** Every known change, oldest first: the status at any other date is read from these. */
  changes: z.array(statusChangeSchema),
  /** Date a primary record says the document took effect, else null. */
  inForceFrom: z.string().nullable(),
  /** For a replaced document: the last document of its replacement chain, else null. */
  current: z.string().nullable(),
});

/** The status of a document nothing is known about. */
export const UNKNOWN_STATUS: z.infer<typeof documentStatusSchema> = {
  state: 'khong-ro',
  by: [],
  since: null,
  changes: [],
  inForceFrom: null,
  current: null,
};

export const graphNodeSchema = z.object({
  /** Stable ASCII id, also the page slug: /van-ban/<id>/. */
  id: z.string(),
  /** Page URL relative to the site base, e.g. "van-ban/nghi-dinh-21-2019-nd-cp/". */
  url: z.string(),
  /** Display label: "Nghị định 21/2019/NĐ-CP", "Luật Quốc phòng". */
  label: z.string(),
  /** Loại văn bản as written ("Nghị định", "Kế hoạch"…), null when unknown. */
  type: z.string().nullable(),
  number: z.string().nullable(),
  /** Title of a named law without number, else null. */
  name: z.string().nullable(),
  /** Best known date. */
  date: dateSchema.nullable(),
  /** Every distinct date any mention gives; more than one full date is a conflict. */
  dates: z.array(dateSchema),
  dateConflict: z.boolean(),
  issuer: z.string().nullable(),
  /** Every distinct issuer stated. */
  issuers: z.array(z.string()),
  issuerLevel: issuerLevelSchema,
  /** Trích yếu of a plan, or the subject ("về khu vực phòng thủ") of a cited document. */
  subject: z.string().nullable(),
  /** True when the document is a plan of the corpus (it has its full text page). */
  inCorpus: z.boolean(),
  /** Source file name of a plan, else null. */
  file: z.string().nullable(),
  /** Number of distinct documents citing this one / cited by this one. */
  inDegree: z.number().int(),
  outDegree: z.number().int(),
  /** Total mentions of this node across the corpus. */
  mentionCount: z.number().int(),
  /** Validity at the build's date (`khong-ro` unless something is known). */
  status: documentStatusSchema,
  /** Layout position computed at build time (fcose, fixed seed). */
  x: z.number(),
  y: z.number(),
});

export const graphMentionSchema = z.object({
  /** Id of the plan whose text holds the mention. */
  plan: z.string(),
  /** Anchor of the mention on the plan page ("trich-dan-3"). */
  anchor: z.string(),
  /** The mention's exact text. */
  text: z.string(),
  /** The sentence around it. */
  sentence: z.string(),
});

export const relationSchema = z.enum(EDGE_RELATIONS);

export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  relation: relationSchema,
  /** How many mentions support the edge. */
  count: z.number().int(),
  mentions: z.array(graphMentionSchema),
});

export const graphSchema = z.object({
  version: z.literal(GRAPH_VERSION),
  /** The date nodes' `status` is computed at ("YYYY-MM-DD"), or null when no document has a full date. */
  statusDate: z.string().nullable(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type GraphMention = z.infer<typeof graphMentionSchema>;
export type GraphRelation = z.infer<typeof relationSchema>;
export type GraphData = z.infer<typeof graphSchema>;
