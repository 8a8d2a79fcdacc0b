/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, and a static
 * server for a built `dist/` mounted under any base path. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where global-setup writes the two test builds. */
export const BUILDS = {
  root: { dir: path.join(ROOT, 'dist-test/root'), base: '/' },
  sub: { dir: path.join(ROOT, 'dist-test/sub'), base: '/van-ban-dieu-hanh/' },
} as const;

/** A second clean build of the root site, from empty caches: it must be byte-identical. */
export const REBUILD = { dir: path.join(ROOT, 'dist-test/root-again'), base: '/' } as const;

/**
 * One plan of the test corpus edited, then built twice: over the root build's caches (the
 * pipeline's and the page store's, so most pages are reused) and from empty caches. The two
 * sites must be byte-identical; `log` keeps the incremental build's output.
 */
export const EDITED = {
  incremental: { dir: path.join(ROOT, 'dist-test/edited-incremental'), base: '/' },
  clean: { dir: path.join(ROOT, 'dist-test/edited-clean'), base: '/' },
  log: path.join(ROOT, 'dist-test/edited-incremental.log'),
} as const;

/** The policy the site must work under: no inline script or style, nothing from outside. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium không có ở ${candidate}. Cài bằng: apt-get update && apt-get install -y chromium ` + '(hoặc đặt CHROMIUM_PATH).',
    );
  }
  return candidate;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Served {
  /** Origin + base, ending in "/": e.g. http://127.0.0.1:41234/van-ban-dieu-hanh/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve `dir` under `base` on loopback. Optional extra headers (e.g. a CSP) go on every response.
 */
export async function serveDist(dir: string, base: string, headers: Record<string, string> = {}): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not under base');
      return;
    }
    req.url = '/' + url.slice(base.length);
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Collect console errors and failed requests of a page, to assert there are none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Main-frame navigations started so far, and for each request the navigations its document
  // had outlived when it was made. A request the old document makes while the next page is
  // already loading (a lazy script started by the click that navigates) belongs to a document
  // on its way out, so it counts as made before that navigation.
  let navigations = 0;
  let pending = false;
  const issuedAt = new WeakMap<Request, number>();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      navigations += 1;
      pending = true;
      issuedAt.set(request, navigations);
      return;
    }
    issuedAt.set(request, pending ? navigations - 1 : navigations);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) pending = false;
  });
  page.on('requestfailed', (request) => {
    // Chromium fetches the favicon after the load event, and drops it (net::ERR_ABORTED) when
    // the test moves on at once (the search test opens query after query): the sub-path
    // search test failed 1 run in 3 on "requestfailed: …/van-ban-dieu-hanh/favicon.svg".
    // Any other request the page gave up on because the reader navigated away since it was
    // made (a search fragment or a lazy script still loading) is navigation too, not a fault
    // of the site. Anything else (blocked by the CSP, refused, reset, aborted without a
    // navigation) is a problem.
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'net::ERR_ABORTED') {
      if (new URL(request.url()).pathname.endsWith('/favicon.svg')) return;
      if (navigations > (issuedAt.get(request) ?? navigations)) return;
    }
    problems.push(`requestfailed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * A value made in `beforeAll` and read in the tests: a stand-in whose properties are those of
 * the value once it exists (methods bound to it), so a test file writes `browser.newPage()`
 * and `served.url` as if it held the value itself.
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get: (_, key) => {
      const value = current();
      if (value === undefined) throw new Error(`${what} is used before its beforeAll ran`);
      const property: unknown = Reflect.get(value, key);
      return typeof property === 'function' ? (property as (...args: unknown[]) => unknown).bind(value) : property;
    },
  });
}

/**
 * The Chromium of a test file (or of a describe block, when called inside one): launched in
 * `beforeAll`, closed in `afterAll`.
 *
 * @returns The browser, usable from the tests on.
 */
export function useBrowser(): Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return lateBound('the browser', () => browser);
}

/**
 * A built site served under its base with the strict CSP (`CSP`) for the tests of the
 * describe block (or file) it is called in: started in `beforeAll`, stopped in `afterAll`.
 *
 * @param build One of `BUILDS` (a dir and a base).
 * @returns The server, usable from the tests on (`served.url`).
 */
export function useServedBuild(build: { dir: string; base: string }): Served {
  let served: Served | undefined;
  beforeAll(async () => {
    served = await serveDist(build.dir, build.base, { 'Content-Security-Policy': CSP });
  });
  afterAll(async () => {
    await served?.close();
  });
  return lateBound(`the server of ${build.dir}`, () => served);
}
