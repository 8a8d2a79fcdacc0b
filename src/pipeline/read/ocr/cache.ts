/**
 * OCR results on disk, by SHA-256 of the file bytes + Tesseract version + settings, so a
 * rebuild never recognises the same scan twice. One JSON file per entry, written to a
 * temporary name and renamed into place (a crash leaves no half-written entry); an entry
 * that does not parse or has the wrong shape is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

/** The cached entry, or null on a miss (absent, unreadable, corrupt, other key). */
export async function readOcrCache(directory: string, key: string): Promise<OcrCacheEntry | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(entryPath(directory, key), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const entry = parsed as Partial<OcrCacheEntry>;
    if (entry.key !== key || !Array.isArray(entry.pages) || !entry.pages.every((page) => typeof page === 'string')) return null;
    return { key, pages: entry.pages };
  } catch {
    return null;
  }
}

/** Store an entry; a cache that cannot be written only costs time, so failures are ignored. */
export async function writeOcrCache(directory: string, entry: OcrCacheEntry): Promise<void> {
  const target = entryPath(directory, entry.key);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, target);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
