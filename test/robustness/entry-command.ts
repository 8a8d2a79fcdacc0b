/**
 * How the robustness tests start the pipeline and the build: the way `npm run pipeline` and
 * `npm run build` do (scripts/run-pipeline.mjs, scripts/run-build.mjs: Node on the cached
 * esbuild bundle, tsx only when there is none), so what they kill, cut short or starve is the
 * program users run, not the tsx route beside it. One Node process, no npm in between: one
 * process group to kill, and a pid that is the build's own.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The runner scripts, by what they start. */
const RUNNERS = {
  pipeline: 'scripts/run-pipeline.mjs',
  build: 'scripts/run-build.mjs',
} as const;

/**
 * The command and arguments that run a step as its npm script does (run from the project folder).
 *
 * @param step `pipeline` (`npm run pipeline`) or `build` (`npm run build`).
 * @param args Arguments after the script (`--strict`).
 * @returns `[node, [script, ...args]]`.
 */
export function entryCommand(step: keyof typeof RUNNERS, args: string[] = []): [string, string[]] {
  return [process.execPath, [path.join(ROOT, RUNNERS[step]), ...args]];
}
