/**
 * Content collections. `plans` are the plan pages the pipeline emitted into the generated dir
 * (`VBG_GENERATED`, default `content/generated`), read with the very schema the emitter
 * validated them against (see `src/pipeline/emit/mdx/frontmatter-schema.ts`).
 *
 * The pipeline writes each page's MDX source (`plans/<id>.mdx`) and its HTML, from one tree
 * (`plans/<id>.html`), and lists them in `plans.json` with a digest. This loader hands Astro
 * only the records and digests: Astro never compiles a thousand MDX modules (the glob + MDX
 * route took minutes and gigabytes at a thousand plans), its content layer skips every entry
 * whose digest it already holds, and the bodies stay out of its data store (which Astro turns
 * into one JavaScript module bundled into the build). A plan page reads its body from disk
 * (`src/utils/plan-html.ts`).
 */
import { defineCollection, z } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkAuthored, type AuthoredProblem } from './remark/authored.ts';
import { loadGraph } from './utils/generated.ts';
import { planFrontmatterSchema } from './pipeline/emit/mdx/frontmatter-schema.ts';
import { PLAN_MANIFEST, planEntryDigest, type PlanManifestEntry } from './pipeline/emit/mdx/manifest.ts';
import { notePlanDigests } from './integrations/content-store-check.ts';
import { generatedDirReady } from './pipeline/mdx-pending.ts';

const generated = path.resolve(process.env['VBG_GENERATED'] ?? 'content/generated');

// Under `npm run build` Astro starts while the pipeline still writes the generated dir, which
// everything below reads (the notes' ids, the manifest): wait for the pipeline's hand-off.
await generatedDirReady();

/**
 * The plan manifest as a content loader.
 *
 * @param dir The generated dir.
 * @returns Loader.
 */
function planManifestLoader(dir: string): Loader {
  return {
    name: 'van-ban-plans',
    load: async ({ store, parseData, logger }) => {
      const file = path.join(dir, PLAN_MANIFEST);
      let entries: PlanManifestEntry[] = [];
      try {
        entries = JSON.parse(await readFile(file, 'utf8')) as PlanManifestEntry[];
      } catch {
        // Not fatal here (`astro check` syncs content without a pipeline run); a page build
        // then fails on the first plan of graph.json with the same advice.
        logger.warn(`Thiếu ${file}: chạy \`npm run pipeline\` (hoặc \`npm run build\`) trước.`);
      }
      const ids = new Set(entries.map((entry) => entry.id));
      // A plan removed from the sources loses its entry.
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      let changed = 0;
      const digests = new Map<string, string>();
      for (const entry of entries) {
        // The record's digest and the body's version key: the page store reads an unchanged
        // page's from here instead of hashing its body (src/utils/routing.ts).
        const digest = planEntryDigest(entry);
        digests.set(entry.id, digest);
        // Unchanged digest: Astro already holds the validated record; skip parsing it again.
        if (store.get(entry.id)?.digest === digest) continue;
        const data = await parseData({ id: entry.id, data: entry.data });
        store.set({ id: entry.id, data, digest });
        changed += 1;
      }
      logger.info(`${entries.length} văn bản, ${changed} thay đổi.`);
      // For the check that Astro saved them all (src/integrations/content-store-check.ts).
      notePlanDigests(digests);
    },
  };
}

const plans = defineCollection({
  loader: planManifestLoader(generated),
  schema: planFrontmatterSchema,
});

/**
 * Authored MDX in `dir`, less the files `checkAuthored` finds broken: each is reported by
 * name and left out, so the rest of the site builds; `--strict` (VBG_STRICT=1) fails instead.
 *
 * @param dir Folder under the project.
 * @param ids Document ids a file may be named for (notes), or undefined.
 * @returns Glob loader of the good files.
 */
function authoredLoader(dir: string, ids?: ReadonlySet<string>): Loader {
  const problems: AuthoredProblem[] = checkAuthored(path.resolve(dir), ids ? { ids } : {});
  for (const problem of problems) console.warn(`Bỏ qua ${problem.file}: ${problem.message}.`);
  if (problems.length > 0 && process.env['VBG_STRICT'] === '1') {
    throw new Error(
      `Chế độ nghiêm ngặt (--strict): ${problems.length} tệp MDX lỗi: ${problems.map((problem) => problem.file).join(', ')}.`,
    );
  }
  const excluded = problems.map((problem) => `!${path.basename(problem.file)}`);
  return glob({ pattern: ['*.mdx', ...excluded], base: dir });
}

/** Ids of the built graph's documents, or undefined before a pipeline run (`astro check`). */
function documentIds(): ReadonlySet<string> | undefined {
  const file = path.join(generated, 'graph.json');
  if (!existsSync(file)) return undefined;
  let graph: { nodes: { id: string }[] };
  try {
    // The graph the pages use, read and validated once per build (kept by `loadGraph`).
    graph = loadGraph();
  } catch {
    // Not valid: only the ids here; the pages' `loadGraph` then fails the build, naming the file.
    graph = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: string }[] };
  }
  return new Set(graph.nodes.map((node) => node.id));
}

/** Editors' notes: `content/notes/<document-id>.mdx`, shown on that document's page. */
const notes = defineCollection({
  loader: authoredLoader('content/notes', documentIds()),
  schema: z.object({
    /** Who wrote the note (shown under it), if given. */
    author: z.string().optional(),
    /** When it was last checked (`updated: 2024-05-06`), if given. */
    updated: z.coerce.date().optional(),
  }),
});

/** Site pages: `content/pages/<slug>.mdx` at `/<slug>/` (the user guide). */
const pages = defineCollection({
  loader: authoredLoader('content/pages'),
  schema: z.object({
    /** Page title (the h1 and the browser tab). */
    title: z.string(),
    /** One sentence for search engines and link previews. */
    description: z.string().optional(),
  }),
});

export const collections = { plans, notes, pages };
