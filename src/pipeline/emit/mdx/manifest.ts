/**
 * The plan manifest (`plans.json` in the generated dir): one entry per plan page, read by the
 * content loader of `src/content.config.ts`.
 *
 * Astro gets each plan's record and a digest from here, and its rendered body from
 * `plans/<id>.html`; it never compiles the MDX (`plans/<id>.mdx`, the pages' source format,
 * whose rendering the pipeline already made). One small JSON file keeps the content layer's
 * sync to a single read, and the digest lets it skip every unchanged entry.
 */
import type { PlanFrontmatter } from './frontmatter-schema.ts';

/** Path of the manifest inside the generated dir. */
export const PLAN_MANIFEST = 'plans.json';

/** One plan page. */
export interface PlanManifestEntry {
  /** Node id, page slug, and the name of `plans/<id>.mdx` and `plans/<id>.html`. */
  id: string;
  /** Hash of the page's MDX source: changes exactly when the record or the body does. */
  digest: string;
  /** The frontmatter record (validated again by the collection's schema). */
  data: PlanFrontmatter;
  /**
   * Version key of `plans/<id>.html` (a hash of its content or of its inputs): the content
   * loader adds it to the entry's digest, after `BODY_KEY_SEPARATOR`, so the page store can
   * tell an unchanged page without reading its body.
   */
  html?: string;
}

/** Between the record's digest and the body's version key in a plan entry's content-layer digest. */
export const BODY_KEY_SEPARATOR = '+html:';

/**
 * The digest the content loader gives a plan's entry in Astro's data store.
 *
 * @param entry A manifest entry.
 * @returns The record's digest, with the body's version key after `BODY_KEY_SEPARATOR` when known.
 */
export function planEntryDigest(entry: PlanManifestEntry): string {
  return entry.html ? `${entry.digest}${BODY_KEY_SEPARATOR}${entry.html}` : entry.digest;
}

/**
 * Path of a plan's rendered body inside the generated dir.
 *
 * @param id Node id.
 * @returns "plans/<id>.html".
 */
export function planHtmlPath(id: string): string {
  return `plans/${id}.html`;
}
