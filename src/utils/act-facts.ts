/**
 * The reference facts of a legislative act (Hiến pháp, Bộ luật, Luật, Pháp lệnh) as the page of
 * a cited act shows them: number, dates passed and in force, what it replaced or amended and
 * what replaced or amended it, each linked to its page when the act is a node of the graph.
 *
 * Read from the reference data (`data/reference/`, `src/reference/`); a law cited by title
 * only is the version resolution made of it (the year its mentions give, else the version in
 * force on the citing plans' date).
 */
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { lawVersion } from '../pipeline/resolve/law-version.ts';
import { actTitleKey, referenceData, type ReferenceData } from '../reference/load.ts';
import { ACT_KINDS, type ReferenceAct } from '../reference/schema.ts';
import { documentNumberKey } from '../text/number-key.ts';
import { citingPlans, nodesById } from './document-view.ts';

/** Another act named in the facts. */
export interface ActLink {
  /** "Luật Quốc phòng (39/2005/QH11)", or whichever part is known. */
  label: string;
  /** Node id of its page, or null when the act is not in the graph. */
  id: string | null;
}

/** What the reference data says of one act. */
export interface ActFacts {
  kind: string;
  title: string | null;
  number: string | null;
  /** ISO dates, or null when unknown. */
  datePassed: string | null;
  dateInForce: string | null;
  /** Acts this one replaced (repealed and took the place of). */
  replaces: ActLink[];
  /** Acts this one amended. */
  amends: ActLink[];
  /** Acts that replaced this one. */
  replacedBy: ActLink[];
  /** Acts that amended this one. */
  amendedBy: ActLink[];
  /** Public source of the row. */
  source: string | null;
}

/** Acts that replace or amend each act, by act (built once per reference data). */
interface ReverseLinks {
  replacedBy: Map<ReferenceAct, ReferenceAct[]>;
  amendedBy: Map<ReferenceAct, ReferenceAct[]>;
}

const reverseCache = new WeakMap<ReferenceData, ReverseLinks>();

/** The act a `replaces`/`amends` cell names: a number, or (the Constitutions) a title. */
function findAct(data: ReferenceData, reference: string): ReferenceAct | undefined {
  return data.byNumber.get(documentNumberKey(reference)) ?? data.byTitle.get(actTitleKey(reference))?.[0];
}

function reverseLinks(data: ReferenceData): ReverseLinks {
  let links = reverseCache.get(data);
  if (links) return links;
  links = { replacedBy: new Map(), amendedBy: new Map() };
  const add = (map: Map<ReferenceAct, ReferenceAct[]>, target: ReferenceAct | undefined, by: ReferenceAct): void => {
    if (!target || target === by) return;
    const list = map.get(target) ?? [];
    if (!list.includes(by)) list.push(by);
    map.set(target, list);
  };
  for (const act of data.acts) {
    for (const reference of act.replaces) add(links.replacedBy, findAct(data, reference), act);
    for (const reference of act.amends) add(links.amendedBy, findAct(data, reference), act);
  }
  reverseCache.set(data, links);
  return links;
}

/** Graph nodes by the key of their number and by the title key of a law known by name. */
interface NodeLookup {
  byNumber: Map<string, GraphNode>;
  byTitle: Map<string, GraphNode[]>;
}

const lookupCache = new WeakMap<GraphData, NodeLookup>();

function nodeLookup(graph: GraphData): NodeLookup {
  let lookup = lookupCache.get(graph);
  if (lookup) return lookup;
  lookup = { byNumber: new Map(), byTitle: new Map() };
  for (const node of graph.nodes) {
    if (node.number) {
      const key = documentNumberKey(node.number);
      if (!lookup.byNumber.has(key)) lookup.byNumber.set(key, node);
    } else if (node.name) {
      const key = actTitleKey(node.name);
      lookup.byTitle.set(key, [...(lookup.byTitle.get(key) ?? []), node]);
    }
  }
  lookupCache.set(graph, lookup);
  return lookup;
}

/** Whether a node's type is one of the four kinds of legislative act. */
function isLegislativeAct(node: Pick<GraphNode, 'type'>): boolean {
  return node.type !== null && (ACT_KINDS as readonly string[]).includes(node.type);
}

