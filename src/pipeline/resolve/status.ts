/**
 * Is a document still in force? Its validity status, from what changed it: the corpus's own
 * edges ("Nghị định 139/2020/NĐ-CP sửa đổi, bổ sung … Nghị định 13/2014/NĐ-CP") and the
 * reference data's `replaces`/`amends` of the legislative acts.
 *
 * A status is kept as the list of dated changes, so it can be read at any date: at the build's
 * date (what the site shows) and at a citing document's date ("cited after it was replaced"
 * versus "replaced later", see `citationTiming`). `con-hieu-luc` is claimed only when a
 * primary record says when the act took effect and nothing known has changed it since:
 * everything else that is unchanged is `khong-ro`, never shown as in force.
 *
 * Pure and linear in nodes + edges + reference rows: no disk, no clock.
 */
import type { ReferenceData } from '../../reference/load.ts';
import { actNumberKey, actTitleKey, actYear } from '../../reference/load.ts';
import type { ReferenceAct } from '../../reference/schema.ts';
import { pickVersion, versionsOfTitle } from '../../reference/versions.ts';
import { mentionYear } from './law-version.ts';
import { compareIso, onOrBefore } from './status-dates.ts';

import { isChanged, type ChangedState, type DocumentState } from './status-states.ts';

export { CHANGED_STATES, DOCUMENT_STATES, isChanged, type ChangedState, type DocumentState } from './status-states.ts';

/** States after which the document no longer applies at all. */
const ENDING: ReadonlySet<DocumentState> = new Set(['bi-thay-the', 'bi-bai-bo', 'het-hieu-luc']);

/**
 * Edge relation (source acts on target) → the state it gives the target. Keyed by string so
 * relations the extractor learns later ("bai-bo", "het-hieu-luc") count as soon as they exist.
 */
const STATE_OF_RELATION: Readonly<Record<string, ChangedState>> = {
  'sua-doi': 'bi-sua-doi',
  'thay-the': 'bi-thay-the',
  'bai-bo': 'bi-bai-bo',
  'het-hieu-luc': 'het-hieu-luc',
};

/** One change of a document's validity. */
export interface StatusChange {
  state: ChangedState;
  /** Node id of the document that made it, or null when that document is not in the graph. */
  by: string | null;
  /** Its label ("Nghị định 139/2020/NĐ-CP", or the act's number and title). */
  label: string;
  /** When it applied: the changer's date in force, else its date (ISO, maybe partial); null when unknown. */
  since: string | null;
  /** Where it is known from. */
  source: 'corpus' | 'reference';
}

/** A document's status at one date. */
export interface StatusAt {
  state: DocumentState;
  /** Node ids of the documents that gave the state, sorted. */
  by: string[];
  /** Since when (earliest of those changes; the date in force for `con-hieu-luc`); null when unknown. */
  since: string | null;
}

/** What a status is computed from: enough to read it again at any date. */
export interface StatusRecord {
  /** Every change known, by date (unknown dates last), then label. */
  changes: StatusChange[];
  /** Date a primary record says the document took effect, or null when no record says so. */
  inForceFrom: string | null;
}

/** The status of a document at the build's date, with what it is computed from. */
export interface DocumentStatus extends StatusAt, StatusRecord {
  /**
   * For a replaced document: the end of its replacement chain (A replaced by B, B replaced by
   * C: C), the document to read instead; else null.
   */
  current: string | null;
}

/** What the status needs of a node. */
export interface StatusNode {
  id: string;
  label: string;
  number: string | null;
  name: string | null;
  date: { iso: string; partial: boolean } | null;
}

/** What the status needs of an edge. */
export interface StatusEdge {
  source: string;
  target: string;
  relation: string;
  /** The mentions behind it (their text may name a year: "Luật Quốc phòng năm 2005"). */
  mentions?: readonly { text: string }[];
}

/** Settings of `documentStatuses`. */
export interface StatusOptions {
  /** Reference data of legislative acts (null: the corpus's edges only). */
  reference: ReferenceData | null;
  /** The build's date (`statusDate`); null counts every known change and in-force date. */
  asOf: string | null;
}

/**
 * The status of every node.
 *
 * @param nodes The graph's nodes.
 * @param edges The graph's edges.
 * @param options Reference data and the build's date.
 * @returns Node id → status, for every node.
 */
