/**
 * graph.json validated once per build: the pipeline's stamp lets `loadGraph` skip the schema
 * check for the exact bytes the pipeline validated, and only for those.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { GRAPH_VERSION, graphSchema, type GraphData } from '../../src/pipeline/emit/graph-schema.ts';
import { graphJson } from '../../src/pipeline/emit/graph.ts';
import {
  GRAPH_STAMP,
  checkGraph,
  graphSha256,
  graphStamp,
  schemaFingerprint,
  stampVouches,
} from '../../src/pipeline/emit/graph-stamp.ts';
import { loadGraph } from '../../src/utils/generated.ts';
import { DECREE_21_2019 } from '../support/graph-node.ts';

const SEED = '000_f97b9327d3f16c43.txt';

/**
 * The stamp of graph.json content.
 *
 * @param json The content.
 * @returns The stamp's text.
 */
function stampOf(json: string): string {
  return graphStamp(graphSha256(json));
}

/**
 * Count the schema checks of graph data while `run` runs (`parse` goes through `safeParse`).
 *
 * @param run The code to watch.
 * @returns How many times the graph schema checked a value.
 */
function checks(run: () => void): number {
  const spy = vi.spyOn(graphSchema, 'safeParse');
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

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
    const stamp = stampOf(json);
    expect(stampVouches(stamp, graphSha256(Buffer.from(json, 'utf8')))).toBe(true);
    expect(stampVouches(stamp, graphSha256(Buffer.from(json.replace('Chính phủ', 'Chính phu'), 'utf8')))).toBe(false);
    expect(stampVouches(null, graphSha256(Buffer.from(json, 'utf8')))).toBe(false);
    expect(stampVouches('not json', graphSha256(Buffer.from(json, 'utf8')))).toBe(false);
    // The pipeline hashes the text it writes, Astro's process the bytes it reads: one digest.
    expect(graphSha256(json)).toBe(graphSha256(Buffer.from(json, 'utf8')));
    // Made by code with another schema.
    const foreign = JSON.stringify({ ...JSON.parse(stamp), schema: '0'.repeat(64) });
    expect(stampVouches(foreign, graphSha256(Buffer.from(json, 'utf8')))).toBe(false);
  });

  it('is deterministic', () => {
    const json = graphJson(smallGraph());
    expect(stampOf(json)).toBe(stampOf(json));
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
    expect(stampVouches(stamp, graphSha256(Buffer.from(json, 'utf8')))).toBe(true);
    expect(JSON.parse(json).nodes.length).toBeGreaterThan(1);
  });
});

describe("the pipeline and the last build's stamp", () => {
  const bytes = readFileSync(new URL(`../../content/sources/${SEED}`, import.meta.url));
  const sources = () => [decodeSource(bytes, SEED)];
  const file = (built: ReturnType<typeof buildCorpus>, name: string): string =>
    built.files.find((entry) => entry.path === name)!.content;
  const contents = (built: ReturnType<typeof buildCorpus>): string[] =>
    built.files.map((entry) => `${entry.path}\n${entry.content}`);

  it('checks the graph when no stamp vouches for its text, and not when the last one does', () => {
    let first!: ReturnType<typeof buildCorpus>;
    expect(checks(() => (first = buildCorpus(sources())))).toBe(1);
    const stamp = file(first, GRAPH_STAMP);
    let second!: ReturnType<typeof buildCorpus>;
    expect(checks(() => (second = buildCorpus(sources(), { lastGraphStamp: stamp })))).toBe(0);
    expect(contents(second)).toEqual(contents(first));
    // Another graph (its text is not the stamped one): checked, and stamped anew.
    const other = { ...first.graph, statusDate: '2030-01-01' };
    let third!: ReturnType<typeof buildCorpus>;
    expect(checks(() => (third = buildCorpus(sources(), { lastGraphStamp: stamp, toGraph: () => other })))).toBe(1);
    expect(file(third, GRAPH_STAMP)).not.toBe(stamp);
    expect(stampVouches(file(third, GRAPH_STAMP), graphSha256(file(third, 'graph.json')))).toBe(true);
    // A stamp made under another schema vouches for nothing.
    const foreign = JSON.stringify({ ...JSON.parse(stamp), schema: '0'.repeat(64) });
    expect(checks(() => buildCorpus(sources(), { lastGraphStamp: foreign }))).toBe(1);
  });

  it('never takes a text the check would change, and still rejects an invalid graph', () => {
    const first = buildCorpus(sources());
    const stamp = file(first, GRAPH_STAMP);
    // A field the schema does not know: checking strips it, so the text written is the checked one.
    const extended = { ...first.graph, extra: 1 } as typeof first.graph;
    let built!: ReturnType<typeof buildCorpus>;
    expect(checks(() => (built = buildCorpus(sources(), { lastGraphStamp: stamp, toGraph: () => extended })))).toBe(1);
    expect(file(built, 'graph.json')).toBe(file(first, 'graph.json'));
    const invalid = { ...first.graph, nodes: [{ id: 1 }] } as unknown as typeof first.graph;
    expect(() => buildCorpus(sources(), { lastGraphStamp: stamp, toGraph: () => invalid })).toThrow();
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
    writeFileSync(path.join(dir, GRAPH_STAMP), stampOf(json));
    expect(checks(() => expect(loadGraph().nodes.map((node) => node.id)).toEqual(['a']))).toBe(0);
  });

  it('validates an edited graph.json, and accepts it when it is still valid', () => {
    const json = graphJson(smallGraph());
    writeFileSync(path.join(dir, GRAPH_STAMP), stampOf(json));
    writeFileSync(path.join(dir, 'graph.json'), json.replace('về khu vực phòng thủ', 'về phòng thủ dân sự'));
    expect(checks(() => expect(loadGraph().nodes[0]!.subject).toBe('về phòng thủ dân sự'))).toBe(1);
  });

  it("checks the pipeline's graph.json once in all: not again when stamped, again once edited after the stamp", () => {
    const bytes = readFileSync(new URL(`../../content/sources/${SEED}`, import.meta.url));
    const built = buildCorpus([decodeSource(bytes, SEED)]);
    const write = (folder: string, edit: (json: string) => string = (json) => json): void => {
      for (const file of built.files.filter((file) => file.path === 'graph.json' || file.path === GRAPH_STAMP)) {
        writeFileSync(path.join(folder, file.path), file.path === 'graph.json' ? edit(file.content) : file.content);
      }
    };
    write(dir);
    expect(checks(() => loadGraph())).toBe(0);
    // The same files in another folder, graph.json edited after the stamp was written (still valid).
    const edited = mkdtempSync(path.join(tmpdir(), 'vbg-stamp-'));
    try {
      write(edited, (json) => json.replace('"inDegree": 0', '"inDegree": 7'));
      process.env['VBG_GENERATED'] = edited;
      expect(checks(() => expect(loadGraph().nodes.some((node) => node.inDegree === 7)).toBe(true))).toBe(1);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('rejects an edited, invalid graph.json with a message naming the file and the field', () => {
    const json = graphJson(smallGraph());
    writeFileSync(path.join(dir, GRAPH_STAMP), stampOf(json));
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
