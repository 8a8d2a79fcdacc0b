/**
 * The global graph page (/do-thi/): fetch the compact view, draw the default (capped) set,
 * wire filters, search, node list, zoom buttons and the details panel.
 *
 * Loaded as an external module (strict CSP); without it the page shows the edge table.
 */
import type cytoscape from 'cytoscape';
import { renderDetails } from './details-panel.ts';
import { draw, toElements } from './draw.ts';
import { gt } from './i18n.ts';
import { indexNodes, mostCitedNodes, searchNodes, type NodeIndex } from './search-nodes.ts';
import { DEFAULT_CAPS, NO_FILTERS, selectView, type ViewFilters } from './select-view.ts';
import { decodeView, type ViewFile, type ViewGraph, type ViewNode } from './view-data.ts';
import { RELATIONS, LEVELS } from './palette.ts';
import type { GraphRelation } from '../../pipeline/emit/graph-schema.ts';
import type { IssuerLevel } from '../../model.ts';

/** What tests and the benchmark read (`window.__vbgGraph`). */
export interface GraphHook {
  cy: cytoscape.Core;
  nodes: ViewNode[];
}

declare global {
  interface Window {
    __vbgGraph?: GraphHook;
  }
}

function part<T extends Element>(root: Element, name: string): T | null {
  return root.querySelector<T>(`[data-graph-${name}]`);
}

/**
 * Read the filter form.
 *
 * @param form The form.
 * @returns Filters.
 */
function readFilters(form: HTMLFormElement | null): ViewFilters {
  if (!form) return NO_FILTERS;
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '');
  const year = (name: string): number | null => {
    const value = Number.parseInt(text(name), 10);
    return Number.isFinite(value) ? value : null;
  };
  const level = text('level');
  const relation = text('relation');
  return {
    type: text('type'),
    level: (LEVELS as readonly string[]).includes(level) ? (level as IssuerLevel) : '',
    relation: (RELATIONS as readonly string[]).includes(relation) ? (relation as GraphRelation) : '',
    yearFrom: year('yearFrom'),
    yearTo: year('yearTo'),
    showAll: data.get('showAll') === 'on',
  };
}

/**
 * Start one graph view.
 *
 * @param root The `[data-graph-view]` element.
 */
