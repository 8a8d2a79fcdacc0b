/**
 * How a document's page describes its source file: "Word .docx, 12 trang, đã chuyển từ
 * phông TCVN3 (.VnTime) sang Unicode", and the link to the original copy.
 */
import type { OriginFrontmatter } from '../pipeline/emit/mdx/frontmatter-schema.ts';
import { t, tDynamic } from '../i18n/t.ts';
import { withBase } from './urls.ts';

/**
 * @param origin The page's origin record.
 * @returns The format's Vietnamese name ("Word .docx").
 */
export function formatName(origin: OriginFrontmatter): string {
  return tDynamic(`format.${origin.format}`);
}

/**
 * One line saying what the file was and what was done to read it.
 *
 * @param origin The page's origin record.
 * @returns E.g. "PDF bản quét, 3 trang, nhận dạng chữ (OCR) bằng tesseract 5.3.0 (vie)".
 */
export function describeOrigin(origin: OriginFrontmatter): string {
  const parts = [formatName(origin)];
  if (origin.pageCount !== null) parts.push(t('doc.pages', { count: origin.pageCount }));
  for (const encoding of origin.conversions) {
    parts.push(t('doc.converted', { encoding: tDynamic(`encoding.${encoding}`) }));
  }
  if (origin.ocr) parts.push(t('doc.ocrDone', { engine: origin.ocr.engine }));
  return parts.join(', ');
}

/**
 * The OCR notice shown above an OCR'd text, or null for other sources.
 *
 * @param origin The page's origin record.
 */
export function ocrNotice(origin: OriginFrontmatter): string | null {
  if (!origin.ocr) return null;
  const confidence = origin.ocr.confidence === null ? '' : t('doc.ocrConfidence', { value: Math.round(origin.ocr.confidence) });
  return t('doc.ocrNotice', { confidence });
}

/**
 * @param name Copy name from the frontmatter ("<id>.docx").
 * @returns "/base/data/goc/<id>.docx".
 */
export function originalHref(name: string): string {
  return withBase(`data/goc/${name}`);
}