/**
 * The act a node is: by its number, else — a law cited by title only — the version its
 * mentions and citing plans' dates decide (the same rule resolution used); undefined when the
 * data does not know it or cannot tell which version.
 */
function actOfNode(node: GraphNode, graph: GraphData, data: ReferenceData): ReferenceAct | undefined {
  if (node.number) return data.byNumber.get(documentNumberKey(node.number));
  if (!node.name) return undefined;
  const nodes = nodesById(graph);
  const picked = new Set<ReferenceAct | null>();
  for (const plan of citingPlans(graph, node.id)) {
    const date = nodes.get(plan.node.id)?.date ?? null;
    for (const mention of plan.mentions) {
      const year = /(?:^|\s)(?:năm\s+)?((?:19|20)\d{2})\s*$/u.exec(mention.text)?.[1];
      const version = lawVersion(node.name, year ? Number(year) : null, date, data);
      picked.add(version.kind === 'act' ? version.act : null);
    }
  }
  if (picked.size === 0) {
    const version = lawVersion(node.name, null, null, data);
    return version.kind === 'act' ? version.act : undefined;
  }
  const [only] = [...picked];
  return picked.size === 1 && only ? only : undefined;
}

/** "Luật Quốc phòng (39/2005/QH11)", or whichever part is known. */
function actLabel(act: ReferenceAct): string {
  if (act.title && act.number) return `${act.title} (${act.number})`;
  return act.title ?? `${act.kind} ${act.number ?? ''}`.trim();
}

/** The link to another act: its node when the graph has it (by number, else by title). */
function linkTo(act: ReferenceAct, self: GraphNode, graph: GraphData, data: ReferenceData): ActLink {
  const lookup = nodeLookup(graph);
  let node = act.number ? lookup.byNumber.get(documentNumberKey(act.number)) : undefined;
  if (!node && act.title) {
    // A node known by title only is this act when that title means this act for it.
    node = lookup.byTitle.get(actTitleKey(act.title))?.find((candidate) => actOfNode(candidate, graph, data) === act);
  }
  return { label: actLabel(act), id: node && node.id !== self.id ? node.id : null };
}

/** Acts sorted by the year they were passed, then label (deterministic). */
function sorted(acts: readonly (ReferenceAct | undefined)[]): ReferenceAct[] {
  const unique = [...new Set(acts.filter((act): act is ReferenceAct => act !== undefined))];
  return unique.sort((a, b) => {
    const ka = `${a.datePassed ?? a.number ?? ''}\0${actLabel(a)}`;
    const kb = `${b.datePassed ?? b.number ?? ''}\0${actLabel(b)}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * The reference facts of a node's page, or null when the node is no legislative act the
 * reference data knows.
 *
 * @param graph The graph (for links to other acts' pages).
 * @param node The node.
 * @param data Reference data (default: the repository's and the user's).
 * @returns The facts, or null.
 */
export function actFacts(graph: GraphData, node: GraphNode, data: ReferenceData = referenceData()): ActFacts | null {
  if (!isLegislativeAct(node)) return null;
  const act = actOfNode(node, graph, data);
  if (!act) return null;
  const reverse = reverseLinks(data);
  const links = (acts: readonly (ReferenceAct | undefined)[]): ActLink[] =>
    sorted(acts).map((other) => linkTo(other, node, graph, data));
  // A number the data names without a row stays as plain text.
  const named = (references: readonly string[]): ActLink[] => [
    ...links(references.map((reference) => findAct(data, reference))),
    ...references.filter((reference) => !findAct(data, reference)).map((reference) => ({ label: reference, id: null })),
  ];
  return {
    kind: act.kind,
    title: act.title,
    number: act.number,
    datePassed: act.datePassed,
    dateInForce: act.dateInForce,
    replaces: named(act.replaces),
    amends: named(act.amends),
    replacedBy: links(reverse.replacedBy.get(act) ?? []),
    amendedBy: links(reverse.amendedBy.get(act) ?? []),
    source: act.source,
  };
}
