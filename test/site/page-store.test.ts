/**
 * The page store (src/integrations/page-store.ts) across builds, driven through its hooks as
 * `astro build` calls them: a page whose quick key is the stored one is reused without its
 * inputs being computed; a changed quick key falls back to the inputs; a group of pages made
 * from one key (/trien-khai/…) is reused whole, or rendered whole when the key changed or one
 * of its stored pages was damaged; a page whose inputs are the stored page's but whose
 * replaceable section changed is the stored page with the new section in place.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import pageStore, { reusePage, storedGroup } from '../../src/integrations/page-store.ts';

const root = mkdtempSync(path.join(tmpdir(), 'vbg-page-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The messages a build logged. */
const logged: string[] = [];
const logger = { info: (text: string) => logged.push(text), warn: (text: string) => logged.push(`warn: ${text}`) };

/** What one build's pages did. */
interface Build {
  /** Routes rendered (written into the output by "Astro"). */
  rendered: string[];
  /** Output folder. */
  out: string;
}

let builds = 0;

/**
 * Run one build: the hooks in Astro's order, `pages` standing for the routes' getStaticPaths.
 * Every route a call leaves to render is written into the output, as Astro would.
 *
 * @param pages The pages' getStaticPaths, returning the routes to render.
 * @param render What "Astro" renders for a route.
 * @returns What was rendered, and where.
 */
async function build(pages: () => string[], render = (route: string) => `<p>${route} of build ${builds}</p>`): Promise<Build> {
  builds += 1;
  const out = path.join(root, `out-${builds}`);
  const hooks = pageStore().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(path.join(root, 'cache/')), base: '/' };
  await hooks['astro:config:done']!({ config });
  await hooks['astro:build:start']!({ logger });
  const rendered = pages();
  for (const route of rendered) {
    mkdirSync(path.join(out, route), { recursive: true });
    writeFileSync(path.join(out, route, 'index.html'), render(route));
  }
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger });
  return { rendered, out };
}

/** The group's routes, as its getStaticPaths would make them. */
const coverageRoutes = (): string[] => ['trien-khai/', 'trien-khai/cap/tinh/', 'trien-khai/trang/2/'];

/**
 * The pages of one build: one document page with a quick key and inputs, one group.
 *
 * @param quick The document page's quick key.
 * @param inputs Its inputs (counted when computed).
 * @param groupKey The group's key.
 * @param computed Receives what was computed.
 * @returns getStaticPaths stand-in.
 */
function site(quick: string, inputs: unknown, groupKey: string, computed: string[]): () => string[] {
  return () => {
    const routes: string[] = [];
    const reused = reusePage(
      'van-ban/ke-hoach-1/',
      () => {
        computed.push('inputs');
        return inputs;
      },
      quick,
    );
    if (!reused) routes.push('van-ban/ke-hoach-1/');
    const group = storedGroup(
      'trien-khai',
      groupKey,
      () => {
        computed.push('group');
        return coverageRoutes();
      },
      (route) => route,
    );
    return [...routes, ...group];
  };
}

