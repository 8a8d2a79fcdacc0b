/**
 * Plan pages (MDX, HTML, frontmatter record) kept in the stage cache, so a rebuild after
 * editing one plan renders only the pages that changed.
 *
 * A page is a function of the plan (fixed by its analysis key: file, text and code version),
 * its node id and its resolved mentions (targets, titles, labels), and of the emitter's code;
 * the key hashes exactly these. Each page is stored as three entries: a small one with the
 * record, the manifest digest and the hashes of both files, which every build reads, and the
 * MDX and HTML themselves, read only when a file has to be written (`write-generated.ts`
 * skips a file whose hash it already recorded on disk).
 *
 * The two files of a page are made apart (each from its own copy of the page's tree): the
 * HTML is needed before Astro starts, the MDX only when Astro's build copies it to
 * `/data/mdx/`, so `scripts/build-pipeline.ts` makes the MDX while Astro renders.
 */
import type { ParsedPlan } from '../model.ts';
import { contentKey, type StageCache } from './cache.ts';
import { emitPlanPage, planFrontmatter, type EmitMention, type PlanFrontmatter } from './emit/mdx.ts';

/** Version of the cached page layout; bump when it changes shape. */
const PAGE_FORMAT = '3';

/** One plan page, its files possibly still in the cache. */
export interface PageFiles {
  frontmatter: PlanFrontmatter;
  /** Manifest digest: the MDX's hash, shortened. */
  digest: string;
  mdxHash: string;
  htmlHash: string;
  mdx(): string;
  html(): string;
}

/** What the small entry holds. */
interface PageMeta {
  frontmatter: PlanFrontmatter;
  digest: string;
  mdxHash: string;
  htmlHash: string;
}

/** The two files of a page, by their cache entry's kind. */
export type PageFileKind = 'page-mdx' | 'page-html';

/** A page whose files are not made yet: what a worker thread needs to make them. */
export interface PageJob {
  plan: ParsedPlan;
  id: string;
  mentions: EmitMention[];
  /** Key of the plan's analysis. */
  planKey: string;
}

/**
 * Emit a plan page, or take it from the cache.
 *
 * With a cache, a page the cache lacks is not emitted here: its record is made now (the
 * manifest needs it) and its files on first access, or beforehand by `emitPageJob` in a worker
 * thread (`scripts/build-pipeline.ts` hands them `pending`), which stores them in the cache;
 * each file is made on its own, so asking for the HTML does not make the MDX.
 * Their hashes are then the page key's, known without the content: they change whenever the
 * page's inputs do.
 *
 * @param plan The parsed plan.
 * @param id Its node id.
 * @param mentions Its mentions with their targets.
 * @param planKey Key of the plan's analysis (covers the plan and the code version).
 * @param cache Stage cache, if any.
 * @param pending Receives the job of a page the cache lacks.
 * @returns The page.
 */
export function emitPageCached(
  plan: ParsedPlan,
  id: string,
  mentions: readonly EmitMention[],
  planKey: string,
  cache: StageCache | undefined,
  pending?: PageJob[],
): PageFiles {
  // Also without a cache: the body's version keys go into plans.json, so they must not depend on
  // whether a cache was used (a build with one equals a build without).
  const key = pageKey(planKey, id, mentions);
  const stored = cache?.get('page', key);
  const made = new Map<PageFileKind, string>();
  const emitted = (kind: PageFileKind): string => {
    let text = made.get(kind);
    if (text === undefined) {
      text = emitPageFile(plan, id, mentions, kind);
      made.set(kind, text);
    }
    return text;
  };
  const cached = stored === undefined ? undefined : parseMeta(stored);
  if (cache && cached !== undefined) {
    cache.keep?.('page-mdx', key);
    cache.keep?.('page-html', key);
    // The bodies are separate entries: a missing one (a cache pruned by hand) is emitted again.
    const body = (kind: PageFileKind): string => cache.get(kind, key) ?? emitted(kind);
    return { ...cached, mdx: () => body('page-mdx'), html: () => body('page-html') };
  }
  if (cache) {
    const frontmatter = planFrontmatter(plan, id);
    const meta: PageMeta = {
      frontmatter,
      digest: recordDigest(frontmatter),
      mdxHash: contentKey(PAGE_FORMAT, key, 'mdx'),
      htmlHash: contentKey(PAGE_FORMAT, key, 'html'),
    };
    pending?.push({ plan, id, mentions: [...mentions], planKey });
    // Made by a worker meanwhile (then in the cache), or here on first access.
    const body = (kind: PageFileKind): string => {
      const text = made.get(kind) ?? cache.get(kind, key);
      if (text !== undefined) return text;
      cache.set(kind, key, emitted(kind));
      return emitted(kind);
    };
    cache.set('page', key, JSON.stringify(meta));
    return { ...meta, mdx: () => body('page-mdx'), html: () => body('page-html') };
  }
  const page = emitPlanPage(plan, id, mentions);
  const frontmatter = planFrontmatter(plan, id);
  return {
    frontmatter,
    digest: recordDigest(frontmatter),
    mdxHash: contentKey(PAGE_FORMAT, key, 'mdx'),
    htmlHash: contentKey(PAGE_FORMAT, key, 'html'),
    mdx: () => page.mdx,
    html: () => page.html,
  };
}

/**
 * Make one file of a page and store it in the cache, as `emitPageCached` would on first
 * access (for worker threads).
 *
 * @param job The page.
 * @param kind Which file.
 * @param cache The cache.
 */
export function emitPageJob(job: PageJob, kind: PageFileKind, cache: StageCache): void {
  cache.set(kind, pageKey(job.planKey, job.id, job.mentions), emitPageFile(job.plan, job.id, job.mentions, kind));
}

/**
 * @param plan The parsed plan.
 * @param id Its node id.
 * @param mentions Its mentions with their targets.
 * @param kind Which file.
 * @returns The page's MDX or its HTML.
 */
function emitPageFile(plan: ParsedPlan, id: string, mentions: readonly EmitMention[], kind: PageFileKind): string {
  return kind === 'page-mdx'
    ? emitPlanPage(plan, id, mentions, { html: false }).mdx
    : emitPlanPage(plan, id, mentions, { mdx: false }).html;
}

/**
 * The manifest digest of a page: what Astro's content layer holds of it is the record only
 * (the page reads its body from disk, and the page store fingerprints that body itself).
 *
 * @param frontmatter The record.
 * @returns A short hash of it.
 */
function recordDigest(frontmatter: PlanFrontmatter): string {
  return contentKey(PAGE_FORMAT, JSON.stringify(frontmatter)).slice(0, 32);
}

/**
 * @param planKey Key of the plan's analysis.
 * @param id Node id.
 * @param mentions Resolved mentions.
 * @returns Key of the page.
 */
function pageKey(planKey: string, id: string, mentions: readonly EmitMention[]): string {
  return contentKey(PAGE_FORMAT, planKey, id, JSON.stringify(mentions));
}

/**
 * The small entry of a cached page, or undefined when it does not hold one (an entry of
 * another layout): a miss, never a crash.
 *
 * @param stored The entry.
 * @returns The page's record.
 */
function parseMeta(stored: string): PageMeta | undefined {
  try {
    const meta = JSON.parse(stored) as Partial<PageMeta> | null;
    if (!meta || typeof meta !== 'object' || typeof meta.digest !== 'string' || typeof meta.mdxHash !== 'string')
      return undefined;
    if (typeof meta.htmlHash !== 'string' || !meta.frontmatter || typeof meta.frontmatter !== 'object') return undefined;
    return meta as PageMeta;
  } catch {
    return undefined;
  }
}
