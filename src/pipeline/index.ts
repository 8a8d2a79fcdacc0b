/**
 * The pipeline, composed: sources → plans → citations → resolved corpus → emitted files.
 *
 * `buildCorpus` is pure (decoded sources in, file contents out; no disk, no clock), so a
 * build is a function of its inputs and byte-identical across runs. Reading the sources
 * folder and writing the generated dir is `scripts/build-pipeline.ts`'s job.
 */
import type { IngestMessage, Mention, ParsedPlan, SourceText } from '../model.ts';
import { analyseCached, type AnalysisKeys } from './analysis-cache.ts';
import { groupCitations } from './group.ts';
import { readByOcr } from './parse/file-name-number.ts';
import { resolveCorpus, type ResolvedCorpus, type ResolvedNode } from './resolve.ts';
import { graphSchema, type GraphData } from './emit/graph-schema.ts';
import { toCitationsCsv } from './emit/citations-csv.ts';
import { toReviewCsv } from './emit/review.ts';
import { toCoverageCsv } from './coverage/csv.ts';
import { corpusStatuses, graphData, graphJson } from './emit/graph.ts';
import { toGraphml } from './emit/graphml.ts';
import { GRAPH_STAMP, graphSha256, graphStamp, stampVouches } from './emit/graph-stamp.ts';
import { layoutGraphCached } from './emit/layout-cache.ts';
import type { EmitMention } from './emit/mdx.ts';
import { PLAN_MANIFEST, planHtmlPath, type PlanManifestEntry } from './emit/mdx/manifest.ts';
import { contentKey, type StageCache } from './cache.ts';
import { emitPageCached, type PageJob } from './page-cache.ts';
import { REPORT_VERSION, reportSchema, type IngestEntry, type IngestReport } from './emit/report-schema.ts';

/** One file to write into the generated dir. */
export interface GeneratedFile {
  /** Path inside the generated dir, "/" separated. */
  path: string;
  content: string;
}

/** Settings of `buildCorpus`. */
export interface BuildOptions {
  /**
   * Turns the resolved corpus into graph.json data (graph emitter + layout). Injected so the
   * composition stays testable; defaults to the project's emitter.
   */
  toGraph?: (corpus: ResolvedCorpus) => GraphData;
  /** Extra emitters (citations.csv, graph.graphml…): generated-dir path → content. */
  extraFiles?: (corpus: ResolvedCorpus, graph: GraphData) => GeneratedFile[];
  /**
   * Where normalize + parse + extract results are kept by content hash, so a plan that has
   * not changed is never read, parsed or searched for citations again (default: none).
   */
  cache?: StageCache;
  /** Hash of the code computing cached values (`codeVersion`); part of every cache key. */
  codeVersion?: string;
  /**
   * The date documents' validity is computed at ("YYYY-MM-DD"; the build script passes
   * `VBG_STATUS_DATE`). Default: the newest full date of a plan of the corpus, never the clock.
   */
  statusDate?: string;
  /**
   * Each source's analysis key when the caller has computed them already (`analysisKeys`,
   * with the same cache and code version), so the build does not hash the texts again.
   */
  analysisKeys?: AnalysisKeys;
  /**
   * The generated dir's `graph.stamp.json` as the last build left it (`graph-stamp.ts`): when it
   * vouches for the text of the graph this build makes, the graph is not checked against its
   * schema again (~1 s at 1,000 plans). Any other text is checked. Default: none.
   */
  lastGraphStamp?: string | null;
  /**
   * Called after each step ("analyse", "resolve", "graph", "pages", "files") with its name, so
   * the build script can time the steps (`VBG_PIPELINE_TIMINGS=1`). The corpus never reads the clock.
   */
  mark?: (step: string) => void;
}

/** Output of `buildCorpus`. */
export interface BuiltCorpus {
  /** Sorted by path. A page taken from the cache loads its content on first access. */
  files: GeneratedFile[];
  /**
   * Version keys known without hashing or loading the content: a hash of what the file is
   * made from (cached pages, source copies), which changes whenever its content does. The
   * writer skips such a file when the one on disk is the one it recorded with that key.
   */
  hashes: Map<string, string>;
  report: IngestReport;
  graph: GraphData;
  /** Pages the cache lacked, not made yet: made on first access of their files, or by worker threads first. */
  pendingPages: PageJob[];
}

