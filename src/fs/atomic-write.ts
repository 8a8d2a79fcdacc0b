/**
 * Writes that never leave a half-written file behind, and write errors that say which path
 * failed and why in words a user can act on.
 *
 * A file is written to a temporary name beside its target (same folder, so the same file
 * system) and renamed over it: a reader, or the next build after a crash, a kill or a full
 * disk, sees either the old file or the new one, never a truncated one. A temporary name
 * carries the writer's pid (`<name>.<pid>.<n>.tmp`) so leftovers of a dead writer can be
 * recognised and removed (`removeStaleTemporaries`).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** The temporary name a write of `target` goes through. */
function temporaryOf(target: string): string {
  counter += 1;
  return `${target}.${process.pid}.${counter}.tmp`;
}

/** Shape of a temporary file's name: `<name>.<pid>.<n>.tmp`. */
const TEMPORARY = /\.(\d+)\.\d+\.tmp$/u;

/**
 * What a failed write of `target` means, in Vietnamese then English, naming the path.
 *
 * @param target The path that could not be written.
 * @param error The error the file system gave.
 * @returns A message for the terminal.
 */
export function writeErrorMessage(target: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const shown = path.relative(process.cwd(), target) || target;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return `Ổ đĩa đã đầy: không ghi được “${shown}” (${code}). Giải phóng dung lượng rồi dựng lại. / Disk full: cannot write "${shown}".`;
  }
  if (code === 'EFBIG') {
    return `Tệp vượt giới hạn kích thước cho phép: không ghi được “${shown}” (${code}). / File size limit exceeded: cannot write "${shown}".`;
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `Không có quyền ghi “${shown}” (${code}). / No permission to write "${shown}".`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Không ghi được “${shown}” (${code ?? detail}). / Cannot write "${shown}".`;
}

/** A write that failed, with a message naming the path (`writeErrorMessage`). */
export class WriteError extends Error {
  readonly path: string;
  readonly code: string | undefined;
  constructor(target: string, cause: unknown) {
    super(writeErrorMessage(target, cause), { cause });
    this.name = 'WriteError';
    this.path = target;
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/**
 * Write a file atomically (temporary file + rename). The folder must exist.
 *
 * @param target Path of the file.
 * @param data Its content (strings as UTF-8).
 * @throws WriteError naming `target` (the temporary file removed).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryOf(target);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new WriteError(target, error);
  }
}

/**
 * Replace a file by a hard link to another one holding the same bytes (link to a temporary
 * name, renamed over it), so the two share one inode. False, with `target` left as it was,
 * when the link cannot be made (another file system, a file system without hard links).
 *
 * @param existing File to link to.
 * @param target File replaced.
 * @returns Whether `target` is now the link.
 */
export async function replaceWithLink(existing: string, target: string): Promise<boolean> {
  const temporary = temporaryOf(target);
  try {
    await link(existing, temporary);
    await rename(temporary, target);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}

/**
 * `writeFileAtomic`, synchronously.
 *
 * @param target Path of the file.
 * @param data Its content.
 * @param options `mkdir`: create the folder first.
 * @throws WriteError naming `target`.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, options: { mkdir?: boolean } = {}): void {
  const temporary = temporaryOf(target);
  try {
    if (options.mkdir) mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new WriteError(target, error);
  }
}

/**
 * Whether a process with this pid is running on this machine.
 *
 * @param pid Process id.
 * @returns False when it certainly is not.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    // A killed build whose parent died is a zombie until PID 1 reaps it (in a container that
    // can take a while): it still answers signal 0 but holds nothing.
    return !isZombie(pid);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a process has exited and waits to be reaped (Linux's /proc; elsewhere: no).
 *
 * @param pid Process id.
 * @returns True for a zombie.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // "pid (command) state …": the command may hold spaces or parentheses, so read after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/**
 * Remove the temporary files of writers that are no longer running (a build killed mid-write)
 * from a folder, recursively.
 *
 * @param dir Folder.
 * @returns How many were removed.
 */
export function removeStaleTemporaries(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (processAlive(pid)) continue;
    const full = path.join(dir, name);
    try {
      if (!statSync(full).isFile()) continue;
      rmSync(full, { force: true });
      removed += 1;
    } catch {
      // Gone already.
    }
  }
  return removed;
}
