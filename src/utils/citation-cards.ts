/**
 * What the citation card of a plan's page shows of each document its text cites (số, loại,
 * cơ quan, ngày, trích yếu, hiệu lực, the documents that changed it): the data of
 * src/components/CitationCards.astro, part of the page's `DocumentView` so a page reused from
 * the previous build is rendered again when a cited document's card changes.
 */
import type { GraphNode } from '../pipeline/emit/graph-schema.ts';
import { changesGiving, citationTiming } from '../pipeline/resolve/status.ts';
import type { DocumentState } from '../pipeline/resolve/status-states.ts';
import type { CitedGroup } from './document-view.ts';

/**
 * A trích yếu longer than this is cut at a word (with "…") in the card: the card is a
 * glance, and every cited document's card is in the page, so this bounds the page's weight
 * (a plan citing 100 documents gains at most ~60 KB; the full title is one click away).
 */
export const CARD_SUBJECT_LIMIT = 240;

/** One cited document's card. */
export interface CitationCard {
  /** Node id of the cited document (its page is /van-ban/<id>/). */
  id: string;
  label: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  date: GraphNode['date'];
  /** Trích yếu, cut to `CARD_SUBJECT_LIMIT`. */
  subject: string | null;
  state: DocumentState;
  /** Since when the state holds (ISO, maybe partial), or null. */
  since: string | null;
  /** The documents that gave the state, oldest change first. */
  changedBy: { label: string; since: string | null }[];
  /** Whether the change came before the citing plan's date (`citationTiming`), null when unchanged. */
  timing: 'truoc' | 'sau' | 'khong-ro' | null;
}

/**
 * The cards of the documents a plan cites, in the order of its "cited documents" panel
 * (relation, then label), each document once.
 *
 * @param nodes Node lookup of the graph.
 * @param statusDate The build's status date (graph.json `statusDate`).
 * @param planId The citing plan.
 * @param cited What it cites, grouped (`citedGroups`).
 * @returns One card per cited document.
 */
export function citationCards(
  nodes: ReadonlyMap<string, GraphNode>,
  statusDate: string | null,
  planId: string,
  cited: readonly CitedGroup[],
): CitationCard[] {
  const planDate = nodes.get(planId)?.date?.iso ?? null;
  const seen = new Set<string>();
  const cards: CitationCard[] = [];
  for (const group of cited) {
    for (const item of group.items) {
      const node = nodes.get(item.node.id);
      if (!node || seen.has(node.id)) continue;
      seen.add(node.id);
      const status = node.status;
      cards.push({
        id: node.id,
        label: node.label,
        number: node.number,
        type: node.type,
        issuer: node.issuer,
        date: node.date,
        subject: node.subject === null ? null : cutAtWord(node.subject, CARD_SUBJECT_LIMIT),
        state: status.state,
        since: status.since,
        changedBy: changesGiving(status, statusDate, true).map((change) => ({ label: change.label, since: change.since })),
        timing: citationTiming(status, planDate),
      });
    }
  }
  return cards;
}

/**
 * A text cut to at most `limit` characters at a word boundary, "…" added when cut.
 *
 * @param text Text.
 * @param limit Maximum length before the ellipsis.
 * @returns The text or its cut.
 */
export function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const space = head.lastIndexOf(' ');
  return `${(space > limit / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–-]+$/u, '')}…`;
}
