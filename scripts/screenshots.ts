/**
 * Screenshots of every page kind of a built site, at a desktop and a phone width, so anyone
 * can look at the site again the way a reader does, without a browser at hand.
 *
 * Builds nothing: give it a built site (`npm run build` writes dist/). It serves the folder
 * on loopback (as test/e2e/harness.ts does, sirv under the base path), drives Debian's
 * Chromium with playwright-core (nothing downloaded), and writes one PNG per page and width:
 *
 *   npx tsx scripts/screenshots.ts [--dist dist] [--out screenshots] [--base /]
 *                                  [--full] [--page name=path/?query ...]
 *
 * Pages: home, a plan (the one citing the most documents, where crowding shows first), a
 * cited document (the most cited), browse, graph, search with a query, data quality; every
 * other top-level page found in the build (new page kinds); and any `--page` given. Names are `<name>-<width>.png`; `--full`
 * takes the whole page instead of the first screen, which is what a reader sees first.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, serveDist } from '../test/e2e/harness.ts';

/** The widths of the issue: an office desktop and a common phone. */
const WIDTHS = [
  { name: 'desktop', width: 1366, height: 768, mobile: false },
  { name: 'phone', width: 390, height: 844, mobile: true },
] as const;

interface Options {
  dist: string;
  out: string;
  base: string;
  full: boolean;
  extra: [string, string][];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { dist: 'dist', out: 'screenshots', base: '/', full: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`Thiếu giá trị sau ${arg}.`);
      return next;
    };
    if (arg === '--dist') options.dist = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--base') options.base = value();
    else if (arg === '--full') options.full = true;
    else if (arg === '--page') {
      const [name, page] = value().split('=', 2);
      if (!name || page === undefined) throw new Error('--page cần dạng tên=đường-dẫn, ví dụ goc=data/goc/.');
      options.extra.push([name, page]);
    } else throw new Error(`Tham số không rõ: ${arg}`);
  }
  if (!options.base.endsWith('/')) options.base += '/';
  return options;
}

interface GraphNodeLite {
  id: string;
  url: string;
  inCorpus: boolean;
  inDegree: number;
  outDegree: number;
}

/**
 * The pages to shoot, relative to the base. The plan and the cited document are picked from
 * the site's own graph.json, so the script works on any corpus.
 *
 * @param dist Built site.
 * @returns [name, path] pairs.
 */
function pageKinds(dist: string): [string, string][] {
  const graph = JSON.parse(readFileSync(path.join(dist, 'data/graph.json'), 'utf8')) as { nodes: GraphNodeLite[] };
  const byId = (a: GraphNodeLite, b: GraphNodeLite): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const plan = graph.nodes.filter((node) => node.inCorpus).sort((a, b) => b.outDegree - a.outDegree || byId(a, b))[0];
  const cited = graph.nodes.filter((node) => !node.inCorpus).sort((a, b) => b.inDegree - a.inDegree || byId(a, b))[0];
  const kinds: [string, string][] = [
    ['home', ''],
    ...(plan ? [['plan', plan.url] as [string, string]] : []),
    ...(cited ? [['cited', cited.url] as [string, string]] : []),
    ['browse', 'van-ban/'],
    ['graph', 'do-thi/'],
    ['search', 'tim-kiem/?q=nghi%20dinh%2021'],
    ['quality', 'kiem-tra/'],
  ];
  // Any other top-level page of the site (the new pages of other work, e.g. /ra-soat/),
  // named by its folder, so a new page kind is looked at without editing this script.
  const known = new Set(kinds.map(([, page]) => page.split('/')[0]));
  for (const entry of readdirSync(dist, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || known.has(entry.name) || entry.name.startsWith('_')) continue;
    if (existsSync(path.join(dist, entry.name, 'index.html'))) kinds.push([entry.name, `${entry.name}/`]);
  }
  return kinds;
}

/**
 * Wait until what scripts draw is drawn: the search status settled, a graph ready.
 *
 * @param page The page.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page
    .waitForFunction(
      () => {
        const status = document.getElementById('search-status');
        if (status && (status.textContent === '' || status.textContent?.startsWith('Đang'))) return false;
        // The whole graph sets data-ready once drawn (the local graph is handled below).
        const graph = document.querySelector<HTMLElement>('[data-graph-view]');
        return !graph || graph.dataset['ready'] !== undefined;
      },
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  // The local graph loads when it comes near the viewport: scroll there once, then back.
  const local = await page.$('[data-local-graph]');
  if (local) {
    await local.scrollIntoViewIfNeeded();
    await page
      .waitForFunction(() => document.querySelector<HTMLElement>('[data-local-graph]')?.dataset['ready'] === 'true', undefined, {
        timeout: 15_000,
      })
      .catch(() => undefined);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = path.resolve(options.dist);
  const out = path.resolve(options.out);
  mkdirSync(out, { recursive: true });
  const pages = [...pageKinds(dist), ...options.extra];
  const served = await serveDist(dist, options.base);
  const browser = await launchBrowser();
  try {
    for (const size of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        isMobile: size.mobile,
        hasTouch: size.mobile,
        deviceScaleFactor: 1,
        locale: 'vi-VN',
      });
      const page = await context.newPage();
      for (const [name, relative] of pages) {
        await page.goto(served.url + relative);
        await settle(page);
        const file = path.join(out, `${name}-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: options.full });
        // Also the local graph itself, which sits below the first screen of a plan.
        const local = await page.$('[data-local-canvas]');
        if (local && (await local.isVisible())) {
          await local.scrollIntoViewIfNeeded();
          await local.screenshot({ path: path.join(out, `${name}-local-graph-${size.name}.png`) });
        }
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
