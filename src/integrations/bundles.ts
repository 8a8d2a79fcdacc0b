/**
 * Astro integration: make Vite's two bundles of `astro build` cheaper, without changing
 * what they contain. Every build bundles again from scratch (Astro and Vite keep no
 * bundle cache), and at 1,000 plans most of that work went into two modules:
 *
 * - `astro:data-layer-content`, the content layer's data store (every plan's record), which
 *   Astro turns into one JavaScript literal of the whole store (1.4 MB at 1,000 plans, ~7 MB
 *   at 5,000) bundled into the server build. Rollup then parses and tree-shakes every array
 *   and string of it, although nothing of it can be shaken. It is loaded here from the same
 *   file as one string, `JSON.parse("…")`: one token to parse, nothing to trace, and the
 *   same value at run time (`devalue.unflatten` reads the array either way).
 * - Cytoscape (`cytoscape.esm.mjs`, 1.1 MB), in the graph pages' browser bundle: Rollup's
 *   tree-shaking traced all of it on every build and dropped nothing (rendered 1,109,438 of
 *   1,109,473 bytes). It is marked `no-treeshake`: included as it is, still minified.
 *
 * And Vite's size report is off (`build.reportCompressedSize`): it gzipped every chunk of
 * both bundles only to print the sizes.
 *
 * `VBG_BUNDLES=off` leaves Vite's defaults (to measure the difference).
 *
 * The output is the same for a given input, so builds stay deterministic; the browser code
 * shipped is the same code (Cytoscape included whole, as tree-shaking left it).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Id Astro's content plugin gives the data store's module once resolved. */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** Vendor modules included whole instead of tree-shaken (nothing of them was shaken). */
export const WHOLE_VENDOR_MODULE = /[\\/]node_modules[\\/]cytoscape[\\/]dist[\\/]cytoscape\.esm\.mjs$/;

/** A hook's result in Rollup's terms (Vite passes it through to Rollup). */
interface ModuleResult {
  code: string;
  map: { mappings: '' } | null;
  moduleSideEffects?: 'no-treeshake';
}

/**
 * The data store's module as one `JSON.parse` of its file's text. Astro writes the file
 * (`data-store.json` in the cache folder) when it syncs the content layer, before bundling,
 * and loads the module from it: here the same text, as a string instead of a literal.
 *
 * @param json Text of the data store file.
 * @returns Module code, or null when the text is not JSON (then Astro loads the module).
 */
export function dataStoreModule(json: string): string | null {
  try {
    JSON.parse(json);
  } catch {
    return null;
  }
  return `export default JSON.parse(${JSON.stringify(json)});\n`;
}

/**
 * The Vite plugin (build only).
 *
 * @param dataStoreFile Path of Astro's data store file for this build.
 * @returns Plugin object, in Vite's and Rollup's hook shape.
 */
export function bundlesPlugin(dataStoreFile: string): {
  name: string;
  apply: 'build';
  load: { order: 'pre'; handler: (id: string) => Promise<ModuleResult | null> };
  transform: (code: string, id: string) => ModuleResult | null;
} {
  return {
    name: 'van-ban-bundles',
    apply: 'build',
    // Before Astro's content plugin, which loads the same id.
    load: {
      order: 'pre',
      async handler(id) {
        if (id !== DATA_STORE_MODULE) return null;
        const json = await readFile(dataStoreFile, 'utf8').catch(() => null);
        const code = json === null ? null : dataStoreModule(json);
        return code === null ? null : { code, map: { mappings: '' } };
      },
    },
    transform(code, id) {
      return WHOLE_VENDOR_MODULE.test(id) ? { code, map: null, moduleSideEffects: 'no-treeshake' } : null;
    },
  };
}

/**
 * The integration.
 *
 * @returns Astro integration.
 */
export default function bundles(): AstroIntegration {
  return {
    name: 'van-ban-bundles',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, command }) => {
        if (command !== 'build' || process.env['VBG_BUNDLES'] === 'off') return;
        // Where Astro keeps the store in a build (`getDataStoreFile` of astro/dist/content).
        const dataStoreFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({ vite: { plugins: [bundlesPlugin(dataStoreFile)], build: { reportCompressedSize: false } } });
      },
    },
  };
}
