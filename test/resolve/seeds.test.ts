/**
 * The five seed plans through the real pipeline: read → normalize → parse → extract →
 * groupCitations → resolveCorpus → buildGraph.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, graphJson } from '../../src/pipeline/emit/graph.ts';
import { graphSchema } from '../../src/pipeline/emit/graph-schema.ts';
import { toCitationsCsv } from '../../src/pipeline/emit/citations-csv.ts';
import { toGraphml } from '../../src/pipeline/emit/graphml.ts';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { readSource } from '../../src/pipeline/read.ts';
import { resolveCorpus, type ResolveInput, type ResolvedCorpus } from '../../src/pipeline/resolve.ts';
import type { DocumentId } from '../../src/model.ts';
import { XMLValidator } from 'fast-xml-parser';

const sources = fileURLToPath(new URL('../../content/sources/', import.meta.url));
let inputs: ResolveInput[] = [];
let corpus: ResolvedCorpus;

beforeAll(async () => {
  inputs = [];
  for (const file of readdirSync(sources)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const source = await readSource(`${sources}${file}`, file);
    const plan = parse({ file, sha256: source.sha256, normalized: normalize(source.text ?? '', file) });
    const mentions = extract(plan.text, { ownNumber: plan.meta.number, ownIssuer: plan.meta.issuer });
    inputs.push({ plan, citations: groupCitations(mentions), mentions });
  }
  corpus = resolveCorpus(inputs);
});

function node(id: string) {
  const found = corpus.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function planId(prefix: string): DocumentId {
  const input = inputs.find((i) => i.plan.file.startsWith(prefix));
  if (!input) throw new Error(`no seed ${prefix}`);
  return input.plan.meta.id;
}

describe('seeds: corpus resolution', () => {
  it('has one node per distinct document, all five plans in the corpus', () => {
    expect(corpus.nodes.filter((n) => n.inCorpus)).toHaveLength(5);
    const ids = corpus.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(corpus.nodes.filter((n) => n.number === '21/2019/NĐ-CP')).toHaveLength(1);
  });

  it('resolves Công văn 1584/UBND-NCPC cited by seed 000 to seed 004’s node', () => {
    const letter = planId('004_');
    expect(corpus.nodes.filter((n) => n.number === '1584/UBND-NCPC')).toHaveLength(1);
    const mention = corpus.mentions.get(planId('000_'))?.find((m) => m.text.includes('1584/UBND-NCPC'));
    expect(mention?.node).toBe(letter);
    expect(node(letter)).toMatchObject({ inCorpus: true, inDegree: 1, issuerLevel: 'tinh' });
  });

  it('keeps Kết luận 44-KL/TW dated 21/01 and 22/01/2019 as one node with a date conflict', () => {
    const nodes = corpus.nodes.filter((n) => n.number === '44-KL/TW');
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.dates.map((d) => d.iso)).toEqual(['2019-01-21', '2019-01-22']);
    expect(nodes[0]?.dateConflict).toBe(true);
    expect(nodes[0]?.inDegree).toBeGreaterThanOrEqual(2);
  });

  it('keeps the Quảng Ngãi 07/KH-UBND apart from Tây Ninh’s 07/CT-UBND', () => {
    const quangNgai = corpus.nodes.find((n) => n.number === '07/KH-UBND');
    const tayNinh = corpus.nodes.find((n) => n.number === '07/CT-UBND');
    expect(quangNgai?.id).toBe('ke-hoach-07-kh-ubnd-quang-ngai-2025');
    expect(tayNinh?.id).toBe('chi-thi-07-ct-ubnd-tay-ninh-2023');
    expect(tayNinh?.issuer).toBe('UBND tỉnh Tây Ninh');
  });

  it('adds Nghị định 139/2020 --sua-doi--> 13/2014', () => {
    expect(corpus.edges.find((e) => e.relation === 'sua-doi')).toMatchObject({
      source: 'nghi-dinh-139-2020-nd-cp',
      target: 'nghi-dinh-13-2014-nd-cp',
    });
  });

  it('merges law names written two ways', () => {
    expect(node('luat-ngan-sach-nha-nuoc').inDegree).toBe(2);
    expect(node('luat-giao-duc-quoc-phong-an-ninh').mentionCount).toBeGreaterThanOrEqual(2);
  });

  it('maps every mention to a node, anchors in text order', () => {
    for (const [, mentions] of corpus.mentions) {
      mentions.forEach((mention, index) => {
        expect(mention.anchor).toBe(`trich-dan-${index + 1}`);
        if (index > 0) expect(mention.start).toBeGreaterThanOrEqual(mentions[index - 1]!.start);
      });
    }
    const unresolved = [...corpus.mentions.values()].flat().filter((m) => m.node === null);
    expect(unresolved).toEqual([]);
  });
});

describe('seeds: emitted files', () => {
  it('gives a graph valid against graphSchema, the same on a second run', () => {
    const graph = buildGraph(corpus);
    expect(graphSchema.safeParse(graph).success).toBe(true);
    expect(graphJson(buildGraph(resolveCorpus([...inputs].reverse())))).toBe(graphJson(graph));
  });

  it('writes a CSV row per mention and well-formed GraphML', () => {
    const mentions = [...corpus.mentions.values()].flat().length;
    const csv = toCitationsCsv(corpus);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // Rows end in CRLF; sentences hold no line breaks, so rows = mentions + header.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(mentions + 1);
    expect(XMLValidator.validate(toGraphml(buildGraph(corpus)))).toBe(true);
  });
});
