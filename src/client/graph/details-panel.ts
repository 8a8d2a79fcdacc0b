/**
 * The details panel of the selected node: built with DOM calls (no HTML strings), so no
 * markup from the data is ever interpreted.
 */
import { gt } from './i18n.ts';
import type { ViewNode } from './view-data.ts';
import { levelLabel } from '../../i18n/levels.ts';

/**
 * Show a node's details in the panel, or the "nothing selected" text.
 *
 * @param panel The panel's body element.
 * @param node Selected node, or null.
 * @param base Site base ("/" or "/sub/").
 */
export function renderDetails(panel: HTMLElement, node: ViewNode | null, base: string): void {
  panel.replaceChildren();
  if (!node) {
    const empty = document.createElement('p');
    empty.textContent = gt('details.none');
    panel.append(empty);
    return;
  }
  const heading = document.createElement('h3');
  heading.textContent = node.label;
  const list = document.createElement('dl');
  const add = (term: string, value: string | null): void => {
    if (!value) return;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  };
  add(gt('details.type'), node.type);
  add(gt('details.number'), node.number);
  add(gt('details.date'), node.date ? formatDate(node.date) : null);
  add(gt('details.issuer'), node.issuer);
  add(gt('details.level'), levelLabel(node.level));
  add(gt('details.kind'), node.inCorpus ? gt('legend.inCorpus') : gt('legend.citedOnly'));
  add(gt('details.subject'), node.subject);
  add(gt('details.inDegree'), gt('details.documents', { count: node.inDegree }));
  add(gt('details.outDegree'), gt('details.documents', { count: node.outDegree }));
  add(gt('details.mentions'), String(node.mentionCount));
  const link = document.createElement('a');
  link.href = base + node.url;
  link.textContent = gt('details.open');
  link.className = 'graph-details-open';
  link.dataset['nodeLink'] = node.id;
  panel.append(heading, list, link);
}

/**
 * "2019-02-22" → "22/02/2019"; partial dates keep what is known ("02/2025", "2025").
 *
 * @param iso ISO date, possibly partial.
 * @returns Vietnamese date.
 */
export function formatDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
