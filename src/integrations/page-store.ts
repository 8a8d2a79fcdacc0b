/**
 * Astro integration: reuse the document pages of the previous build whose inputs did not
 * change, so editing one plan of a thousand re-renders a few dozen pages, not two thousand.
 *
 * Astro has no incremental build. What it has is `getStaticPaths`: a page left out of it is
 * not rendered. So:
 * 1. At `astro:build:start` this integration reads the store's manifest (route → fingerprint
 *    of the page's inputs) and hashes the site's code (`src/`, `public/`, the config, the
 *    lock file) and base path.
 * 2. `getStaticPaths` of /van-ban/[id]/ asks `reusePage(route, inputs)` for each page: the
 *    fingerprint is a hash of the code and of the page's inputs (its node, its plan entry and
 *    body, its `DocumentView`); when the store holds a page with that fingerprint, the path
 *    is left out and the stored page is used.
 * 3. At `astro:build:done` (before Pagefind, which must see every page) reused pages are
 *    copied from the store into the output, newly rendered ones into the store, and the
 *    manifest is written last — so a build that dies half-way leaves no manifest, and the
 *    next build renders everything.
 *
 * Every stored page is checked against the SHA-256 the manifest recorded for it before it
 * may be reused: a truncated or altered file (a full disk, a hand edit) is rendered again,
 * with one warning naming it. Writes into the store are atomic (temporary file + rename).
 *
 * The output folder itself is emptied by Astro as usual: nothing stale can survive in it.
 * The store lives in Astro's cache folder (`VBG_CACHE_DIR` or node_modules/.astro).
 * `VBG_PAGE_REUSE=off` turns reuse off.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { removeStaleTemporaries, writeFileAtomic } from '../fs/atomic-write.ts';
import { codeVersion } from '../pipeline/cache.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';

/**
 * What decides every page's output besides its own inputs. The authored notes count as code:
 * they are few, edited rarely, and a note's links depend on the whole graph.
 */
const SITE_CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'content/notes'];

const MANIFEST_VERSION = 2;

/** The store's manifest: the fingerprint of every stored page. */
interface StoreManifest {
  version: typeof MANIFEST_VERSION;
  /** Route ("van-ban/<id>/") → fingerprint. */
  pages: Record<string, string>;
  /** Route → SHA-256 of the stored file, to tell a whole file from a damaged one. */
  sha256: Record<string, string>;
}

/** State of one build, shared by the integration's hooks and the pages' `getStaticPaths`. */
interface BuildState {
  /** Hash of the site's code and base path. */
  code: string;
  storeDir: string;
  /** The previous build's pages, or none. */
  previous: Record<string, string>;
  /** SHA-256 of the previous build's whole stored pages (checked at the start). */
  previousSha256: Record<string, string>;
  /** Every document page of this build, rendered or reused: route → fingerprint. */
  current: Map<string, string>;
  reused: Set<string>;
}

/**
 * Both sides run in the one `astro build` process but load this module separately (the
 * config through Vite, the pages from the built bundle), so the state is a process global.
 */
const STATE_KEY = Symbol.for('van-ban-graph/page-store');
type WithState = typeof globalThis & { [STATE_KEY]?: BuildState };

/**
 * Whether a page can be taken from the store instead of being rendered; records its
 * fingerprint either way. Outside a build with the integration (`astro dev`), always false.
 *
 * @param route Page route without base, ending in "/" ("van-ban/ke-hoach-1/").
 * @param inputs Everything the page renders from besides the site's code, as JSON data.
 * @returns True when the stored page is current.
 */
export function reusePage(route: string, inputs: unknown): boolean {
  const state = (globalThis as WithState)[STATE_KEY];
  if (!state) return false;
  const fingerprint = createHash('sha256').update(state.code).update('\0').update(JSON.stringify(inputs)).digest('hex');
  state.current.set(route, fingerprint);
  if (state.previous[route] !== fingerprint || !existsSync(storedFile(state.storeDir, route))) return false;
  state.reused.add(route);
  return true;
}

/**
 * The HTML file of a route under a folder (`build.format: 'directory'`).
 *
 * @param dir Folder.
 * @param route Route ending in "/".
 * @returns File path.
 */
function storedFile(dir: string, route: string): string {
  return path.join(dir, ...route.split('/').filter(Boolean), 'index.html');
}

/**
 * The integration. Add it before the Pagefind integration.
 *
 * @returns Astro integration.
 */
