/**
 * Astro integration: before Vite bundles the content layer's data store into the pages, make
 * sure the store as written to disk holds every plan entry of the pipeline's `plans.json`.
 *
 * Astro 5.18's data store can lose its last save (withastro/astro#15672, fixed only in later
 * majors, which need Node 22): when the content sync asks for its final save while a
 * debounced one is still being written, the final one is queued, then retried with the
 * earlier save's data. The build then renders from the older store. Seen once at 5,000 plans
 * on a loaded machine: a rebuild after one plan was edited served that plan's old page, with
 * no warning. So the plans' content loader (src/content.config.ts) notes the digest it gave
 * each entry (`notePlanDigests`), and once the sync is done (`astro:build:start`) this reads
 * `data-store.json` (devalue's JSON: one flat array of values) and looks for each of those
 * digests among its strings. When one is missing it deletes the file, so that the next sync starts from an
 * empty store and saves it whole, and stops the build with `STALE_STORE_EXIT`, which
 * `npm run build` answers by running Astro once more (scripts/build.ts).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Exit code of a build stopped on a stale data store (EX_TEMPFAIL: running it again helps). */
export const STALE_STORE_EXIT = 75;

/** Astro's data store file in its cache folder (`getDataStoreFile` in astro/dist/content). */
const DATA_STORE_FILE = 'data-store.json';

/**
 * Where the loader leaves its digests for this integration: both run in the `astro build`
 * process (the loader inside Vite's module graph, hence a global rather than a module variable).
 */
const DIGESTS_KEY = Symbol.for('van-ban.plan-entry-digests');
type WithDigests = typeof globalThis & { [DIGESTS_KEY]?: ReadonlyMap<string, string> };

/**
 * Say which digest the content sync gave each plan's entry (plan id → digest).
 *
 * @param digests Every plan of the sync.
 */
export function notePlanDigests(digests: ReadonlyMap<string, string>): void {
  (globalThis as WithDigests)[DIGESTS_KEY] = digests;
}

/**
 * The plans whose entry the store lacks.
 *
 * @param storeText The data store file's text.
 * @param digests The entries the store should hold: plan id → entry digest.
 * @returns Their ids; every id when the text is not devalue's JSON array.
 */
export function plansMissingFromStore(storeText: string, digests: ReadonlyMap<string, string>): string[] {
  let values: unknown;
  try {
    values = JSON.parse(storeText);
  } catch {
    values = null;
  }
  if (!Array.isArray(values)) return [...digests.keys()];
  const strings = new Set(values.filter((value): value is string => typeof value === 'string'));
  return [...digests].filter(([, digest]) => !strings.has(digest)).map(([id]) => id);
}

export default function contentStoreCheck(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'van-ban-content-store-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        // No digests (no plans were synced: a build without the pipeline) or no store: nothing
        // to compare, and the plan pages fail on their own with the pipeline's advice.
        const digests = (globalThis as WithDigests)[DIGESTS_KEY];
        delete (globalThis as WithDigests)[DIGESTS_KEY];
        const storeFile = path.join(cacheDir, DATA_STORE_FILE);
        const storeText = digests ? await readFile(storeFile, 'utf8').catch(() => null) : null;
        if (!digests || storeText === null) return;
        const missing = plansMissingFromStore(storeText, digests);
        if (missing.length === 0) return;
        await rm(storeFile, { force: true });
        logger.error(
          `Kho nội dung của Astro (${storeFile}) thiếu bản mới của ${missing.length} văn bản (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): ` +
            'Astro 5.18 đôi khi không ghi lần lưu cuối (withastro/astro#15672). Đã xoá kho đó; chạy lại `astro build` để dựng từ đầu. ' +
            '`npm run build` tự chạy lại một lần.',
        );
        process.exit(STALE_STORE_EXIT);
      },
    },
  };
}