/** A plan accepted into the corpus, with what was extracted from it. */
interface Accepted {
  plan: ParsedPlan;
  mentions: Mention[];
  /** Cache key of its analysis ("" without a cache): fixes the plan for the page cache. */
  key: string;
  /** The sentence around each mention, when the cache kept them (resolve then needs no text). */
  sentences?: ReadonlyMap<Mention, string>;
}

/** Tag of a source copy's version key. */
const SOURCE_COPY = 'source-copy';

/** Tag of the version key of a file made from graph.json's data alone (`GRAPH_FILES`). */
const FROM_GRAPH = 'from-graph';

/** The default open data files that are functions of the graph alone (and of the code). */
const GRAPH_FILES = new Set(['ra-soat.csv', 'trien-khai.csv', 'graph.graphml']);

/**
 * Run the whole pipeline on decoded sources.
 *
 * @param sources Every input file as `read` returned it (file paths relative to the sources folder).
 * @param options Graph builder and extra emitters.
 * @returns Files to write, the ingest report and the graph.
 */
export function buildCorpus(sources: readonly SourceText[], options: BuildOptions = {}): BuiltCorpus {
  const toGraph = options.toGraph ?? ((corpus: ResolvedCorpus) => defaultGraph(corpus, options));
  const extraFiles = options.extraFiles ?? defaultExtraFiles;
  const ordered = [...sources].sort((a, b) => compare(a.file, b.file));
  const entries = new Map<string, IngestEntry>();
  const accepted: Accepted[] = [];
  const seen = new Map<string, string>();

  for (const source of ordered) {
    const messages: IngestMessage[] = [...source.messages];
    const entry: IngestEntry = {
      file: source.file,
      status: 'skipped',
      id: null,
      label: null,
      encoding: source.encoding,
      sha256: source.sha256,
      format: source.origin?.format ?? (source.text === null ? null : 'txt'),
      reader: source.origin?.reader ?? (source.text === null ? null : 'text'),
      pageCount: source.origin?.pageCount ?? null,
      conversions: source.origin?.conversions ?? [],
      ocr: source.origin?.ocr ?? null,
      messages,
    };
    entries.set(source.file, entry);
    // A source with an analysis key has a text; the text itself is got only if needed (a
    // source the build script took from its read record loads it on access).
    const known = options.analysisKeys?.get(source);
    if (known === undefined && source.text === null) continue;
    const { analysed, key, sentences } = analyseCached(
      source.file,
      source.sha256,
      () => source.text ?? '',
      options,
      readByOcr(source.origin),
      known,
    );
    if (analysed.empty) {
      if (!messages.some((message) => message.code === 'empty-file')) {
        messages.push(skip(source.file, 'empty-file', `Tệp ${source.file} không có nội dung chữ; bỏ qua.`));
      }
      continue;
    }
    const { plan, mentions } = analysed;
    // The origin is a function of the same bytes the analysis key hashes, so a cached
    // analysis stays valid; it is set here so analysis itself stays text-only.
    if (source.origin) plan.origin = source.origin;
    messages.push(...plan.messages.filter((message) => !messages.includes(message)));
    // A text whose header was lost (a crawl starting at "Kính gửi:") is still a document
    // worth reading and citing: it is built, and parse's `no-header` warning lists it on /kiem-tra/.
    const earlier = seen.get(plan.meta.id);
    if (earlier !== undefined) {
      messages.push(
        skip(
          source.file,
          'duplicate-plan',
          `Tệp ${source.file} trùng văn bản với tệp ${earlier} (cùng số, cơ quan và năm); giữ tệp ${earlier}, bỏ qua tệp này.`,
        ),
      );
      continue;
    }
    seen.set(plan.meta.id, source.file);
    accepted.push({ plan, mentions, key, ...(sentences ? { sentences } : {}) });
  }
  options.mark?.('analyse');

  const corpus = resolveCorpus(
    accepted.map(({ plan, mentions, sentences }) => ({
      plan,
      citations: groupCitations(mentions),
      mentions,
      ...(sentences ? { sentences } : {}),
    })),
  );
  options.mark?.('resolve');
  const { graph, json, sha256 } = validGraph(toGraph(corpus), options.lastGraphStamp ?? null);
  options.mark?.('graph');
  const nodes = new Map(corpus.nodes.map((node) => [node.id as string, node]));
  // Each link shows its target's validity as graph.json states it: one source for both.
  const statusOf = new Map(graph.nodes.map((node) => [node.id, node.status.state]));

  const sourceByFile = new Map(ordered.map((source) => [source.file, source]));
  const files: GeneratedFile[] = [];
  const hashes = new Map<string, string>();
  const manifest: PlanManifestEntry[] = [];
  const pendingPages: PageJob[] = [];
  for (const { plan, key } of accepted) {
    const id = plan.meta.id;
    const entry = entries.get(plan.file)!;
    entry.status = entry.messages.length > 0 ? 'warnings' : 'built';
    entry.id = id;
    entry.label = nodes.get(id)?.label ?? id;
    const mentions: EmitMention[] = (corpus.mentions.get(id) ?? []).map((mention) => {
      const target = mention.node ? nodes.get(mention.node) : undefined;
      return {
        start: mention.start,
        end: mention.end,
        anchor: mention.anchor,
        target: target?.id ?? null,
        title: target ? fullTitle(target) : mention.text,
        // Printed after the link on paper only when the mention does not already name it
        // ("Nghị định trên", "Kế hoạch này" → "[Nghị định 21/2019/NĐ-CP]").
        label: target && !namesItself(mention.text, target) ? target.label : '',
        status: target ? (statusOf.get(target.id) ?? 'khong-ro') : null,
      };
    });
    const page = emitPageCached(plan, id, mentions, key, options.cache, pendingPages);
    files.push(lazyFile(`plans/${id}.mdx`, page.mdx), lazyFile(planHtmlPath(id), page.html));
    hashes.set(`plans/${id}.mdx`, page.mdxHash).set(planHtmlPath(id), page.htmlHash);
    // The digest lets Astro's content layer skip every entry whose page did not change.
    manifest.push({ id, digest: page.digest, data: page.frontmatter, html: page.htmlHash });
    // A BOM so browsers read the copy as UTF-8 even when the server sends no charset.
    // Made on first access: with a version key, the writer asks only when the file on disk is not current.
    files.push(lazyFile(`sources/${id}.txt`, () => `\uFEFF${sourceByFile.get(plan.file)?.text ?? plan.text}`));
    // The analysis key already hashes the text the copy is made of: no need to hash 28 MB again.
    if (key) hashes.set(`sources/${id}.txt`, contentKey(SOURCE_COPY, key));
  }
  options.mark?.('pages');

  const report = reportSchema.parse({
    version: REPORT_VERSION,
    files: [...entries.values()],
    unresolved: corpus.problems
      .filter((problem) => problem.code === 'unresolved-mention' && problem.plan && problem.anchor)
      .map((problem) => ({
        plan: problem.plan!,
        anchor: problem.anchor!,
        text: corpus.mentions.get(problem.plan!)?.find((mention) => mention.anchor === problem.anchor)?.text ?? '',
        reason: problem.message,
      })),
    problems: corpus.problems
      .filter((problem) => problem.code !== 'unresolved-mention')
      .map(({ code, node, plan, anchor, message }) => ({ code, node, plan, anchor, message })),
  });

  manifest.sort((a, b) => compare(a.id, b.id));
  files.push({ path: PLAN_MANIFEST, content: `${JSON.stringify(manifest)}\n` });
  // Validated above (now or by the build that stamped them): the stamp lets the site's build,
  // and the next pipeline run, skip validating these bytes again.
  files.push({ path: 'graph.json', content: json }, { path: GRAPH_STAMP, content: graphStamp(sha256) });
  files.push({ path: 'report.json', content: `${JSON.stringify(report, null, 2)}\n` });
  files.push(...extraFiles(corpus, graph));
  if (!options.extraFiles && options.codeVersion !== undefined) {
    // The files made from the graph alone are keyed by graph.json's hash and the code: when
    // the graph did not change (most edits of a plan's text), the writer finds them current
    // on disk by their keys and never asks for their content, which is then never made.
    hashes.set('graph.json', sha256);
    for (const path of GRAPH_FILES) hashes.set(path, contentKey(FROM_GRAPH, options.codeVersion, sha256, path));
  }
  files.sort((a, b) => compare(a.path, b.path));
  options.mark?.('files');
  return { files, hashes, report, graph, pendingPages };
}

