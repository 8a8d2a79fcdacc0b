import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CSV_HEADER, csvField, toCitationsCsv } from '../../src/pipeline/emit/citations-csv.ts';
import { buildGraph, graphJson } from '../../src/pipeline/emit/graph.ts';
import { graphSchema } from '../../src/pipeline/emit/graph-schema.ts';
import { toGraphml } from '../../src/pipeline/emit/graphml.ts';
import { resolveCorpus } from '../../src/pipeline/resolve.ts';
import { cite, plan } from '../fixtures/resolve/factories.ts';

function corpus() {
  const text =
    'Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về “khu vực phòng thủ”, “A & B”;\nThực hiện Luật Quốc phòng <sửa đổi>.';
  const p = plan({ issuer: 'UBND tỉnh Tây Ninh', place: 'Tây Ninh', number: '1062/KH-UBND', date: '2024-04-11', text });
  return resolveCorpus([
    {
      plan: p,
      citations: cite(
        p,
        {
          text: 'Nghị định số 21/2019/NĐ-CP ngày 22/02/2019',
          docType: 'Nghị định',
          number: '21/2019/NĐ-CP',
          date: '2019-02-22',
          issuer: 'Chính phủ',
          subject: 'về "khu vực phòng thủ"',
          relation: 'can-cu',
        },
        { text: 'Luật Quốc phòng', name: 'Luật Quốc phòng', docType: 'Luật', relation: 'thuc-hien' },
      ),
    },
  ]);
}

describe('buildGraph', () => {
  it('is valid against graphSchema, with positions and defaults', () => {
    const graph = buildGraph(corpus(), new Map([['luat-quoc-phong', { x: 10.123456, y: -3 }]]));
    expect(graphSchema.safeParse(graph).success).toBe(true);
    expect(graph.nodes.find((n) => n.id === 'luat-quoc-phong')).toMatchObject({ x: 10.12, y: -3, issuerLevel: 'quoc-hoi' });
    expect(graph.nodes.find((n) => n.id === 'nghi-dinh-21-2019-nd-cp')).toMatchObject({ x: 0, y: 0, inDegree: 1 });
    expect(graph.edges.map((e) => e.relation)).toEqual(['can-cu', 'thuc-hien']);
  });

  it('is byte-identical for the same input', () => {
    expect(graphJson(buildGraph(corpus()))).toBe(graphJson(buildGraph(corpus())));
  });
});

describe('toCitationsCsv', () => {
  const csv = toCitationsCsv(corpus());

  it('starts with a UTF-8 BOM and the header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_HEADER.join(','));
  });

  it('writes one row per mention, quoting per RFC 4180', () => {
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    // The sentence has a comma and quotes: quoted, inner quotes doubled.
    expect(lines[1]).toContain(
      '"Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về “khu vực phòng thủ”, “A & B”;"',
    );
    expect(lines[1]?.endsWith(',trich-dan-1')).toBe(true);
    expect(lines[2]).toBe(
      'ke-hoach-1062-kh-ubnd-tay-ninh-2024,1062/KH-UBND,luat-quoc-phong,Luật Quốc phòng,thuc-hien,Luật Quốc phòng,Thực hiện Luật Quốc phòng <sửa đổi>.,trich-dan-2',
    );
  });

  it('quotes fields with quotes, commas and line breaks', () => {
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('toGraphml', () => {
  const xml = toGraphml(buildGraph(corpus()));

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('starts with the declaration, the GraphML namespace and the keys, indented by two spaces', () => {
    expect(xml.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
      '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    ]);
    expect(xml.endsWith('    </edge>\n  </graph>\n</graphml>\n')).toBe(true);
  });

  it('declares the keys and writes the edges', () => {
    for (const key of ['label', 'type', 'number', 'date', 'issuer', 'level', 'inCorpus', 'relation', 'count']) {
      expect(xml).toContain(`<key id="${key}"`);
    }
    expect(xml).toContain(
      '    <edge id="ke-hoach-1062-kh-ubnd-tay-ninh-2024--can-cu--nghi-dinh-21-2019-nd-cp" source="ke-hoach-1062-kh-ubnd-tay-ninh-2024" target="nghi-dinh-21-2019-nd-cp">\n' +
        '      <data key="relation">can-cu</data>\n      <data key="count">1</data>\n    </edge>',
    );
  });

  it('escapes markup and drops the characters XML forbids, in text and attributes', () => {
    const graph = buildGraph(corpus());
    const [first, ...rest] = graph.nodes;
    const odd = { ...first!, id: `a&"b'<c>\u0002`, label: `<a & "b"> 'c'\u0001\uffff`, number: null };
    const out = toGraphml({ ...graph, nodes: [odd, ...rest] });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('<node id="a&amp;&quot;b&apos;&lt;c&gt;">');
    expect(out).toContain('<data key="label">&lt;a &amp; &quot;b&quot;&gt; &apos;c&apos;</data>');
    // A null value has no <data> element.
    expect(out.split('<node id="a&amp;')[1]!.split('</node>')[0]).not.toContain('key="number"');
    // Read back by an XML parser: the text as written, less the forbidden characters.
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', htmlEntities: false }).parse(out) as {
      graphml: { graph: { node: { '@_id': string; data: { '@_key': string; '#text': string }[] }[] } };
    };
    const node = parsed.graphml.graph.node[0]!;
    expect(node['@_id']).toBe(`a&"b'<c>`);
    expect(node.data.find((entry) => entry['@_key'] === 'label')?.['#text']).toBe(`<a & "b"> 'c'`);
  });

  it('is deterministic', () => {
    expect(toGraphml(buildGraph(corpus()))).toBe(xml);
  });

  it('catches broken XML (the validator can fail)', () => {
    expect(XMLValidator.validate('<a><b></a>')).not.toBe(true);
    expect(XMLValidator.validate('<a>x & y</a>')).not.toBe(true);
  });
});
