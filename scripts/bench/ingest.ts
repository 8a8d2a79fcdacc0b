/**
 * Ingest and extract throughput, in process: the pipeline stages called directly on a
 * folder of sources, each timed on its own, then `buildCorpus` (resolve and emit) as a whole.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceText } from '../../src/model.ts';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { readSource } from '../../src/pipeline/read.ts';

/** Times of one ingest run, in milliseconds, and what was processed. */
export interface IngestTiming {
  documents: number;
  bytes: number;
  read: number;
  normalizeParse: number;
  extract: number;
  /** read + normalize + parse + extract. */
  ingest: number;
  /** `buildCorpus` on the read sources: normalize → … → resolve → emit, in memory. */
  buildCorpus: number;
  mentions: number;
  /** Bytes of graph.json as `buildCorpus` emits it. */
  graphJsonBytes: number;
  nodes: number;
  edges: number;
}

/**
 * Time the stages once over every .txt in `dir`.
 *
 * @param dir Folder of sources.
 * @returns Timings and counts.
 */
export async function timeIngest(dir: string): Promise<IngestTiming> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  let started = performance.now();
  const sources: SourceText[] = [];
  for (const name of names) sources.push(await readSource(path.join(dir, name), name));
  const read = performance.now() - started;

  started = performance.now();
  const plans = sources.flatMap((source) =>
    source.text === null
      ? []
      : [parse({ file: source.file, sha256: source.sha256, normalized: normalize(source.text, source.file) })],
  );
  const normalizeParse = performance.now() - started;

  started = performance.now();
  let mentions = 0;
  for (const plan of plans) {
    const found = extract(plan.text, { ownNumber: plan.meta.number, ownIssuer: plan.meta.issuer });
    groupCitations(found);
    mentions += found.length;
  }
  const extractMs = performance.now() - started;

  started = performance.now();
  const built = buildCorpus(sources);
  const buildMs = performance.now() - started;

  return {
    documents: sources.length,
    bytes: sources.reduce((sum, source) => sum + source.byteLength, 0),
    read,
    normalizeParse,
    extract: extractMs,
    ingest: read + normalizeParse + extractMs,
    buildCorpus: buildMs,
    mentions,
    graphJsonBytes: Buffer.byteLength(built.files.find((file) => file.path === 'graph.json')?.content ?? ''),
    nodes: built.graph.nodes.length,
    edges: built.graph.edges.length,
  };
}
