/**
 * scripts/test-deps.sh, which `npm test` runs first: on a machine without Chromium it installs
 * Debian's package when it can (root with apt-get) and otherwise stops saying what to do.
 * Simulated with a copy of the script whose Chromium path is a temporary file, and a PATH
 * holding only stub `id` and `apt-get` commands.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(new URL('../../scripts/test-deps.sh', import.meta.url), 'utf8');
const dirs: string[] = [];

interface Run {
  status: number | null;
  stderr: string;
  /** The apt-get calls, one line each. */
  apt: string[];
  chromium: string;
}

/**
 * Run the script in a made-up machine.
 *
 * @param machine Whether Chromium is there, the user id, whether apt-get exists and works.
 * @param env Extra environment (CHROMIUM_PATH).
 * @returns Exit status, messages and the apt-get calls.
 */
function run(
  machine: { chromium: boolean; uid: number; apt: 'works' | 'fails' | 'none' },
  env: Record<string, string> = {},
): Run {
  const dir = mkdtempSync(path.join(tmpdir(), 'test-deps-'));
  dirs.push(dir);
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const chromium = path.join(dir, 'chromium');
  const log = path.join(dir, 'apt.log');
  writeFileSync(path.join(dir, 'test-deps.sh'), SCRIPT.replaceAll('/usr/bin/chromium', chromium));
  const executable = (file: string, body: string): void => {
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  };
  if (machine.chromium) executable(chromium, 'exit 0');
  executable(path.join(bin, 'id'), `echo ${machine.uid}`);
  if (machine.apt !== 'none') {
    const install = machine.apt === 'works' ? `printf '#!/bin/sh\\n' > '${chromium}'; /bin/chmod 755 '${chromium}'` : 'exit 100';
    executable(path.join(bin, 'apt-get'), `echo "$*" >> '${log}'\ncase "$*" in *install*) ${install};; esac\nexit 0`);
  }
  const result = spawnSync('/bin/sh', [path.join(dir, 'test-deps.sh')], {
    env: { PATH: bin, ...env },
    encoding: 'utf8',
  });
  return {
    status: result.status,
    stderr: result.stderr,
    apt: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
    chromium,
  };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/test-deps.sh', () => {
  it('does nothing when Chromium is there', () => {
    const result = run({ chromium: true, uid: 1000, apt: 'none' });
    expect(result).toMatchObject({ status: 0, stderr: '', apt: [] });
  });

  it('installs Debian Chromium when missing, as root with apt-get', () => {
    const result = run({ chromium: false, uid: 0, apt: 'works' });
    expect(result.status).toBe(0);
    expect(result.apt).toEqual(['update -qq', 'install -y -qq chromium']);
    expect(existsSync(result.chromium)).toBe(true);
    expect(result.stderr).toContain('Installing Debian packages for the tests: chromium');
  });

  it('says what went wrong when apt-get cannot install it', () => {
    const result = run({ chromium: false, uid: 0, apt: 'fails' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not install chromium with apt-get');
    expect(result.stderr).toContain('CHROMIUM_PATH');
  });

  it('prints the command to run when not root', () => {
    const result = run({ chromium: false, uid: 1000, apt: 'works' });
    expect(result.status).toBe(1);
    expect(result.apt).toEqual([]);
    expect(result.stderr).toContain('apt-get update && apt-get install -y chromium');
    expect(result.stderr).toContain('npx vitest run --project unit');
  });

  it('prints the command to run on a machine without apt-get', () => {
    const result = run({ chromium: false, uid: 0, apt: 'none' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apt-get update && apt-get install -y chromium');
  });

  it('names a CHROMIUM_PATH that is no executable, and installs nothing', () => {
    const result = run({ chromium: false, uid: 0, apt: 'works' }, { CHROMIUM_PATH: '/nonexistent/chrome' });
    expect(result.status).toBe(1);
    expect(result.apt).toEqual([]);
    expect(result.stderr).toContain('CHROMIUM_PATH=/nonexistent/chrome is not an executable file');
  });

  it('takes a CHROMIUM_PATH that is one', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'test-deps-chrome-'));
    dirs.push(other);
    const chrome = path.join(other, 'chrome');
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    const result = run({ chromium: false, uid: 1000, apt: 'none' }, { CHROMIUM_PATH: chrome });
    expect(result).toMatchObject({ status: 0, stderr: '', apt: [] });
  });
});
