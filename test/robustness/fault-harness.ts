/**
 * Faults a user meets, done to a real build: killing it at a random moment (SIGKILL to its
 * whole process group: a crash, a power cut, Ctrl-C without cleanup) and damaging files of its
 * caches and generated dir (truncated, a byte flipped, emptied, replaced by garbage, deleted),
 * then rebuilding without cleaning. The result must equal a clean build byte for byte.
 *
 * Used by `fault-build.test.ts` (a few rounds) and as a script that runs more and prints the
 * figures:
 *
 *   npx tsx test/robustness/fault-harness.ts --rounds 10 --seed 1 [--plans 4] [--dir /tmp/x]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';
import { entryCommand } from './entry-command.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Folders of one test project. */
export interface World {
  dir: string;
  sources: string;
  generated: string;
  cache: string;
  out: string;
}

/**
 * The environment of a build: ours minus what Vitest injects (Astro would take BASE_URL).
 *
 * @param world Folders.
 * @returns Environment.
 */
export function buildEnv(world: World, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return {
    ...env,
    SITE_BASE: '/',
    OUT_DIR: world.out,
    VBG_SOURCES: world.sources,
    VBG_GENERATED: world.generated,
    VBG_CACHE_DIR: world.cache,
    // Fewer moving parts on a shared 2-core machine; the threads are tested elsewhere.
    VBG_PIPELINE_THREADS: '1',
    ...extra,
  };
}

/**
 * A project folder with a small synthetic corpus (the same plans for the same seed).
 *
 * @param dir Folder (emptied).
 * @param plans How many plans.
 * @param seed Corpus seed.
 * @returns Its folders.
 */
export async function makeWorld(dir: string, plans: number, seed: number): Promise<World> {
  rmSync(dir, { recursive: true, force: true });
  const world: World = {
    dir,
    sources: path.join(dir, 'sources'),
    generated: path.join(dir, 'generated'),
    cache: path.join(dir, 'cache'),
    out: path.join(dir, 'dist'),
  };
  mkdirSync(world.sources, { recursive: true });
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const made = await run(
    tsx,
    ['scripts/make-synthetic-corpus.ts', '--count', String(plans), '--seed', String(seed), '--out', world.sources],
    process.env,
  );
  if (made.code !== 0) throw new Error(`make-synthetic-corpus failed: ${made.output}`);
  return world;
}

/** What a run of a command gave. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
  killed: boolean;
}

/**
 * Run a command in its own process group; kill the whole group with SIGKILL after `killAfterMs`.
 *
 * @param command Executable.
 * @param args Arguments.
 * @param env Environment.
 * @param killAfterMs When to kill it, or undefined to let it finish.
 * @returns Exit code, output, duration, whether it was killed before finishing.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // Already gone.
            }
          }, killAfterMs);
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // Anything of the group still running (a worker the build started) goes too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // None.
      }
      resolve({ code, signal, output, ms: Date.now() - started, killed: killed && code === null });
    });
  });
}

/**
 * `npm run build` for a world (its runner script started directly: one process group to kill).
 *
 * @param world Folders.
 * @param killAfterMs Kill it after this long, if given.
 * @param extra More environment.
 * @returns What happened.
 */
export function build(world: World, killAfterMs?: number, extra: Record<string, string> = {}): Promise<RunResult> {
  return run(...entryCommand('build'), buildEnv(world, extra), killAfterMs);
}

/**
 * Every file under a folder with its SHA-256: what "byte for byte" compares.
 *
 * @param dir Folder.
 * @returns Relative path → hash, sorted by path.
 */
export function treeDigest(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .sort();
  return new Map(
    files.map((name) => [
      name.split(path.sep).join('/'),
      createHash('sha256')
        .update(readFileSync(path.join(dir, name)))
        .digest('hex'),
    ]),
  );
}

/**
 * How two trees differ, as short lines (empty when identical).
 *
 * @param expected Reference digest.
 * @param actual Digest to check.
 * @returns Differences (at most 20).
 */
export function treeDiff(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [file, hash] of expected) {
    if (!actual.has(file)) lines.push(`missing ${file}`);
    else if (actual.get(file) !== hash) lines.push(`differs ${file}`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) lines.push(`extra ${file}`);
  return lines.slice(0, 20);
}

/** Every file under a folder (absolute paths, sorted); [] when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** The ways a file is damaged. */
export const DAMAGE = ['truncate', 'flip', 'empty', 'garbage', 'delete', 'append'] as const;

/** Where damage is done: a file of each, so every store is hit whatever their sizes. */
function damageCandidates(world: World): string[][] {
  const cache = filesUnder(world.cache);
  const pipeline = cache.filter((file) => file.startsWith(path.join(world.cache, 'pipeline') + path.sep));
  const pages = cache.filter((file) => file.startsWith(path.join(world.cache, 'van-ban-pages') + path.sep));
  const astro = cache.filter((file) => !pipeline.includes(file) && !pages.includes(file));
  return [pipeline, pages, astro, filesUnder(world.generated)].filter((files) => files.length > 0);
}

/**
 * Damage `count` files of the world's caches (the pipeline's, the page store, Astro's own) and
 * generated dir, chosen by `next`: first a store, then a file of it.
 *
 * @param world Folders.
 * @param next PRNG.
 * @param count How many files.
 * @returns What was done, as "damage path" lines.
 */
