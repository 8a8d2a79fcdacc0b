/**
 * What the last build found in each page it indexed, keyed by the file's identity on disk, so
 * a rebuild does not read every page again to learn that it did not change.
 *
 * Deciding which parts of the search index to make again needs a digest of every indexed
 * page's `data-pagefind-body` element (`pagefind.ts`). At 5,000 plans that is 7,400 pages and
 * 580 MB of HTML read, scanned and hashed on every build, though a rebuild after one edit
 * changes a handful: the page store (`page-store.ts`) hard-links every page whose inputs did
 * not change from the previous build, so such a page is the very same file (device, inode),
 * with the same size and modification time. For such a file the recorded digest is reused;
 * any other file (rendered again, touched since, another file system) is read.
 *
 * The record is one file in the shard store, written after the index is complete, sealed with
 * its own SHA-256: a damaged or foreign record is ignored (every page is read, as without one).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';

/** Name of the record in the shard store (`pruneStore` keeps it). */
export const DIGEST_RECORD = 'page-digests.json';

/** Version of the record's layout. */
/** 2: the body digest leaves out the parts Pagefind ignores (`bodyDigest`). */
/** 3: and the attributes it never reads (`indexedSource`: ids, link targets). */
const RECORD_FORMAT = 3;

/** What the indexed copy of a page is made from, as read from the page's bytes. */
export interface BodyDigest {
  /** SHA-256 of the indexed element's opening tag and content; null when the page has none. */
  body: string | null;
  /** The `data-node-id` inside it (the cited documents come from the graph), or null. */
  nodeId: string | null;
}

/** The record: relative path → file identity and what the page held. */
export type DigestRecord = Map<string, { identity: string; digest: BodyDigest }>;

/**
 * Read the record of the last build, or an empty one (none, damaged, another format).
 *
 * @param storeDir The shard store.
 * @returns The record.
 */
export async function readDigestRecord(storeDir: string): Promise<DigestRecord> {
  const record: DigestRecord = new Map();
  let text: string;
  try {
    text = await readFile(path.join(storeDir, DIGEST_RECORD), 'utf8');
  } catch {
    return record;
  }
  const newline = text.indexOf('\n');
  const json = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== seal(json)) return record;
  try {
    const parsed = JSON.parse(json) as { version?: unknown; pages?: unknown };
    if (parsed.version !== RECORD_FORMAT || !Array.isArray(parsed.pages)) return record;
    for (const entry of parsed.pages as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 4) continue;
      const [file, identity, body, nodeId] = entry as unknown[];
      if (typeof file !== 'string' || typeof identity !== 'string') continue;
      if ((body !== null && typeof body !== 'string') || (nodeId !== null && typeof nodeId !== 'string')) continue;
      record.set(file, { identity, digest: { body, nodeId } });
    }
  } catch {
    record.clear();
  }
  return record;
}

/**
 * Write the record of this build (sorted by path, so the same pages give the same bytes).
 *
 * @param storeDir The shard store.
 * @param record The record.
 */
export async function writeDigestRecord(storeDir: string, record: DigestRecord): Promise<void> {
  const pages = [...record]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, { identity, digest }]) => [file, identity, digest.body, digest.nodeId]);
  const json = JSON.stringify({ version: RECORD_FORMAT, pages });
  await mkdir(storeDir, { recursive: true });
  await writeFileAtomic(path.join(storeDir, DIGEST_RECORD), `${seal(json)}\n${json}`);
}

/**
 * @param json The record's JSON.
 * @returns Its SHA-256, hex.
 */
function seal(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
