/**
 * The figures of "faults and hostile input" in one table:
 *
 *   npx tsx scripts/bench-faults.ts [--rounds 3] [--fuzz 100] [--seed 1] [--plans 12] [--slow]
 *
 * 1. Bad inputs: each hostile document of issue 18 (a .docx zip bomb and one that declares a
 *    3 GB part, a 10,000-page PDF, a PDF whose page tree is a cycle, an encrypted PDF and
 *    .doc, a .doc whose sector chain loops, an image that claims 20,000 × 20,000 pixels, a
 *    50 MB text, truncated and garbage files, an empty one; `--slow` adds a 10,000-page blank
 *    PDF, which is read as a scan and OCR'd up to the 200-page cap: minutes), made here from real files of
 *    ../shared/corpus/files or from scratch, read by `readDocument` (OCR on) in a process of
 *    its own with a 1 GB heap and a watchdog: its outcome (text, or the error code and whether
 *    the message names the file), its time and its peak memory (RSS growth over the process
 *    after its imports).
 * 2. Fuzz: `--fuzz N` seeded mutations of the real files (scripts/fuzz-readers.ts), outcomes
 *    and worst time and memory.
 * 3. Faults: `--rounds N` builds of a synthetic corpus killed at random moments, files of
 *    every store damaged, rebuilt without cleaning and compared with a clean build byte for
 *    byte (test/robustness/fault-harness.ts).
 *
 * Prints Markdown (the README's "Faults and hostile input" figures come from it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, unzipSync, zipSync } from 'fflate';
import { makePdf } from '../test/fixtures/read/pdf/make-pdf.ts';
import { fuzzCases, realFiles, runCases, summarize } from './fuzz-readers.ts';
import { mulberry32 } from '../src/pipeline/emit/layout/seeded-random.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILES = path.resolve(ROOT, '../shared/corpus/files');

/** One hostile input. */
interface BadInput {
  name: string;
  what: string;
  make: () => Uint8Array;
  /** Only with `--slow`. */
  slow?: boolean;
}

