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
 *    A page may name one section of itself (`section`: its exact HTML, made outside Astro)
 *    that the inputs then leave out. When only that section changed, the page is not rendered
 *    either: the stored page is taken with the new section put in place of the old (`patched`).
 *    Adding one plan moves the scores of nearly every plan's "Văn bản liên quan" (each shared
 *    document weighs by how many plans cite it), and nothing else on those pages: at 1,000
 *    plans it made a thousand pages render again for a few changed numbers each.
 *    Whole-corpus pages that depend on the graph alone (/trien-khai/…, the paged tables) ask
 *    `storedGroup(group, key, paths, route)`: when the key (graph.json's hash) is the one the
 *    previous build stored with the group, every page of it is reused and no path is computed.
 * 3. At `astro:build:done` (before Pagefind, which must see every page) reused pages are
 *    copied from the store into the output, newly rendered ones into the store, and the
 *    manifest is written last — so a build that dies half-way leaves no manifest, and the
 *    next build renders everything.
 *
 * The store itself is `file-store.ts`'s (one entry per page, named by its file, one group per
 * group of pages): every stored page is checked against the SHA-256 the manifest recorded for
 * it before it may be reused (a missing, truncated or altered file — a full disk, a hand edit —
 * is rendered again, with one warning naming it), writes into it are atomic, pages no longer
 * built are pruned, and the manifest is written last.
 *
 * The output folder itself is emptied by Astro as usual: nothing stale can survive in it.
 * The store lives in Astro's cache folder (`VBG_CACHE_DIR` or node_modules/.astro).
 * `VBG_PAGE_REUSE=off` turns reuse off.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { codeVersion } from '../pipeline/cache.ts';
import { forEachLimited } from '../pipeline/for-each-limited.ts';
import { openStore, type FileStore, type StoredSection } from './file-store.ts';

/**
 * What decides every page's output besides its own inputs. The authored notes count as code:
 * they are few, edited rarely, and a note's links depend on the whole graph.
 */
const SITE_CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'content/notes'];

/** A page of this build: the fingerprint of its inputs, and its quick fingerprint if any. */
interface PageKeys {
  key: string;
  quick?: string;
  /** Its replaceable section's HTML, when computed (rendered and patched pages). */
  section?: string;
}

/** State of one build, shared by the integration's hooks and the pages' `getStaticPaths`. */
interface BuildState {
  /** Hash of the site's code and base path. */
  code: string;
  /** The store, its pages checked. */
  store: FileStore;
  /** Every stored page of this build, rendered or reused: route → its keys. */
  current: Map<string, PageKeys>;
  /** Group → fingerprint of its key, and its pages' entry names. */
  currentGroups: Map<string, { key: string; names: string[] }>;
  reused: Set<string>;
  /** Routes taken from the store with a new section (their `section` in `current`). */
  patched: Set<string>;
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
 * @param inputs Everything the page renders from besides the site's code (and its `section`),
 *   as JSON data, or a function computing it (called only when the quick key does not match).
 * @param quick A key that, with the site's code, fixes `inputs` and the section (no two
 *   different pages share it), cheaper to make than the inputs; tried first when given.
 * @param section The HTML of the page's replaceable section, exactly as the page contains it
 *   (made by a function the page calls too), when it has one; called only when the quick key
 *   does not match. When the inputs are the stored page's and only this changed, the stored
 *   page is reused with the new section put in place of the old.
 * @returns True when the page is not to be rendered (the stored page is current, or patched).
 */
export function reusePage(route: string, inputs: unknown, quick?: string, section?: () => string): boolean {
  const state = (globalThis as WithState)[STATE_KEY];
  if (!state) return false;
  const name = pageName(route);
  const previous = state.store.entry(name);
  const quickFingerprint = quick === undefined ? undefined : fingerprintOf(state, quick);
  if (quickFingerprint !== undefined && previous !== undefined && previous.quick === quickFingerprint) {
    state.current.set(route, { key: previous.key, quick: quickFingerprint });
    state.reused.add(route);
    return true;
  }
  const fingerprint = fingerprintOf(state, JSON.stringify(typeof inputs === 'function' ? (inputs as () => unknown)() : inputs));
  const keys: PageKeys = quickFingerprint === undefined ? { key: fingerprint } : { key: fingerprint, quick: quickFingerprint };
  if (section) keys.section = section();
  state.current.set(route, keys);
  if (previous?.key !== fingerprint) return false;
  if (keys.section === undefined || previous.section?.sha256 === sha256Of(keys.section)) {
    state.reused.add(route);
    return true;
  }
  if (!sectionInPlace(state.store.fileOf(name), previous.section)) return false;
  state.patched.add(route);
  return true;
}

/**
 * SHA-256 of a text's UTF-8 bytes.
 *
 * @param text Text.
 * @returns Hex digest.
 */
function sha256Of(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Whether a stored page holds its recorded section where the record says (the page was
 * checked whole at the start; this guards the offsets themselves). Reads the section only.
 *
 * @param file The stored page.
 * @param section Its section's record.
 * @returns True when the section can be replaced in place.
 */
function sectionInPlace(file: string, section: StoredSection | undefined): section is Required<StoredSection> {
  if (section?.at === undefined || section.length === undefined) return false;
  const bytes = Buffer.alloc(section.length);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, bytes, 0, section.length, section.at) !== section.length) return false;
  } finally {
    closeSync(fd);
  }
  return sha256Of(bytes) === section.sha256;
}

