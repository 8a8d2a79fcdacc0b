/**
 * graph.json validated once per build: the pipeline's stamp lets `loadGraph` skip the schema
 * check for the exact bytes the pipeline validated, and only for those.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { GRAPH_VERSION, graphSchema, type GraphData } from '../../src/pipeline/emit/graph-schema.ts';
import { graphJson } from '../../src/pipeline/emit/graph.ts';
import { GRAPH_STAMP, checkGraph, graphStamp, schemaFingerprint, stampVouches } from '../../src/pipeline/emit/graph-stamp.ts';
import { loadGraph } from '../../src/utils/generated.ts';
import { DECREE_21_2019 } from '../support/graph-node.ts';

const SEED = '000_f97b9327d3f16c43.txt';

/** A valid graph of one node. */
function smallGraph(): GraphData {
  return graphSchema.parse({
    version: GRAPH_VERSION,
    statusDate: null,
    nodes: [
      {
        ...DECREE_21_2019,
        dates: [{ iso: '2019-02-22', partial: false }],
        issuers: ['Chính phủ'],
        x: 1.5,
        y: -2,
      },
    ],
    edges: [],
  });
}

describe('graph stamp', () => {
  it('vouches for the bytes it was made for, and for no others', () => {
    const json = graphJson(smallGraph());
    const stamp = graphStamp(json);
    expect(stampVouches(stamp, Buffer.from(json, 'utf8'))).toBe(true);
    expect(stampVouches(stamp, Buffer.from(json.replace('Chính phủ', 'Chính phu'), 'utf8'))).toBe(false);
    expect(stampVouches(null, Buffer.from(json, 'utf8'))).toBe(false);
    expect(stampVouches('not json', Buffer.from(json, 'utf8'))).toBe(false);
    // Made by code with another schema.
    const foreign = JSON.stringify({ ...JSON.parse(stamp), schema: '0'.repeat(64) });
    expect(stampVouches(foreign, Buffer.from(json, 'utf8'))).toBe(false);
  });

  it('is deterministic', () => {
    const json = graphJson(smallGraph());
    expect(graphStamp(json)).toBe(graphStamp(json));
  });

  it('fingerprints the schema by its definition: any change that accepts other values changes it', () => {
    const base = z.object({ a: z.number().int(), b: z.enum(['x', 'y']), c: z.string().nullable() });
    const same = z.object({ a: z.number().int(), b: z.enum(['x', 'y']), c: z.string().nullable() });
    expect(schemaFingerprint(same)).toBe(schemaFingerprint(base));
    const variants = [
      z.object({ a: z.number(), b: z.enum(['x', 'y']), c: z.string().nullable() }),
      z.object({ a: z.number().int(), b: z.enum(['x', 'y', 'z']), c: z.string().nullable() }),
      z.object({ a: z.number().int(), b: z.enum(['x', 'y']), c: z.string() }),
      z.object({ a: z.number().int(), b: z.enum(['x', 'y']), d: z.string().nullable() }),
      z.object({ a: z.number().int(), b: z.enum(['x', 'y']), c: z.string().nullable(), e: z.boolean() }),
    ];
    for (const variant of variants) expect(schemaFingerprint(variant)).not.toBe(schemaFingerprint(base));
  });

  it('is written by the pipeline beside graph.json, vouching for it', () => {
    const bytes = readFileSync(new URL(`../../content/sources/${SEED}`, import.meta.url));
    const built = buildCorpus([decodeSource(bytes, SEED)]);
    const json = built.files.find((file) => file.path === 'graph.json')!.content;
    const stamp = built.files.find((file) => file.path === GRAPH_STAMP)!.content;
    expect(stampVouches(stamp, Buffer.from(json, 'utf8'))).toBe(true);
    expect(JSON.parse(json).nodes.length).toBeGreaterThan(1);
  });
});

describe('loadGraph', () => {
  let dir: string;
  const saved = process.env['VBG_GENERATED'];
  beforeEach(() => {
    // A new folder each time: loadGraph keeps one graph per generated dir.
    dir = mkdtempSync(path.join(tmpdir(), 'vbg-stamp-'));
    process.env['VBG_GENERATED'] = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['VBG_GENERATED'];
    else process.env['VBG_GENERATED'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips validation when the stamp matches the bytes', () => {
    // Invalid on purpose (a node lacks every field but its id): only a skipped check lets it through.
    const json = `${JSON.stringify({ version: GRAPH_VERSION, statusDate: null, nodes: [{ id: 'a' }], edges: [] })}\n`;
    writeFileSync(path.join(dir, 'graph.json'), json);
    writeFileSync(path.join(dir, GRAPH_STAMP), graphStamp(json));
    expect(loadGraph().nodes.map((node) => node.id)).toEqual(['a']);
  });

  it('validates an edited graph.json, and accepts it when it is still valid', () => {
    const json = graphJson(smallGraph());
    writeFileSync(path.join(dir, GRAPH_STAMP), graphStamp(json));
    writeFileSync(path.join(dir, 'graph.json'), json.replace('về khu vực phòng thủ', 'về phòng thủ dân sự'));
    expect(loadGraph().nodes[0]!.subject).toBe('về phòng thủ dân sự');
  });

  it('rejects an edited, invalid graph.json with a message naming the file and the field', () => {
    const json = graphJson(smallGraph());
    writeFileSync(path.join(dir, GRAPH_STAMP), graphStamp(json));
    writeFileSync(path.join(dir, 'graph.json'), json.replace('"inDegree": 1', '"inDegree": "một"'));
    expect(() => loadGraph()).toThrow(path.join(dir, 'graph.json'));
    expect(() => loadGraph()).toThrow(/nodes\.0\.inDegree/);
  });

  it('validates a graph.json without a stamp (from another tool or older code)', () => {
    writeFileSync(path.join(dir, 'graph.json'), JSON.stringify({ version: GRAPH_VERSION, nodes: [], edges: [] }));
    expect(() => loadGraph()).toThrow(/graph\.json.*statusDate/);
  });
});

describe('checkGraph', () => {
  it('returns valid data and names the file of invalid data', () => {
    expect(checkGraph(smallGraph(), 'x/graph.json').nodes).toHaveLength(1);
    expect(() => checkGraph({ version: 1 }, '/srv/data/graph.json')).toThrow(/\/srv\/data\/graph\.json.*version/);
  });
});
