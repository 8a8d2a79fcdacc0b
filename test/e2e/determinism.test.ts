/**
 * Two clean builds from the same inputs give byte-identical sites: global-setup builds the
 * root site twice, each from empty caches, and every file of one must equal the other's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, REBUILD } from './harness.ts';

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
});
