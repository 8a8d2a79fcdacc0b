/**
 * Emit `graph.graphml`: the citation graph for Gephi, yEd and Cytoscape desktop.
 */
import { XMLBuilder } from 'fast-xml-parser';
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

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF): dropped, no escape can write them. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * fast-xml-parser's builder writes the tree: it escapes `&`, `<`, `>`, `'` and `"` in text and
 * attribute values; the values' forbidden characters are dropped before that.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  tagValueProcessor: (_name, value) => (typeof value === 'string' ? value.replace(FORBIDDEN, '') : value),
  attributeValueProcessor: (_name, value) => (typeof value === 'string' ? value.replace(FORBIDDEN, '') : value),
});

/** An element for the builder: attributes (`@_` names), then children or text (`#text`). */
type XmlElement = { [name: string]: string | XmlElement | XmlElement[] };

/**
 * Write graph data as GraphML (directed graph; one `<data>` per known attribute).
 *
 * @param graph Graph data (already sorted).
 * @returns File content.
 */
export function toGraphml(graph: GraphData): string {
  const nodes: XmlElement[] = graph.nodes.map((node) => ({
    '@_id': node.id,
    data: data({
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
  }));
  const edges: XmlElement[] = graph.edges.map((edge) => ({
    '@_id': edge.id,
    '@_source': edge.source,
    '@_target': edge.target,
    data: data({ relation: edge.relation, count: String(edge.count) }),
  }));
  const document: XmlElement = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys.map(([id, owner, name, type]) => ({
        '@_id': id,
        '@_for': owner,
        '@_attr.name': name,
        '@_attr.type': type,
      })),
      graph: { '@_id': 'trich-dan', '@_edgedefault': 'directed', node: nodes, edge: edges },
    },
  };
  return builder.build(document) as string;
}

/** `<data>` elements for the non-null values, in key order. */
function data(values: Readonly<Record<string, string | null>>): XmlElement[] {
  return keys
    .filter(([id]) => values[id] !== undefined && values[id] !== null)
    .map(([id]) => ({ '@_key': id, '#text': values[id] ?? '' }));
}
