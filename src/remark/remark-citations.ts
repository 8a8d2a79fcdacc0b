/**
 * `remarkCitations`: the citation extractor as a unified/remark plugin, for tools that already
 * run a unified pipeline over plan texts (the build itself calls `extract` directly).
 *
 * A thin wrapper around the pure `extract` + `groupCitations`: it reads the file's text (spans
 * point into `file.value`, as eyecite's do into the cleaned text, so a mention across emphasis
 * or a hard wrap is never split between tree nodes) and stores the result in typed `file.data`.
 * The tree is left untouched.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Citation, Mention } from '../model.ts';
import { extract, type ExtractOptions } from '../pipeline/extract.ts';
import { groupCitations } from '../pipeline/group.ts';

declare module 'vfile' {
  interface DataMap {
    /** Every citation mention in the file, sorted by start (offsets into `file.value`). */
    mentions: Mention[];
    /** The distinct documents the file cites. */
    citations: Citation[];
  }
}

/** Options: the file's own number (never a citation of itself) and issuer. */
export type RemarkCitationsOptions = ExtractOptions;

/**
 * Find the documents a plan cites.
 *
 * @param options Own number and issuer of the document being processed.
 * @returns Transform that fills `file.data.mentions` and `file.data.citations`.
 */
const remarkCitations: Plugin<[RemarkCitationsOptions?], Root> = function (options = {}) {
  return (_tree, file) => {
    const mentions = extract(String(file.value ?? ''), options);
    file.data.mentions = mentions;
    file.data.citations = groupCitations(mentions);
  };
};

export default remarkCitations;
