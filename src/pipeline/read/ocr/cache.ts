/**
 * OCR results on disk, by SHA-256 of the file bytes + Tesseract version + settings, so a
 * rebuild never recognises the same scan twice. One JSON file per entry, written to a
 * temporary name and renamed into place (a crash leaves no half-written entry); an entry
 * that does not parse or has the wrong shape is a miss, never an error (the build lists it
 * once, by path: `ocrCacheProblems`).
 *
 * Pruning (`pruneOcrCache`, after a complete build): OCR is the slowest work of a build, so
 * an entry the build did not use is kept for a year, as long as there are no more unused
 * entries than used ones or 200.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pruneFolder, type PruneRule } from '../../../fs/prune.ts';

/** What is kept per file: Tesseract's TSV per page, so the text can be rebuilt without OCR. */
export interface OcrCacheEntry {
  key: string;
  /** One TSV per recognised page (a page that could not be rendered has an empty string). */
  pages: string[];
}

/** Key of one file under one engine and settings. */
export function ocrCacheKey(bytes: Uint8Array, engine: string, settings: object): string {
  return createHash('sha256')
    .update(createHash('sha256').update(bytes).digest('hex'))
    .update('\0')
    .update(engine)
    .update('\0')
    .update(JSON.stringify(settings))
    .digest('hex');
}

function entryPath(directory: string, key: string): string {
  return join(directory, `${key}.json`);
}

/** Entries (file names) read or written by this process, per cache folder: what pruning keeps. */
const used = new Map<string, Set<string>>();

function markUsed(directory: string, key: string): void {
  let names = used.get(directory);
  if (!names) used.set(directory, (names = new Set()));
  names.add(`${key}.json`);
}

/** Entries found corrupt or unreadable by this process, as "path (why)", each once. */
export const ocrCacheProblems: string[] = [];

/** The cached entry, or null on a miss (absent, unreadable, corrupt, other key). */
export async function readOcrCache(directory: string, key: string): Promise<OcrCacheEntry | null> {
  const file = entryPath(directory, key);
  const problem = (why: string): null => {
    const shown = relative(process.cwd(), file) || file;
    if (!ocrCacheProblems.some((line) => line.startsWith(shown))) ocrCacheProblems.push(`${shown} (${why})`);
    return null;
  };
  let stored: string;
  try {
    stored = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : problem(`không đọc được: ${code ?? String(error)}`);
  }
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null) return problem('hỏng');
    const entry = parsed as Partial<OcrCacheEntry>;
    if (entry.key !== key || !Array.isArray(entry.pages) || !entry.pages.every((page) => typeof page === 'string'))
      return problem('hỏng');
    markUsed(directory, key);
    return { key, pages: entry.pages };
  } catch {
    // Truncated (a full disk, a crash outside the build): removed, so it is said only once.
    await rm(file, { force: true }).catch(() => undefined);
    return problem('hỏng: bị cắt cụt hoặc bị sửa');
  }
}

/** Rule of `pruneOcrCache`. */
const OCR_PRUNE: PruneRule = { maxAgeDays: 365, unusedPerUsed: 1, minUnused: 200 };

/**
 * Delete the entries of a cache folder this process did not use, by `OCR_PRUNE`. Call after a
 * complete build only.
 *
 * @param directory The OCR cache folder.
 * @returns How many entries were deleted.
 */
export function pruneOcrCache(directory: string): number {
  return pruneFolder(directory, used.get(directory) ?? new Set(), OCR_PRUNE);
}

/** Store an entry; a cache that cannot be written only costs time, so failures are ignored. */
export async function writeOcrCache(directory: string, entry: OcrCacheEntry): Promise<void> {
  const target = entryPath(directory, entry.key);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, target);
    markUsed(directory, entry.key);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
