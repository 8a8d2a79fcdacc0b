/**
 * CPU time from Linux's `/proc`, for readers' time limits that must not depend on how busy
 * the machine is (a wall-time limit drops a file from one build and not the next). Node 20
 * has no per-thread or per-child CPU clock (`process.threadCpuUsage` is Node 23.9+;
 * `process.cpuUsage` counts every thread of this process, the pipeline's workers too).
 */
import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) of the calling thread, in ms; wall time where `/proc` is missing.
 *
 * @returns Milliseconds (any origin).
 */
export function threadCpuMs(): number {
  return statCpuMs('/proc/thread-self/stat') ?? performance.now();
}

/**
 * CPU time (user + system, its threads included) a running process has used.
 *
 * @param pid Process id.
 * @returns Milliseconds, or null when it cannot be read (ended, or no `/proc`).
 */
export function processCpuMs(pid: number): number | null {
  return statCpuMs(`/proc/${pid}/stat`);
}

function statCpuMs(file: string): number | null {
  let stat: string;
  try {
    stat = readFileSync(file, 'latin1');
  } catch {
    return null;
  }
  // After the command name (in parentheses, which may itself hold spaces): utime and stime
  // are the 14th and 15th fields, in ticks of USER_HZ (100 on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}
