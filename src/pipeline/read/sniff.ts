/**
 * What a file is, from its first bytes; the extension only settles what the bytes leave
 * open (a zip is .docx or .odt by its parts; text is .txt, .md or .html by its name and
 * markup). A file renamed to the wrong extension is read as what it is, with a warning.
 */
import { unzipSync } from 'fflate';
import type { SourceFormat } from '../../model.ts';

export type SniffedFormat = Exclude<SourceFormat, 'pdf-scan'> | 'zip' | 'unknown-binary';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, index) => bytes[at + index] === byte);

/** Extensions of the formats, for "renamed file" warnings and for telling text kinds apart. */
const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  htm: 'html',
  html: 'html',
  docx: 'docx',
  odt: 'odt',
  doc: 'doc',
  pdf: 'pdf',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

/** The format an extension claims, or null for an extension the readers do not know. */
export function formatOfExtension(file: string): SourceFormat | null {
  const match = /\.([a-z0-9]+)$/iu.exec(file);
  return match ? (EXTENSIONS[match[1]!.toLowerCase()] ?? null) : null;
}

/**
 * Sniff one file.
 *
 * @param bytes Raw content (only the first few KB are looked at, except a zip's directory).
 * @param file Name, for the extension hint.
 */
export function sniffFormat(bytes: Uint8Array, file: string): SniffedFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  // A PDF may have junk before its header (allowed within the first 1 KB).
  if (bytes.byteLength > 5) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
    if (head.includes('%PDF-')) return 'pdf';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2 compound file
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image'; // PNG
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image'; // JPEG
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image'; // TIFF
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'unknown-binary'; // {\rtf — not read yet
  const claimed = formatOfExtension(file);
  if (claimed === 'html' || claimed === 'md') return claimed;
  if (claimed === 'txt' || claimed === null) return looksLikeHtml(bytes) ? 'html' : 'txt';
  // Claims a binary format but has none of its bytes: read it as text if it is text.
  return looksLikeHtml(bytes) ? 'html' : 'txt';
}

/** .docx or .odt, told apart by the zip's parts (names only; nothing is inflated). */
function zipKind(bytes: Uint8Array): SniffedFormat {
  let names: string[] = [];
  try {
    // The filter sees each entry's name before inflating it; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    names = [];
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('content.xml') && names.includes('mimetype')) return 'odt';
  return 'zip';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').toLowerCase();
  return /^\s*(?:\ufeff|ï»¿)?\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>])/u.test(head);
}
