// @ts-check
/**
 * The build's TypeScript entry points as pre-bundled JavaScript, cached by their inputs.
 *
 * Why: loading the pipeline through tsx (a loader thread transforming and resolving each of
 * ~150 modules) took 2–3 s of CPU before its first step, and again in every worker thread;
 * Astro, finding that `astro.config.mjs` imports TypeScript, loads it through a Vite server
 * (~2 s of CPU). One ES module per entry, made by esbuild (Astro's own, declared in
 * package.json), loads natively in a fraction of that (bench/history.md, 2026-12-07, h43).
 *
 * A bundle is a build output, never committed: `<project>/.cache/bundles/<group>/<key>/`,
 * where the key hashes every input file esbuild read (its metafile), package.json,
 * tsconfig.json, esbuild's version and the options below. `current.json` beside it names the
 * key, the inputs and each output's hash: a bundle is used only when its inputs hash to the
 * same key and its files to the same hashes, so an edited source, a damaged or missing file
 * or an empty cache means bundling again (0.4–2 s), and a failed bundle means the slow route
 * (tsx, or Astro's own loading), with a warning. `VBG_BUNDLE=off` takes the slow route always.
 *
 * Always under the project (not VBG_CACHE_DIR): the bundles leave the packages external, and
 * Node finds them from the bundle's folder up, in the project's node_modules.
 *
 * Plain JavaScript because it runs before anything can load TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the bundles are kept: inside the project (see above). */
export const BUNDLES_DIR = path.join(root, '.cache', 'bundles');

/** Raised when a group's bundle format changes (the options below or the manifest's shape). */
const FORMAT = '1';

/**
 * The groups: entry points bundled together (shared modules become common chunks).
 * @type {Record<string, string[]>}
 */
export const GROUPS = {
  // The pipeline and its worker threads, which load their own entry (scripts/pipeline/*.mjs).
  pipeline: ['scripts/build-pipeline.ts', 'scripts/pipeline/analyse-worker.ts', 'scripts/pipeline/emit-worker.ts'],
  // `npm run build`'s own script (locks, the two steps, the swap of the output).
  build: ['scripts/build.ts'],
  // The Astro config with its integrations and remark plugin, given to `astro build --config`.
  'astro-config': ['astro.config.mjs'],
};

/** Files that change the bundles without being one of their sources: esbuild's settings and this module's options. */
const SETTINGS_FILES = ['package.json', 'tsconfig.json', path.relative(root, fileURLToPath(import.meta.url))];

/**
 * Where to keep bundles and what to bundle; the defaults serve the build, tests pass others.
 * @typedef {object} BundleOptions
 * @property {boolean} [make] false: only a bundle already fresh (worker threads, whose main thread just checked).
 * @property {string} [dir] Folder of the bundles, inside the project (default BUNDLES_DIR).
 * @property {Record<string, string[]>} [groups] Groups by name (default GROUPS).
 */

/**
 * @typedef {object} Manifest
 * @property {string} format
 * @property {string} key
 * @property {string[]} inputs Project-relative files the key hashes.
 * @property {Record<string, string>} outputs Output file (relative to the key's folder) → its sha256.
 * @property {Record<string, string>} entries Entry point → its output file (relative to the key's folder).
 */

/** @returns {string} The installed esbuild's version, read without loading esbuild. */
function esbuildVersion() {
  return /** @type {{ version: string }} */ (createRequire(import.meta.url)('esbuild/package.json')).version;
}

/**
 * @param {string | Buffer} data
 * @returns {string}
 */
function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The key of a group built from `inputs`: their names and contents, the tool and the options.
 *
 * @param {string[]} entries The group's entry points.
 * @param {string[]} inputs Project-relative paths.
 * @returns {string} Hex digest; throws when an input cannot be read.
 */
function keyOf(entries, inputs) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FORMAT, entries, esbuild: esbuildVersion(), root }));
  for (const input of inputs) hash.update(`\0${input}\0`).update(readFileSync(path.join(root, input)));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The group's current bundle if it is exactly what its inputs would give now.
 *
 * @param {string} groupDir The group's folder.
 * @param {string[]} entries Its entry points.
 * @returns {Manifest | null}
 */
function freshManifest(groupDir, entries) {
  try {
    const manifest = /** @type {Manifest} */ (JSON.parse(readFileSync(path.join(groupDir, 'current.json'), 'utf8')));
    if (manifest.format !== FORMAT || keyOf(entries, manifest.inputs) !== manifest.key) return null;
    return outputsIntact(path.join(groupDir, manifest.key), manifest.outputs) ? manifest : null;
  } catch {
    // Missing, unreadable or not JSON, or an input gone: not fresh.
    return null;
  }
}

/**
 * Whether a bundle's folder holds its files as they were made.
 *
 * @param {string} folder The key's folder.
 * @param {Record<string, string>} outputs File → sha256.
 * @returns {boolean}
 */
function outputsIntact(folder, outputs) {
  try {
    return Object.entries(outputs).every(([file, digest]) => sha256(readFileSync(path.join(folder, file))) === digest);
  } catch {
    return false;
  }
}

