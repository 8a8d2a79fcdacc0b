/**
 * The raw text stories of a Word 97–2003 file, by word-extractor, in a worker thread.
 *
 * word-extractor's public `Document` has already replaced Word's control characters (a cell
 * mark becomes a tab, a page break a newline, a field's instruction is cut by a regex that
 * does not nest), which loses what the reader needs: where table cells and pages end. So the
 * worker subclasses its OLE extractor and returns each story's characters untouched.
 *
 * A worker because a corrupt file can make word-extractor loop for ever (a cyclic sector chain
 * in the OLE allocation table grows an array until the heap is gone; the worker replaces that
 * one method with a checked one) or fail in ways not foreseen: the worker has a time limit and
 * a heap limit, and the main process only ever sees a result or a failure kind.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The stories of a .doc, each with Word's control characters as they are in the file. */
export interface DocStories {
  body: string;
  footnotes: string;
  endnotes: string;
  /** Text boxes anchored in the body (not those of page headers). */
  textboxes: string;
  /** Running page headers and footers (not used in the text: page furniture). */
  headers: string;
}

/** Why a file could not be read, for the reader's message. */
export type DocFailure =
  | { kind: 'not-word'; streams: string[] }
  | { kind: 'encrypted' }
  | { kind: 'old-format'; nFib: number }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'too-large' };

export type DocExtraction = { ok: true; stories: DocStories } | { ok: false; failure: DocFailure };

/** Generous for a 100-page document (which takes well under a second). */
const TIME_LIMIT_MS = 20_000;
const HEAP_LIMIT_MB = 384;

/**
 * Runs in the worker (CommonJS, `require` of word-extractor's own modules). Kept as plain
 * JavaScript because it extends a JavaScript class that has no types.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const lib = (name) => require(path.join(workerData.libDir, name));

// word-extractor maps an 8-bit piece's 0x80–0x9F through cp1252 but returns undefined (the word
// "undefined" in the text) for the five bytes cp1252 leaves out: keep those as the raw C1
// character instead, for the reader to drop. Patched before the extractor takes its copy.
const filters = lib('filters.js');
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
filters.binaryToUnicode = (text) => text.replace(/[\x80-\x9f]/g, (char) => cp1252[char.charCodeAt(0) - 0x80]);

class Failure extends Error {
  constructor(failure) { super(failure.kind); this.failure = failure; }
}
const WordOleExtractor = lib('word-ole-extractor.js');
const BufferReader = lib('buffer-reader.js');
const AllocationTable = lib('ole-allocation-table.js');

// A sector chain that comes back to a sector it passed is a damaged file:
// say so at once instead of growing the chain until the heap limit stops the worker.
AllocationTable.prototype.getSecIdChain = function (startSecId) {
  const table = this._table;
  const seen = new Set();
  const chain = [];
  let secId = startSecId;
  // As the original: follow while the id is a sector (>= 0); an id past the table ends the chain.
  while (typeof secId === 'number' && secId >= 0) {
    if (seen.has(secId)) throw new Failure({ kind: 'corrupt', detail: 'sector chain loops' });
    seen.add(secId);
    chain.push(secId);
    secId = table[secId];
  }
  return chain;
};

class RawStoriesExtractor extends WordOleExtractor {
  extractWordDocument(document, buffer) {
    if (buffer.length === 0) {
      const entry = document._rootStorage && document._rootStorage._dirEntry;
      const names = entry ? [...Object.keys(entry.streams || {}), ...Object.keys(entry.storages || {})] : [];
      throw new Failure({ kind: 'not-word', streams: names.slice(0, 20) });
    }
    if (buffer.length < 0x1a6) throw new Failure({ kind: 'corrupt', detail: 'FIB too short' });
    if (buffer.readUInt16LE(0) !== 0xa5ec) throw new Failure({ kind: 'not-word', streams: ['WordDocument'] });
    const nFib = buffer.readUInt16LE(2);
    // Word 97 is nFib 193 (0xC1); Word 6.0/95 files (nFib 101–105) have another layout.
    if (nFib < 0xc1) throw new Failure({ kind: 'old-format', nFib });
    // FIB flag fEncrypted (bit 8): the text streams are RC4 or XOR ciphertext.
    if (buffer.readUInt16LE(0x0a) & 0x0100) throw new Failure({ kind: 'encrypted' });
    return super.extractWordDocument(document, buffer);
  }

  // Bookmarks, character runs (only used to drop tracked deletions), paragraph runs (table row
  // ends) and page headers are not needed for the text itself: an odd property record there
  // ("Unparsed sprm") should not lose the whole document.
  writeBookmarks(buffer, table) { try { super.writeBookmarks(buffer, table); } catch {} }
  writeCharacterProperties(buffer, table) { try { super.writeCharacterProperties(buffer, table); } catch {} }
  writeParagraphProperties(buffer, table) { try { super.writeParagraphProperties(buffer, table); } catch {} }
  normalizeHeaders(buffer, table) { try { super.normalizeHeaders(buffer, table); } catch { this._taggedHeaders = []; } }

  buildDocument() {
    const pieces = this._pieces;
    const b = this._boundaries;
    const range = (start, end) => {
      let out = '';
      for (const piece of pieces) {
        const from = Math.max(start, piece.startCp);
        const to = Math.min(end, piece.endCp);
        if (to > from) out += piece.text.substring(from - piece.startCp, to - piece.startCp);
      }
      return out;
    };
    let start = 0;
    const take = (length) => {
      const text = length ? range(start, start + length) : '';
      start += length || 0;
      return text;
    };
    const body = take(b.ccpText);
    const footnotes = take(b.ccpFtn);
    take(b.ccpHdd);
    take(b.ccpAtn);
    const endnotes = take(b.ccpEdn);
    const textboxes = take(b.ccpTxbx);
    const headers = this._taggedHeaders.map((segment) => segment.text).join('\r');
    return { body, footnotes, endnotes, textboxes, headers };
  }
}

(async () => {
  const buffer = Buffer.from(workerData.bytes.buffer, workerData.bytes.byteOffset, workerData.bytes.byteLength);
  const reader = new BufferReader(buffer);
  try {
    await reader.open();
    const stories = await new RawStoriesExtractor().extract(reader);
    parentPort.postMessage({ ok: true, stories });
  } catch (error) {
    const failure = error && error.failure ? error.failure : { kind: 'corrupt', detail: String(error && error.message || error).slice(0, 200) };
    parentPort.postMessage({ ok: false, failure });
  }
})();
`;

let libDirCache: string | null = null;

/** word-extractor's lib/ folder, found the way Node finds the package. */
function wordExtractorLibDir(): string {
  libDirCache ??= dirname(createRequire(import.meta.url).resolve('word-extractor'));
  return libDirCache;
}

/** Read the raw stories of a .doc's bytes; never throws, always settles within the time limit. */
export function extractDocStories(bytes: Uint8Array): Promise<DocExtraction> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { libDir: wordExtractorLibDir(), bytes },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    const finish = (result: DocExtraction): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, failure: { kind: 'timeout' } }), TIME_LIMIT_MS);
    worker.on('message', (message: DocExtraction) => finish(message));
    worker.on('error', (error: Error & { code?: string }) => {
      const tooLarge = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, failure: tooLarge ? { kind: 'too-large' } : { kind: 'corrupt', detail: error.message.slice(0, 200) } });
    });
    worker.on('exit', () => finish({ ok: false, failure: { kind: 'corrupt', detail: 'worker exited' } }));
  });
}