export function documentStatuses(
  nodes: readonly StatusNode[],
  edges: readonly StatusEdge[],
  options: StatusOptions,
): Map<string, DocumentStatus> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const changes = new Map<string, Map<string, StatusChange>>();
  const add = (target: string, change: StatusChange): void => {
    const list = changes.get(target) ?? new Map<string, StatusChange>();
    const key = `${change.state}|${change.by ?? change.label}`;
    const known = list.get(key);
    // The corpus and the reference data may both know a change: keep the one with a date.
    if (!known || (known.since === null && change.since !== null)) list.set(key, change);
    changes.set(target, list);
  };

  for (const edge of edges) {
    const state = STATE_OF_RELATION[edge.relation];
    const changer = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!state || !changer || !target || changer.id === target.id) continue;
    // A document cannot change one issued after it: the sentence was read the wrong way round.
    if (changer.date && target.date && compareIso(changer.date.iso, target.date.iso) === -1) continue;
    add(target.id, { state, by: changer.id, label: changer.label, since: changer.date?.iso ?? null, source: 'corpus' });
  }

  const acts = options.reference ? actsOfNodes(nodes, edges, options.reference) : new Map<ReferenceAct, string[]>();
  const inForceFrom = new Map<string, string>();
  if (options.reference) {
    const data = options.reference;
    const numbered = new Map<string, string[]>();
    for (const node of nodes)
      if (node.number) numbered.set(actNumberKey(node.number), [...(numbered.get(actNumberKey(node.number)) ?? []), node.id]);
    for (const [act, ids] of acts) {
      const start = act.dateInForce ?? act.datePassed;
      // Only a primary record (or the user's own row) says when an act took effect.
      if (start && (act.confidence === 'A' || act.confidence === 'U')) for (const id of ids) inForceFrom.set(id, start);
    }
    for (const changer of data.acts) {
      const changerId = acts.get(changer)?.[0] ?? null;
      const label = changerId ? byId.get(changerId)!.label : actLabel(changer);
      const since = actStart(changer);
      const lists: [string[], ChangedState][] = [
        [changer.replaces, 'bi-thay-the'],
        [changer.amends, 'bi-sua-doi'],
      ];
      for (const [list, state] of lists) {
        for (const reference of list) {
          const target = findAct(data, reference);
          // A number the data names only in this cell may still be a node of the graph.
          const targets = new Set<string>(target ? (acts.get(target) ?? []) : (numbered.get(actNumberKey(reference)) ?? []));
          for (const id of targets) if (id !== changerId) add(id, { state, by: changerId, label, since, source: 'reference' });
        }
      }
    }
  }

  const statuses = new Map<string, DocumentStatus>();
  for (const node of nodes) {
    const record: StatusRecord = {
      changes: [...(changes.get(node.id)?.values() ?? [])].sort(byDateThenLabel),
      inForceFrom: inForceFrom.get(node.id) ?? null,
    };
    statuses.set(node.id, { ...statusAt(record, options.asOf, true), ...record, current: null });
  }
  for (const status of statuses.values()) status.current = replacementChainEnd(status, statuses);
  return statuses;
}

/**
 * A document's status at a date.
 *
 * @param record Its changes and in-force date.
 * @param date ISO date (null: no limit).
 * @param undated Whether changes of unknown date count (yes at the build's date: the corpus says
 *   they happened; no at a citing date: nothing says they had happened yet).
 * @returns State, the documents that gave it and since when.
 */
export function statusAt(record: StatusRecord, date: string | null, undated = false): StatusAt {
  const giving = changesGiving(record, date, undated);
  const state = giving[0]?.state;
  if (state) {
    const by = [...new Set(giving.flatMap((change) => (change.by ? [change.by] : [])))].sort(compareText);
    return { state, by, since: giving[0]?.since ?? null };
  }
  if (record.inForceFrom && (date === null || onOrBefore(record.inForceFrom, date))) {
    return { state: 'con-hieu-luc', by: [], since: record.inForceFrom };
  }
  return { state: 'khong-ro', by: [], since: null };
}

/**
 * The changes that give a document its state at a date (all of one state, oldest first):
 * an ending (replaced, repealed, expired) outweighs amendments, and the earliest ending wins.
 *
 * @param record Its changes.
 * @param date ISO date (null: no limit).
 * @param undated Whether changes of unknown date count (see `statusAt`).
 * @returns The changes, or none when nothing had changed it.
 */
export function changesGiving(record: StatusRecord, date: string | null, undated = false): StatusChange[] {
  const applied = record.changes.filter((change) =>
    change.since === null ? undated : date === null || onOrBefore(change.since, date),
  );
  const ending = applied.find((change) => ENDING.has(change.state));
  const state = ending?.state ?? (applied.length > 0 ? 'bi-sua-doi' : null);
  return state ? applied.filter((change) => change.state === state) : [];
}

/**
 * When a citation was made relative to the change its target shows now: `truoc` the change had
 * applied when the citing document was issued (cited after it was changed), `sau` it came later,
 * `khong-ro` the dates do not tell; null when the target is not changed.
 *
 * @param status The cited document's status at the build's date.
 * @param citingDate The citing document's date (ISO, maybe partial), or null.
 * @returns The timing.
 */
