/**
 * Crawl both builds:
 * - (no browser) every internal href/src of every HTML page resolves to a built file under
 *   the base path, every #fragment to an element on the target page, and no page refers to
 *   another host;
 * - every HTML page is valid HTML by html-validate (its recommended rules, less the few
 *   listed in `VALIDATOR_CONFIG` with why);
 * - in Chromium under the strict CSP, one page of every kind (home, browse table, a plan from
 *   .txt, from Word, from PDF and by OCR, a cited document outside the corpus, graph, search with a
 *   query, ingest report, review, 404) loads and settles with no console error, no failed
 *   request and no CSP violation.
 *
 * The page made by OCR comes from `test/fixtures/e2e-corpus/ban-quet/`: page 1 of Công văn
 * 275/STTTT-CNTT (Sở TT&TT Phú Thọ, 2011), the scan's own JPEG taken unchanged out of
 * `../shared/corpus/files/phutho-stttt-cv-275-2011-scan.pdf` (`pdfimages -j -f 1 -l 1`; an
 * official document, not protected by copyright in Viet Nam, Law on IP Art. 15). A machine
 * without Tesseract builds no page for it (the build says so); the crawl then skips the OCR
 * page, saying why, instead of failing.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { BUILDS, CSP, serveDist, watchProblems, useBrowser } from './harness.ts';

/** The scanned page of the e2e corpus. */
const SCAN = 'ban-quet/cong-van-275-stttt-cntt-phu-tho-2011.jpg';

interface ReportFile {
  file: string;
  id: string | null;
  format: string | null;
  status: string;
  ocr: { engine: string; confidence: number | null; pages: number } | null;
  messages: { code: string; message: string }[];
}

/** The ingest report of a build. */
function reportFiles(dir: string): ReportFile[] {
  return (JSON.parse(readFileSync(path.join(dir, 'data/report.json'), 'utf8')) as { files: ReportFile[] }).files;
}

/**
 * The OCR page of a build: its route, or why there is none on this machine (no Tesseract
 * with its Vietnamese data: the build leaves the scan out and says so). Any other outcome
 * (the scan missing from the report, skipped for another reason) is a failure.
 */
function ocrPage(dir: string): { route: string } | { skipped: string } {
  const entry = reportFiles(dir).find((file) => file.file.endsWith(SCAN));
  if (!entry) throw new Error(`${SCAN} is not in the ingest report of ${dir}`);
  if (entry.status !== 'skipped' && entry.id !== null && entry.ocr !== null) return { route: `van-ban/${entry.id}/` };
  const why = entry.messages.map((message) => message.message).join(' ');
  if (entry.status === 'skipped' && /tesseract/iu.test(why)) return { skipped: why };
  throw new Error(`${SCAN}: no OCR page (${entry.status}): ${why}`);
}

/** Say once, plainly, that the OCR page was left out of the crawl, and why. */
function sayOcrSkipped(why: string): string {
  const note = `OCR page not crawled: this machine cannot OCR (${why}). Install Tesseract: sh scripts/test-deps.sh --ocr`;
  process.stderr.write(`[crawl] ${note}\n`);
  return note;
}

const ORIGIN = 'http://intranet.invalid';

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

/** The URL path a built file is served at. */
function pagePath(dir: string, base: string, file: string): string {
  const relative = path.relative(dir, file).split(path.sep).join('/');
  return base + relative.replace(/(^|\/)index\.html$/, '$1');
}

/** The file a URL path is served from, or null when outside the base. */
function fileOf(dir: string, base: string, urlPath: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const candidate = path.join(dir, relative);
  if (relative === '' || relative.endsWith('/')) return path.join(candidate, 'index.html');
  if (existsSync(candidate) && statSync(candidate).isDirectory()) return path.join(candidate, 'index.html');
  return candidate;
}

/** Attribute values that are URLs. */
function references(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)=("([^"]*)"|'([^']*)')/g)].map((match) => match[2] ?? match[3] ?? '');
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`crawl ${name} (${build.base})`, () => {
    it('includes a page made by OCR', (context) => {
      const ocr = ocrPage(build.dir);
      if ('skipped' in ocr) return context.skip(sayOcrSkipped(ocr.skipped));
      const html = readFileSync(path.join(build.dir, ocr.route, 'index.html'), 'utf8');
      // The card says the text came from OCR, and the letter's cited plan is a citation link.
      expect(html).toMatch(/OCR/u);
      expect(html).toMatch(/<a[^>]*class="citation"[^>]*>[^<]*25\/KH-STTTT/u);
    });

    it('has no broken internal link or asset and no external host', () => {
      const files = htmlFiles(build.dir);
      expect(files.length).toBeGreaterThan(5);
      const broken: string[] = [];
      const external: string[] = [];
      for (const file of files) {
        const html = readFileSync(file, 'utf8');
        const from = new URL(pagePath(build.dir, build.base, file), ORIGIN);
        for (const value of references(html)) {
          if (value === '' || value.startsWith('mailto:') || value.startsWith('data:')) continue;
          const url = new URL(value.replaceAll('&amp;', '&'), from);
          if (url.origin !== ORIGIN) {
            external.push(`${path.relative(build.dir, file)} → ${value}`);
            continue;
          }
          const target = fileOf(build.dir, build.base, url.pathname);
          if (!target || !existsSync(target)) {
            broken.push(`${path.relative(build.dir, file)} → ${value}`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
            broken.push(`${path.relative(build.dir, file)} → ${value} (no #${fragment})`);
          }
        }
      }
      expect(broken).toEqual([]);
      expect(external).toEqual([]);
    });
  });
}

