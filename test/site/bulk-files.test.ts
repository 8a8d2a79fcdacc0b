/**
 * The open data files (`DATA_FILES` in src/integrations/bulk-files.ts) are put into the site as
 * the pipeline wrote them, byte for byte (a BOM, non-ASCII text), and a missing one fails the
 * build instead of leaving the site without it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FILES, writeBulkFiles } from '../../src/integrations/bulk-files.ts';
import type { GraphData } from '../../src/pipeline/emit/graph-schema.ts';

const root = mkdtempSync(path.join(tmpdir(), 'vbg-bulk-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A graph without documents: only the open data files are written. */
const EMPTY = { nodes: [], edges: [] } as unknown as GraphData;

describe('open data files', () => {
  const generated = path.join(root, 'generated');
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env['VBG_GENERATED'];
    process.env['VBG_GENERATED'] = generated;
    mkdirSync(generated, { recursive: true });
    for (const name of Object.keys(DATA_FILES))
      writeFileSync(path.join(generated, name), `\uFEFF${name}: Nghị định 21/2019/NĐ-CP\r\n`);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['VBG_GENERATED'];
    else process.env['VBG_GENERATED'] = saved;
  });

  it('are the generated files, byte for byte', async () => {
    const names = Object.keys(DATA_FILES);
    expect(names).toEqual(
      expect.arrayContaining(['graph.json', 'citations.csv', 'graph.graphml', 'report.json', 'ra-soat.csv', 'trien-khai.csv']),
    );
    const out = path.join(root, 'site-1');
    const written = await writeBulkFiles(out, EMPTY);
    expect(written.data).toBe(names.length);
    for (const name of names) {
      const served = path.join(out, 'data', name);
      expect(readFileSync(served)).toEqual(readFileSync(path.join(generated, name)));
      // A hard link: no copy of 100 MB of graph.json per build.
      expect(statSync(served).ino).toBe(statSync(path.join(generated, name)).ino);
    }
  });

  it('fail the build when one is missing', async () => {
    rmSync(path.join(generated, 'graph.graphml'), { force: true });
    await expect(writeBulkFiles(path.join(root, 'site-2'), EMPTY)).rejects.toThrow(/graph\.graphml/);
  });
});
