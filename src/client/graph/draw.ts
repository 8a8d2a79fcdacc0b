/**
 * Create a Cytoscape instance for a set of view nodes and edges, with the settings that keep
 * big graphs smooth on office machines.
 */
import cytoscape from 'cytoscape';
import { edgeLook, graphStyle, nodeLook, nodeSize } from './cy-style.ts';
import type { ViewEdge, ViewNode } from './view-data.ts';

/** Above this many edges, edges are haystack lines and hidden while panning. */
const MANY_EDGES = 1500;

/**
 * Cytoscape element definitions.
 *
 * @param nodes Nodes to draw (with positions).
 * @param edges Edges between them (indexes into the full node list).
 * @param byIndex Node index → node.
 * @returns Elements.
 */
export function toElements(
  nodes: readonly ViewNode[],
  edges: readonly ViewEdge[],
  byIndex: (index: number) => ViewNode | undefined,
): cytoscape.ElementDefinition[] {
  const elements: cytoscape.ElementDefinition[] = nodes.map((node) => ({
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
      level: node.level,
      inCorpus: node.inCorpus,
      size: nodeSize(node.inDegree, node.mentionCount),
      index: node.index,
      ...nodeLook(node.level, node.inCorpus),
    },
    position: { x: node.x, y: node.y },
  }));
  for (const edge of edges) {
    const source = byIndex(edge.source);
    const target = byIndex(edge.target);
    if (!source || !target) continue;
    elements.push({
      group: 'edges',
      data: { id: `e${edge.index}`, source: source.id, target: target.id, relation: edge.relation, ...edgeLook(edge.relation) },
    });
  }
  return elements;
}

export interface DrawOptions {
  container: HTMLElement;
  elements: cytoscape.ElementDefinition[];
  edgeCount: number;
  /** Always show labels. */
  labels: boolean;
  /** Labels placed per node by the caller (see `StyleOptions.placedLabels`). */
  placedLabels?: boolean;
  layout?: cytoscape.LayoutOptions;
}

/**
 * Draw.
 *
 * @param options Container, elements and choices.
 * @returns The Cytoscape instance.
 */
export function draw(options: DrawOptions): cytoscape.Core {
  claimCytoscapeStylesheet();
  const many = options.edgeCount > MANY_EDGES;
  const cy = cytoscape({
    container: options.container,
    // Elements with preset positions are added below, after construction: given here, they would
    // be placed a second time by the preset layout (a tenth of the time to the first frame).
    elements: options.layout ? options.elements : [],
    layout: options.layout ?? { name: 'null' },
    style: graphStyle({ haystack: many, labels: options.labels, placedLabels: options.placedLabels ?? false }),
    minZoom: 0.02,
    maxZoom: 6,
    // Performance: plain pixels, and a static snapshot while the user pans or zooms.
    pixelRatio: 1,
    textureOnViewport: many,
    hideEdgesOnViewport: many,
    hideLabelsOnViewport: true,
    motionBlur: false,
    boxSelectionEnabled: false,
    // Selection is shown with classes by the page (see `highlight`), never by Cytoscape itself.
    autounselectify: true,
    // Positions come from the build; dragging would only trigger costly redraws of big graphs.
    autoungrabify: true,
  });
  if (!options.layout) {
    cy.add(options.elements);
    // Fitted from node positions alone: Cytoscape's own fit measures every edge's bounding box,
    // over a second on 10,000 edges.
    fitToPositions(cy, options.elements, 20);
  }
  return cy;
}

/**
 * Fit the viewport to the nodes' preset positions and sizes.
 *
 * @param cy Instance.
 * @param elements Its elements (nodes carry `position` and `data.size`).
 * @param padding Rendered padding in pixels.
 */
export function fitToPositions(cy: cytoscape.Core, elements: readonly cytoscape.ElementDefinition[], padding: number): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const element of elements) {
    if (!element.position) continue;
    const half = Number(element.data['size'] ?? 10) / 2;
    minX = Math.min(minX, element.position.x - half);
    minY = Math.min(minY, element.position.y - half);
    maxX = Math.max(maxX, element.position.x + half);
    maxY = Math.max(maxY, element.position.y + half);
  }
  if (!Number.isFinite(minX)) return;
  const width = Math.max(1, cy.width() - 2 * padding);
  const height = Math.max(1, cy.height() - 2 * padding);
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(width / (maxX - minX || 1), height / (maxY - minY || 1))));
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - (zoom * (minX + maxX)) / 2, y: cy.height() / 2 - (zoom * (minY + maxY)) / 2 },
  });
}

/** The id Cytoscape checks before inserting its own `<style>` element. */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/**
 * Keep Cytoscape from inserting an inline `<style>` (blocked by the CSP `style-src 'self'`,
 * and reported as a console error): it skips the insertion when an element with its id
 * exists. The rule it would add (`position: relative` on the container) is in graph.css.
 */
function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}
