/**
 * The Cytoscape stylesheet of both graph views, from the shared palette.
 */
import type cytoscape from 'cytoscape';
import { LEVEL_COLOURS, LEVELS, RELATION_STYLES, RELATIONS } from './palette.ts';

export interface StyleOptions {
  /**
   * Draw edges as haystack lines: far cheaper for thousands of edges, but without arrows.
   * Small graphs get straight edges with arrowheads to show direction.
   */
  haystack: boolean;
  /** Always show labels (small graphs) rather than only when zoomed in. */
  labels: boolean;
}

/**
 * Build the stylesheet.
 *
 * @param options Rendering choices.
 * @returns Cytoscape style definitions.
 */
export function graphStyle(options: StyleOptions): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': LEVEL_COLOURS.khac,
        'border-width': 1,
        'border-color': '#1b1b1b',
        label: options.labels ? 'data(label)' : '',
        'font-size': 10,
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 2,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1',
        // Labels appear only once legible: cheap on big graphs, readable when zoomed in.
        'min-zoomed-font-size': 8,
      },
    },
    ...LEVELS.map((level) => ({
      selector: `node[level = "${level}"]`,
      style: { 'background-color': LEVEL_COLOURS[level] },
    })),
    // Plans of the corpus: squares with a thick border; cited-only documents: circles.
    { selector: 'node[?inCorpus]', style: { shape: 'round-rectangle', 'border-width': 2.5 } },
    {
      selector: 'edge',
      style: {
        'curve-style': options.haystack ? 'haystack' : 'straight',
        'haystack-radius': 0,
        width: 1,
        opacity: 0.7,
        'line-color': '#8a949e',
        'target-arrow-shape': options.haystack ? 'none' : 'triangle',
        'arrow-scale': 0.8,
      },
    },
    ...RELATIONS.map((relation) => {
      const style = RELATION_STYLES[relation];
      return {
        selector: `edge[relation = "${relation}"]`,
        style: {
          'line-color': style.colour,
          'target-arrow-color': style.colour,
          'line-style': style.line,
          width: style.width,
        },
      };
    }),
    { selector: 'node.neighbour', style: { 'border-width': 3, 'border-color': '#b34700', label: 'data(label)' } },
    { selector: 'edge.neighbour', style: { opacity: 1, width: 2.5, 'z-index': 10 } },
    {
      selector: 'node.chosen',
      style: {
        'border-width': 5,
        'border-color': '#b34700',
        label: 'data(label)',
        'font-size': 12,
        'font-weight': 'bold',
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.centre', style: { 'border-width': 5, 'border-color': '#1b1b1b', 'font-weight': 'bold' } },
  ];
}

/**
 * Drawn size of a node: grows with the square root of its citations, so hubs stand out
 * without hiding the rest.
 *
 * @param inDegree Documents citing it.
 * @param mentionCount Mentions of it.
 * @returns Diameter in layout units.
 */
export function nodeSize(inDegree: number, mentionCount: number): number {
  return Math.min(60, 10 + 4 * Math.sqrt(inDegree) + Math.sqrt(mentionCount));
}
