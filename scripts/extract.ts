/**
 * `npm run -s extract -- FILE...`: print one JSON array with, per input file in argument
 * order, its document metadata and the distinct documents it cites (`extractReport`).
 *
 * Contract (used by checks outside the project): stdout holds only the JSON; warnings go to
 * stderr; a file that cannot be read or parsed still gets its element with `errors`; the exit
 * code is non-zero only when no file could be processed. Any format the readers know is
 * accepted (.txt, .md, .html, .docx, .odt, .doc, .pdf, scans and images through OCR); each
 * element's `source` says what the file was and how it was read.
 */
import path from 'node:path';
import { extractReport } from '../src/pipeline/extract-report.ts';
import { readSource } from '../src/pipeline/read.ts';
import type { SourceText } from '../src/model.ts';

/**
 * Read one file; a file that cannot be opened becomes a source with an error message.
 *
 * @param file Path as given.
 * @returns The decoded source.
 */
async function readOrReport(file: string): Promise<SourceText> {
  try {
    return await readSource(file, file, {
      ocrCacheDir: path.resolve(process.env['VBG_CACHE_DIR'] ?? '.cache', 'ocr'),
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const message = `Không đọc được tệp ${file}: ${(error as Error).message}`;
    return {
      file,
      text: null,
      encoding: null,
      sha256: '',
      byteLength: 0,
      messages: [{ file, level: 'error', code: 'unreadable-file', message }],
    };
  }
}

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((argument) => argument !== '--');
  if (files.length === 0) {
    process.stderr.write('Cách dùng: npm run -s extract -- TỆP...\n');
    process.exitCode = 2;
    return;
  }
  const sources: SourceText[] = [];
  for (const file of files) {
    const source = await readOrReport(file);
    for (const message of source.messages) {
      if (message.level === 'warning') process.stderr.write(`${file}: ${message.message}\n`);
    }
    sources.push(source);
  }
  const report = extractReport(sources);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.some((entry) => entry.errors.length === 0)) process.exitCode = 1;
}

await main();
