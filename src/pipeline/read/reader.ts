/**
 * The one interface every file reader implements: bytes of one file → its text as lines,
 * plus what is known of where the text came from (`SourceOrigin`).
 *
 * A reader never throws for bad input: it returns `text: null` with an error message that
 * names the file and the problem. Readers are pure apart from the OCR reader, which runs
 * Debian's Tesseract and keeps a cache by content hash.
 */
import type { IngestMessage, SourceFormat, SourceOrigin } from '../../model.ts';

export interface ReadOptions {
  /**
   * Folder for the OCR cache (results by content hash), or null for none. The build passes
   * `.cache/ocr`; the `extract` CLI the same.
   */
  ocrCacheDir?: string | null;
  /** Turn OCR off (scans are then reported, not read). Default: on when Tesseract is installed. */
  ocr?: boolean;
  /** Progress of long work (OCR page by page), one line at a time, for the terminal. */
  onProgress?: (line: string) => void;
}

export interface ReaderOutput {
  /** The document's text, one block (paragraph, table cell, heading) per line; null when unreadable. */
  text: string | null;
  origin: SourceOrigin;
  messages: IngestMessage[];
}

/** A reader of one format. `format` is what sniffing found (a reader may refine it, e.g. pdf → pdf-scan). */
export type Reader = (bytes: Uint8Array, file: string, options: ReadOptions) => Promise<ReaderOutput>;

/** An error result naming the file, for readers to share. */
export function readerError(
  file: string,
  origin: SourceOrigin,
  code: string,
  message: string,
  extra: IngestMessage[] = [],
): ReaderOutput {
  return { text: null, origin, messages: [...extra, { file, level: 'error', code, message }] };
}

/** An origin with no conversions and no OCR. */
export function plainOrigin(format: SourceFormat, reader: string, pageCount: number | null = null): SourceOrigin {
  return { format, reader, pageCount, conversions: [], ocr: null };
}
