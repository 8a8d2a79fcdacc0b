/**
 * Lay out one connected component with fcose in headless Cytoscape.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { pivotMds } from './pivot-mds.ts';
import { withSeededRandom } from './seeded-random.ts';

cytoscape.use(fcose);

/** A position on the layout plane. */
export interface Point {
  x: number;
  y: number;
}

export interface ComponentLayoutOptions {
  /** PRNG seed for fcose's `Math.random` calls. */
  seed: number;
  /** Components up to this many nodes get fcose's force-directed pass ('default'); bigger ones pivot MDS. */
  defaultQualityMaxNodes: number;
  /** Ideal edge length (layout units; nodes are drawn ~10–40 units wide). */
  edgeLength: number;
}

/**
 * Positions of one component's nodes, centred near the origin.
 *
 * Bigger components get a spectral layout alone (pivot MDS, the step fcose's 'draft' quality
 * runs, see `pivot-mds.ts`): seconds for tens of thousands of nodes, where the force-directed
 * refinement grows roughly quadratically and fcose's own preparation quadratically in hub
 * degree.
 *
 * @param ids Sorted node ids of the component.
 * @param edges Edges inside the component.
 * @param options Settings.
 * @returns Id → position.
 */
export function layoutComponent(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
  options: ComponentLayoutOptions,
): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (ids.length === 1) {
    positions.set(ids[0] as string, { x: 0, y: 0 });
    return positions;
  }
  if (ids.length === 2) {
    positions.set(ids[0] as string, { x: 0, y: 0 });
    positions.set(ids[1] as string, { x: options.edgeLength, y: 0 });
    return positions;
  }

  if (ids.length > options.defaultQualityMaxNodes) {
    return pivotMds(ids, edges, { edgeLength: options.edgeLength });
  }

  const elements: cytoscape.ElementDefinition[] = ids.map((id) => ({ group: 'nodes', data: { id } }));
  // One undirected link per pair, sorted: parallel edges of different relations add nothing to
  // the layout, and fcose's result depends on element order, which must not follow input order.
  const pairs = new Set<string>();
  for (const { source, target } of edges) {
    if (source !== target) pairs.add(source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);
  }
  [...pairs].sort().forEach((pair, index) => {
    const [source, target] = pair.split('\u0000') as [string, string];
    elements.push({ group: 'edges', data: { id: `e${index}`, source, target } });
  });

  const cy = cytoscape({ headless: true, styleEnabled: false, elements });
  withSeededRandom(options.seed, () => {
    cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      fit: false,
      // Packing needs cytoscape-layout-utilities; components are packed by `packComponents` instead.
      packComponents: false,
      nodeSeparation: options.edgeLength * 1.5,
      idealEdgeLength: () => options.edgeLength,
      nodeRepulsion: () => 4500,
      numIter: 1500,
    } as cytoscape.LayoutOptions).run();
  });
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions.set(node.id(), { x, y });
  });
  cy.destroy();
  return positions;
}