export default function pageStore(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let base = '/';
  return {
    name: 'van-ban-page-store',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
      },
      'astro:build:start': async ({ logger }) => {
        if (process.env['VBG_PAGE_REUSE'] === 'off') return;
        const storeDir = path.join(cacheDir, 'van-ban-pages');
        // Half-copied pages of a build that was killed.
        removeStaleTemporaries(storeDir);
        const { pages, sha256, damaged } = await readManifest(storeDir);
        for (const file of damaged) logger.warn(`Trang lưu sẵn bị hỏng, sẽ dựng lại: ${file}`);
        (globalThis as WithState)[STATE_KEY] = {
          code: `${codeVersion(root, SITE_CODE)}\n${base}`,
          storeDir,
          previous: pages,
          previousSha256: sha256,
          current: new Map(),
          reused: new Set(),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = (globalThis as WithState)[STATE_KEY];
        delete (globalThis as WithState)[STATE_KEY];
        if (!state) return;
        const outDir = fileURLToPath(dir);
        const manifest = path.join(state.storeDir, 'manifest.json');
        await rm(manifest, { force: true });
        for (const route of Object.keys(state.previous)) {
          if (!state.current.has(route))
            await rm(path.dirname(storedFile(state.storeDir, route)), { recursive: true, force: true });
        }
        // Sixteen at a time: one after another, each small file waited on the disk (2–3 s of
        // every build at a thousand plans). A reused page is a hard link to the stored one
        // (checked whole at the start; nothing writes into a built page, and the next build
        // checks it again), so a one-plan rebuild writes one page, not a thousand; a rendered
        // page is copied into the store.
        const sha256 = new Map<string, string>();
        await forEachLimited([...state.current.keys()].sort(), 16, async (route) => {
          const stored = storedFile(state.storeDir, route);
          const built = storedFile(outDir, route);
          const recorded = state.previousSha256[route];
          if (state.reused.has(route) && recorded) {
            await mkdir(path.dirname(built), { recursive: true });
            const linked = await link(stored, built).then(
              () => true,
              () => false,
            );
            if (linked) {
              sha256.set(route, recorded);
              return;
            }
          }
          const [from, to] = state.reused.has(route) ? [stored, built] : [built, stored];
          const bytes = await readFile(from);
          sha256.set(route, createHash('sha256').update(bytes).digest('hex'));
          await mkdir(path.dirname(to), { recursive: true });
          await writeFileAtomic(to, bytes);
        });
        const sorted = [...state.current.keys()].sort();
        const record: StoreManifest = {
          version: MANIFEST_VERSION,
          pages: Object.fromEntries(sorted.map((route) => [route, state.current.get(route)!])),
          sha256: Object.fromEntries(sorted.map((route) => [route, sha256.get(route)!])),
        };
        await writeFileAtomic(manifest, JSON.stringify(record));
        logger.info(
          `Dùng lại ${state.reused.size} trang văn bản không đổi, dựng ${state.current.size - state.reused.size} trang.`,
        );
      },
    },
  };
}

/**
 * The stored pages' fingerprints, or none when there is no usable manifest. A page whose file
 * is missing or no longer has the recorded SHA-256 is left out (it is rendered again).
 *
 * @param storeDir Store folder.
 * @returns Route → fingerprint and SHA-256 of the whole stored pages, and the damaged files' paths.
 */
export async function readManifest(
  storeDir: string,
): Promise<{ pages: Record<string, string>; sha256: Record<string, string>; damaged: string[] }> {
  let manifest: Partial<StoreManifest>;
  try {
    manifest = JSON.parse(await readFile(path.join(storeDir, 'manifest.json'), 'utf8')) as Partial<StoreManifest>;
  } catch {
    return { pages: {}, sha256: {}, damaged: [] };
  }
  if (manifest.version !== MANIFEST_VERSION || typeof manifest.pages !== 'object' || typeof manifest.sha256 !== 'object') {
    return { pages: {}, sha256: {}, damaged: [] };
  }
  const recorded = manifest.sha256 ?? {};
  const pages: Record<string, string> = {};
  const sha256: Record<string, string> = {};
  const damaged: string[] = [];
  await forEachLimited(Object.keys(manifest.pages ?? {}).sort(), 16, async (route) => {
    const file = storedFile(storeDir, route);
    const bytes = await readFile(file).catch(() => null);
    if (bytes === null) return;
    if (createHash('sha256').update(bytes).digest('hex') === recorded[route]) {
      pages[route] = manifest.pages![route]!;
      sha256[route] = recorded[route]!;
    } else damaged.push(path.relative(process.cwd(), file) || file);
  });
  damaged.sort();
  return { pages, sha256, damaged };
}
