/**
 * The appendix caption that names the document it is attached to:
 * "(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)",
 * "(Ban hành kèm theo Quyết định số 12/2025/QĐ-UBND ngày 3 tháng 4 năm 2025 của UBND tỉnh)".
 *
 * An appendix belongs to its document, so when the crawl lost the header the caption is the
 * only place that still states the document's own number, date and issuer.
 */
import type { DocDate } from '../../model.ts';
import { parseIssueDate } from './date.ts';
import { documentTypes } from './doc-types.ts';

/** What a caption states about the document it belongs to. */
export interface Caption {
  /** Null for the generic "văn bản", which names no type. */
  type: string | null;
  /** Null when the caption leaves it blank ("văn bản số /BKHCN-CĐSQG"), as a draft or a crawl does. */
  number: string | null;
  date: DocDate | null;
  issuer: string | null;
}

/** Type words, whitespace-tolerant ("Hướng\ndẫn"), and the generic "văn bản" of a letter. */
const TYPES = [...documentTypes, 'văn bản'].map((type) => type.replace(/ /g, '\\s+')).join('|');

/**
 * "(… kèm theo <Type> số <number>[,] [ngày …] [của <issuer>])" standing on its own line(s): a
 * bracket inside a sentence ("Quy chế … (ban hành kèm theo Quyết định số 907-QĐ/…)") cites the
 * act that issued something else, so it is no caption. Bounded classes only: the number has no
 * spaces, the date and issuer stop at the closing bracket.
 */
const CAPTION = new RegExp(
  `(?:^|\\n)[ \\t]*\\(\\s*(?:ban\\s+hành\\s+)?kèm\\s+theo\\s+(${TYPES})\\s+số\\s*:?\\s*(\\d[^\\s,;()]{2,40}|\\/[^\\s,;()]{2,40})\\s*,?` +
    `([^()]{0,60}?)(?:\\s*của\\s+([^()]{2,120}))?\\s*\\)[ \\t]*(?:\\n|$)`,
  'iu',
);

/**
 * Find the first appendix caption in `text`.
 *
 * @param text The whole normalized text.
 * @returns Type (as a display type), number, date and issuer, or null when no caption names a
 *   document.
 */
export function readCaption(text: string): Caption | null {
  const match = CAPTION.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const written = match[1].replace(/\s+/g, ' ').toLowerCase();
  const type = documentTypes.find((candidate) => candidate.toLowerCase() === written) ?? null;
  if (!type && written !== 'văn bản') return null;
  // "số /BKHCN-CĐSQG": the serial left blank, so no number; the issuer is still stated.
  const number = match[2].startsWith('/') ? null : match[2].replace(/[.]+$/u, '');
  // The stretch between number and "của" holds the date, if any ("ngày 27/11/2025").
  const date = parseIssueDate(match[3] ?? '');
  const issuer = match[4]?.replace(/\s+/g, ' ').trim() ?? '';
  // An issuer is a proper name ("Ban …", "UBND …"); "của năm …" or prose is not one.
  return { type, number, date, issuer: /^[\p{Lu}]/u.test(issuer) ? issuer : null };
}
