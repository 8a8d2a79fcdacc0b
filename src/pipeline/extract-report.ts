/**
 * The `extract` CLI's report: for each decoded file, its document metadata and the distinct
 * documents it cites, with the canonical node ids `resolveCorpus` gives them across all the
 * files (so `inCorpus` and ids agree with graph.json).
 *
 * Each file goes through the build's own chain of stages (`analyse.ts`: normalize → parse →
 * extract), then `groupCitations` and `resolveCorpus` as `buildCorpus` runs them.
 *
 * Pure: decoded sources in, report out. `scripts/extract.ts` reads the files and prints it.
 */
import type { Citation, DocumentId, Mention, ParsedPlan, SourceOrigin, SourceText } from '../model.ts';
import { analyse } from './analyse.ts';
import { groupCitations } from './group.ts';
import { readByOcr } from './parse/file-name-number.ts';
import { resolveCorpus, type ResolvedNode } from './resolve.ts';

/** Metadata of the file's own document. */
export interface ReportDocument {
  id: string | null;
  type: string | null;
  number: string | null;
  date: string | null;
  place: string | null;
  issuer: string | null;
  title: string | null;
}

/** One distinct cited document. */
export interface ReportCitation {
  id: string;
  type: string | null;
  number: string | null;
  name: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  relation: string;
  inCorpus: boolean;
  mentions: { offset: number; length: number; text: string }[];
}

/** One element of the CLI's JSON array. */
export interface ReportEntry {
  file: string;
  /** What the file was and how it was read (format, reader, pages, conversions, OCR). */
  source: SourceOrigin | null;
  document: ReportDocument;
  citations: ReportCitation[];
  errors: string[];
}

/** A file that was decoded and parsed, with what it cites. */
interface Extracted {
  entry: ReportEntry;
  plan: ParsedPlan;
  mentions: Mention[];
  citations: Citation[];
}

const EMPTY_DOCUMENT: ReportDocument = {
  id: null,
  type: null,
  number: null,
  date: null,
  place: null,
  issuer: null,
  title: null,
};

/**
 * Build the report for decoded files, in the order given.
 *
 * @param sources Each file as `read` returned it (`file` is the path as given).
 * @returns One entry per source; a file that could not be decoded or processed has `errors`.
 */
export function extractReport(sources: readonly SourceText[]): ReportEntry[] {
  const extracted: (Extracted | ReportEntry)[] = sources.map(extractOne);
  const done = extracted.filter((item): item is Extracted => 'plan' in item);

  // Files that share a plan id (a copy given twice) are resolved on their own, so each
  // keeps its own mention list.
  const batches: Extracted[][] = [[]];
  const taken = new Set<string>();
  for (const item of done) {
    if (taken.has(item.plan.meta.id)) batches.push([item]);
    else {
      taken.add(item.plan.meta.id);
      batches[0]!.push(item);
    }
  }
  for (const batch of batches) {
    if (batch.length === 0) continue;
    const corpus = resolveCorpus(batch.map(({ plan, citations, mentions }) => ({ plan, citations, mentions })));
    const nodes = new Map(corpus.nodes.map((node) => [node.id, node]));
    for (const item of batch) {
      const resolved = new Map((corpus.mentions.get(item.plan.meta.id) ?? []).map((mention) => [mention.start, mention.node]));
      item.entry.citations = item.citations.map((citation) => {
        const nodeId = resolved.get(citation.mentions[0]?.start ?? -1);
        return toReportCitation(citation, item.plan.meta.id, nodeId ? nodes.get(nodeId) : undefined);
      });
    }
  }
  return extracted.map((item) => ('plan' in item ? item.entry : item));
}

/**
 * Normalize, parse and extract one file; never throws.
 *
 * @param source Decoded file.
 * @returns The extracted data, or a finished entry with errors.
 */
function extractOne(source: SourceText): Extracted | ReportEntry {
  const entry: ReportEntry = {
    file: source.file,
    source: source.origin ?? null,
    document: { ...EMPTY_DOCUMENT },
    citations: [],
    errors: [],
  };
  entry.errors.push(...source.messages.filter((message) => message.level === 'error').map((message) => message.message));
  if (source.text === null) {
    if (entry.errors.length === 0) entry.errors.push(`Không giải mã được nội dung tệp ${source.file}.`);
    return entry;
  }
  try {
    const analysed = analyse(source.file, source.sha256, source.text, readByOcr(source.origin));
    if (analysed.empty) {
      if (entry.errors.length === 0) entry.errors.push(`Tệp ${source.file} không có nội dung chữ.`);
      return entry;
    }
    const { plan, mentions } = analysed;
    const { meta } = plan;
    entry.document = {
      id: meta.id,
      type: meta.type,
      number: meta.number,
      // A draft's "ngày … tháng 3 năm 2026" is no issue date yet: the report gives none.
      date: meta.date && !meta.date.partial ? meta.date.iso : null,
      place: meta.place,
      issuer: meta.issuer,
      title: meta.title,
    };
    return { entry, plan, mentions, citations: groupCitations(mentions) };
  } catch (error) {
    entry.errors.push(`Lỗi khi xử lý tệp ${source.file}: ${(error as Error).message}`);
    return entry;
  }
}

/**
 * A citation with the id and corpus membership of the node its first mention resolved to.
 *
 * @param citation Distinct cited document of one text.
 * @param planId The citing plan.
 * @param node The node its first mention resolved to, if any.
 * @returns The CLI's citation object.
 */
function toReportCitation(citation: Citation, planId: DocumentId, node: ResolvedNode | undefined): ReportCitation {
  return {
    id: node?.id ?? citation.key,
    type: citation.docType,
    number: citation.number,
    name: citation.name,
    date: citation.date?.iso ?? null,
    issuer: citation.issuer,
    subject: citation.subject,
    relation: citation.relation,
    inCorpus: node !== undefined && node.inCorpus && node.id !== planId,
    mentions: citation.mentions.map((mention) => ({
      offset: mention.start,
      length: mention.end - mention.start,
      text: mention.text,
    })),
  };
}
