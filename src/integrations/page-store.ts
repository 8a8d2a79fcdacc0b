/**
 * Astro integration: reuse the document pages of the previous build whose inputs did not
 * change, so editing one plan of a thousand re-renders a few dozen pages, not two thousand.
 *
 * Astro has no incremental build. What it has is `getStaticPaths`: a page left out of it is
 * not rendered. So:
 * 1. At `astro:build:start` this integration reads the store's manifest (route → fingerprint
 *    of the page's inputs) and hashes the site's code (`src/`, `public/`, the config, the
 *    lock file) and base path.
 * 2. `getStaticPaths` of /van-ban/[id]/ asks `reusePage(route, inputs, quick)` for each page: the
 *    fingerprint is a hash of the code and of the page's inputs (its node, its plan entry and
 *    the version key of its body, its `DocumentView`); when the store holds a page with that
 *    fingerprint, the path is left out and the stored page is used. The quick key (graph.json's
 *    hash and the plan entry's digest) is tried first: when it is the stored page's, the inputs
 *    are never computed (every `DocumentView` is a function of the graph).
 *    Whole-corpus pages that depend on the graph alone (/trien-khai/…, the paged tables) ask
 *    `storedGroup(group, key, paths, route)`: when the key (graph.json's hash) is the one the
 *    previous build stored with the group, every page of it is reused and no path is computed.
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

const MANIFEST_VERSION = 3;

/** The store's manifest: the fingerprint of every stored page. */
interface StoreManifest {
  version: typeof MANIFEST_VERSION;
  /** Route ("van-ban/<id>/") → fingerprint. */
  pages: Record<string, string>;
  /** Route → SHA-256 of the stored file, to tell a whole file from a damaged one. */
  sha256: Record<string, string>;
  /** Route → quick fingerprint, for the pages that have one. */
  quick: Record<string, string>;
  /** Group → fingerprint of its key and its routes. */
  groups: Record<string, StoredGroup>;
}

/** The pages of a group, all made from one key. */
interface StoredGroup {
  fingerprint: string;
  routes: string[];
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
  previousQuick: Record<string, string>;
  previousGroups: Record<string, StoredGroup>;
  /** Every stored page of this build, rendered or reused: route → fingerprint. */
  current: Map<string, string>;
  currentQuick: Map<string, string>;
  currentGroups: Map<string, StoredGroup>;
  reused: Set<string>;
}

/**
 * Both sides run in the one `astro build` process but load this module separately (the
 * config through Vite, the pages from the built bundle), so the state is a process global.
 */
const STATE_KEY = Symbol.for('van-ban-graph/page-store');
type WithState = typeof globalThis & { [STATE_KEY]?: BuildState };

/**
 * The hash of the site's code and base path this build's pages are fingerprinted with, for
 * other stores of the build (`bulk-files.ts`); undefined outside a build or with reuse off.
 *
 * @returns Hash, or undefined.
 */
export function siteCode(): string | undefined {
  return (globalThis as WithState)[STATE_KEY]?.code;
}

/**
 * Hash of the site's code and a page's key.
 *
 * @param state The build's state.
 * @param text Key or inputs, as text.
 * @returns Hex digest.
 */
function fingerprintOf(state: BuildState, text: string): string {
  return createHash('sha256').update(state.code).update('\0').update(text).digest('hex');
}

/**
 * Whether a page can be taken from the store instead of being rendered; records its
 * fingerprint either way. Outside a build with the integration (`astro dev`), always false.
 *
 * @param route Page route without base, ending in "/" ("van-ban/ke-hoach-1/").
 * @param inputs Everything the page renders from besides the site's code, as JSON data, or a
 *   function computing it (called only when the quick key does not match).
 * @param quick A key that, with the site's code, fixes `inputs` (no two different inputs
 *   share it), cheaper to make than the inputs; tried first when given.
 * @returns True when the stored page is current.
 */
export function reusePage(route: string, inputs: unknown, quick?: string): boolean {
  const state = (globalThis as WithState)[STATE_KEY];
  if (!state) return false;
  const stored = existsSync(storedFile(state.storeDir, route));
  if (quick !== undefined) {
    const quickFingerprint = fingerprintOf(state, quick);
    state.currentQuick.set(route, quickFingerprint);
    const previous = state.previous[route];
    if (stored && previous !== undefined && state.previousQuick[route] === quickFingerprint) {
      state.current.set(route, previous);
      state.reused.add(route);
      return true;
    }
  }
  const fingerprint = fingerprintOf(state, JSON.stringify(typeof inputs === 'function' ? (inputs as () => unknown)() : inputs));
  state.current.set(route, fingerprint);
  if (state.previous[route] !== fingerprint || !stored) return false;
  state.reused.add(route);
  return true;
}

