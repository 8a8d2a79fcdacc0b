/**
 * A file's identity on disk: device, inode, size and modification time (nanoseconds). The
 * same identity means the same bytes as long as nobody rewrites a file in place and sets its
 * time back by hand (the generated dir's write record trusts size and time alike). Used to
 * skip reading files a rebuild finds unchanged: the pipeline's sources (read-record.ts) and
 * the pages the search index is built from (pagefind-digests.ts).
 */
import { statSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * @param file Path.
 * @returns The identity, or null when the file cannot be stat'ed.
 */
export async function fileIdentity(file: string): Promise<string | null> {
  try {
    return identityOf(await stat(file, { bigint: true }));
  } catch {
    return null;
  }
}

/**
 * `fileIdentity` without an await, for loops over many small files (a search index part's
 * ~450), where each await cost more than the stat itself.
 *
 * @param file Path.
 * @returns The identity, or null when the file cannot be stat'ed.
 */
export function fileIdentitySync(file: string): string | null {
  try {
    return identityOf(statSync(file, { bigint: true }));
  } catch {
    return null;
  }
}

/**
 * @param info A file's stat.
 * @returns Its identity.
 */
function identityOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
}
