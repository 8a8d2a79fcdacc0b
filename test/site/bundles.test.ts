/**
 * The bundles integration (src/integrations/bundles.ts): the data store's module is the
 * same value as Astro's, as one JSON string; Cytoscape is marked whole; nothing else is
 * touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, bundlesPlugin, dataStoreModule } from '../../src/integrations/bundles.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vbg-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data store as Astro writes it: devalue's flattened form of collection → id → entry. */
function storeText(): string {
  const plans = new Map([
    [
      'ke-hoach-1-kh-ubnd-tay-ninh-2024',
      { id: 'ke-hoach-1-kh-ubnd-tay-ninh-2024', data: { title: 'Kế hoạch “thực hiện” Chỉ thị 46-CT/TW\u2028' } },
    ],
  ]);
  return devalue.stringify(new Map([['plans', plans]]));
}

/** Evaluate a module's default export (the code is ours: one JSON.parse of a literal). */
async function defaultExport(code: string): Promise<unknown> {
  const file = path.join(dir, `m-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return ((await import(file)) as { default: unknown }).default;
}

describe('data store module', () => {
  it('is one JSON.parse of the file, giving the value Astro unflattens', async () => {
    const text = storeText();
    const code = dataStoreModule(text)!;
    expect(code).toMatch(/^export default JSON\.parse\("/);
    const value = await defaultExport(code);
    expect(value).toEqual(JSON.parse(text));
    const store = devalue.unflatten(value as number) as Map<string, Map<string, { data: { title: string } }>>;
    expect(store.get('plans')?.get('ke-hoach-1-kh-ubnd-tay-ninh-2024')?.data.title).toBe(
      'Kế hoạch “thực hiện” Chỉ thị 46-CT/TW\u2028',
    );
  });

  it('leaves a file that is not JSON to Astro', () => {
    expect(dataStoreModule('{"truncated": [1, 2')).toBeNull();
  });

  it('is loaded by the plugin from the store file, before Astro, and only for that id', async () => {
    const file = path.join(dir, 'data-store.json');
    writeFileSync(file, storeText());
    const plugin = bundlesPlugin(file);
    expect(plugin.load.order).toBe('pre');
    const loaded = await plugin.load.handler(DATA_STORE_MODULE);
    expect(loaded?.code).toBe(dataStoreModule(storeText()));
    expect(await plugin.load.handler('/work/src/pages/index.astro')).toBeNull();
    expect(await bundlesPlugin(path.join(dir, 'missing.json')).load.handler(DATA_STORE_MODULE)).toBeNull();
  });
});

describe('vendor modules', () => {
  it('marks Cytoscape whole, code unchanged, and nothing else', () => {
    const plugin = bundlesPlugin(path.join(dir, 'data-store.json'));
    const code = 'export default function cytoscape() {}';
    expect(plugin.transform(code, '/p/node_modules/cytoscape/dist/cytoscape.esm.mjs')).toEqual({
      code,
      map: null,
      moduleSideEffects: 'no-treeshake',
    });
    expect(plugin.transform(code, '/p/src/client/graph/draw.ts')).toBeNull();
    expect(plugin.transform(code, '/p/node_modules/cytoscape-fcose/cytoscape-fcose.js')).toBeNull();
  });
});