/** A .docx holding one huge document.xml that deflates to little: `megabytes` MB of text. */
function zipBomb(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const types = new ZipPassThrough('[Content_Types].xml');
  zip.add(types);
  types.push(
    strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    true,
  );
  const document = new ZipDeflate('word/document.xml', { level: 6 });
  zip.add(document);
  document.push(
    strToU8(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
    ),
  );
  const block = strToU8('Căn cứ Luật Tổ chức chính quyền địa phương. '.repeat(24_000).slice(0, 1024 * 1024));
  for (let index = 0; index < megabytes; index++) document.push(block);
  document.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** `zip` with the sizes its headers give for word/document.xml set to `size` (a lie). */
function declaring(zip: Uint8Array, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const name = Buffer.from('word/document.xml');
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (at >= 30 && bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(size, at - 30 + 22);
    if (at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(size, at - 46 + 24);
  }
  return bytes;
}

/** A real .docx whose document.xml declares `size` bytes in its headers. */
function declaredHuge(size: number): Uint8Array {
  const entries = unzipSync(readFileSync(path.join(ROOT, 'test/fixtures/e2e-corpus/tep-goc/luat-28-2018-qh14.docx')));
  return declaring(zipSync(entries), size);
}

/** A PDF of `count` pages, each 30 lines of text (a text layer, not a scan), or blank. */
function manyPages(count: number, blank = false): Uint8Array {
  const lines = Array.from({ length: 30 }, (_, row) => ({
    // Vietnamese in the letters WinAnsi has (make-pdf.ts), so the layer reads as Vietnamese.
    text: `${row + 1}. Các ban ngành báo cáo tình hình vào tháng ba và tháng chín, các xã góp ý.`,
    x: 72,
    y: 760 - row * 22,
  }));
  return makePdf(
    Array.from({ length: count }, (_, index) => (blank ? [] : [{ text: `Trang ${index + 1}`, x: 280, y: 800 }, ...lines])),
  );
}

/** A PDF whose page tree holds itself: /Pages → /Kids [itself, a page]. */
function cyclicPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Ke hoach 1/KH) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The OLE layout of a .doc: sector size, the WordDocument entry, its FIB, the first FAT sector. */
function oleLayout(bytes: Buffer): { sectorSize: number; wordDocumentEntry: number; fib: number; firstFatSector: number } {
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  const wordDocumentEntry = bytes.indexOf(Buffer.from('WordDocument', 'utf16le'));
  const start = bytes.readUInt32LE(wordDocumentEntry + 0x74);
  return { sectorSize, wordDocumentEntry, fib: (start + 1) * sectorSize, firstFatSector: bytes.readUInt32LE(0x4c) };
}

const realDoc = (): Buffer => Buffer.from(readFileSync(path.join(FILES, 'cantho-qd-09-2010.doc')));
const realPdf = (): Buffer =>
  Buffer.from(readFileSync(path.join(ROOT, 'test/fixtures/e2e-corpus/tep-goc/bnv-cv-11902-2025.pdf')));
const realDocx = (): Buffer =>
  Buffer.from(readFileSync(path.join(ROOT, 'test/fixtures/e2e-corpus/tep-goc/luat-28-2018-qh14.docx')));

/** A PNG header claiming `width` × `height` (8-bit grey), no pixels. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  Buffer.from([8, 0, 0, 0, 0]).copy(bytes, 24);
  return bytes;
}

const BAD_INPUTS: BadInput[] = [
  { name: 'bom-zip.docx', what: '.docx zip bomb: 1 GB of text deflated to 4 MB', make: () => zipBomb(1024) },
  {
    name: 'bom-zip-gia.docx',
    what: 'the same zip bomb, its headers claiming 2 KB',
    make: () => declaring(zipBomb(1024), 2048),
  },
  { name: 'kich-thuoc-gia.docx', what: '.docx whose document.xml declares 3 GB', make: () => declaredHuge(3_000_000_000) },
  { name: '10000-trang.pdf', what: 'PDF of 10,000 pages of text', make: () => manyPages(10_000) },
  {
    name: '10000-trang-trang.pdf',
    what: 'PDF of 10,000 blank pages, read as a scan (OCR on)',
    make: () => manyPages(10_000, true),
    slow: true,
  },
  { name: 'vong-lap.pdf', what: 'PDF whose page tree is a cycle', make: cyclicPdf },
  {
    name: 'mat-khau.pdf',
    what: 'encrypted PDF (user password)',
    make: () => makePdf([[{ text: 'KE HOACH', x: 72, y: 720 }]], { encrypted: true }),
  },
  {
    name: 'mat-khau.doc',
    what: 'encrypted .doc (FIB fEncrypted)',
    make: () => {
      const bytes = realDoc();
      const { fib } = oleLayout(bytes);
      bytes.writeUInt16LE(bytes.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
      return bytes;
    },
  },
  {
    name: 'vong-lap.doc',
    what: '.doc whose sector chain loops',
    make: () => {
      const bytes = realDoc();
      const { sectorSize, wordDocumentEntry, firstFatSector } = oleLayout(bytes);
      const start = bytes.readUInt32LE(wordDocumentEntry + 0x74);
      const fat = (firstFatSector + 1) * sectorSize;
      const second = bytes.readInt32LE(fat + start * 4);
      bytes.writeInt32LE(start, fat + second * 4);
      return bytes;
    },
  },
  { name: 'khong-lo.png', what: 'image of 20,000 × 20,000 pixels (OCR on)', make: () => pngHeader(20_000, 20_000) },
  {
    name: 'rat-lon.txt',
    // Cut at a byte count, so inside a character, as a copy cut short leaves it (the build then
    // skips it by name: over 16 M characters).
    what: '50 MB text, cut inside a character',
    make: () => {
      const seed = readFileSync(path.join(ROOT, 'content/sources', '000_f97b9327d3f16c43.txt'));
      return Buffer.concat(Array.from({ length: Math.ceil((50 * 1024 * 1024) / seed.length) }, () => seed)).subarray(
        0,
        50 * 1024 * 1024,
      );
    },
  },
  { name: 'cut-doi.pdf', what: 'PDF cut in half', make: () => realPdf().subarray(0, Math.floor(realPdf().length / 2)) },
  { name: 'cut-doi.docx', what: '.docx cut in half', make: () => realDocx().subarray(0, Math.floor(realDocx().length / 2)) },
  {
    name: 'rac.pdf',
    what: 'PDF header then 5 MB of random bytes',
    make: () => {
      let state = 1;
      const bytes = Buffer.alloc(5 * 1024 * 1024);
      for (let index = 0; index < bytes.length; index++) {
        state = (state * 1103515245 + 12345) >>> 0;
        bytes[index] = state >>> 24;
      }
      Buffer.from('%PDF-1.7\n').copy(bytes);
      return bytes;
    },
  },
  { name: 'rong.docx', what: 'empty file named .docx', make: () => new Uint8Array(0) },
];

/** What the child process reports on one input. */
interface ReadFigures {
  result: 'read' | 'error' | 'crash' | 'hang' | 'oom';
  codes: string[];
  namesFile: boolean;
  ms: number;
  /** Peak RSS over the process after its imports (bytes). */
  memory: number;
  /** Peak RSS of the process (bytes). */
  rss: number;
}

/** Child side: read one file, print its figures as JSON. */
async function readOne(file: string, name: string): Promise<void> {
  const { readDocument } = await import('../src/pipeline/read/dispatch.ts');
  const bytes = new Uint8Array(readFileSync(file));
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const source = await readDocument(bytes, name, { ocrCacheDir: null });
  const ms = performance.now() - started;
  const figures: ReadFigures = {
    result: source.messages.some((message) => message.code === 'reader-crashed')
      ? 'crash'
      : source.text === null
        ? 'error'
        : 'read',
    codes: [...new Set(source.messages.map((message) => message.code))],
    namesFile: source.messages.every((message) => message.message.includes(name)),
    ms,
    memory: Math.max(0, process.resourceUsage().maxRSS * 1024 - baseline),
    rss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Parent side: read `bytes` as `name` in a child with a heap limit and a watchdog. */
function measure(bytes: Uint8Array, name: string, limitMs: number): Promise<ReadFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vbg-bad-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=1024', '--import', 'tsx', import.meta.filename, '--read', file, '--name', name],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) return resolve(JSON.parse(line) as ReadFigures);
      const oom = /heap out of memory/iu.test(errors);
      resolve({
        result: hung ? 'hang' : oom ? 'oom' : 'crash',
        codes: [errors.trim().split('\n').pop() ?? `exit ${code}`],
        namesFile: false,
        ms: hung ? limitMs : 0,
        memory: 0,
        rss: 0,
      });
    });
  });
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1);

