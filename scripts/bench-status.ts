/**
 * What validity costs the build: on a synthetic corpus of N plans (default 1,000; the same
 * generator as `npm run bench`), the pipeline is run in process once, then each stage the
 * validity work added is timed on its own (median of the runs, after one warm-up):
 *
 * - relation reading: `statedLink` between every two neighbouring mentions (direction and the
 *   full vocabulary) and `selfRelation` for every mention (the text's own acts), over every
 *   plan's mentions — an upper bound of what it adds to extraction (`statedLink` ran before);
 * - status: `corpusStatuses` (every node's status from the corpus's edges and the reference data);
 * - review: `reviewRows` and `toReviewCsv` (the /ra-soat/ page and /data/ra-soat.csv);
 * - cards: `citationCards` of every plan (what its citation cards show, part of its page inputs);
 * - flags: the `data-status` lookup the MDX emitter does per link (a map read per mention).
 *
 * Target: under 1 s added at 1,000 plans, judged on CPU time (the stages run on one thread, so
 * on an idle machine wall ≈ CPU; on a shared one the wall time mostly measures the others).
 * Prints a table; `--json` prints the numbers.
 *
 * Use: `npx tsx scripts/bench-status.ts [--plans 1000] [--runs 5] [--seed 1]`
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SourceText } from '../src/model.ts';
import { extract } from '../src/pipeline/extract.ts';
import { selfRelation, statedLink } from '../src/pipeline/extract/relations.ts';
import { buildGraph, corpusStatuses } from '../src/pipeline/emit/graph.ts';
import type { GraphData } from '../src/pipeline/emit/graph-schema.ts';
import { reviewRows, toReviewCsv } from '../src/pipeline/emit/review.ts';
import { buildCorpus } from '../src/pipeline/index.ts';
import { normalize } from '../src/pipeline/normalize.ts';
import { parse } from '../src/pipeline/parse.ts';
import { readSource } from '../src/pipeline/read.ts';
import type { ResolvedCorpus } from '../src/pipeline/resolve/types.ts';
import { referenceData } from '../src/reference/load.ts';
import { citationCards } from '../src/utils/citation-cards.ts';
import { citedGroups, nodesById } from '../src/utils/document-view.ts';
import { writeSyntheticCorpus } from './make-synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    plans: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const plans = Number(values.plans);
const runs = Math.max(1, Number(values.runs));

/** Median wall and CPU (user + system) milliseconds of a stage. */
interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Median times of `runs` calls of `work`, after one warm-up call. The CPU time moves less than
 * the wall time with the load of a shared machine (other processes take the cores).
 *
 * @param work The work.
 * @returns Milliseconds.
 */
function median(work: () => unknown): Timing {
  work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    work();
    walls.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const middle = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
  return { wall: middle(walls), cpu: middle(cpus) };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-status-'));
try {
  process.stderr.write(`Tạo kho giả lập ${plans} văn bản…\n`);
  await writeSyntheticCorpus({ count: plans, seed: Number(values.seed), out: dir });
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const sources: SourceText[] = [];
  for (const name of names) sources.push(await readSource(path.join(dir, name), name));
  referenceData();

  process.stderr.write('Chạy pipeline…\n');
  let corpus: ResolvedCorpus | null = null;
  let graph: GraphData | null = null;
  const started = performance.now();
  buildCorpus(sources, {
    toGraph: (resolved) => {
      corpus = resolved;
      graph = buildGraph(resolved);
      return graph;
    },
    extraFiles: () => [],
  });
  const pipelineMs = performance.now() - started;
  if (!corpus || !graph) throw new Error('buildCorpus không gọi toGraph.');
  const resolved: ResolvedCorpus = corpus;
  const built: GraphData = graph;

  // The mentions of every plan with its text, as extraction sees them.
  const texts = sources.flatMap((source) => {
    if (source.text === null) return [];
    const plan = parse({ file: source.file, sha256: source.sha256, normalized: normalize(source.text, source.file) });
    return [{ text: plan.text, mentions: extract(plan.text, { ownNumber: plan.meta.number, ownIssuer: plan.meta.issuer }) }];
  });
  const mentionCount = texts.reduce((sum, plan) => sum + plan.mentions.length, 0);

  const relations = median(() => {
    let found = 0;
    for (const { text, mentions } of texts) {
      for (let index = 0; index < mentions.length; index++) {
        const mention = mentions[index]!;
        const next = mentions[index + 1];
        if (next && next.start >= mention.end && statedLink(text.slice(mention.end, next.start))) found++;
        if (selfRelation(text, mention.start, mention.end, mentions[index - 1]?.end ?? 0)) found++;
      }
    }
    return found;
  });
  const status = median(() => corpusStatuses(resolved));
  const review = median(() => {
    reviewRows(built);
    return toReviewCsv(built);
  });
  const planIds = built.nodes.filter((node) => node.inCorpus).map((node) => node.id);
  const groups = new Map(planIds.map((id) => [id, citedGroups(built, id)]));
  const nodes = nodesById(built);
  const cards = median(() => {
    let count = 0;
    for (const id of planIds) count += citationCards(nodes, built.statusDate, id, groups.get(id) ?? []).length;
    return count;
  });
  const statusOf = new Map(built.nodes.map((node) => [node.id, node.status.state]));
  const flags = median(() => {
    let changed = 0;
    for (const list of resolved.mentions.values())
      for (const mention of list) if (mention.node && statusOf.get(mention.node) !== 'khong-ro') changed++;
    return changed;
  });
  const stages = { relations, status, review, cards, flags };
  const total: Timing = {
    wall: Object.values(stages).reduce((sum, stage) => sum + stage.wall, 0),
    cpu: Object.values(stages).reduce((sum, stage) => sum + stage.cpu, 0),
  };

  const changed = built.nodes.filter((node) => node.status.state !== 'khong-ro' && node.status.state !== 'con-hieu-luc').length;
  const result = {
    plans: planIds.length,
    nodes: built.nodes.length,
    edges: built.edges.length,
    mentions: mentionCount,
    changedNodes: changed,
    reviewRows: reviewRows(built).length,
    pipelineMs: Math.round(pipelineMs),
    ms: { ...stages, total },
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const row = (name: string, ms: Timing): string => `| ${name} | ${ms.wall.toFixed(1)} | ${ms.cpu.toFixed(1)} |`;
    process.stdout.write(
      [
        `Hiệu lực và rà soát ở ${result.plans} văn bản (${result.nodes} nút, ${result.edges} cạnh, ${result.mentions} trích dẫn;`,
        `${result.changedNodes} văn bản đã bị thay đổi, ${result.reviewRows} dòng rà soát; cả pipeline trong tiến trình: ${result.pipelineMs} ms).`,
        `Trung vị ${runs} lần, ms:`,
        '',
        '| stage | wall ms | CPU ms |',
        '|---|---:|---:|',
        row('relations (statedLink + selfRelation)', relations),
        row('status (corpusStatuses)', status),
        row('review (reviewRows + ra-soat.csv)', review),
        row('citation cards (every plan)', cards),
        row('flags (data-status per mention)', flags),
        row('**total added**', total),
        '',
        // The stages are single-threaded: on an idle machine wall ≈ CPU; on a shared one the
        // wall time measures the other processes, so the verdict is on the CPU time.
        `${total.cpu < 1000 ? '✓' : '✗'} CPU ${(total.cpu / 1000).toFixed(3)} s (wall ${(total.wall / 1000).toFixed(3)} s, tải ${os.loadavg()[0]!.toFixed(1)}); mục tiêu < 1 s ở 1.000 văn bản.`,
        '',
      ].join('\n'),
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