/**
 * The record of a page's section: its digest, and where it is when it is in the page exactly
 * once (else it cannot be replaced in place, and a change of it renders the page again).
 *
 * @param page The page's bytes.
 * @param html The section's HTML.
 * @returns The record.
 */
function sectionRecord(page: Buffer, html: string): StoredSection {
  const bytes = Buffer.from(html, 'utf8');
  const sha256 = sha256Of(bytes);
  const at = bytes.length === 0 ? -1 : page.indexOf(bytes);
  if (at < 0 || page.indexOf(bytes, at + 1) >= 0) return { sha256 };
  return { sha256, at, length: bytes.length };
}

/**
 * A stored page with its section replaced.
 *
 * @param page The stored page's bytes.
 * @param old Its section's record (in place: `sectionInPlace`).
 * @param html The new section's HTML.
 * @returns The new page's bytes.
 */
function withSection(page: Buffer, old: Required<StoredSection>, html: string): Buffer {
  const before = page.subarray(0, old.at);
  const after = page.subarray(old.at + old.length);
  if (sha256Of(page.subarray(old.at, old.at + old.length)) !== old.sha256) {
    // Checked whole at the start and in getStaticPaths: only a write from outside the build gets here.
    throw new Error(`Trang lưu sẵn đã bị thay đổi trong khi dựng, hãy dựng lại.`);
  }
  return Buffer.concat([before, Buffer.from(html, 'utf8'), after]);
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
  const names = state.store.currentGroup(group, fingerprint);
  if (names) {
    for (const name of names) {
      const stored = routeOf(name);
      state.current.set(stored, { key: fingerprint });
      state.reused.add(stored);
    }
    state.currentGroups.set(group, { key: fingerprint, names });
    return [];
  }
  const all = paths();
  const routes = all.map(route);
  for (const rendered of routes) state.current.set(rendered, { key: fingerprint });
  state.currentGroups.set(group, { key: fingerprint, names: routes.map(pageName) });
  return all;
}

/**
 * The store's entry name of a route's page (`build.format: 'directory'`).
 *
 * @param route Route ending in "/" ("van-ban/x/", "" for the home page).
 * @returns "van-ban/x/index.html".
 */
function pageName(route: string): string {
  return `${route}index.html`;
}

/**
 * The route of a store entry.
 *
 * @param name Entry name (`pageName`).
 * @returns Route ending in "/".
 */
function routeOf(name: string): string {
  return name.slice(0, -'index.html'.length);
}

/**
 * The HTML file of a route under a folder (`build.format: 'directory'`).
 *
 * @param dir Folder.
 * @param route Route ending in "/".
 * @returns File path.
 */
function pageFile(dir: string, route: string): string {
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
        const store = await openStore(path.join(cacheDir, 'van-ban-pages'));
        // Every stored page is checked now: the pages' getStaticPaths ask synchronously.
        for (const file of await store.check()) logger.warn(`Trang lưu sẵn bị hỏng, sẽ dựng lại: ${file}`);
        (globalThis as WithState)[STATE_KEY] = {
          code: `${codeVersion(root, SITE_CODE)}\n${base}`,
          store,
          current: new Map(),
          currentGroups: new Map(),
          reused: new Set(),
          patched: new Set(),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = (globalThis as WithState)[STATE_KEY];
        delete (globalThis as WithState)[STATE_KEY];
        if (!state) return;
        const outDir = fileURLToPath(dir);
        const { store } = state;
        // Sixteen at a time: one after another, each small file waited on the disk (2–3 s of
        // every build at a thousand plans). A reused page is a hard link to the stored one
        // (checked whole at the start; nothing writes into a built page, and the next build
        // checks it again), so a one-plan rebuild writes one page, not a thousand; a rendered
        // page is copied into the store.
        await forEachLimited([...state.current.keys()].sort(), 16, async (route) => {
          const name = pageName(route);
          const built = pageFile(outDir, route);
          const { key, quick, section } = state.current.get(route)!;
          if (state.reused.has(route)) {
            store.keep(name, quick);
            await mkdir(path.dirname(built), { recursive: true });
            await store.linkOut(name, built);
          } else if (state.patched.has(route)) {
            // The stored page with its new section: stored first, then linked out like a reused page.
            const old = store.entry(name)!.section as Required<StoredSection>;
            const page = withSection(await readFile(store.fileOf(name)), old, section!);
            await store.put(name, page, key, quick, sectionRecord(page, section!));
            await mkdir(path.dirname(built), { recursive: true });
            await store.linkOut(name, built);
          } else {
            const page = await readFile(built);
            await store.put(
              name,
              page,
              key,
              quick,
              section === undefined ? undefined : sectionRecord(page, section),
              // The stored file is the page in the output itself, as a reused page is: the next
              // build links the same inode out again, so the search index's digest pass, which
              // knows a page by its file's identity, need not read it again. Without this the
              // first rebuild after a clean build re-read and re-hashed every page.
              built,
            );
          }
        });
        for (const group of [...state.currentGroups.keys()].sort()) {
          const { key, names } = state.currentGroups.get(group)!;
          store.setGroup(group, key, names);
        }
        await store.commit();
        const rendered = state.current.size - state.reused.size - state.patched.size;
        logger.info(
          `Dùng lại ${state.reused.size} trang không đổi, dựng ${rendered} trang, thay một phần của ${state.patched.size} trang.`,
        );
      },
    },
  };
}