/**
 * The graph checked against its schema, graph.json's text and its SHA-256. Checking took ~1 s
 * at 1,000 plans; a graph whose text is the one the last build's stamp vouches for is not
 * checked again: that build checked the very data this text holds. The text is what the
 * checked graph gives in every case.
 *
 * @param raw The graph as made.
 * @param lastStamp The generated dir's `graph.stamp.json`, or null.
 * @returns The graph, its text and the text's `graphSha256`.
 */
function validGraph(raw: GraphData, lastStamp: string | null): { graph: GraphData; json: string; sha256: string } {
  if (lastStamp !== null) {
    const json = graphJson(raw);
    const sha256 = graphSha256(json);
    if (stampVouches(lastStamp, sha256)) return { graph: raw, json, sha256 };
  }
  const graph = graphSchema.parse(raw);
  const json = graphJson(graph);
  return { graph, json, sha256: graphSha256(json) };
}

/**
 * A generated file whose content is made (or read from the cache) on first access, once.
 *
 * @param path Path in the generated dir.
 * @param load Gives the content.
 * @returns The file.
 */
function lazyFile(path: string, load: () => string): GeneratedFile {
  let content: string | undefined;
  return {
    path,
    get content() {
      return (content ??= load());
    },
  };
}

/**
 * The project's graph: `buildGraph` with positions from the seeded layout, computed once at
 * build time so the graph page never lays out on a slow machine.
 *
 * @param corpus The resolved corpus.
 * @param options Cache and code version, for the layout.
 * @returns Graph data.
 */
