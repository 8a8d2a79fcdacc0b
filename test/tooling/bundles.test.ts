/**
 * The build's cached bundles (scripts/bundle/bundles.mjs): made once and reused while every
 * input is unchanged, made again when an imported file, the bundle or its record is changed or
 * damaged, and keeping each module's own `import.meta.url`. The bundles are kept in a folder of
 * this test inside the project's .cache/ (bare imports resolve from the project).
 */
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GROUPS, bundledEntry } from '../../scripts/bundle/bundles.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = path.join(ROOT, '.cache', `bundles-test-${process.pid}`);
const sources = path.join(dir, 'src');
const relative = (file: string): string => path.relative(ROOT, path.join(sources, file));
const groups = { demo: [relative('entry.ts')] };
const options = { dir: path.join(dir, 'out'), groups };

/** Write the demo sources: an entry importing a part, both TypeScript. */
function writeSources(part: string): void {
  mkdirSync(sources, { recursive: true });
  writeFileSync(
    path.join(sources, 'entry.ts'),
    `import { part } from './part.ts';\nexport const value: string = part;\nexport const where: string = import.meta.url;\n`,
  );
  writeFileSync(path.join(sources, 'part.ts'), `export const part: string = ${JSON.stringify(part)};\n`);
}

/** Import a bundled entry afresh (a new URL each time, so Node does not return the cached module). */
let imports = 0;
async function load(file: string): Promise<{ value: string; where: string }> {
  imports += 1;
  return (await import(`${pathToFileURL(file).href}?${imports}`)) as { value: string; where: string };
}

afterEach(() => {
  delete process.env['VBG_BUNDLE'];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundledEntry', () => {
  it('bundles once, then reuses the bundle while its inputs are unchanged', async () => {
    writeSources('một');
    const first = await bundledEntry('demo', relative('entry.ts'), options);
    expect(first).not.toBeNull();
    expect((await load(first!)).value).toBe('một');
    const made = statSync(first!).mtimeMs;
    const again = await bundledEntry('demo', relative('entry.ts'), options);
    expect(again).toBe(first);
    expect(statSync(again!).mtimeMs).toBe(made);
  });

  it('bundles again when a file the entry imports changes', async () => {
    writeSources('một');
    const before = await bundledEntry('demo', relative('entry.ts'), options);
    writeSources('hai');
    const after = await bundledEntry('demo', relative('entry.ts'), options);
    expect(after).not.toBe(before);
    expect((await load(after!)).value).toBe('hai');
  });

  it('bundles again when the bundle or its record is damaged', async () => {
    writeSources('ba');
    const file = await bundledEntry('demo', relative('entry.ts'), options);
    writeFileSync(file!, 'export const value = "hỏng";\n');
    const repaired = await bundledEntry('demo', relative('entry.ts'), options);
    expect((await load(repaired!)).value).toBe('ba');
    writeFileSync(path.join(options.dir, 'demo', 'current.json'), '{ not json');
    const made = statSync(repaired!).mtimeMs;
    const again = await bundledEntry('demo', relative('entry.ts'), options);
    expect((await load(again!)).value).toBe('ba');
    // The key's folder was whole: kept as it was (another build may be loading from it).
    expect(again).toBe(repaired);
    expect(statSync(again!).mtimeMs).toBe(made);
  });

  it("keeps each module's import.meta.url naming its source file", async () => {
    writeSources('bốn');
    const file = await bundledEntry('demo', relative('entry.ts'), options);
    expect((await load(file!)).where).toBe(pathToFileURL(path.join(sources, 'entry.ts')).href);
  });

  it('keeps import.meta.url naming the source file when the bundler itself runs from a bundle (as under build.ts)', async () => {
    writeSources('sáu');
    const bundler = await bundledEntry('bundler', 'scripts/bundle/bundles.mjs', {
      dir: path.join(dir, 'bundler'),
      groups: { bundler: ['scripts/bundle/bundles.mjs'] },
    });
    const bundled = (await import(
      `${pathToFileURL(bundler!).href}?${(imports += 1)}`
    )) as typeof import('../../scripts/bundle/bundles.mjs');
    const file = await bundled.bundledEntry('demo', relative('entry.ts'), { ...options, dir: path.join(dir, 'by-bundle') });
    expect((await load(file!)).where).toBe(pathToFileURL(path.join(sources, 'entry.ts')).href);
  });

  it('gives no bundle when told not to make one, or when bundles are off', async () => {
    writeSources('năm');
    rmSync(options.dir, { recursive: true, force: true });
    expect(await bundledEntry('demo', relative('entry.ts'), { ...options, make: false })).toBeNull();
    process.env['VBG_BUNDLE'] = 'off';
    expect(await bundledEntry('demo', relative('entry.ts'), options)).toBeNull();
  });

  it("bundles the build's own groups, every entry point of them", async () => {
    const out = path.join(dir, 'real');
    for (const [group, entries] of Object.entries(GROUPS)) {
      for (const entry of entries) {
        const file = await bundledEntry(group, entry, { dir: out });
        expect(file, `${group}: ${entry}`).not.toBeNull();
        expect(readFileSync(file!, 'utf8')).not.toContain('import.meta.url');
      }
    }
  });
});
