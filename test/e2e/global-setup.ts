/**
 * Build the site before the browser tests, exactly as a user would (`npm run build` with
 * SITE_BASE / OUT_DIR): at the root, under a sub-path, and at the root once more from empty
 * caches (determinism.test.ts compares the two root builds byte for byte); then the corpus
 * with one plan edited, over the root build's caches and from empty ones (the incremental
 * build must give the clean build's bytes).
 *
 * The corpus is the seed sources plus `test/fixtures/e2e-corpus/` (an injection plan, an
 * empty file, two files of the same name in different folders, a .docx, a text PDF and one
 * scanned page, OCR'd when Tesseract is installed: a few seconds per clean build), copied to
 * dist-test/sources; the pipeline writes dist-test/generated. Neither touches content/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILDS, EDITED, REBUILD, ROOT } from './harness.ts';

/** Where the test corpus and its generated dir live (git-ignored). */
export const TEST_SOURCES = path.join(ROOT, 'dist-test/sources');
export const TEST_GENERATED = path.join(ROOT, 'dist-test/generated');

/**
 * The environment of a build: ours, minus what Vitest injects. Vitest sets BASE_URL=/,
 * MODE, DEV, PROD, SSR and NODE_ENV=test in process.env, and Astro would take BASE_URL from
 * there over the config's `base`, so every sub-path link would lose its base.
 *
 * @returns Environment for `npm run build`.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  rmSync(TEST_SOURCES, { recursive: true, force: true });
  mkdirSync(TEST_SOURCES, { recursive: true });
  cpSync(path.join(ROOT, 'content/sources'), path.join(TEST_SOURCES, 'seed'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/e2e-corpus'), path.join(TEST_SOURCES, 'e2e'), { recursive: true });
  // Clean builds: fresh Astro and pipeline caches, never the developer's; the sub-path build
  // has its own, so the root build's cache is left for the incremental build below.
  const cache = path.join(ROOT, 'dist-test/cache');
  const caches = { root: cache, sub: path.join(ROOT, 'dist-test/cache-sub') };
  const cacheAgain = path.join(ROOT, 'dist-test/cache-again');
  const cacheEdited = path.join(ROOT, 'dist-test/cache-edited');
  for (const dir of [...Object.values(caches), cacheAgain, cacheEdited]) rmSync(dir, { recursive: true, force: true });
  for (const [name, build] of Object.entries(BUILDS)) {
    // The sub-path build pages its review one row at a time (review.test.ts walks the pages).
    const env = name === 'sub' ? { VBG_REVIEW_PAGE_ROWS: '1' } : {};
    runBuild({ ...build, cache: caches[name as keyof typeof BUILDS], sources: TEST_SOURCES, generated: TEST_GENERATED, env });
  }
  runBuild({ ...REBUILD, cache: cacheAgain, sources: TEST_SOURCES, generated: TEST_GENERATED });

  // The same corpus with one plan edited (a new "Căn cứ" line, a changed sentence).
  rmSync(EDITED_SOURCES, { recursive: true, force: true });
  cpSync(TEST_SOURCES, EDITED_SOURCES, { recursive: true });
  editPlan(path.join(EDITED_SOURCES, 'seed', readdirSync(path.join(EDITED_SOURCES, 'seed')).sort()[0] ?? ''));
  const edited = { sources: EDITED_SOURCES, generated: path.join(ROOT, 'dist-test/generated-edited') };
  const log = runBuild({ ...EDITED.incremental, cache, ...edited });
  writeFileSync(EDITED.log, log);
  runBuild({ ...EDITED.clean, cache: cacheEdited, ...edited });
}

/** Where the edited copy of the test corpus lives. */
const EDITED_SOURCES = path.join(ROOT, 'dist-test/sources-edited');

/**
 * Edit a plan as a user would: add two legal bases before its first "Căn cứ" (a new decree,
 * and a directive other plans cite, which moves their "Văn bản liên quan" scores: the page
 * store then replaces that section in their stored pages) and change a sentence of its text.
 *
 * @param file The plan's .txt file.
 */
function editPlan(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('Căn cứ');
  if (at < 0) throw new Error(`${file}: không có "Căn cứ" để sửa.`);
  const added =
    'Căn cứ Nghị định số 99/2099/NĐ-CP ngày 01/01/2099 của Chính phủ về thử nghiệm xây dựng lại;\n' +
    'Căn cứ Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư Trung ương Đảng (khóa XI) về tăng cường sự lãnh đạo của Đảng đối với Phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới;\n';
  writeFileSync(file, text.slice(0, at) + added + text.slice(at).replace('quốc phòng', 'quốc phòng toàn dân'));
}

/**
 * Run `npm run build` for one site.
 *
 * @returns The build's standard output.
 */
function runBuild(build: {
  base: string;
  dir: string;
  cache: string;
  sources: string;
  generated: string;
  env?: Record<string, string>;
}): string {
  return execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...buildEnv(),
      SITE_BASE: build.base,
      OUT_DIR: build.dir,
      VBG_SOURCES: build.sources,
      VBG_GENERATED: build.generated,
      VBG_CACHE_DIR: build.cache,
      // Every build pages the plans citing a document one plan at a time, so that the test
      // corpus's documents cited twice have a second page (citing-pages.test.ts walks them).
      VBG_CITING_PAGE_ROWS: '1',
      ...build.env,
    },
  });
}
