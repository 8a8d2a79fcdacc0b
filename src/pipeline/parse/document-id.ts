/**
 * The stable id of a parsed document, independent of its file name.
 */
import type { DocDate, DocumentId } from '../../model.ts';
import { toDocumentId } from '../ids.ts';
import { placeAfterLevelWord } from '../../text/locality.ts';

/** What the id is built from. */
export interface IdParts {
  type: string | null;
  number: string | null;
  issuer: string | null;
  date: DocDate | null;
  title: string | null;
  /** Whether the header has a "Số" line with the number left blank (a draft). */
  draft: boolean;
  /** Used only when nothing else identifies the text. */
  sha256: string;
}

/**
 * Id of a document: type, number, the issuer's locality and year
 * ("ke-hoach-1062-kh-ubnd-tay-ninh-2024"), so that "07/KH-UBND" of two
 * provinces do not collide. A draft (blank number) uses "du-thao", the
 * partial date and a short hash of its title instead; a text with no number
 * line at all uses "khong-so".
 *
 * @param parts Metadata read from the header.
 */
export function documentId(parts: IdParts): DocumentId {
  const where = issuerPlace(parts.issuer);
  const year = parts.date?.iso.slice(0, 4) ?? null;
  if (parts.number) return toDocumentId(parts.type, parts.number, where, year);
  const draftKey = parts.title ? shortHash(parts.title) : parts.sha256.slice(0, 8);
  return toDocumentId(parts.type ?? 'van-ban', parts.draft ? 'du-thao' : 'khong-so', where, parts.date?.iso ?? null, draftKey);
}

/**
 * The part of an issuer that tells organs with the same numbering apart: its
 * locality ("UBND tỉnh Tây Ninh" → "Tây Ninh"), else the whole issuer
 * ("Ban Tổ chức Trung ương", "Bảo hiểm xã hội Việt Nam": "xã hội" names no commune).
 */
function issuerPlace(issuer: string | null): string | null {
  if (!issuer) return null;
  return placeAfterLevelWord(issuer) ?? issuer;
}

/** FNV-1a (32-bit) of the text as 8 hex digits: short, stable, no crypto needed. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
