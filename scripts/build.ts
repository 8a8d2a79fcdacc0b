/**
 * `npm run build [-- --strict]`: the pipeline (`scripts/build-pipeline.ts`, which takes the
 * flags), then `astro build` (whose Pagefind integration indexes the result). A failing step
 * stops the build with its exit code.
 *
 * A script rather than `pipeline && astro build` in package.json, because npm appends
 * `-- --strict` to the last command only, where the pipeline would never see it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

/**
 * Run one step, inheriting the terminal; exit with its code when it fails.
 *
 * @param command Executable.
 * @param args Arguments.
 */
function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(bin('tsx'), [path.join(root, 'scripts/build-pipeline.ts'), ...process.argv.slice(2)]);
// `--strict` reaches Astro as VBG_STRICT=1: a broken note or page then fails the build too.
if (process.argv.includes('--strict')) process.env['VBG_STRICT'] = '1';
step(bin('astro'), ['build']);