export function damageFiles(world: World, next: () => number, count: number): string[] {
  const stores = damageCandidates(world);
  const done: string[] = [];
  for (let i = 0; i < count && stores.length > 0; i++) {
    const store = stores[i < stores.length ? i : Math.floor(next() * stores.length)]!;
    if (store.length === 0) continue;
    const [file] = store.splice(Math.floor(next() * store.length), 1);
    const damage = DAMAGE[Math.floor(next() * DAMAGE.length)]!;
    const size = statSync(file!).size;
    switch (damage) {
      case 'truncate':
        truncateSync(file!, Math.floor(size * next()));
        break;
      case 'flip': {
        if (size === 0) break;
        const bytes = readFileSync(file!);
        const at = Math.floor(next() * size);
        bytes[at] = bytes[at]! ^ (1 + Math.floor(next() * 255));
        writeFileSync(file!, bytes);
        break;
      }
      case 'empty':
        truncateSync(file!, 0);
        break;
      case 'garbage':
        writeFileSync(file!, Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256))));
        break;
      case 'delete':
        rmSync(file!, { force: true });
        break;
      case 'append':
        writeFileSync(file!, Buffer.concat([readFileSync(file!), Buffer.from('\n{"junk":')]));
        break;
    }
    done.push(`${damage} ${path.relative(world.dir, file!)}`);
  }
  return done;
}

/** Files a build must not leave behind: staging folders, locks, temporary files. */
export function leftovers(world: World): string[] {
  const beside = readdirSync(world.dir).filter((name) => /\.(lock|building-\d+|previous-\d+)$/u.test(name));
  const temporaries = [...filesUnder(world.cache), ...filesUnder(world.generated)].filter((file) => file.endsWith('.tmp'));
  return [...beside, ...temporaries.map((file) => path.relative(world.dir, file))];
}

/** One round's outcome. */
export interface Round {
  killAfterMs: number;
  killed: boolean;
  /** The served site was whole after the kill (equal to the last complete build). */
  siteWholeAfterKill: boolean;
  damaged: string[];
  rebuildCode: number | null;
  rebuildMs: number;
  identical: boolean;
  /** Staging folders, locks or temporary files left after the rebuild. */
  leftovers: string[];
  diff: string[];
  output: string;
}

/**
 * One fault round: a build killed after `killAfterMs`, `damage` files damaged, a rebuild.
 *
 * @param world Folders (a complete build in `out` that equals `reference`).
 * @param reference Digest of a clean build.
 * @param next PRNG.
 * @param killAfterMs When to kill.
 * @param damage How many files to damage.
 * @returns The outcome.
 */
export async function faultRound(
  world: World,
  reference: Map<string, string>,
  next: () => number,
  killAfterMs: number,
  damage: number,
  cold = false,
): Promise<Round> {
  if (cold) {
    // A build from empty caches (a first build, or after `rm -rf .cache`), killed mid-way.
    rmSync(world.cache, { recursive: true, force: true });
    rmSync(world.generated, { recursive: true, force: true });
  }
  const killedRun = await build(world, killAfterMs);
  const siteWholeAfterKill = existsSync(world.out) && treeDiff(reference, treeDigest(world.out)).length === 0;
  const damaged = damageFiles(world, next, damage);
  const rebuilt = await build(world);
  const diff = rebuilt.code === 0 ? treeDiff(reference, treeDigest(world.out)) : ['rebuild failed'];
  return {
    killAfterMs,
    killed: killedRun.killed,
    siteWholeAfterKill,
    damaged,
    rebuildCode: rebuilt.code,
    rebuildMs: rebuilt.ms,
    identical: rebuilt.code === 0 && diff.length === 0,
    leftovers: leftovers(world),
    diff,
    output: rebuilt.output,
  };
}

/** The script: `--rounds N --seed S --plans P --dir D --damage K`. */
async function main(): Promise<void> {
  const arg = (name: string, fallback: string): string => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
  };
  const rounds = Number(arg('rounds', '6'));
  const seed = Number(arg('seed', '1'));
  const next = mulberry32(seed);
  const world = await makeWorld(path.resolve(arg('dir', path.join(ROOT, 'dist-fault'))), Number(arg('plans', '4')), seed);
  const clean = await build(world);
  if (clean.code !== 0) throw new Error(`clean build failed:\n${clean.output}`);
  const reference = treeDigest(world.out);
  process.stdout.write(`clean build: ${clean.ms} ms, ${reference.size} files\n`);
  let survived = 0;
  let damagedTotal = 0;
  let warmMs = clean.ms;
  for (let round = 0; round < rounds; round++) {
    // Every third round kills a build from empty caches; the others an incremental one.
    const cold = round % 3 === 0;
    const killAfter = Math.round(300 + next() * (cold ? clean.ms : warmMs));
    const outcome = await faultRound(world, reference, next, killAfter, 1 + Math.floor(next() * 6), cold);
    warmMs = outcome.rebuildMs;
    damagedTotal += outcome.damaged.length;
    const ok = outcome.identical && outcome.siteWholeAfterKill && outcome.leftovers.length === 0;
    if (ok) survived += 1;
    process.stdout.write(
      `round ${round + 1} (${cold ? 'cold' : 'warm'}): kill at ${killAfter} ms (${outcome.killed ? 'killed' : 'had finished'}), site whole after kill: ${outcome.siteWholeAfterKill}, ` +
        `damaged ${outcome.damaged.join('; ')} → rebuild (${outcome.rebuildMs} ms) ${outcome.identical ? 'identical' : `DIFFERENT: ${outcome.diff.join(', ')}`}` +
        `${outcome.leftovers.length > 0 ? `; left behind: ${outcome.leftovers.join(', ')}` : ''}\n`,
    );
    if (!outcome.identical) process.stdout.write(outcome.output.slice(-3000));
  }
  process.stdout.write(`faults: ${rounds} kills + ${damagedTotal} damaged files; survived ${survived}/${rounds} rounds\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
