/**
 * Fuzz the readers with mutated real files: each case is a file of ../shared/corpus/files
 * (Word .docx/.doc, PDF) with bytes flipped, cut short, a block duplicated, a zip entry's data,
 * sizes or method damaged, or a PDF object reference pointed elsewhere (cycles), all chosen by
 * a seeded PRNG, so the same seed gives the same cases. Each case goes through `readDocument`
 * (OCR off: a scan is reported, not recognised) in a worker thread with a heap limit and a
 * watchdog, so a hang or a memory blow-up is a finding, not a stuck run.
 *
 *   npx tsx scripts/fuzz-readers.ts [--cases 300] [--seed 1] [--files DIR] [--limit-ms 90000] [--limit-ms-per-mb 10000]
 *
 * prints every bad outcome and the figures: cases, outcomes (read / named error), crashes,
 * hangs, the worst time and time per MB, and the largest heap growth of a case.
 * test/robustness/fuzz-readers.test.ts runs a few dozen cases of the same generator.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { mulberry32 } from '../src/pipeline/emit/layout/seeded-random.ts';

/** One mutated file. */
export interface FuzzCase {
  /** "file.docx#flip(3)". */
  name: string;
  file: string;
  bytes: Uint8Array;
}

/** What reading one case gave. */
export interface FuzzOutcome {
  name: string;
  bytes: number;
  /** read: text came out; error: a named error; crash: the reader threw (caught by dispatch); hang; oom. */
  result: 'read' | 'error' | 'crash' | 'hang' | 'oom';
  /** The first error message (it must name the file). */
  message: string;
  ms: number;
  /** Heap + external growth over the case (bytes; after − before, at the end of the case). */
  memory: number;
  namesFile: boolean;
}

/** Offsets where a byte pattern starts. */
function offsetsOf(bytes: Uint8Array, pattern: readonly number[]): number[] {
  const found: number[] = [];
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    found.push(i);
  }
  return found;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL_HEADER = [0x50, 0x4b, 0x01, 0x02];

/** The mutations, each (bytes, PRNG) → a new file and a label. */
const MUTATIONS: Record<string, (bytes: Uint8Array, next: () => number) => { bytes: Uint8Array; label: string } | null> = {
  flip: (bytes, next) => {
    const out = Uint8Array.from(bytes);
    const count = 1 + Math.floor(next() * 16);
    for (let i = 0; i < count; i++) {
      const at = Math.floor(next() * out.length);
      out[at] = out[at]! ^ (1 + Math.floor(next() * 255));
    }
    return { bytes: out, label: `flip(${count})` };
  },
  truncate: (bytes, next) => {
    const at = Math.floor(next() * bytes.length);
    return { bytes: bytes.slice(0, at), label: `truncate(${at})` };
  },
  duplicate: (bytes, next) => {
    const from = Math.floor(next() * bytes.length);
    const length = Math.min(bytes.length - from, 1 + Math.floor(next() * 4096));
    const to = Math.floor(next() * bytes.length);
    const out = new Uint8Array(bytes.length + length);
    out.set(bytes.subarray(0, to));
    out.set(bytes.subarray(from, from + length), to);
    out.set(bytes.subarray(to), to + length);
    return { bytes: out, label: `duplicate(${from}+${length}→${to})` };
  },
  'head-flip': (bytes, next) => {
    // The structures every format keeps up front (OLE header and FAT, zip's first entry, PDF header).
    const out = Uint8Array.from(bytes);
    const span = Math.min(out.length, 2048);
    const count = 1 + Math.floor(next() * 8);
    for (let i = 0; i < count; i++) {
      const at = Math.floor(next() * span);
      out[at] = out[at]! ^ (1 + Math.floor(next() * 255));
    }
    return { bytes: out, label: `head-flip(${count})` };
  },
  'zip-entry': (bytes, next) => {
    const locals = offsetsOf(bytes, LOCAL_HEADER);
    const centrals = offsetsOf(bytes, CENTRAL_HEADER);
    if (locals.length === 0) return null;
    const out = Uint8Array.from(bytes);
    const view = new DataView(out.buffer);
    const kind = Math.floor(next() * 4);
    const local = locals[Math.floor(next() * locals.length)]!;
    if (kind === 0) {
      // Damage the compressed data of one entry.
      const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const size = Math.max(1, view.getUint32(local + 18, true));
      for (let i = 0; i < 8; i++) {
        const at = Math.min(out.length - 1, dataStart + Math.floor(next() * size));
        out[at] = out[at]! ^ (1 + Math.floor(next() * 255));
      }
      return { bytes: out, label: `zip-data(${local})` };
    }
    if (kind === 1) {
      // Claim a huge uncompressed size (a bomb's header) in both directories.
      view.setUint32(local + 22, 0xfffffff0, true);
      for (const central of centrals) if (next() < 0.5) view.setUint32(central + 24, 0xfffffff0, true);
      return { bytes: out, label: `zip-size(${local})` };
    }
    if (kind === 2) {
      // An unknown compression method.
      view.setUint16(local + 8, 99, true);
      for (const central of centrals) view.setUint16(central + 10, 99, true);
      return { bytes: out, label: `zip-method(${local})` };
    }
    // A wrong CRC or compressed size in the central directory.
    const central = centrals[Math.floor(next() * Math.max(1, centrals.length))];
    if (central === undefined) return null;
    view.setUint32(central + (next() < 0.5 ? 16 : 20), Math.floor(next() * 0xffffffff), true);
    return { bytes: out, label: `zip-central(${central})` };
  },
  'pdf-ref': (bytes, next) => {
    // Point object references elsewhere, often at themselves or their parents: cycles.
    const text = Buffer.from(bytes).toString('latin1');
    const refs = [...text.matchAll(/(\d+) 0 R/gu)];
    const objects = [...text.matchAll(/(\d+) 0 obj/gu)].map((match) => match[1]!);
    if (refs.length === 0 || objects.length === 0) return null;
    let out = text;
    const count = 1 + Math.floor(next() * 8);
    for (let i = 0; i < count; i++) {
      const ref = refs[Math.floor(next() * refs.length)]!;
      const target = objects[Math.floor(next() * objects.length)]!;
      const replacement = `${target} 0 R`.padEnd(ref[0].length, ' ').slice(0, Math.max(ref[0].length, `${target} 0 R`.length));
      out = out.slice(0, ref.index) + replacement + out.slice(ref.index + ref[0].length);
    }
    return { bytes: Uint8Array.from(Buffer.from(out, 'latin1')), label: `pdf-ref(${count})` };
  },
};

