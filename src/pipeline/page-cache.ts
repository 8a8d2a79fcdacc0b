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
 */
import type { ParsedPlan } from '../model.ts';
import { contentKey, type StageCache } from './cache.ts';
import { emitPlanPage, type EmitMention, type PlanFrontmatter } from './emit/mdx.ts';
import { fileHash } from './write-generated.ts';

/** Version of the cached page layout; bump when it changes shape. */
const PAGE_FORMAT = '1';

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

/**
 * Emit a plan page, or take it from the cache.
 *
 * @param plan The parsed plan.
 * @param id Its node id.
 * @param mentions Its mentions with their targets.
 * @param planKey Key of the plan's analysis (covers the plan and the code version).
 * @param cache Stage cache, if any.
 * @returns The page.
 */
export function emitPageCached(
  plan: ParsedPlan,
  id: string,
  mentions: readonly EmitMention[],
  planKey: string,
  cache: StageCache | undefined,
): PageFiles {
  const key = cache ? contentKey(PAGE_FORMAT, planKey, id, JSON.stringify(mentions)) : '';
  const stored = cache?.get('page', key);
  const cached = stored === undefined ? undefined : parseMeta(stored);
  if (cache && cached !== undefined) {
    cache.keep?.('page-mdx', key);
    cache.keep?.('page-html', key);
    // The bodies are separate entries: a missing one (a cache pruned by hand) is emitted again.
    const body = (kind: 'page-mdx' | 'page-html'): string =>
      cache.get(kind, key) ?? emitted()[kind === 'page-mdx' ? 'mdx' : 'html'];
    let page: { mdx: string; html: string } | undefined;
    const emitted = (): { mdx: string; html: string } => (page ??= emitPlanPage(plan, id, mentions));
    return { ...cached, mdx: () => body('page-mdx'), html: () => body('page-html') };
  }
  const page = emitPlanPage(plan, id, mentions);
  const mdxHash = fileHash(page.mdx);
  const meta: PageMeta = {
    frontmatter: page.frontmatter,
    // The same hash as the file's (`fileHash` is `contentKey`): a 30 KB page is hashed once.
    digest: mdxHash.slice(0, 32),
    mdxHash,
    htmlHash: fileHash(page.html),
  };
  if (cache) {
    cache.set('page-mdx', key, page.mdx);
    cache.set('page-html', key, page.html);
    // Last, so a page entry is never there without its bodies unless they were removed later.
    cache.set('page', key, JSON.stringify(meta));
  }
  return { ...meta, mdx: () => page.mdx, html: () => page.html };
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
    if (!meta || typeof meta !== 'object' || typeof meta.digest !== 'string' || typeof meta.mdxHash !== 'string') return undefined;
    if (typeof meta.htmlHash !== 'string' || !meta.frontmatter || typeof meta.frontmatter !== 'object') return undefined;
    return meta as PageMeta;
  } catch {
    return undefined;
  }
}
