/**
 * Draw one document's neighbourhood: the document in the middle, neighbours in a ring
 * (a second ring for depth 2); a tap opens the tapped document's page.
 */
import type cytoscape from 'cytoscape';
import { draw, toElements } from './draw.ts';
import { gt } from './i18n.ts';
import { PLACEMENTS, placeLabels, type LabelCandidate } from './label-fit.ts';
import type { NeighbourhoodFile } from './neighbourhood.ts';
import { LEVELS, RELATIONS } from './palette.ts';
import type { ViewEdge, ViewNode } from './view-data.ts';

declare global {
  interface Window {
    __vbgLocalGraph?: { cy: cytoscape.Core };
  }
}

interface LocalNode extends ViewNode {
  depth: number;
}

/**
 * Decode a neighbourhood file into drawable nodes and edges.
 *
 * @param file Parsed JSON.
 * @returns Nodes (index = position in file) and edges.
 */
function decode(file: NeighbourhoodFile): { nodes: LocalNode[]; edges: ViewEdge[] } {
  const nodes = file.nodes.map(([id, label, level, inCorpus, depth, inDegree, mentionCount, url], index): LocalNode => ({
    index,
    id,
    url: url === 0 ? `van-ban/${id}/` : url,
    label,
    type: null,
    number: null,
    date: null,
    year: null,
    issuer: null,
    level: LEVELS[level] ?? 'khac',
    inCorpus: inCorpus === 1,
    inDegree,
    outDegree: 0,
    mentionCount,
    x: 0,
    y: 0,
    subject: null,
    depth,
  }));
  const edges = file.edges.map(([source, target, relation], index): ViewEdge => ({
    index,
    source,
    target,
    relation: RELATIONS[relation] ?? 'dan-chieu',
    count: 1,
  }));
  return { nodes, edges };
}

/**
 * Start the local graph in its element.
 *
 * @param root A `[data-local-graph]` element.
 */
export async function startLocalGraph(root: HTMLElement): Promise<void> {
  const canvas = root.querySelector<HTMLElement>('[data-local-canvas]');
  const status = root.querySelector<HTMLElement>('[data-local-status]');
  const depthBox = root.querySelector<HTMLInputElement>('[data-local-depth]');
  const base = root.dataset['base'] ?? '/';
  if (!canvas || !status) return;
  status.textContent = gt('local.loading');

  let data: { nodes: LocalNode[]; edges: ViewEdge[] };
  let hidden: [number, number];
  try {
    const response = await fetch(root.dataset['src'] ?? '');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const file = (await response.json()) as NeighbourhoodFile;
    data = decode(file);
    hidden = file.hidden;
  } catch {
    status.textContent = gt('local.error');
    return;
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-local-needs-js]')) element.hidden = false;
  let cy: cytoscape.Core | undefined;

  const render = (): void => {
    const depth = depthBox?.checked ? 2 : 1;
    const nodes = data.nodes.filter((node) => node.depth <= depth);
    const kept = new Set(nodes.map((node) => node.index));
    const edges = data.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
    cy?.destroy();
    cy = draw({
      container: canvas,
      elements: toElements(nodes, edges, (index) => data.nodes[index]),
      edgeCount: edges.length,
      // Labels are shown per node, only where they fit (`showLabelsThatFit`).
      labels: false,
      placedLabels: true,
      layout: {
        name: 'concentric',
        // Centre in the middle, depth 1 around it, depth 2 outside: a fixed, readable picture.
        concentric: (node: cytoscape.NodeSingular) => 3 - (data.nodes[node.data('index') as number]?.depth ?? 2),
        levelWidth: () => 1,
        minNodeSpacing: 12,
        animate: false,
        padding: 20,
      } as cytoscape.LayoutOptions,
    });
    // A handful of nodes would be fitted at giant zoom: keep them at a natural size.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    cy.getElementById(data.nodes[0]?.id ?? '').addClass('centre');
    showLabelsThatFit(cy, data.nodes);
    const drawn = cy;
    let pending = 0;
    // Zooming changes what fits: place the labels again once the view settles.
    cy.on('viewport', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => showLabelsThatFit(drawn, data.nodes));
    });
    cy.on('mouseover', 'node', (event) => (event.target as cytoscape.NodeSingular).addClass('hovered'));
    cy.on('mouseout', 'node', (event) => (event.target as cytoscape.NodeSingular).removeClass('hovered'));
    cy.on('tap', 'node', (event) => {
      const node = data.nodes[(event.target as cytoscape.NodeSingular).data('index') as number];
      if (node && node.depth > 0) window.location.assign(base + node.url);
    });
    root.dataset['nodeCount'] = String(nodes.length);
    root.dataset['edgeCount'] = String(edges.length);
    cy.one('render', () => {
      root.dataset['ready'] = 'true';
    });
    window.__vbgLocalGraph = { cy };
    const missing = hidden[0] + (depth === 2 ? hidden[1] : 0);
    status.textContent = missing
      ? gt('local.capped', { nodes: nodes.length, edges: edges.length, hidden: missing })
      : gt('local.shown', { nodes: nodes.length, edges: edges.length });
  };

  depthBox?.addEventListener('change', render);
  render();
}

