/**
 * The Cytoscape stylesheet of both graph views, from the shared palette.
 */
import type cytoscape from 'cytoscape';
import type { GraphRelation } from '../../pipeline/emit/graph-schema.ts';
import { LEVEL_COLOURS, RELATION_STYLES, type RelationStyle } from './palette.ts';

export interface StyleOptions {
  /**
   * Draw edges as haystack lines: far cheaper for thousands of edges, but without arrows.
   * Small graphs get straight edges with arrowheads to show direction.
   */
  haystack: boolean;
  /** Always show labels (small graphs) rather than only when zoomed in. */
  labels: boolean;
  /**
   * Labels shown per node where they fit, with classes `labelled`, `label-<place>` and
   * `hovered` (the local graph). Left out of the big graph, where each selector is tested
   * against every element.
   */
  placedLabels?: boolean;
}

/**
 * Build the stylesheet.
 *
 * @param options Rendering choices.
 * @returns Cytoscape style definitions.
 */
export function graphStyle(options: StyleOptions): cytoscape.StylesheetJson {
  // Colour, shape and line pattern are read from each element's data (`nodeLook`, `edgeLook`)
  // rather than matched by one selector per level and relation: Cytoscape tests every element
  // against every selector, and with 18 of them that matching was the largest cost of drawing
  // 2,000 nodes and their edges.
  // Label properties are set only where a label shows (every node of a small graph, the chosen
  // node and its neighbours of a big one): Cytoscape applies each property to each element one
  // by one, about half the CPU of the first frame of 2,000 nodes; leaving these nine out of the
  // node style of big graphs cut the main thread's CPU to that frame by ~8 %.
  const text: cytoscape.Css.Node = {
    label: 'data(label)',
    'font-size': 10,
    color: '#1b1b1b',
    'text-valign': 'bottom',
    'text-margin-y': 2,
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.75,
    'text-background-padding': '1',
    // Labels appear only once legible: cheap on big graphs, readable when zoomed in.
    'min-zoomed-font-size': 8,
  };
  // A label placed where it fits (the local graph), and any node under the pointer; a placed
  // label comes after `hovered` so it stays where it was placed under the pointer.
  const placed: cytoscape.StylesheetJson = options.placedLabels
    ? [
        { selector: 'node.labelled', style: text },
        { selector: 'node.hovered', style: { ...text, 'z-index': 30, 'min-zoomed-font-size': 0, 'text-background-opacity': 1 } },
        { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -2 } },
        {
          selector: 'node.label-right',
          style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 2, 'text-margin-y': 0 },
        },
        {
          selector: 'node.label-left',
          style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -2, 'text-margin-y': 0 },
        },
      ]
    : [];
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        // Cytoscape maps `data()` for every property; its types only list it for some.
        shape: 'data(shape)' as 'ellipse',
        'border-width': 'data(border)',
        'border-color': '#1b1b1b',
        ...(options.labels ? text : {}),
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': options.haystack ? 'haystack' : 'straight',
        width: 'data(width)',
        opacity: 0.7,
        'line-color': 'data(colour)',
        'line-style': 'data(line)' as 'solid',
        // Haystack lines have no arrows (and `haystack-radius` is 0 by default): no arrow properties.
        ...(options.haystack
          ? {}
          : { 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8 }),
      },
    },
    ...placed,
    { selector: 'node.neighbour', style: { ...text, 'border-width': 3, 'border-color': '#b34700' } },
    { selector: 'edge.neighbour', style: { opacity: 1, width: 2.5, 'z-index': 10 } },
    {
      selector: 'node.chosen',
      style: {
        ...text,
        'border-width': 5,
        'border-color': '#b34700',
        'font-size': 12,
        'font-weight': 'bold',
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.centre', style: { 'border-width': 5, 'border-color': '#1b1b1b', 'font-weight': 'bold' } },
  ];
}

/** Style data of a node, merged into its Cytoscape `data`. */
export interface NodeLook {
  colour: string;
  shape: 'round-rectangle' | 'ellipse';
  border: number;
}

/**
 * How a node looks: colour by issuer level; plans of the corpus are squares with a thick
 * border, cited-only documents circles.
 *
 * @param level Issuer level (unknown levels get the "other" colour).
 * @param inCorpus Whether the document is a plan of the corpus.
 * @returns Style data.
 */
export function nodeLook(level: string, inCorpus: boolean): NodeLook {
  const colour = (LEVEL_COLOURS as Record<string, string | undefined>)[level] ?? LEVEL_COLOURS.khac;
  return inCorpus ? { colour, shape: 'round-rectangle', border: 2.5 } : { colour, shape: 'ellipse', border: 1 };
}

const PLAIN_EDGE: RelationStyle = { colour: '#8a949e', line: 'solid', width: 1 };

/**
 * How an edge looks, by relation.
 *
 * @param relation Relation.
 * @returns Colour, line pattern and width.
 */
export function edgeLook(relation: GraphRelation | string): RelationStyle {
  return (RELATION_STYLES as Record<string, RelationStyle | undefined>)[relation] ?? PLAIN_EDGE;
}

/**
 * Drawn size of a node: grows with the square root of its citations, so hubs stand out
 * without hiding the rest. Whole units, so that nodes of one look share a cached texture.
 *
 * @param inDegree Documents citing it.
 * @param mentionCount Mentions of it.
 * @returns Diameter in layout units.
 */
export function nodeSize(inDegree: number, mentionCount: number): number {
  return Math.round(Math.min(60, 10 + 4 * Math.sqrt(inDegree) + Math.sqrt(mentionCount)));
}
