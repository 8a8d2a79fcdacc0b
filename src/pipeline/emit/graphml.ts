/**
 * Emit `graph.graphml`: the citation graph for Gephi, yEd and Cytoscape desktop.
 */
import type { GraphData } from './graph-schema.ts';

/** A GraphML attribute: id, owner, name and type (`attr.type`). */
type Key = readonly [id: string, owner: 'node' | 'edge', name: string, type: 'string' | 'boolean' | 'int' | 'double'];

/** Declared attributes; yEd and Gephi show `attr.name`. */
const keys: readonly Key[] = [
  ['label', 'node', 'label', 'string'],
  ['type', 'node', 'type', 'string'],
  ['number', 'node', 'number', 'string'],
  ['date', 'node', 'date', 'string'],
  ['issuer', 'node', 'issuer', 'string'],
  ['level', 'node', 'level', 'string'],
  ['inCorpus', 'node', 'inCorpus', 'boolean'],
  ['url', 'node', 'url', 'string'],
  ['x', 'node', 'x', 'double'],
  ['y', 'node', 'y', 'double'],
  ['relation', 'edge', 'relation', 'string'],
  ['count', 'edge', 'count', 'int'],
];

/**
 * Escape text for XML content and attribute values; drop characters XML 1.0 forbids.
 *
 * Kept by hand, on purpose: GraphML is a flat list of `<node>`/`<edge>`/`<data>` lines, every
 * value goes through this one function (the five predefined entities, nothing else to know),
 * and the file has ~100,000 data elements at 1,000 plans. An XML tree serializer
 * (`xast-util-to-xml`) would build and walk a tree of them for the same bytes; the HTML and MDX
 * of the pages, whose escaping rules are many, are written by unified's serializers.
 *
 * @param text Raw text.
 * @returns Escaped text.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Write graph data as GraphML (directed graph; one `<data>` per known attribute).
 *
 * @param graph Graph data (already sorted).
 * @returns File content.
 */
export function toGraphml(graph: GraphData): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, owner, name, type]) => `  <key id="${id}" for="${owner}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="trich-dan" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xmlEscape(node.id)}">`);
    lines.push(
      ...data({
        label: node.label,
        type: node.type,
        number: node.number,
        date: node.date?.iso ?? null,
        issuer: node.issuer,
        level: node.issuerLevel,
        inCorpus: String(node.inCorpus),
        url: node.url,
        x: String(node.x),
        y: String(node.y),
      }),
    );
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(`    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">`);
    lines.push(...data({ relation: edge.relation, count: String(edge.count) }));
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/** `<data>` lines for the non-null values, in key order. */
function data(values: Readonly<Record<string, string | null>>): string[] {
  return keys
    .filter(([id]) => values[id] !== undefined && values[id] !== null)
    .map(([id]) => `      <data key="${id}">${xmlEscape(values[id] ?? '')}</data>`);
}
