import type { DocumentId } from '../model.ts';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Fold Vietnamese text to ASCII: strip tone and vowel marks, map đ/Đ to d/D.
 * (đ has no Unicode decomposition, so NFD alone leaves it.)
 */
export function foldDiacritics(text: string): string {
  // Plain ASCII has nothing to fold (most numbers and many names): skip the NFD pass.
  if (ASCII.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

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
