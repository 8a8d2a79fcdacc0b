/**
 * Sizes on disk: a folder's total, its largest HTML page, one file.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Size facts of a built site. */
export interface SiteSizes {
  /** Bytes of every file under the folder. */
  total: number;
  /** Largest .html file: path relative to the folder and bytes. */
  largestPage: { path: string; bytes: number } | null;
  /** Bytes of the Pagefind index folder. */
  pagefind: number;
  /** Number of .html files. */
  pages: number;
  /** What the graph page downloads first (`do-thi/du-lieu.json`), bytes; null without it. */
  graphView: number | null;
}

/**
 * Measure a built site.
 *
 * @param dir Site folder (OUT_DIR).
 * @returns Sizes.
 */
export async function siteSizes(dir: string): Promise<SiteSizes> {
  const sizes: SiteSizes = { total: 0, largestPage: null, pagefind: 0, pages: 0, graphView: null };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    const { size } = await stat(full);
    sizes.total += size;
    if (relative.startsWith('pagefind/')) sizes.pagefind += size;
    if (relative === 'do-thi/du-lieu.json') sizes.graphView = size;
    if (entry.name.endsWith('.html')) {
      sizes.pages += 1;
      if (
        !sizes.largestPage ||
        size > sizes.largestPage.bytes ||
        (size === sizes.largestPage.bytes && relative < sizes.largestPage.path)
      ) {
        sizes.largestPage = { path: relative, bytes: size };
      }
    }
  }
  return sizes;
}

/**
 * Size of one file, or null when it does not exist.
 *
 * @param file Path.
 * @returns Bytes or null.
 */
export async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}
