/**
 * A disk that fills up during a build, on a real small file system (a tmpfs mounted for the
 * test; it needs root, and is skipped with the reason otherwise): the build stops with a
 * message naming the path it could not write and saying the disk is full, the site built
 * before stays exactly as it was, nothing half-built is left beside it, and once space is
 * freed the next build completes.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, treeDiff, treeDigest, type World } from './fault-harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.join(ROOT, 'content/sources');
const mountPoint = mkdtempSync(path.join(tmpdir(), 'vbg-full-'));

/** Mount a 48 MB tmpfs, or say why not. */
function mount(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
}
const cannotMount = mount();
if (cannotMount) console.warn(`disk-full test skipped: ${cannotMount}`);

afterAll(() => {
  if (!cannotMount) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fill the file system until `leave` bytes are free. */
function fillTo(leave: number): void {
  const filler = path.join(mountPoint, 'filler');
  const { bavail, bsize } = statfsSync(mountPoint);
  const free = bavail * bsize;
  if (free > leave) appendFileSync(filler, Buffer.alloc(free - leave));
}

describe('disk full during a build', () => {
  it.skipIf(cannotMount !== null)(
    'stops with a message naming the path, keeps the previous site whole, and builds once space is back',
    async () => {
      const world: World = {
        dir: mountPoint,
        sources: path.join(mountPoint, 'sources'),
        generated: path.join(mountPoint, 'generated'),
        cache: path.join(mountPoint, 'cache'),
        out: path.join(mountPoint, 'dist'),
      };
      mkdirSync(world.sources);
      for (const name of readdirSync(SEEDS).sort().slice(0, 2))
        writeFileSync(path.join(world.sources, name), readFileSync(path.join(SEEDS, name)));
      const first = await build(world);
      expect(first.code, first.output.slice(-2000)).toBe(0);
      const site = treeDigest(world.out);

      // An edited plan, so the next build has to write, then room for little more than the locks: the pipeline stops.
      const plan = path.join(world.sources, readdirSync(world.sources).sort()[0]!);
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('Nơi nhận', 'Một câu mới.\n\nNơi nhận'));
      fillTo(32 * 1024);
      const full = await build(world);
      expect(full.code).not.toBe(0);
      expect(full.output).toMatch(/Ổ đĩa (đã đầy|chứa .* đã đầy)/u);
      expect(full.output).toContain(mountPoint.split(path.sep).pop()!);
      expect(full.output).toContain('vẫn giữ nguyên');
      expect(treeDiff(site, treeDigest(world.out))).toEqual([]);

      // Room for the pipeline's few changed files but not for a new site: Astro stops.
      rmSync(path.join(mountPoint, 'filler'));
      fillTo(1024 * 1024);
      const astro = await build(world);
      expect(astro.code).not.toBe(0);
      expect(astro.output).toMatch(/Ổ đĩa (đã đầy|chứa .* đã đầy)/u);
      expect(treeDiff(site, treeDigest(world.out))).toEqual([]);
      expect(readdirSync(mountPoint).filter((name) => name.includes('.building-') || name.endsWith('.lock'))).toEqual([]);

      // Space back: the build completes, with the edit.
      rmSync(path.join(mountPoint, 'filler'));
      const again = await build(world);
      expect(again.code, again.output.slice(-2000)).toBe(0);
      expect(existsSync(path.join(world.out, 'index.html'))).toBe(true);
      expect(treeDiff(site, treeDigest(world.out)).length).toBeGreaterThan(0);
      console.log(
        `disk full: pipeline stopped with «${full.output.split('\n').find((line) => line.includes('Ổ đĩa'))}»; ` +
          `astro stopped with «${astro.output.split('\n').find((line) => line.includes('Ổ đĩa'))}»`,
      );
    },
    900_000,
  );
});
