/**
 * Crawl both builds (no browser): every internal href/src of every HTML page resolves to a
 * built file under the base path, every #fragment to an element on the target page, and no
 * page refers to another host.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './harness.ts';

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