async function start(root: HTMLElement): Promise<void> {
  const canvas = part<HTMLElement>(root, 'canvas');
  const status = part<HTMLElement>(root, 'status');
  const announce = part<HTMLElement>(root, 'announce');
  const details = part<HTMLElement>(root, 'details-body');
  const filterForm = part<HTMLFormElement>(root, 'filters');
  const searchForm = part<HTMLFormElement>(root, 'search');
  const results = part<HTMLElement>(root, 'results');
  const nodeList = part<HTMLSelectElement>(root, 'node-list');
  const base = root.dataset['base'] ?? '/';
  const caps = {
    nodes: Number(root.dataset['cap'] ?? DEFAULT_CAPS.nodes),
    edges: Number(root.dataset['edgeCap'] ?? DEFAULT_CAPS.edges),
  };
  if (!canvas || !status) return;

  status.textContent = gt('status.loading');
  let graph: ViewGraph;
  try {
    const response = await fetch(root.dataset['src'] ?? '');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    graph = decodeView((await response.json()) as ViewFile);
  } catch (error) {
    status.textContent = gt('status.error', { detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  for (const hidden of root.querySelectorAll<HTMLElement>('[data-graph-needs-js]')) hidden.hidden = false;
  // Marks read by scripts/bench-graph.ts (data ready, Cytoscape holds the nodes, first frame drawn).
  performance.mark('vbg-graph-data');

  const byIndex = (index: number): ViewNode | undefined => graph.nodes[index];
  let byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // Built after the first frame (or at the first search, if that comes sooner).
  let searchIndex: NodeIndex | undefined;
  const getSearchIndex = (): NodeIndex => (searchIndex ??= indexNodes(graph.nodes));
  // The first file holds only the default view (`overviewOf`); the whole graph is loaded,
  // once, when the reader filters, searches or asks for a document outside it.
  let loadingFull: Promise<void> | undefined;
  const ensureFull = (): Promise<void> => {
    const fullSrc = root.dataset['fullSrc'];
    if (!graph.partial || !fullSrc) return Promise.resolve();
    loadingFull ??= (async () => {
      status.textContent = gt('status.loading');
      const response = await fetch(fullSrc);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      graph = decodeView((await response.json()) as ViewFile);
      byId = new Map(graph.nodes.map((node) => [node.id, node]));
      searchIndex = undefined;
    })().catch((error: unknown) => {
      loadingFull = undefined;
      status.textContent = gt('status.error', { detail: error instanceof Error ? error.message : String(error) });
      throw error;
    });
    return loadingFull;
  };
  /** Run after the whole graph is there (at once when it already is). */
  const withFull = (work: () => void): void => {
    ensureFull().then(work, () => undefined);
  };
  const include = new Set<number>();
  let cy: cytoscape.Core | undefined;

  let chosen: ViewNode | null = null;
  const select = (node: ViewNode | null): void => {
    chosen = node;
    if (details) renderDetails(details, node, base);
    // Read by scripts/bench-graph.ts: when the first click was answered.
    if (node && performance.getEntriesByName('vbg-graph-details').length === 0) performance.mark('vbg-graph-details');
    if (node && announce) announce.textContent = gt('status.selected', { label: node.label });
    if (node && nodeList) nodeList.value = node.id;
    // Highlight after the details have painted: redrawing thousands of elements takes a
    // moment on a slow machine, and the answer to the click should not wait for it.
    requestAnimationFrame(() => setTimeout(() => highlight(cy, chosen), 0));
  };

  const focus = (node: ViewNode): void => {
    if (!cy?.getElementById(node.id).nonempty()) {
      // Found by search but outside the drawn set: draw it too.
      include.add(node.index);
      render();
    }
    const element = cy?.getElementById(node.id);
    if (cy && element?.nonempty()) {
      cy.zoom({ level: Math.max(cy.zoom(), 1.2), position: element.position() });
      cy.center(element);
    }
    select(node);
  };

  const render = (): void => {
    const filters = readFilters(filterForm);
    const selection = selectView(graph, filters, caps, include);
    const elements = toElements(selection.nodes, selection.edges, byIndex);
    const selected = chosen?.id;
    cy?.destroy();
    // Nodes first, edges once the nodes are on screen: a big graph shows (and answers taps)
    // about twice as soon, and edges follow a moment later.
    // (`toElements` lists the nodes first.)
    const nodeElements = elements.slice(0, selection.nodes.length);
    const edgeElements = elements.slice(selection.nodes.length);
    const current = draw({
      container: canvas,
      elements: nodeElements,
      edgeCount: selection.edges.length,
      labels: selection.nodes.length <= 60,
    });
    cy = current;
    if (!root.dataset['ready']) performance.mark('vbg-graph-init');
    delete root.dataset['edgesReady'];
    const drawn = selection.nodes.length;
    // An overview is the default view of a bigger graph: its counts are the whole graph's.
    if (graph.partial) {
      selection.matching = graph.partial.nodes;
      selection.matchingEdges = graph.partial.matchingEdges;
    }
    root.dataset['nodeCount'] = String(drawn);
    root.dataset['edgeCount'] = String(selection.edges.length);
    root.dataset['totalCount'] = String(graph.partial?.nodes ?? graph.nodes.length);
    const messages: string[] = [];
    if (drawn === 0) messages.push(gt('status.empty'));
    else if (drawn < selection.matching) {
      messages.push(gt('status.capped', { shown: drawn, total: selection.matching, hidden: selection.matching - drawn }));
    } else messages.push(gt('status.shown', { shown: drawn, edges: selection.edges.length }));
    if (selection.edges.length < selection.matchingEdges) {
      messages.push(gt('status.edgesCapped', { shown: selection.edges.length, total: selection.matchingEdges }));
    }
    status.textContent = messages.join(' ');

    cy.on('tap', 'node', (event) => {
      const node = byId.get((event.target as cytoscape.NodeSingular).id());
      if (node) select(node);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) select(null);
    });
    current.one('render', () => {
      if (!root.dataset['ready']) {
        performance.mark('vbg-graph-drawn');
        whenIdle(getSearchIndex);
      }
      root.dataset['ready'] = 'true';
      addInChunks(
        current,
        edgeElements,
        () => cy === current,
        () => {
          highlight(current, chosen);
          current.one('render', () => {
            if (performance.getEntriesByName('vbg-graph-edges-drawn').length === 0) performance.mark('vbg-graph-edges-drawn');
            root.dataset['edgesReady'] = 'true';
          });
        },
      );
    });
    window.__vbgGraph = { cy, nodes: selection.nodes };
    // The sorted list of 2,000 labels costs ~100 ms: fill it after the first frame.
    whenIdle(() => {
      if (cy !== current) return;
      fillNodeList(nodeList, selection.nodes);
      if (chosen && nodeList) nodeList.value = chosen.id;
    });
    const keep = selected ? byId.get(selected) : undefined;
    if (keep && cy.getElementById(keep.id).nonempty()) select(keep);
  };

  const showResults = (found: ViewNode[], heading: string): void => {
    if (!results) return;
    const title = document.createElement('p');
    title.textContent = heading;
    const list = document.createElement('ul');
    for (const node of found) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = node.label;
      // Why it is listed: how many documents cite it (the list before a search is "most cited").
      if (node.inDegree > 0) {
        const count = document.createElement('span');
        count.className = 'graph-results-count';
        count.textContent = ` · ${gt('search.citedBy', { count: node.inDegree })}`;
        button.append(count);
      }
      button.addEventListener('click', () => focus(node));
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    results.replaceChildren(title, list);
  };

  filterForm?.addEventListener('change', () => withFull(render));
  filterForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    withFull(render);
  });
  filterForm?.addEventListener('reset', () => {
    include.clear();
    // The form resets its fields after this event.
    setTimeout(() => withFull(render), 0);
  });
  searchForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = String(new FormData(searchForm).get('q') ?? '');
    withFull(() => {
      const found = searchNodes(getSearchIndex(), query);
      if (found.length === 0) {
        showResults([], gt('search.none', { query }));
        return;
      }
      showResults(found, gt('search.results'));
      focus(found[0] as ViewNode);
    });
  });
  nodeList?.addEventListener('change', () => {
    const node = byId.get(nodeList.value);
    if (node) focus(node);
  });
  part<HTMLButtonElement>(root, 'zoom-in')?.addEventListener('click', () => zoomBy(cy, 1.3));
  part<HTMLButtonElement>(root, 'zoom-out')?.addEventListener('click', () => zoomBy(cy, 1 / 1.3));
  part<HTMLButtonElement>(root, 'fit')?.addEventListener('click', () => cy?.fit(undefined, 20));

  render();
  showResults(mostCitedNodes(graph.nodes), gt('search.top'));
  // A document page links here with ?chon=<id> to show that document in the whole graph.
  const chosenId = new URLSearchParams(window.location.search).get('chon') ?? '';
  const wanted = byId.get(chosenId);
  if (wanted) focus(wanted);
  else if (chosenId && graph.partial) {
    withFull(() => {
      const found = byId.get(chosenId);
      if (found) focus(found);
    });
  }
}

