/**
 * The sources as the last build read them, keyed by each file's identity on disk, so a rebuild
 * does not read and decode every text again to learn that it did not change.
 *
 * At 5,000 plans reading the sources (136 MB: open, read, decode UTF-8, the encoding and
 * mojibake checks, SHA-256) and hashing their texts for the analysis keys took ~6 s of CPU of a
 * rebuild's ~28, for one file edited. A plain-text source (`.txt`, read by `decodeSource`) whose
 * file is still the one recorded (device, inode, size and modification time) is given back from
 * the record: its hash, encoding, messages and origin as they were, its analysis key, and its
 * text read from the file only if something asks for it (a page to make again, a source copy to
 * write). Every other file is read as before.
 *
 * The record is an entry of the pipeline cache per sources folder and code version (a change of
 * the readers reads everything again), written after a complete build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestMessage, SourceOrigin, SourceText } from '../model.ts';
import { contentKey, type StageCache } from './cache.ts';
import { decodeSource } from './read.ts';

/** Cache kind of the record. */
const READ_RECORD = 'read-record';

/** Version of the record's layout. */
const READ_RECORD_FORMAT = '1';

/** What is kept of one source. */
interface RecordedSource {
  identity: string;
  sha256: string;
  byteLength: number;
  encoding: string | null;
  messages: IngestMessage[];
  origin: SourceOrigin;
  /** Its analysis key (`analysisKeys`) under the record's code version. */
  key: string;
}

/** A source given back from the record, with its analysis key. */
export interface RecordedRead {
  source: SourceText;
  key: string;
}

/** The record of one sources folder, read at the start of a build and written at its end. */
export interface ReadRecord {
  /**
   * A plain-text source whose file is still the one recorded, its text loaded on first access;
   * undefined when it must be read.
   *
   * @param file Path relative to the sources folder.
   * @param identity The file's identity now (`fileIdentity`, src/fs/file-identity.ts).
   */
  lookup(file: string, identity: string | null): RecordedRead | undefined;
  /**
   * Note a source this build read (or took from the record) for the next build.
   *
   * @param identity The file's identity before it was read.
   * @param source What was read.
   * @param key Its analysis key.
   */
  note(identity: string | null, source: SourceText, key: string | undefined): void;
  /** Store what was noted (call after a complete build). */
  save(): void;
}

/**
 * Open the record of a sources folder.
 *
 * @param cache The pipeline cache.
 * @param sourcesDir The sources folder (absolute).
 * @param codeVersion The code version (`codeVersion`).
 * @returns The record.
 */
export function readRecord(cache: StageCache, sourcesDir: string, codeVersion: string): ReadRecord {
  const recordKey = contentKey(READ_RECORD_FORMAT, sourcesDir, codeVersion);
  let last = new Map<string, RecordedSource>();
  const stored = cache.get(READ_RECORD, recordKey);
  if (stored !== undefined) {
    try {
      last = new Map(Object.entries(JSON.parse(stored) as Record<string, RecordedSource>));
    } catch {
      last = new Map();
    }
  }
  const next = new Map<string, RecordedSource>();
  /** Sources given back from the record: noted again as they are, their text never loaded for it. */
  const carried = new WeakMap<SourceText, RecordedSource>();
  return {
    lookup(file, identity) {
      const known = last.get(file);
      if (identity === null || known?.identity !== identity) return undefined;
      const full = path.join(sourcesDir, file);
      let text: string | undefined;
      const source: SourceText = {
        file,
        text: null,
        encoding: known.encoding,
        sha256: known.sha256,
        byteLength: known.byteLength,
        messages: known.messages.map((message) => ({ ...message })),
        origin: { ...known.origin, conversions: [...known.origin.conversions] },
      };
      Object.defineProperty(source, 'text', {
        enumerable: true,
        configurable: true,
        get: () => (text ??= loadText(full, file, known.sha256)),
      });
      carried.set(source, known);
      return { source, key: known.key };
    },
    note(identity, source, key) {
      const again = carried.get(source);
      if (again) {
        next.set(source.file, again);
        return;
      }
      const origin = source.origin;
      // Only what `decodeSource` reads, which can be read again synchronously.
      if (identity === null || key === undefined || origin?.format !== 'txt' || origin.reader !== 'text') return;
      if (source.text === null) return;
      next.set(source.file, {
        identity,
        sha256: source.sha256,
        byteLength: source.byteLength,
        encoding: source.encoding,
        messages: source.messages,
        origin,
        key,
      });
    },
    save() {
      const sorted = [...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      cache.set(READ_RECORD, recordKey, JSON.stringify(Object.fromEntries(sorted)));
    },
  };
}

/**
 * The text of a recorded source, read when first asked for: the file must still hold the bytes
 * the record has (else the build stops, naming it, rather than mixing two versions of a file).
 *
 * @param full Path of the file.
 * @param file Its name for messages.
 * @param sha256 The recorded hash of its bytes.
 * @returns The decoded text.
 */
function loadText(full: string, file: string, sha256: string): string {
  let decoded: SourceText;
  try {
    decoded = decodeSource(readFileSync(full), file);
  } catch (error) {
    throw new SourceChangedError(file, `không đọc lại được (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (decoded.sha256 !== sha256 || decoded.text === null) throw new SourceChangedError(file, 'đã thay đổi');
  return decoded.text;
}

/**
 * A source taken from the record whose text was needed, but whose file changed (or went) since
 * the build began: the build stops rather than mix two versions of it (the served site is
 * left as it was), and says to build again.
 */
export class SourceChangedError extends Error {
  constructor(file: string, what: string) {
    super(
      `Tệp “${file}” ${what} trong lúc dựng; trang đã dựng trước đó được giữ nguyên, hãy dựng lại. ` +
        `/ "${file}" changed while building: build again.`,
    );
    this.name = 'SourceChangedError';
  }
}
