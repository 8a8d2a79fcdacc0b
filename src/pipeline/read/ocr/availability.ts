/**
 * Whether OCR can run here: Tesseract on PATH with its Vietnamese data, and pdftoppm and
 * pdfinfo for PDFs. Asked once per process (per set of commands) and remembered.
 */
import type { OcrCommands, RunCommand } from './commands.ts';

export interface OcrAvailability {
  /** Tesseract with Vietnamese: enough for images. */
  ok: boolean;
  /** Why not (Vietnamese), when not ok. */
  reason?: string;
  /** "5.3.0", when Tesseract answered. */
  version?: string;
  /** pdftoppm and pdfinfo too: needed for PDFs. */
  pdf: boolean;
  /** Why PDFs cannot be rendered, when `pdf` is false. */
  pdfReason?: string;
}

const CHECK_TIMEOUT_MS = 15_000;

const remembered = new Map<string, Promise<OcrAvailability>>();

/** Availability for these commands, checked the first time and remembered after. */
export function checkAvailability(commands: OcrCommands, run: RunCommand): Promise<OcrAvailability> {
  const key = JSON.stringify(commands);
  let answer = remembered.get(key);
  if (!answer) {
    answer = probe(commands, run);
    remembered.set(key, answer);
  }
  return answer;
}

async function probe(commands: OcrCommands, run: RunCommand): Promise<OcrAvailability> {
  const version = await run(commands.tesseract, ['--version'], CHECK_TIMEOUT_MS);
  if (!version.ok) {
    const reason = version.reason === 'missing' ? 'không tìm thấy chương trình tesseract' : 'tesseract không chạy được';
    return { ok: false, reason, pdf: false, pdfReason: reason };
  }
  // Tesseract 4 printed its version on stderr, 5 on stdout.
  const number = /tesseract\s+v?(\d+(?:\.\d+)*)/iu.exec(`${version.stdout}\n${version.stderr}`)?.[1] ?? 'unknown';
  const languages = await run(commands.tesseract, ['--list-langs'], CHECK_TIMEOUT_MS);
  const listed = languages.ok ? `${languages.stdout}\n${languages.stderr}`.split(/\r?\n/u).map((line) => line.trim()) : [];
  if (!listed.includes('vie')) {
    const reason = 'tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)';
    return { ok: false, reason, version: number, pdf: false, pdfReason: reason };
  }
  for (const tool of [commands.pdftoppm, commands.pdfinfo]) {
    const answer = await run(tool, ['-v'], CHECK_TIMEOUT_MS);
    if (!answer.ok && answer.reason === 'missing') {
      return { ok: true, version: number, pdf: false, pdfReason: 'không tìm thấy pdftoppm/pdfinfo (gói poppler-utils)' };
    }
  }
  return { ok: true, version: number, pdf: true };
}
