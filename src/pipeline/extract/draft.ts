/**
 * A mention while `extract` builds it: found and detailed, before relations and links.
 * Shared by the extractor's passes (numbers, laws, short references).
 */
import type { Mention } from '../../model.ts';

/** A mention before its text, relation and links are set, with where its details end. */
export interface Draft extends Omit<Mention, 'text' | 'relation' | 'links'> {
  /** Offset after date and issuer (where a shared list "của …" or a link verb may follow). */
  detailsEnd: number;
}
