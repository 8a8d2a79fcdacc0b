/**
 * Two clean builds from the same inputs give byte-identical sites: global-setup builds the
 * root site twice, each from empty caches, and every file of one must equal the other's.
 * And a rebuild after editing one plan, which reuses the unchanged pages of the previous
 * build, gives exactly what a clean build of the edited corpus gives.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, EDITED, REBUILD } from './harness.ts';

/** SHA-256 of every file under `dir`, by "/"-separated relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

describe('determinism', () => {
  it('two clean builds give byte-identical dist/', () => {
    const first = hashes(BUILDS.root.dir);
    const second = hashes(REBUILD.dir);
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(Object.keys(first).some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(second).toEqual(first);
  });

  it('a rebuild after editing one plan reuses unchanged pages and equals a clean build', () => {
    const log = readFileSync(EDITED.log, 'utf8');
    const [, reused = '0', rendered = '0'] = /Dùng lại (\d+) trang không đổi, dựng (\d+) trang/.exec(log) ?? [];
    // Pages of documents the edited plan does not touch were reused; its own and those of
    // what it cites (the new decree among them) were rendered.
    expect(Number(reused)).toBeGreaterThan(10);
    expect(Number(rendered)).toBeGreaterThan(1);
    // Pages whose only change is their "Văn bản liên quan" section (the edit cites a directive
    // they cite too) were the stored pages with that section replaced, and equal a clean build's.
    const [, patched = '0'] = /thay một phần của (\d+) trang/.exec(log) ?? [];
    expect(Number(patched)).toBeGreaterThan(0);
    const incremental = hashes(EDITED.incremental.dir);
    expect(Object.keys(incremental)).toContain('van-ban/nghi-dinh-99-2099-nd-cp/index.html');
    expect(incremental).toEqual(hashes(EDITED.clean.dir));
    // The further pages of citing plans (one plan a page in the test builds) are reused too:
    // a reused page is a hard link to the page store's copy.
    const citingPages = Object.keys(incremental).filter((file) => file.includes('/duoc-dan-chieu/trang/'));
    expect(citingPages.length).toBeGreaterThan(0);
    expect(citingPages.some((file) => statSync(path.join(EDITED.incremental.dir, file)).nlink > 1)).toBe(true);
    // The edit is there: the first build did not have the new decree.
    expect(Object.keys(hashes(BUILDS.root.dir))).not.toContain('van-ban/nghi-dinh-99-2099-nd-cp/index.html');
  });
});