/**
 * A raw ">" in text, which HTML allows: hast-util-to-html 9 encodes only "<" and "&" in text
 * (its `textEntitySubset`; the `subset` of its `characterReferences` option cannot be set),
 * so a plan's "->" arrows stay as they are. `no-raw-characters` stays on for "<" and an
 * ambiguous "&"; only this one message of it is let through.
 */
const RAW_GREATER_THAN = 'Raw ">" must be encoded as "&gt;"';

/** The validator's rules: html-validate's recommended set, less rules of style or taste. */
const VALIDATOR_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Whitespace inside the plan text is the document's own (kept as the source has it).
    'no-trailing-whitespace': 'off',
    // Titles are the documents' own names; Vietnamese law titles run past 70 characters.
    'long-title': 'off',
    // The graph's filter form applies each change at once (and has a reset button); a submit
    // button would do nothing.
    'wcag/h32': 'off',
  },
};

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`valid HTML ${name} (${build.base})`, () => {
    it('every page passes html-validate', async () => {
      const validator = new HtmlValidate(VALIDATOR_CONFIG);
      const files = htmlFiles(build.dir);
      expect(files.length).toBeGreaterThan(5);
      const errors: string[] = [];
      for (const file of files) {
        const report = await validator.validateString(readFileSync(file, 'utf8'), path.relative(build.dir, file));
        for (const result of report.results) {
          for (const message of result.messages) {
            if (message.ruleId === 'no-raw-characters' && message.message === RAW_GREATER_THAN) continue;
            errors.push(`${result.filePath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
          }
        }
      }
      expect(errors.slice(0, 40)).toEqual([]);
    }, 300_000);
  });
}

/** Graph and report of a build, to find one page of each kind. */
function pageKinds(dir: string): Record<string, string> {
  const report = { files: reportFiles(dir) };
  const graph = JSON.parse(readFileSync(path.join(dir, 'data/graph.json'), 'utf8')) as {
    nodes: { id: string; inCorpus: boolean; inDegree: number }[];
  };
  const of = (format: string): string => {
    const entry = report.files.find((file) => file.format === format && file.id !== null && file.status !== 'skipped');
    if (!entry) throw new Error(`no page from a ${format} file in the e2e corpus`);
    return `van-ban/${entry.id}/`;
  };
  const cited = graph.nodes
    .filter((node) => !node.inCorpus)
    .sort((a, b) => b.inDegree - a.inDegree || (a.id < b.id ? -1 : 1))[0]!;
  const ocr = ocrPage(dir);
  return {
    home: '',
    browse: 'van-ban/',
    'plan (.txt)': of('txt'),
    'plan (.docx)': of('docx'),
    'plan (.pdf)': of('pdf'),
    ...('route' in ocr ? { 'plan (OCR)': ocr.route } : {}),
    'cited document': `van-ban/${cited.id}/`,
    graph: 'do-thi/',
    search: 'tim-kiem/?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh',
    'ingest report': 'kiem-tra/',
    review: 'ra-soat/',
    '404': 'khong-co-trang-nay/',
  };
}

describe('every page kind under the strict CSP', () => {
  const browser = useBrowser();

  for (const [name, build] of Object.entries(BUILDS)) {
    it(`loads one page of each kind with no console error or failed request (${name})`, async () => {
      // The server answers 404 with the site's 404 page, as an intranet server is set up to.
      const notFound = readFileSync(path.join(build.dir, '404.html'));
      const served = await serveDist(build.dir, build.base, { 'Content-Security-Policy': CSP });
      const failures: string[] = [];
      try {
        for (const [kind, route] of Object.entries(pageKinds(build.dir))) {
          const page = await browser.newPage();
          const problems = watchProblems(page);
          const violations: string[] = [];
          await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
          await page.addInitScript(() => {
            document.addEventListener('securitypolicyviolation', (event) => {
              (window as unknown as { __cspViolation(text: string): void }).__cspViolation(
                `${event.violatedDirective} ${event.blockedURI}`,
              );
            });
          });
          if (kind === '404') {
            await page.route('**/khong-co-trang-nay/', (route) =>
              route.fulfill({ status: 404, contentType: 'text/html', body: notFound }),
            );
          }
          const response = await page.goto(served.url + route, { waitUntil: 'load' });
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const expected = kind === '404' ? 404 : 200;
          if (response?.status() !== expected) failures.push(`${kind} ${route}: HTTP ${response?.status()}`);
          // The 404 page is answered with status 404, which Chromium logs as a failed load of the
          // page itself; a 404 of anything it loads is still a problem (its URL is not the page's).
          const own404 = (problem: string): boolean =>
            kind === '404' &&
            (problem === `http 404: ${served.url}${route}` || /^console: Failed to load resource: .*404/u.test(problem));
          const issues = [...problems.filter((problem) => !own404(problem)), ...violations];
          for (const issue of issues) failures.push(`${kind} ${route}: ${issue}`);
          await page.close();
        }
      } finally {
        await served.close();
      }
      expect(failures).toEqual([]);
    }, 180_000);
  }
});
