import type { DocumentId } from '../model.ts';
import { foldDiacritics } from '../text/fold.ts';

/**
 * Folding lives in the Vietnamese-text module; re-exported for modules written before it.
 * @deprecated Import `foldDiacritics` from `src/text/fold.ts`.
 */
export { foldDiacritics } from '../text/fold.ts';

/** ASCII kebab-case slug: "Nghị định 21/2019/NĐ-CP" → "nghi-dinh-21-2019-nd-cp". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The only way to make a `DocumentId`: a slug of the given identifying parts. */
export function toDocumentId(...parts: (string | null | undefined)[]): DocumentId {
  const slug = parts
    .filter((part): part is string => Boolean(part))
    .map(slugify)
    .filter(Boolean)
    .join('-');
  return (slug || 'van-ban') as DocumentId;
}

/** Anchor of the n-th mention (0-based, in text order) on a plan page. */
export function mentionAnchor(index: number): string {
  return `trich-dan-${index + 1}`;
}