/**
 * The cases of a seed: `count` mutations of the files, spread over files and mutation kinds.
 *
 * @param files Real files (path, bytes).
 * @param seed PRNG seed.
 * @param count How many cases.
 * @returns The cases, in order.
 */
export function fuzzCases(files: readonly { file: string; bytes: Uint8Array }[], seed: number, count: number): FuzzCase[] {
  const next = mulberry32(seed);
  const kinds = Object.keys(MUTATIONS);
  const cases: FuzzCase[] = [];
  for (let attempt = 0; cases.length < count && attempt < count * 10; attempt++) {
    const source = files[Math.floor(next() * files.length)]!;
    const kind = kinds[Math.floor(next() * kinds.length)]!;
    const mutated = MUTATIONS[kind]!(source.bytes, next);
    if (!mutated) continue;
    cases.push({
      name: `${path.basename(source.file)}#${mutated.label}`,
      file: path.basename(source.file),
      bytes: mutated.bytes,
    });
  }
  return cases;
}

/**
 * The real files to mutate: Word and PDF files of a folder, sorted.
 *
 * @param dir Folder (../shared/corpus/files).
 * @param maxBytes Leave out larger files (big scans), to keep a run short.
 * @returns Their bytes.
 */
export function realFiles(dir: string, maxBytes = Infinity): { file: string; bytes: Uint8Array }[] {
  return readdirSync(dir)
    .filter((name) => /\.(docx|doc|pdf)$/iu.test(name))
    .sort()
    .map((name) => ({ file: path.join(dir, name), bytes: new Uint8Array(readFileSync(path.join(dir, name))) }))
    .filter((entry) => entry.bytes.length <= maxBytes);
}

/** Messages between the runner and its worker. */
type ToWorker = { name: string; file: string; bytes: Uint8Array };
type FromWorker = { ready: true } | { started: string } | FuzzOutcome;

/** The worker side: read each case it is sent, answer with the outcome. */
async function workerMain(): Promise<void> {
  const { readDocument } = await import('../src/pipeline/read/dispatch.ts');
  parentPort!.on('message', async (work: ToWorker) => {
    parentPort!.postMessage({ started: work.name } satisfies FromWorker);
    const memory = (): number => {
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.external;
    };
    const before = memory();
    const started = performance.now();
    const source = await readDocument(work.bytes, work.file, { ocr: false, ocrCacheDir: null });
    const ms = performance.now() - started;
    const error = source.messages.find((message) => message.level === 'error');
    const crashed = source.messages.some((message) => message.code === 'reader-crashed');
    parentPort!.postMessage({
      name: work.name,
      bytes: work.bytes.length,
      result: crashed ? 'crash' : source.text === null ? 'error' : 'read',
      message: error?.message ?? '',
      ms,
      memory: Math.max(0, memory() - before),
      namesFile: error === undefined || error.message.includes(work.file),
    } satisfies FromWorker);
  });
  parentPort!.postMessage({ ready: true } satisfies FromWorker);
}

/** Settings of `runCases`. */
export interface RunOptions {
  /** A case taking longer than `limitMs + limitMsPerMb × MB` is a hang (the worker is restarted). */
  limitMs: number;
  limitMsPerMb: number;
  /** Heap limit of the worker (MB): a case beyond it is `oom`. */
  heapMb: number;
  onOutcome?: (outcome: FuzzOutcome) => void;
}

/**
 * Read every case in a worker thread, restarting the worker after a hang or a crash of the thread.
 *
 * @param cases The cases.
 * @param options Limits.
 * @returns One outcome per case, in order.
 */