/**
 * The paths of a group of pages that all depend on one key alone (besides the site's code):
 * none when the previous build stored the group with this key and every page of it is
 * whole (they are all reused), else every path (they are all rendered and stored). Outside a
 * build with the integration, every path.
 *
 * @param group Name of the group ("trien-khai").
 * @param key Everything the group's pages depend on, as text (graph.json's hash…).
 * @param paths The `getStaticPaths` result, computed only when the group is not reused.
 * @param route The route of a path, without base, ending in "/".
 * @returns The paths to render.
 */
export function storedGroup<T>(group: string, key: string, paths: () => T[], route: (path: T) => string): T[] {
  const state = (globalThis as WithState)[STATE_KEY];
  if (!state) return paths();
  const fingerprint = fingerprintOf(state, `${group}\0${key}`);
  const previous = state.previousGroups[group];
  if (
    previous?.fingerprint === fingerprint &&
    previous.routes.every((stored) => state.previous[stored] === fingerprint && existsSync(storedFile(state.storeDir, stored)))
  ) {
    for (const stored of previous.routes) {
      state.current.set(stored, fingerprint);
      state.reused.add(stored);
    }
    state.currentGroups.set(group, previous);
    return [];
  }
  const all = paths();
  const routes = all.map(route);
  for (const rendered of routes) state.current.set(rendered, fingerprint);
  state.currentGroups.set(group, { fingerprint, routes: [...routes].sort() });
  return all;
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
        const { pages, sha256, quick, groups, damaged } = await readManifest(storeDir);
        for (const file of damaged) logger.warn(`Trang lưu sẵn bị hỏng, sẽ dựng lại: ${file}`);
        (globalThis as WithState)[STATE_KEY] = {
          code: `${codeVersion(root, SITE_CODE)}\n${base}`,
          storeDir,
          previous: pages,
          previousSha256: sha256,
          previousQuick: quick,
          previousGroups: groups,
          current: new Map(),
          currentQuick: new Map(),
          currentGroups: new Map(),
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
          quick: Object.fromEntries(
            sorted.flatMap((route) => (state.currentQuick.has(route) ? [[route, state.currentQuick.get(route)!]] : [])),
          ),
          groups: Object.fromEntries(
            [...state.currentGroups.keys()].sort().map((group) => [group, state.currentGroups.get(group)!]),
          ),
        };
        await writeFileAtomic(manifest, JSON.stringify(record));
        logger.info(`Dùng lại ${state.reused.size} trang không đổi, dựng ${state.current.size - state.reused.size} trang.`);
      },
    },
  };
}

/** What `readManifest` gives back. */
interface ReadManifest {
  /** Route → fingerprint, for the whole stored pages. */
  pages: Record<string, string>;
  /** Route → SHA-256 of the whole stored pages. */
  sha256: Record<string, string>;
  /** Route → quick fingerprint, for the whole stored pages that have one. */
  quick: Record<string, string>;
  /** The stored groups. */
  groups: Record<string, StoredGroup>;
  /** Paths of the damaged files. */
  damaged: string[];
}

/**
 * The stored pages' fingerprints, or none when there is no usable manifest. A page whose file
 * is missing or no longer has the recorded SHA-256 is left out (it is rendered again, and so
 * is its whole group).
 *
 * @param storeDir Store folder.
 * @returns The stored pages and groups, and the damaged files' paths.
 */
export async function readManifest(storeDir: string): Promise<ReadManifest> {
  const none = (): ReadManifest => ({ pages: {}, sha256: {}, quick: {}, groups: {}, damaged: [] });
  let manifest: Partial<StoreManifest>;
  try {
    manifest = JSON.parse(await readFile(path.join(storeDir, 'manifest.json'), 'utf8')) as Partial<StoreManifest>;
  } catch {
    return none();
  }
  if (
    manifest.version !== MANIFEST_VERSION ||
    typeof manifest.pages !== 'object' ||
    typeof manifest.sha256 !== 'object' ||
    typeof manifest.quick !== 'object' ||
    typeof manifest.groups !== 'object'
  ) {
    return none();
  }
  const recorded = manifest.sha256 ?? {};
  const read = none();
  await forEachLimited(Object.keys(manifest.pages ?? {}).sort(), 16, async (route) => {
    const file = storedFile(storeDir, route);
    const bytes = await readFile(file).catch(() => null);
    if (bytes === null) return;
    if (createHash('sha256').update(bytes).digest('hex') === recorded[route]) {
      read.pages[route] = manifest.pages![route]!;
      read.sha256[route] = recorded[route]!;
      const quick = manifest.quick?.[route];
      if (typeof quick === 'string') read.quick[route] = quick;
    } else read.damaged.push(path.relative(process.cwd(), file) || file);
  });
  for (const [group, stored] of Object.entries(manifest.groups ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof stored?.fingerprint === 'string' && Array.isArray(stored.routes)) read.groups[group] = stored;
  }
  read.damaged.sort();
  return read;
}
