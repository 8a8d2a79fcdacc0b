/**
 * Authored MDX: editors' notes (`content/notes/<document-id>.mdx`, shown on that document's
 * page as "Ghi chú") and site pages (`content/pages/<slug>.mdx`, at `/<slug>/`).
 *
 * - `authoredCitations` is the options object `remarkCitations` gets in `@astrojs/mdx`'s
 *   config: citations in authored text are found by the same extractor as in the plans and
 *   linked to the documents of the built graph.
 * - `checkAuthored` runs before Astro reads the collections: a note or page that does not
 *   compile (an MDX syntax error) or a note named for no document is reported with its file
 *   name and left out, so the rest of the site still builds (under `--strict`, the build
 *   fails instead).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileSync } from '@mdx-js/mdx';
import type { GraphData } from '../pipeline/emit/graph-schema.ts';
import { citationResolver, documentLookup } from './citation-lookup.ts';
import type { RemarkCitationsOptions } from './remark-citations.ts';

/**
 * Options for `remarkCitations` over authored MDX. The graph is read on the first citation
 * (the config is loaded before any page); without one (`astro check` before a pipeline run)
 * citations stay text.
 *
 * @param loadGraph Reads the built graph (throws when there is none).
 * @param base The site's base path ("/" or "/van-ban/").
 * @returns Options.
 */
export function authoredCitations(loadGraph: () => GraphData, base: string): RemarkCitationsOptions {
  const root = base.endsWith('/') ? base : `${base}/`;
  let resolve: RemarkCitationsOptions['resolve'] | null | undefined;
  return {
    resolve: (mention) => {
      if (resolve === undefined) {
        try {
          resolve = citationResolver(documentLookup(loadGraph()), (node) => `${root}${node.url}`);
        } catch {
          resolve = null;
        }
      }
      return resolve ? resolve(mention) : null;
    },
  };
}

/** A problem with one authored file. */
export interface AuthoredProblem {
  /** Path of the file, relative to the project. */
  file: string;
  message: string;
}

/**
 * Check the authored files of one folder.
 *
 * @param dir The folder (`content/notes` or `content/pages`).
 * @param options `ids`: the document ids a note may be named for (notes only; undefined skips the check).
 * @returns The files to leave out and why (file names sorted).
 */
export function checkAuthored(dir: string, options: { ids?: ReadonlySet<string> } = {}): AuthoredProblem[] {
  if (!existsSync(dir)) return [];
  const problems: AuthoredProblem[] = [];
  for (const name of readdirSync(dir)
    .filter((entry) => entry.endsWith('.mdx'))
    .sort()) {
    const file = path.join(dir, name);
    const shown = path.relative(process.cwd(), file) || file;
    const id = name.slice(0, -'.mdx'.length);
    if (options.ids && !options.ids.has(id)) {
      problems.push({
        file: shown,
        message: `không có văn bản mang mã “${id}” (tên tệp ghi chú phải là mã của một văn bản, như trong địa chỉ /van-ban/<mã>/)`,
      });
      continue;
    }
    try {
      compileSync({ path: file, value: withoutFrontmatter(readFileSync(file, 'utf8')) });
    } catch (error) {
      const place =
        error && typeof error === 'object' && 'line' in error && error.line
          ? ` (dòng ${String(error.line)}${'column' in error && error.column ? `, cột ${String(error.column)}` : ''})`
          : '';
      const reason = error && typeof error === 'object' && 'reason' in error ? String(error.reason) : String(error);
      problems.push({ file: shown, message: `lỗi cú pháp MDX${place}: ${reason}` });
    }
  }
  return problems;
}

/**
 * The text with its frontmatter blanked, line for line (so error lines stay the file's).
 *
 * @param source MDX file content.
 * @returns Content without frontmatter.
 */
function withoutFrontmatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source);
  return match ? match[0].replace(/[^\n]/g, '') + source.slice(match[0].length) : source;
}