describe('page store', () => {
  it('reuses by quick key without computing inputs, then by inputs, and groups whole', async () => {
    const computed: string[] = [];
    const first = await build(site('graph-1 digest-1', { view: 1 }, 'graph-1', computed));
    expect(first.rendered).toEqual(['van-ban/ke-hoach-1/', ...coverageRoutes()]);
    expect(computed).toEqual(['inputs', 'group']);

    // Nothing changed: nothing rendered, nothing computed, every page in the output.
    computed.length = 0;
    const second = await build(site('graph-1 digest-1', { view: 1 }, 'graph-1', computed));
    expect(second.rendered).toEqual([]);
    expect(computed).toEqual([]);
    for (const route of ['van-ban/ke-hoach-1/', ...coverageRoutes()]) {
      expect(readFileSync(path.join(second.out, route, 'index.html'), 'utf8')).toBe(`<p>${route} of build 1</p>`);
    }
    // A reused page is a hard link to the stored one.
    expect(statSync(path.join(second.out, 'trien-khai', 'index.html')).nlink).toBeGreaterThan(1);
    // And so is a page just rendered, once stored: the next build's output holds the same
    // file (inode), so what knows a page by its file's identity (the search index's digests)
    // need not read it again after a clean build.
    for (const route of ['van-ban/ke-hoach-1/', ...coverageRoutes()]) {
      expect(statSync(path.join(first.out, route, 'index.html')).ino).toBe(
        statSync(path.join(second.out, route, 'index.html')).ino,
      );
    }

    // Another graph, same inputs for the document page: its inputs decide (reused); the group is
    // rendered again.
    computed.length = 0;
    const third = await build(site('graph-2 digest-1', { view: 1 }, 'graph-2', computed));
    expect(third.rendered).toEqual(coverageRoutes());
    expect(computed).toEqual(['inputs', 'group']);

    // The quick key recorded by the third build is the one used next.
    computed.length = 0;
    const fourth = await build(site('graph-2 digest-1', { view: 1 }, 'graph-2', computed));
    expect(fourth.rendered).toEqual([]);
    expect(computed).toEqual([]);

    // Other inputs under a new quick key: rendered.
    computed.length = 0;
    const fifth = await build(site('graph-3 digest-2', { view: 2 }, 'graph-2', computed));
    expect(fifth.rendered).toEqual(['van-ban/ke-hoach-1/']);
    expect(computed).toEqual(['inputs']);
    expect(readFileSync(path.join(fifth.out, 'trien-khai', 'cap', 'tinh', 'index.html'), 'utf8')).toBe(
      '<p>trien-khai/cap/tinh/ of build 3</p>',
    );
  });

  it('renders a whole group again when one of its stored pages is damaged', async () => {
    const store = path.join(root, 'cache', 'van-ban-pages');
    writeFileSync(path.join(store, 'trien-khai', 'trang', '2', 'index.html'), '<p>cut');
    logged.length = 0;
    const computed: string[] = [];
    const again = await build(site('graph-3 digest-2', { view: 2 }, 'graph-2', computed));
    expect(again.rendered).toEqual(coverageRoutes());
    expect(logged.some((line) => line.startsWith('warn: ') && line.includes(path.join('trien-khai', 'trang', '2')))).toBe(true);
    expect(readFileSync(path.join(again.out, 'trien-khai', 'trang', '2', 'index.html'), 'utf8')).toContain(`of build ${builds}`);
  });

  it('puts a changed section in place of the old when the rest of the page is unchanged', async () => {
    const route = 'van-ban/ke-hoach-2/';
    const file = (out: string): string => readFileSync(path.join(out, route, 'index.html'), 'utf8');
    /** One build of a page whose section is `section` and whose other inputs are `inputs`. */
    const sectioned = (quick: string, inputs: unknown, section: string, page = (s: string) => `<main>đầu ${s} cuối</main>`) => {
      const made: string[] = [];
      const pages = (): string[] => (reusePage(route, inputs, quick, () => (made.push(section), section)) ? [] : [route]);
      return { run: () => build(pages, () => page(section)), made };
    };
    const first = await sectioned('g1', { view: 1 }, '<section>điểm 1.5</section>').run();
    expect(first.rendered).toEqual([route]);

    // Another graph, same inputs, a new section (longer, and not ASCII): not rendered, the stored
    // page with the section replaced.
    const second = sectioned('g2', { view: 1 }, '<section>điểm 12.345 — mới</section>');
    expect((await second.run()).rendered).toEqual([]);
    expect(second.made).toHaveLength(1);
    expect(file(path.join(root, `out-${builds}`))).toBe('<main>đầu <section>điểm 12.345 — mới</section> cuối</main>');
    // The patched page is what the store holds now, under the new quick key, and its section
    // can be replaced again (shorter this time).
    const third = sectioned('g2', { view: 1 }, 'unused');
    expect((await third.run()).rendered).toEqual([]);
    expect(third.made).toEqual([]);
    expect(file(path.join(root, `out-${builds}`))).toBe('<main>đầu <section>điểm 12.345 — mới</section> cuối</main>');
    expect((await sectioned('g3', { view: 1 }, '<section>2</section>').run()).rendered).toEqual([]);
    expect(file(path.join(root, `out-${builds}`))).toBe('<main>đầu <section>2</section> cuối</main>');

    // Same section, other inputs: rendered.
    expect((await sectioned('g4', { view: 2 }, '<section>2</section>').run()).rendered).toEqual([route]);

    // A section the page holds twice cannot be placed: a change of it renders the page.
    const twice = (s: string): string => `<main>${s}${s}</main>`;
    expect((await sectioned('g5', { view: 3 }, '<b>x</b>', twice).run()).rendered).toEqual([route]);
    expect((await sectioned('g6', { view: 3 }, '<b>y</b>', twice).run()).rendered).toEqual([route]);
    expect(file(path.join(root, `out-${builds}`))).toBe('<main><b>y</b><b>y</b></main>');
  });

  it('renders a page whose stored section is not where the record says', async () => {
    const route = 'van-ban/ke-hoach-3/';
    const pages = (quick: string, section: string) => (): string[] =>
      reusePage(route, { view: 1 }, quick, () => section) ? [] : [route];
    await build(pages('h1', '<i>a</i>'), () => '<p><i>a</i></p>');
    // Altered in the store after the build, keeping its length: the section's bytes no longer match.
    const stored = path.join(root, 'cache', 'van-ban-pages', route, 'index.html');
    writeFileSync(stored, '<p><i>b</i></p>');
    logged.length = 0;
    const again = await build(pages('h2', '<i>c</i>'), () => '<p><i>c</i></p>');
    // The whole-page check catches it first (warned), and the page is rendered.
    expect(again.rendered).toEqual([route]);
    expect(logged.some((line) => line.startsWith('warn: '))).toBe(true);
  });

  it('computes every path outside a build (astro dev)', () => {
    expect(storedGroup('trien-khai', 'k', coverageRoutes, (route) => route)).toEqual(coverageRoutes());
    expect(reusePage('van-ban/x/', () => ({}), 'q')).toBe(false);
  });
});