/** Edges added per step: small enough that a click waiting in the queue is answered soon. */
const EDGE_CHUNK = 400;

/**
 * Add edges a chunk at a time while the browser is idle, so a tap on the already drawn nodes
 * is answered between chunks instead of after one long task (adding and styling 2,000 edges
 * takes several hundred ms on a slow machine).
 *
 * @param cy Instance.
 * @param edges Edge definitions.
 * @param current False once the view was redrawn (stop adding to a destroyed instance).
 * @param done Called after the last chunk.
 */
function addInChunks(
  cy: cytoscape.Core,
  edges: readonly cytoscape.ElementDefinition[],
  current: () => boolean,
  done: () => void,
): void {
  let next = 0;
  const step = (deadline?: IdleDeadline): void => {
    if (!current() || cy.destroyed()) return;
    // At least one chunk per call, more while the idle period lasts.
    do {
      cy.add(edges.slice(next, next + EDGE_CHUNK));
      next += EDGE_CHUNK;
    } while (next < edges.length && deadline !== undefined && deadline.timeRemaining() > 20);
    if (next < edges.length) whenIdle(step);
    else done();
  };
  whenIdle(step);
}

/**
 * Run work when the browser is idle (a click waiting in the queue goes first), or soon.
 *
 * @param work The work.
 */
function whenIdle(work: (deadline?: IdleDeadline) => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 300 });
  else setTimeout(() => work(), 0);
}

/**
 * Mark the chosen node and its edges (classes, not Cytoscape selection, so a tap itself never
 * triggers a redraw before the details show).
 *
 * @param cy Instance.
 * @param node Chosen node, or null.
 */
function highlight(cy: cytoscape.Core | undefined, node: ViewNode | null): void {
  if (!cy || cy.destroyed()) return;
  cy.batch(() => {
    cy.elements('.neighbour, .chosen').removeClass('neighbour chosen');
    if (!node) return;
    const element = cy.getElementById(node.id);
    element.addClass('chosen');
    element.connectedEdges().addClass('neighbour');
  });
}

function zoomBy(cy: cytoscape.Core | undefined, factor: number): void {
  if (!cy) return;
  const { width, height } = { width: cy.width(), height: cy.height() };
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
}

/**
 * Fill the keyboard-friendly list of drawn nodes, sorted by label.
 *
 * @param select The `<select>`.
 * @param nodes Drawn nodes.
 */
function fillNodeList(select: HTMLSelectElement | null, nodes: readonly ViewNode[]): void {
  if (!select) return;
  const placeholder = new Option(gt('nodeList.placeholder'), '');
  const options = [...nodes].sort((a, b) => a.label.localeCompare(b.label, 'vi')).map((node) => new Option(node.label, node.id));
  select.replaceChildren(placeholder, ...options);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-graph-view]')) void start(root);
