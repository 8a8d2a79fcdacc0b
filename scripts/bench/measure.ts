/**
 * Run a child process and measure it: wall time, peak memory and when each output line
 * arrived (to split one process's time into phases by its log).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What a measured run gives back. */
export interface Measured {
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak resident set size in bytes of the largest single process of the run, or null if unknown. */
  peakRss: number | null;
  /**
   * CPU time in milliseconds (user + system, the process and the children it waited for, such
   * as Pagefind's program), or null without GNU time. Others' load on a shared machine
   * stretches wall time far more than CPU time.
   */
  cpuMs: number | null;
  /** Output lines (stdout and stderr) with their arrival time in ms since the start. */
  lines: { at: number; text: string }[];
  code: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs so far, to name each run's GNU time report. */
let runs = 0;

/**
 * Run `command args` in the project folder with extra environment variables.
 *
 * Peak memory comes from GNU time's "Maximum resident set size" when /usr/bin/time exists,
 * else from polling VmHWM in /proc for the child (which misses grandchildren such as the
 * Pagefind binary; the table says which method was used).
 *
 * @param command Executable.
 * @param args Arguments.
 * @param env Extra environment.
 * @param cwd Working folder (default: this process's, the project folder).
 * @param onMessage With it, the child gets an IPC channel (through GNU time too, which passes
 *   it on), and each message it sends is handed here, with a function that answers it.
 * @returns Measurements; throws when the process fails.
 */
export async function measure(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  onMessage?: (message: unknown, answer: (message: string) => void) => void,
): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  runs += 1;
  const timeFile = path.join(tmpdir(), `vbg-bench-time-${process.pid}-${runs}.txt`);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: onMessage ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  if (onMessage) {
    const answer = (message: string): void => {
      if (child.connected) child.send(message);
    };
    child.on('message', (message) => onMessage(message, answer));
  }
  const lines: Measured['lines'] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue; // never: both are pipes
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - started;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text });
    });
    stream.on('end', () => {
      if (rest) lines.push({ at: performance.now() - started, text: rest });
    });
  }
  let polled = 0;
  const poll = useTime ? null : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid))), 100);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  const ms = performance.now() - started;
  if (poll) clearInterval(poll);
  let peakRss: number | null = polled > 0 ? polled : null;
  let cpuMs: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const report = await readFile(timeFile, 'utf8');
    await unlink(timeFile);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
    peakRss = kb ? Number(kb) * 1024 : null;
    const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    cpuMs = user && system ? (Number(user) + Number(system)) * 1000 : null;
  }
  if (code !== 0) {
    const tail = lines
      .slice(-20)
      .map((line) => line.text)
      .join('\n');
    throw new Error(`${command} ${args.join(' ')} thoát với mã ${code}:\n${tail}`);
  }
  return { ms, peakRss, cpuMs, lines, code };
}

/** Which method `measure` uses for memory, for the table's notes. */
export function memoryMethod(): string {
  return existsSync(GNU_TIME) ? '/usr/bin/time -v (largest single process)' : '/proc VmHWM of the child (children not counted)';
}

/** Peak RSS (VmHWM) of a live process in bytes, or 0. */
function vmHwm(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // Synchronous read keeps the poll simple; /proc reads never block.
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