export function citationTiming(status: StatusAt, citingDate: string | null): 'truoc' | 'sau' | 'khong-ro' | null {
  if (!isChanged(status.state)) return null;
  if (status.since === null || citingDate === null) return 'khong-ro';
  const order = compareIso(status.since, citingDate);
  return order === null ? 'khong-ro' : order <= 0 ? 'truoc' : 'sau';
}

/**
 * Follow "replaced by" to the document in force now (cycles and dead ends stop the walk).
 *
 * @param status A status.
 * @param statuses Every status.
 * @returns The chain's last document, or null when not replaced by a known node.
 */
function replacementChainEnd(status: DocumentStatus, statuses: ReadonlyMap<string, DocumentStatus>): string | null {
  if (status.state !== 'bi-thay-the') return null;
  let current = status.by[0] ?? null;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const next = statuses.get(current);
    if (next?.state !== 'bi-thay-the' || next.by[0] === undefined) break;
    current = next.by[0];
  }
  return current;
}

/**
 * Which nodes stand for which reference act: a numbered node by its number; a law cited by
 * title only by the version its citations decide, the same rule resolution keyed it by
 * (`law-version.ts`): a year a mention or the node's date gives, else the version in force on
 * each citing document's date. Citations that disagree, or decide nothing, leave it unknown.
 *
 * @param nodes Nodes.
 * @param edges Edges (who cites a title-only node, and when).
 * @param data Reference data.
 * @returns Act → node ids (numbered node first).
 */
function actsOfNodes(
  nodes: readonly StatusNode[],
  edges: readonly StatusEdge[],
  data: ReferenceData,
): Map<ReferenceAct, string[]> {
  const acts = new Map<ReferenceAct, string[]>();
  const push = (act: ReferenceAct, id: string, first: boolean): void => {
    const list = acts.get(act) ?? [];
    if (first) list.unshift(id);
    else list.push(id);
    acts.set(act, list);
  };
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const citing = new Map<string, StatusEdge[]>();
  for (const edge of edges) {
    const target = byId.get(edge.target);
    if (target && !target.number && target.name) citing.set(edge.target, [...(citing.get(edge.target) ?? []), edge]);
  }
  for (const node of nodes) {
    if (node.number) {
      const act = data.byNumber.get(actNumberKey(node.number));
      if (act) push(act, node.id, true);
    } else if (node.name) {
      const act = versionOfTitleNode(node, node.name, citing.get(node.id) ?? [], byId, data);
      if (act) push(act, node.id, false);
    }
  }
  return acts;
}

/**
 * The act a node cited by title only is: each citing mention picks a version by the year it
 * names (else the node's year), else by its citing document's full date; one answer for all.
 */
function versionOfTitleNode(
  node: StatusNode,
  name: string,
  citing: readonly StatusEdge[],
  byId: ReadonlyMap<string, StatusNode>,
  data: ReferenceData,
): ReferenceAct | null {
  const versions = versionsOfTitle(data, name);
  if (versions.length === 0) return null;
  const nodeYear = node.date ? Number(node.date.iso.slice(0, 4)) : null;
  if (citing.length === 0) return pickVersion(versions, nodeYear, null);
  const picked = new Set<ReferenceAct | null>();
  for (const edge of citing) {
    const date = byId.get(edge.source)?.date;
    const citingDate = date && !date.partial ? date.iso : null;
    const texts = edge.mentions && edge.mentions.length > 0 ? edge.mentions.map((mention) => mention.text) : [''];
    for (const text of texts) picked.add(pickVersion(versions, mentionYear(text) ?? nodeYear, citingDate));
  }
  const [only] = [...picked];
  return picked.size === 1 && only ? only : null;
}

/**
 * The act a `replaces`/`amends` cell names: a number, or (the Constitutions) a title.
 *
 * @param data Reference data.
 * @param reference Number or title.
 * @returns The act, or undefined.
 */
function findAct(data: ReferenceData, reference: string): ReferenceAct | undefined {
  return data.byNumber.get(actNumberKey(reference)) ?? data.byTitle.get(actTitleKey(reference))?.[0];
}

/** First day an act applied: date in force, else date passed, else its year; null if unknown. */
function actStart(act: ReferenceAct): string | null {
  if (act.dateInForce ?? act.datePassed) return act.dateInForce ?? act.datePassed;
  const year = actYear(act);
  return year > 0 ? String(year) : null;
}

/** "Luật Quốc phòng 22/2018/QH14", or whichever part is known. */
function actLabel(act: ReferenceAct): string {
  return [act.title ?? act.kind, act.number].filter(Boolean).join(' ');
}

function byDateThenLabel(a: StatusChange, b: StatusChange): number {
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    const order = compareText(a.since, b.since);
    if (order !== 0) return order;
  }
  return compareText(a.label, b.label) || compareText(a.state, b.state) || compareText(a.by ?? '', b.by ?? '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
