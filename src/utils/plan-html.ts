/**
 * The rendered body of a plan page, as the pipeline wrote it (`plans/<id>.html`, written from the
 * same mdast tree as its MDX file). Read from disk when the page is rendered, so the bodies of thousands
 * of plans never sit in Astro's data store or in the server bundle.
 */
import { planHtmlPath } from '../pipeline/emit/mdx/manifest.ts';
import { bodiesWrittenSync } from '../pipeline/mdx-pending.ts';
import { generatedDir, readGenerated } from './generated.ts';

/**
 * @param id Node id of the plan.
 * @returns HTML of its body (trusted: every text run was escaped by the emitter).
 */
export function planHtml(id: string): string {
  // Under `npm run build` the pipeline may still be writing the bodies (src/pipeline/mdx-pending.ts).
  bodiesWrittenSync(generatedDir());
  return readGenerated(planHtmlPath(id));
}
