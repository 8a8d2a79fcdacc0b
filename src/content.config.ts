/**
 * Content collections. `plans` are the MDX pages the pipeline emits into the generated dir
 * (`VBG_GENERATED`, default `content/generated`), read with the very schema the emitter
 * validated them against (see `src/pipeline/emit/mdx/frontmatter-schema.ts`).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { planFrontmatterSchema } from './pipeline/emit/mdx/frontmatter-schema.ts';

const generated = path.resolve(process.env['VBG_GENERATED'] ?? 'content/generated');

const plans = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: path.join(generated, 'plans'),
    // The file name is the node id; never re-slugged, so links from graph.json match.
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: planFrontmatterSchema,
});

export const collections = { plans };