/** Font size of a label in layout units (the stylesheet's `font-size`). */
const LABEL_FONT = 10;
/** Below this rendered size the stylesheet hides labels anyway (`min-zoomed-font-size`). */
const MIN_RENDERED_FONT = 8;

/**
 * Label the nodes whose label fits without covering another: the document itself first,
 * then its direct neighbours before depth 2, most cited first. The others are named on
 * hover (class `hovered`) and in the edge list under the graph.
 *
 * @param cy The drawn graph.
 * @param nodes Decoded nodes (by index).
 */
function showLabelsThatFit(cy: cytoscape.Core, nodes: readonly LocalNode[]): void {
  const fontSize = LABEL_FONT * cy.zoom();
  const ranked = cy
    .nodes()
    .toArray()
    .map((element) => ({ element, node: nodes[element.data('index') as number] }))
    .sort(
      (a, b) =>
        (a.node?.depth ?? 9) - (b.node?.depth ?? 9) ||
        (b.node?.inDegree ?? 0) - (a.node?.inDegree ?? 0) ||
        (b.node?.mentionCount ?? 0) - (a.node?.mentionCount ?? 0) ||
        (a.node?.index ?? 0) - (b.node?.index ?? 0),
    );
  const measure = labelMeasurer(fontSize);
  const candidates: LabelCandidate[] = ranked.map(({ element }) => {
    const at = element.renderedPosition();
    const label = String(element.data('label') ?? '');
    return { id: element.id(), label, x: at.x, y: at.y, size: element.renderedWidth(), width: measure(label) };
  });
  const placed =
    fontSize < MIN_RENDERED_FONT ? new Map() : placeLabels(candidates, { width: cy.width(), height: cy.height(), fontSize });
  const placementClasses = PLACEMENTS.map((place) => `label-${place}`).join(' ');
  cy.batch(() => {
    for (const { element } of ranked) {
      element.removeClass(`labelled ${placementClasses}`);
      const place = placed.get(element.id());
      if (place) element.addClass(`labelled label-${place}`);
    }
  });
}

/** Cytoscape's default label font, which the stylesheet keeps. */
const LABEL_FAMILY = '"Helvetica Neue", Helvetica, sans-serif';

let measuringContext: CanvasRenderingContext2D | null | undefined;

/**
 * A function giving the rendered width of a label at a font size, measured as the canvas
 * draws it (bold, as the centre's label is, to be safe), or undefined without a 2D canvas.
 */
function labelMeasurer(fontSize: number): (label: string) => number | undefined {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  const context = measuringContext;
  if (!context) return () => undefined;
  context.font = `bold ${fontSize}px ${LABEL_FAMILY}`;
  return (label) => context.measureText(label).width;
}
