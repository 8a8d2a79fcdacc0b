/**
 * The schema of `report.json`, the ingest report of one build: every input file and what
 * became of it, and every mention that could not be tied to a document. The build prints
 * it to stderr; /kiem-tra/ shows it.
 */
import { z } from 'zod';

export const REPORT_VERSION = 2;

const messageSchema = z.object({
  /** Source file as given, relative to the sources folder. */
  file: z.string(),
  level: z.enum(['error', 'warning']),
  /** Stable machine code, e.g. `empty-file`, `duplicate-plan`. */
  code: z.string(),
  /** Vietnamese message. */
  message: z.string(),
});

export const ingestEntrySchema = z.object({
  /** Source file, relative to the sources folder, "/" separated. */
  file: z.string(),
  /** built: a page; warnings: a page, with messages; skipped: no page (see messages). */
  status: z.enum(['built', 'warnings', 'skipped']),
  /** Node id of the plan page when built, else null. */
  id: z.string().nullable(),
  /** Display label of the plan when built. */
  label: z.string().nullable(),
  /** Detected encoding, null when undecodable. */
  encoding: z.string().nullable(),
  /** SHA-256 (hex) of the file's bytes. */
  sha256: z.string(),
  /** Format found by content (txt, docx, doc, pdf, pdf-scan, image…), null when unknown. */
  format: z.string().nullable(),
  /** Reader that produced the text ("docx (XML)", "word-extractor", "pdfjs", "tesseract"…). */
  reader: z.string().nullable(),
  /** Pages of a PDF or scan, else null. */
  pageCount: z.number().int().nonnegative().nullable(),
  /** Conversions applied ("tcvn3", "vni", "windows-1258", "mojibake"). */
  conversions: z.array(z.string()),
  /** OCR engine, mean confidence and pages when the text came from images, else null. */
  ocr: z.object({ engine: z.string(), confidence: z.number().nullable(), pages: z.number().int() }).nullable(),
  messages: z.array(messageSchema),
});

export const unresolvedMentionSchema = z.object({
  /** Node id of the plan holding the mention. */
  plan: z.string(),
  /** Anchor of the mention on the plan page. */
  anchor: z.string(),
  /** The mention's text. */
  text: z.string(),
  /** Why it was not resolved, in Vietnamese. */
  reason: z.string(),
});

export const corpusProblemSchema = z.object({
  /** Stable code from the resolver: `date-conflict`, `ambiguous-mention`, `duplicate-plan`… */
  code: z.string(),
  /** Node concerned, if any. */
  node: z.string().nullable(),
  /** Plan concerned, if any. */
  plan: z.string().nullable(),
  /** Anchor of the mention concerned, if any. */
  anchor: z.string().nullable(),
  /** Vietnamese message. */
  message: z.string(),
});

export const reportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  /** Every input file, sorted by path. */
  files: z.array(ingestEntrySchema),
  /** Mentions not tied to any document, by plan and anchor. */
  unresolved: z.array(unresolvedMentionSchema),
  /** Every other problem the resolver found, in its order. */
  problems: z.array(corpusProblemSchema),
});

export type IngestEntry = z.infer<typeof ingestEntrySchema>;
export type IngestReport = z.infer<typeof reportSchema>;
