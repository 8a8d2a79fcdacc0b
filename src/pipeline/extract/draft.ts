/**
 * A mention while `extract` builds it: found and detailed, before relations and links.
 * Shared by the extractor's passes (numbers, laws, short references).
 */
import type { DocDate, Mention } from '../../model.ts';

/** A mention before relations and links are known, with where its details end. */
export interface Draft {
  start: number;
  end: number;
  kind: Mention['kind'];
  docType: string | null;
  number: string | null;
  name: string | null;
  date: DocDate | null;
  issuer: string | null;
  subject: string | null;
  /** Offset after date and issuer (where a shared list "của …" or a link verb may follow). */
  detailsEnd: number;
}