export async function runCases(cases: readonly FuzzCase[], options: RunOptions): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  let index = 0;
  while (index < cases.length) {
    // A worker runs cases until one hangs or kills it.
    await new Promise<void>((done) => {
      const worker = new Worker(
        `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.filename)}, ${JSON.stringify(import.meta.url)}));`,
        { eval: true, workerData: { fuzzWorker: true }, resourceLimits: { maxOldGenerationSizeMb: options.heapMb } },
      );
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      const record = (outcome: FuzzOutcome): void => {
        outcomes.push(outcome);
        options.onOutcome?.(outcome);
        index += 1;
      };
      const sendNext = (): void => {
        if (index >= cases.length) {
          finished = true;
          void worker.terminate().then(() => done());
          return;
        }
        const work = cases[index]!;
        const limit = options.limitMs + (options.limitMsPerMb * work.bytes.length) / 1e6;
        timer = setTimeout(() => {
          finished = true;
          record({
            name: work.name,
            bytes: work.bytes.length,
            result: 'hang',
            message: `> ${Math.round(limit)} ms`,
            ms: limit,
            memory: 0,
            namesFile: false,
          });
          void worker.terminate().then(() => done());
        }, limit);
        worker.postMessage({ name: work.name, file: work.file, bytes: work.bytes } satisfies ToWorker);
      };
      worker.on('message', (message: FromWorker) => {
        if ('ready' in message) sendNext();
        else if ('result' in message) {
          clearTimeout(timer);
          record(message);
          sendNext();
        }
      });
      worker.on('error', (error) => {
        if (finished) return;
        clearTimeout(timer);
        finished = true;
        const work = cases[index]!;
        const oom = /out of memory|ERR_WORKER_OUT_OF_MEMORY/iu.test(
          `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}`,
        );
        record({
          name: work.name,
          bytes: work.bytes.length,
          result: oom ? 'oom' : 'crash',
          message: error.message,
          ms: 0,
          memory: 0,
          namesFile: false,
        });
        done();
      });
      worker.on('exit', () => {
        if (!finished) {
          finished = true;
          clearTimeout(timer);
          done();
        }
      });
    });
  }
  return outcomes;
}

/** Figures of a run, as lines. */
export function summarize(outcomes: readonly FuzzOutcome[]): string[] {
  const by = (result: FuzzOutcome['result']): number => outcomes.filter((outcome) => outcome.result === result).length;
  const worst = [...outcomes].sort((a, b) => b.ms - a.ms)[0];
  // Per MB over cases of 100 KB or more: below that a case's time is the reader's fixed cost.
  const worstPerMb = outcomes.filter((outcome) => outcome.bytes >= 100_000).sort((a, b) => b.ms / b.bytes - a.ms / a.bytes)[0];
  const biggest = [...outcomes].sort((a, b) => b.memory - a.memory)[0];
  const megabytes = outcomes.reduce((sum, outcome) => sum + outcome.bytes, 0) / 1e6;
  return [
    `cases: ${outcomes.length} (${megabytes.toFixed(1)} MB); read: ${by('read')}, named error: ${by('error')}, crash: ${by('crash')}, hang: ${by('hang')}, out of memory: ${by('oom')}`,
    `errors not naming the file: ${outcomes.filter((outcome) => !outcome.namesFile && outcome.result === 'error').length}`,
    worst ? `worst time: ${worst.ms.toFixed(0)} ms (${worst.name}, ${(worst.bytes / 1e6).toFixed(2)} MB)` : '',
    worstPerMb
      ? `worst time per MB (cases ≥ 100 KB): ${((worstPerMb.ms * 1e6) / worstPerMb.bytes).toFixed(0)} ms/MB (${worstPerMb.name})`
      : '',
    biggest ? `largest heap + external growth of a case: ${(biggest.memory / 1e6).toFixed(1)} MB (${biggest.name})` : '',
    `peak RSS of the run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ].filter(Boolean);
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: string): string => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
  };
  const root = path.resolve(import.meta.dirname, '..');
  const files = realFiles(path.resolve(root, arg('files', '../shared/corpus/files')));
  const cases = fuzzCases(files, Number(arg('seed', '1')), Number(arg('cases', '300')));
  const started = performance.now();
  const outcomes = await runCases(cases, {
    // The PDF reader stops pdfjs after 60 s itself (read/pdf.ts): beyond that plus a margin is a hang.
    limitMs: Number(arg('limit-ms', '90000')),
    limitMsPerMb: Number(arg('limit-ms-per-mb', '10000')),
    heapMb: Number(arg('heap-mb', '1024')),
    onOutcome: (outcome) => {
      if (outcome.result === 'crash' || outcome.result === 'hang' || outcome.result === 'oom' || !outcome.namesFile) {
        process.stdout.write(`BAD ${outcome.result}: ${outcome.name}: ${outcome.message}\n`);
      }
    },
  });
  for (const line of summarize(outcomes)) process.stdout.write(`${line}\n`);
  process.stdout.write(`total: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (!isMainThread && (workerData as { fuzzWorker?: boolean } | null)?.fuzzWorker) {
  await workerMain();
} else if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
}
