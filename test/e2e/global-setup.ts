/**
 * Build the site twice before the browser tests: at the root and under a sub-path,
 * exactly as a user would (`npm run build` with SITE_BASE / OUT_DIR).
 */
import { execFileSync } from 'node:child_process';
import { BUILDS, ROOT } from './harness.ts';

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  for (const build of Object.values(BUILDS)) {
    execFileSync('npm', ['run', '-s', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, SITE_BASE: build.base, OUT_DIR: build.dir },
    });
  }
}