async function main(): Promise<void> {
  const arg = (name: string, fallback: string): string => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
  };
  const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
  out(
    `Faults and hostile input, ${new Date().toISOString().slice(0, 10)}, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
  );
  out();
  out('| bad input | size | outcome | names the file | time | peak RSS (growth while reading) |');
  out('| --- | ---: | --- | :---: | ---: | ---: |');
  const figures: ReadFigures[] = [];
  const slow = process.argv.includes('--slow');
  for (const input of BAD_INPUTS) {
    if (input.slow && !slow) continue;
    const bytes = input.make();
    const result = await measure(bytes, input.name, input.slow ? 20 * 60_000 : 180_000);
    figures.push(result);
    const outcome =
      result.result === 'read'
        ? `read (${result.codes.join(', ') || 'no message'})`
        : `${result.result}: ${result.codes.join(', ')}`;
    out(
      `| ${input.what} (\`${input.name}\`) | ${mb(bytes.length)} MB | ${outcome} | ${result.namesFile ? 'yes' : 'no'} | ${(result.ms / 1000).toFixed(2)} s | ${mb(result.rss)} MB (+${mb(result.memory)}) |`,
    );
  }
  const bad = figures.filter((entry) => entry.result === 'crash' || entry.result === 'hang' || entry.result === 'oom');
  const worstTime = Math.max(...figures.map((entry) => entry.ms));
  const worstMemory = Math.max(...figures.map((entry) => entry.memory));
  out();
  out(
    `Bad inputs: ${figures.length} tried, ${figures.length - bad.length} bounded (${bad.length} crash/hang/out of memory); worst time ${(worstTime / 1000).toFixed(2)} s, largest memory growth while reading ${mb(worstMemory)} MB, largest peak RSS ${mb(Math.max(...figures.map((entry) => entry.rss)))} MB.`,
  );

  const fuzz = Number(arg('fuzz', '100'));
  if (fuzz > 0) {
    const cases = fuzzCases(realFiles(FILES), Number(arg('seed', '1')), fuzz);
    const outcomes = await runCases(cases, { limitMs: 90_000, limitMsPerMb: 10_000, heapMb: 1024 });
    out();
    out(`Fuzz (seed ${arg('seed', '1')}):`);
    for (const line of summarize(outcomes)) out(`- ${line}`);
  }

  const rounds = Number(arg('rounds', '3'));
  if (rounds > 0) {
    const harness = await import('../test/robustness/fault-harness.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'vbg-faults-'));
    try {
      const world = await harness.makeWorld(dir, Number(arg('plans', '12')), Number(arg('seed', '1')));
      const clean = await harness.build(world);
      if (clean.code !== 0) throw new Error(`clean build failed:\n${clean.output.slice(-3000)}`);
      const reference = harness.treeDigest(world.out);
      const next = mulberry32(Number(arg('seed', '1')));
      let survived = 0;
      let damaged = 0;
      let warmMs = clean.ms;
      for (let round = 0; round < rounds; round++) {
        // As fault-harness.ts's own loop: every third round kills a build from empty caches.
        const cold = round % 3 === 0;
        const killAfter = Math.round(300 + next() * (cold ? clean.ms : warmMs));
        const outcome = await harness.faultRound(world, reference, next, killAfter, 1 + Math.floor(next() * 6), cold);
        warmMs = outcome.rebuildMs;
        damaged += outcome.damaged.length;
        if (outcome.identical && outcome.siteWholeAfterKill && outcome.leftovers.length === 0) survived += 1;
        else out(`round ${round + 1} failed: ${outcome.diff.join(', ')} ${outcome.leftovers.join(', ')}`);
      }
      out();
      out(
        `Faults: ${rounds} builds killed at random moments (${Math.ceil(rounds / 3)} from empty caches), ${damaged} files of the caches and generated dir damaged; ` +
          `${survived}/${rounds} survived (served site whole after the kill, rebuild identical to a clean build byte for byte, nothing left behind; clean build ${(clean.ms / 1000).toFixed(1)} s).`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.argv.includes('--read')) {
  const at = (name: string): string => process.argv[process.argv.indexOf(name) + 1] ?? '';
  await readOne(at('--read'), at('--name'));
} else if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
}
