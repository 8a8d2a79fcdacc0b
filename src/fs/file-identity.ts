/**
 * A file's identity on disk: device, inode, size and modification time (nanoseconds). The
 * same identity means the same bytes as long as nobody rewrites a file in place and sets its
 * time back by hand (the generated dir's write record trusts size and time alike). Used to
 * skip reading files a rebuild finds unchanged: the pipeline's sources (read-record.ts) and
 * the pages the search index is built from (pagefind-digests.ts).
 */
import { stat } from 'node:fs/promises';

/**
 * @param file Path.
 * @returns The identity, or null when the file cannot be stat'ed.
 */
export async function fileIdentity(file: string): Promise<string | null> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch {
    return null;
  }
}
