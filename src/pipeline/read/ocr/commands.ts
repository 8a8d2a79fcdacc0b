/**
 * The external programs OCR runs (Tesseract, pdftoppm, pdfinfo), started with `execFile`:
 * no shell, arguments as a list, only paths inside a private temporary folder, never text
 * from a document. Every run has a time limit (its CPU time, see `runCommand`) and an output cap.
 */
import { execFile } from 'node:child_process';
import { processCpuMs } from '../cpu-time.ts';

/** Program names (or paths); injectable so tests can simulate a machine without them. */
export interface OcrCommands {
  tesseract: string;
  pdftoppm: string;
  pdfinfo: string;
}

export const DEFAULT_COMMANDS: Readonly<OcrCommands> = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', pdfinfo: 'pdfinfo' };

/**
 * What a run gave, and the CPU time it used (ms): the program's own as last sampled (every
 * `CHECK_EVERY_MS`, so a little under the truth), or its wall time where that cannot be read.
 * The OCR of a file sums these against the file's limit.
 */
export type RunResult = (
  { ok: true; stdout: string; stderr: string } | { ok: false; reason: 'missing' | 'timeout' | 'failed'; stderr: string }
) & { cpuMs: number };

/** Runs one program; injectable so tests can count calls. */
export type RunCommand = (command: string, args: readonly string[], timeoutMs: number) => Promise<RunResult>;

/** Largest stdout kept (TSV of a dense page is ~200 KB). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Tesseract's OpenMP would start a thread per core in every process; pages already run two at
 * a time on a 2-core machine, so each process gets one thread (and the output does not depend
 * on the thread count).
 */
const CHILD_ENV: NodeJS.ProcessEnv = { ...process.env, OMP_THREAD_LIMIT: '1', LC_ALL: 'C.UTF-8' };

/**
 * The time limit counts the program's own CPU time (Linux's `/proc/<pid>/stat`), not wall
 * time: at load 25 on two cores a page Tesseract recognises in 15 s of work takes about
 * 190 s, and a wall-time limit then left the page out of one build and not the next. Where
 * the program's CPU time cannot be read (not Linux), wall time stands in; a wall-time backstop
 * of `WALL_FACTOR` times the limit stops a program that waits without working.
 */
export const WALL_FACTOR = 10;
const CHECK_EVERY_MS = 250;

export const runCommand: RunCommand = (command, args, timeoutMs) =>
  new Promise((resolve) => {
    let overTime = false;
    let lastCpuMs: number | null = null;
    const started = performance.now();
    // Once the program has exited its /proc entry is gone, so the last sample stands for it.
    const used = (): number => lastCpuMs ?? performance.now() - started;
    const child = execFile(
      command,
      [...args],
      { maxBuffer: MAX_OUTPUT_BYTES, env: CHILD_ENV, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        clearInterval(watch);
        if (!error) {
          resolve({ ok: true, stdout, stderr, cpuMs: used() });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' || code === 'EACCES' ? 'missing' : overTime ? 'timeout' : 'failed';
        resolve({ ok: false, reason, stderr: String(stderr ?? '').slice(0, 2000), cpuMs: used() });
      },
    );
    const watch = setInterval(
      () => {
        const wall = performance.now() - started;
        const cpu = child.pid === undefined ? null : processCpuMs(child.pid);
        if (cpu !== null) lastCpuMs = cpu;
        if ((cpu ?? wall) > timeoutMs || wall > timeoutMs * WALL_FACTOR) {
          overTime = true;
          child.kill('SIGKILL');
          clearInterval(watch);
        }
      },
      Math.min(CHECK_EVERY_MS, timeoutMs),
    );
  });