/**
 * esbuild plugin: each project module's `import.meta.url`, `.dirname` and `.filename` keep
 * naming the source file, not the bundle (the pipeline finds the project root, its worker
 * entries and its reference data from them; the Pagefind integration its package).
 *
 * @returns {import('esbuild').Plugin}
 */
function sourceLocations() {
  return {
    name: 'source-locations',
    setup(build) {
      build.onLoad({ filter: /\.(?:ts|mts|js|mjs)$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        // Patterns, not strings: this module is itself bundled (into build.ts's bundle, which
        // makes the Astro config's), and a string 'import.meta.url' here would be rewritten
        // there into this file's own URL, leaving every module of the bundles it makes naming
        // the bundle (the Pagefind integration then hashed none of its code into its parts'
        // fingerprints). A function replacement, so a `$` in a path is not a pattern.
        const contents = readFileSync(args.path, 'utf8')
          .replace(/\bimport\.meta\.url\b/g, () => JSON.stringify(pathToFileURL(args.path).href))
          .replace(/\bimport\.meta\.dirname\b/g, () => JSON.stringify(path.dirname(args.path)))
          .replace(/\bimport\.meta\.filename\b/g, () => JSON.stringify(args.path));
        return { contents, loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * Bundle a group into a fresh key folder and make it current.
 *
 * @param {string} groupDir The group's folder.
 * @param {string[]} entries Its entry points.
 * @returns {Promise<Manifest>}
 */
async function bundle(groupDir, entries) {
  const { build } = await import('esbuild');
  mkdirSync(groupDir, { recursive: true });
  const staging = path.join(groupDir, `.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: staging,
    outbase: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocations()],
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...SETTINGS_FILES])].sort();
  const key = keyOf(entries, inputs);
  /** @type {Manifest} */
  const manifest = { format: FORMAT, key, inputs, outputs: {}, entries: {} };
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    const file = path.relative(staging, path.resolve(root, output));
    manifest.outputs[file] = sha256(readFileSync(path.join(staging, file)));
    if (meta.entryPoint) manifest.entries[meta.entryPoint] = file;
  }
  // Another build may have made the same key meanwhile: its folder is kept when whole (that
  // build may be loading from it), replaced when damaged.
  const folder = path.join(groupDir, key);
  try {
    renameSync(staging, folder);
  } catch {
    if (outputsIntact(folder, manifest.outputs)) rmSync(staging, { recursive: true, force: true });
    else {
      rmSync(folder, { recursive: true, force: true });
      renameSync(staging, folder);
    }
  }
  const temporary = path.join(groupDir, `current.json.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(temporary, path.join(groupDir, 'current.json'));
  pruneOld(groupDir, key);
  return manifest;
}

/**
 * Delete the group's older bundles but the newest one besides the current (a build that
 * started on it may still start its worker threads from it).
 *
 * @param {string} groupDir
 * @param {string} current Key kept.
 */
function pruneOld(groupDir, current) {
  const others = readdirSync(groupDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current && !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, at: statSync(path.join(groupDir, entry.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { name } of others.slice(1)) rmSync(path.join(groupDir, name), { recursive: true, force: true });
}

/**
 * The bundled file of an entry point, bundling its group first when the cache lacks it or
 * holds a stale or damaged one.
 *
 * @param {string} group A key of the groups.
 * @param {string} entry One of its entry points (project-relative).
 * @param {BundleOptions} [options]
 * @returns {Promise<string | null>} Absolute path of the bundled entry, or null: take the slow route.
 */
export async function bundledEntry(group, entry, { make = true, dir = BUNDLES_DIR, groups = GROUPS } = {}) {
  if (process.env['VBG_BUNDLE'] === 'off') return null;
  const groupDir = path.join(dir, group);
  const entries = groups[group] ?? [];
  let manifest = freshManifest(groupDir, entries);
  if (!manifest && make) {
    try {
      manifest = await bundle(groupDir, entries);
    } catch (error) {
      process.stderr.write(
        `Cảnh báo: không đóng gói được “${group}” (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
          `chạy thẳng mã TypeScript, chậm hơn vài giây.\n`,
      );
      return null;
    }
  }
  const file = manifest?.entries[entry];
  return manifest && file ? path.join(groupDir, manifest.key, file) : null;
}

/**
 * The arguments that give `astro build`, run in the project folder, the config's bundle
 * (`--config <file>`, which Astro takes relative to the project); none when there is none,
 * and Astro loads astro.config.mjs itself (through Vite, since its imports are TypeScript).
 *
 * @returns {Promise<string[]>}
 */
export async function astroConfigArguments() {
  const file = await bundledEntry('astro-config', 'astro.config.mjs');
  return file ? ['--config', path.relative(root, file)] : [];
}

/**
 * Run a TypeScript entry point in this process (the arguments are this process's): from its
 * bundle, or through tsx when there is none.
 *
 * @param {string} group A key of GROUPS.
 * @param {string} entry One of its entry points (project-relative).
 */
export async function runEntry(group, entry) {
  const bundled = await bundledEntry(group, entry);
  if (bundled) {
    await import(pathToFileURL(bundled).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, entry)).href);
}
