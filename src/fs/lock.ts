/**
 * A lock on a folder a build writes (the generated dir, a cache, the site), so two builds of
 * the same project started at once do not write the same files: the second stops at once
 * with a message saying which build holds the folder.
 *
 * The lock is a file beside the folder (`<folder>.lock`) holding the holder's pid, host and
 * start time, created whole or not at all (written under a temporary name, then hard-linked
 * to the lock's name, which fails when it exists). A lock whose holder is no longer running
 * on this host (a build killed with SIGKILL, a machine that rebooted) is stale: it is taken
 * over, with a note; so is a lock file whose content is damaged. The holder removes its lock when it exits, even on an error or Ctrl-C.
 */
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WriteError, processAlive } from './atomic-write.ts';

/** What a lock file holds. */
interface LockInfo {
  pid: number;
  host: string;
  started: string;
  what: string;
}

/** Another live build holds the lock. */
export class LockedError extends Error {
  readonly lockPath: string;
  constructor(lockPath: string, holder: LockInfo | null) {
    const shown = path.relative(process.cwd(), lockPath) || lockPath;
    const who = holder
      ? `tiến trình ${holder.pid} trên máy ${holder.host}, bắt đầu lúc ${holder.started}`
      : 'một tiến trình khác';
    const whoEn = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.started}` : 'another process';
    super(
      `Một bản dựng khác đang chạy (${who}) và đang giữ khoá “${shown}”. Đợi bản dựng đó xong rồi chạy lại; ` +
        `nếu chắc chắn không còn bản dựng nào chạy, xoá tệp “${shown}”. / ` +
        `Another build is running (${whoEn}) and holds the lock "${shown}". Wait for it to finish, then run again; ` +
        `if you are sure no build is running, delete "${shown}".`,
    );
    this.name = 'LockedError';
    this.lockPath = lockPath;
  }
}

/**
 * The holder recorded in a lock file, or null when it cannot be read as one.
 *
 * @param lockPath The lock file.
 * @returns Its content.
 */
function readLock(lockPath: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return null;
    return { pid: info.pid, host: info.host, started: String(info.started ?? '?'), what: String(info.what ?? '') };
  } catch {
    return null;
  }
}

/**
 * Whether an existing lock can be taken over: its holder is not running here, or it holds no
 * holder at all (a lock is created whole, so unreadable content is damage, never a lock
 * being written).
 *
 * @param holder What it holds.
 * @returns True when stale.
 */
function isStale(holder: LockInfo | null): boolean {
  if (holder === null) return true;
  return holder.host === hostname() && !processAlive(holder.pid);
}

/** A held lock. */
export interface Lock {
  path: string;
  /** Whether it replaced a stale lock (say so in the log). */
  tookOverFrom: number | null;
  release(): void;
}

/** Locks held by this process, released on exit. */
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Take the lock of a folder.
 *
 * @param folder The folder to lock (the lock file is `<folder>.lock`).
 * @param what What holds it, for the message another build prints ("npm run build").
 * @returns The lock.
 * @throws LockedError when a live process holds it.
 */
export function acquireLock(folder: string, what: string): Lock {
  const lockPath = `${path.resolve(folder)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), what };
  const temporary = `${lockPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(info)}\n`);
  } catch (error) {
    rmSync(temporary, { force: true });
    // A full disk shows here first: say so, naming the lock.
    throw new WriteError(lockPath, error);
  }
  let tookOverFrom: number | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
        const holder = readLock(lockPath);
        if (holder?.pid === process.pid && holder.host === info.host) throw new LockedError(lockPath, holder);
        if (!isStale(holder)) throw new LockedError(lockPath, holder);
        tookOverFrom = holder?.pid ?? 0;
        rmSync(lockPath, { force: true });
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  held.add(lockPath);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const file of held) releaseFile(file);
    });
  }
  return {
    path: lockPath,
    tookOverFrom,
    release: () => {
      releaseFile(lockPath);
      held.delete(lockPath);
    },
  };
}

/**
 * Remove a lock file if it is still ours.
 *
 * @param lockPath The lock file.
 */
function releaseFile(lockPath: string): void {
  const holder = readLock(lockPath);
  if (holder?.pid === process.pid && holder.host === hostname()) rmSync(lockPath, { force: true });
}

/**
 * Take the lock of a folder, waiting while a live process holds it (polling; a stale lock is
 * taken over at once, as by `acquireLock`). For a folder builds with different outputs share
 * (Astro's `.astro/` in the project): the second build waits its turn instead of stopping.
 *
 * @param folder The folder to lock.
 * @param what What holds it.
 * @param options `onWait` is called once, with the holder's message, when the lock is busy;
 *   `timeoutMs` (default 30 minutes) ends the wait with the last LockedError.
 * @returns The lock.
 */
export async function waitForLock(
  folder: string,
  what: string,
  options: { onWait?: (error: LockedError) => void; timeoutMs?: number; pollMs?: number } = {},
): Promise<Lock> {
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let said = false;
  for (;;) {
    try {
      return acquireLock(folder, what);
    } catch (error) {
      if (!(error instanceof LockedError) || Date.now() >= deadline) throw error;
      if (!said) options.onWait?.(error);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
  }
}
