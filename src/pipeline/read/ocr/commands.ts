/**
 * The external programs OCR runs (Tesseract, pdftoppm, pdfinfo), started with `execFile`:
 * no shell, arguments as a list, only paths inside a private temporary folder, never text
 * from a document. Every run has a timeout and an output cap.
 */
import { execFile } from 'node:child_process';

/** Program names (or paths); injectable so tests can simulate a machine without them. */
export interface OcrCommands {
  tesseract: string;
  pdftoppm: string;
  pdfinfo: string;
}

export const DEFAULT_COMMANDS: Readonly<OcrCommands> = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', pdfinfo: 'pdfinfo' };

export type RunResult =
  { ok: true; stdout: string; stderr: string } | { ok: false; reason: 'missing' | 'timeout' | 'failed'; stderr: string };

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

export const runCommand: RunCommand = (command, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(
      command,
      [...args],
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT_BYTES,
        env: CHILD_ENV,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout, stderr });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === 'ENOENT' || code === 'EACCES' ? 'missing' : error.killed || error.signal === 'SIGKILL' ? 'timeout' : 'failed';
        resolve({ ok: false, reason, stderr: String(stderr ?? '').slice(0, 2000) });
      },
    );
  });