function defaultGraph(corpus: ResolvedCorpus, options: BuildOptions): GraphData {
  // Validated once, by `buildCorpus`.
  const positions = layoutGraphCached(corpus.nodes, corpus.edges, options.cache, options.codeVersion ?? '');
  return graphData(corpus, positions, corpusStatuses(corpus, options.statusDate));
}

/**
 * The open data files besides graph.json.
 *
 * @param corpus The resolved corpus.
 * @param graph The graph.
 * @returns citations.csv, ra-soat.csv, trien-khai.csv and graph.graphml.
 */
function defaultExtraFiles(corpus: ResolvedCorpus, graph: GraphData): GeneratedFile[] {
  // Those of `GRAPH_FILES` are made on first access only (see `buildCorpus`).
  return [
    { path: 'citations.csv', content: toCitationsCsv(corpus) },
    lazyFile('ra-soat.csv', () => toReviewCsv(graph)),
    lazyFile('trien-khai.csv', () => toCoverageCsv(graph)),
    lazyFile('graph.graphml', () => toGraphml(graph)),
  ];
}

/**
 * Full title of a document for a link's tooltip: label and subject.
 *
 * @param node A resolved node.
 * @returns "Nghị định 21/2019/NĐ-CP về khu vực phòng thủ".
 */
function fullTitle(node: ResolvedNode): string {
  return node.subject ? `${node.label} ${node.subject}` : node.label;
}

/**
 * Whether a mention's text already names its document (its number or law name).
 *
 * @param text Mention text.
 * @param node The cited node.
 * @returns True when printing the label after it would only repeat it.
 */
function namesItself(text: string, node: ResolvedNode): boolean {
  const key = (value: string): string => value.replace(/\s+/g, '').toLowerCase();
  const name = node.number ?? node.name;
  return name !== null && key(text).includes(key(name));
}

/**
 * A message that explains why a file was skipped.
 *
 * @param file Source file.
 * @param code Stable code.
 * @param message Vietnamese message.
 * @returns The message.
 */
function skip(file: string, code: string, message: string): IngestMessage {
  return { file, level: 'error', code, message };
}

/**
 * Code-point comparison: the same order on every machine and locale.
 *
 * @param a A string.
 * @param b A string.
 * @returns Sort order.
 */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
