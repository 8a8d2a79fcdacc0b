import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import contentStoreCheck, {
  notePlanDigests,
  plansMissingFromStore,
  STALE_STORE_EXIT,
} from '../../src/integrations/content-store-check.ts';
import { planEntryDigest, type PlanManifestEntry } from '../../src/pipeline/emit/mdx/manifest.ts';

const planA = 'ke-hoach-101-kh-ubnd-dong-thap-2023';
const planB = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';

/** A data store as Astro 5.18 writes it (devalue: one flat array, values by index), holding A and B. */
const store = JSON.stringify([
  ['Map', 1, 2, 5, 6],
  'meta::meta',
  ['Map', 3, 4],
  'astro-version',
  '5.18.2',
  'plans',
  ['Map', 7, 8, 12, 13],
  planA,
  { id: 7, data: 9, digest: 11 },
  { title: 10 },
  'Kế hoạch huấn luyện dân quân tự vệ',
  '205769ba20d8ed057468d0bc5200772a+html:5869f142',
  planB,
  { id: 12, data: 9, digest: 14 },
  '0532e0d40742b89a92d41d8838579215+html:aa11bb22',
]);

function entry(id: string, digest: string, html?: string): PlanManifestEntry {
  return { id, digest, ...(html ? { html } : {}), data: {} as PlanManifestEntry['data'] };
}

/** What the plans' loader notes: plan id → the entry digest it gave. */
function digestsOf(entries: PlanManifestEntry[]): Map<string, string> {
  return new Map(entries.map((item) => [item.id, planEntryDigest(item)]));
}

describe('plansMissingFromStore', () => {
  it('finds the plans whose entry digest the store lacks: one edited since, one new', () => {
    const entries = [
      entry(planA, '205769ba20d8ed057468d0bc5200772a', '5869f142'),
      entry(planB, '0532e0d40742b89a92d41d8838579215', 'cc33dd44'), // body changed
      entry('ke-hoach-7-kh-ubnd-lam-dong-2025', 'ffff0000ffff0000ffff0000ffff0000', '12345678'),
    ];
    expect(plansMissingFromStore(store, digestsOf(entries))).toEqual([planB, 'ke-hoach-7-kh-ubnd-lam-dong-2025']);
  });

  it('finds nothing missing when the store holds every entry', () => {
    const entries = [
      entry(planA, '205769ba20d8ed057468d0bc5200772a', '5869f142'),
      entry(planB, '0532e0d40742b89a92d41d8838579215', 'aa11bb22'),
    ];
    expect(plansMissingFromStore(store, digestsOf(entries))).toEqual([]);
  });

  it('counts every plan missing from a store that is not devalue JSON', () => {
    expect(plansMissingFromStore('{"cut short', digestsOf([entry(planA, 'x')]))).toEqual([planA]);
    expect(plansMissingFromStore('{"a": 1}', digestsOf([entry(planA, 'x')]))).toEqual([planA]);
  });
});

describe('the check before Astro bundles the store', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Run the integration's hooks after a sync of `entries` (as the loader notes them), with a cache holding `store`. */
  async function check(entries: PlanManifestEntry[] | null) {
    const root = mkdtempSync(path.join(tmpdir(), 'vbg-store-check-'));
    if (entries) notePlanDigests(digestsOf(entries));
    const storeFile = path.join(root, 'data-store.json');
    writeFileSync(storeFile, store);
    const errors: string[] = [];
    const logger = { error: (message: string) => errors.push(message) };
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const hooks = contentStoreCheck().hooks as Record<string, (options: unknown) => Promise<void> | void>;
    await hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${root}/`) } });
    const outcome = await Promise.resolve(hooks['astro:build:start']!({ logger })).then(
      () => 'went on',
      (error: Error) => error.message,
    );
    return { outcome, errors, storeKept: existsSync(storeFile), exit };
  }

  it('stops the build with its exit code and deletes a store that lost an edit, naming the file and the plan', async () => {
    const result = await check([entry(planA, '205769ba20d8ed057468d0bc5200772a', 'edited00')]);
    expect(result.outcome).toBe(`exit ${STALE_STORE_EXIT}`);
    expect(result.storeKept).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('data-store.json');
    expect(result.errors[0]).toContain(planA);
  });

  it('compares nothing when no plans were synced', async () => {
    const result = await check(null);
    expect(result.outcome).toBe('went on');
    expect(result.storeKept).toBe(true);
  });

  it('lets a build whose store is current go on', async () => {
    const result = await check([entry(planA, '205769ba20d8ed057468d0bc5200772a', '5869f142')]);
    expect(result.outcome).toBe('went on');
    expect(result.storeKept).toBe(true);
    expect(result.exit).not.toHaveBeenCalled();
  });
});
