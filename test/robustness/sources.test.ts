/**
 * A sources folder as it really is on a shared drive, through `npm run pipeline`: files and
 * folders the build may not read (tested as the user `nobody`, since root reads everything), a
 * folder link that loops, links that loop or point nowhere, a 50 MB text, 10,000 tiny files,
 * and files deleted and edited while the build runs. Each bad entry is reported by name in the
 * ingest report, the rest is built, and the next build of the same folder gives the same
 * generated files as a clean one.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { treeDiff, treeDigest } from './fault-harness.ts';
import { entryCommand } from './entry-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.join(ROOT, 'content/sources');
const seed = (index: number): string => path.join(SEEDS, readdirSync(SEEDS).sort()[index]!);

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}, 300_000);

/** A fresh project folder: sources, generated dir, cache. */
function world(): { dir: string; sources: string; generated: string; cache: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vbg-sources-'));
  folders.push(dir);
  const sources = path.join(dir, 'sources');
  mkdirSync(sources);
  return { dir, sources, generated: path.join(dir, 'generated'), cache: path.join(dir, 'cache', 'pipeline') };
}

/** Ingest report entry as report.json has it. */
interface Entry {
  file: string;
  status: 'built' | 'warnings' | 'skipped';
  id: string | null;
  sha256: string;
  messages: { code: string; message: string }[];
}

/**
 * Run the pipeline on a world.
 *
 * @param options As which user (uid), and what to do while it runs.
 * @returns Exit code, output, the report.
 */
function pipeline(
  w: ReturnType<typeof world>,
  options: { uid?: number; during?: () => void } = {},
): Promise<{ code: number | null; output: string; report: Entry[] }> {
  const env = {
    ...process.env,
    VBG_SOURCES: w.sources,
    VBG_GENERATED: w.generated,
    VBG_PIPELINE_CACHE: w.cache,
    VBG_PIPELINE_THREADS: '1',
    HOME: w.dir,
  };
  const [node, script] = entryCommand('pipeline');
  const [command, args] =
    options.uid === undefined
      ? [node, script]
      : ['setpriv', [`--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', node, ...script]];
  return new Promise((resolve) => {
    const child = spawn(command, args as string[], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    options.during?.();
    child.once('close', (code) => {
      let report: Entry[] = [];
      try {
        report = (JSON.parse(readFileSync(path.join(w.generated, 'report.json'), 'utf8')) as { files: Entry[] }).files;
      } catch {
        // No report: the test says why with the output.
      }
      resolve({ code, output, report });
    });
  });
}

/** Another real Word file, to replace the first one mid-build. */
const OTHER_DOCX = path.resolve(ROOT, '../shared/corpus/files/lamdong-snv-ttr-bc-cchc-2025.docx');

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('sources folder', () => {
  it('reports unreadable files and folders, link loops, broken links and a 50 MB text by name, and builds the rest', async () => {
    const w = world();
    mkdirSync(path.join(w.sources, 'ke-hoach'));
    copyFileSync(seed(0), path.join(w.sources, 'ke-hoach', 'mot.txt'));
    copyFileSync(seed(1), path.join(w.sources, 'ke-hoach', 'hai.txt'));
    // Unreadable: a file and a folder (mode 000).
    copyFileSync(seed(2), path.join(w.sources, 'khong-doc-duoc.txt'));
    mkdirSync(path.join(w.sources, 'thu-muc-khoa'));
    copyFileSync(seed(3), path.join(w.sources, 'thu-muc-khoa', 'ben-trong.txt'));
    // Links: a folder link back to the root (a loop), two files linked to each other, one to
    // nothing, and one to a real file outside the folder (read as that file).
    symlinkSync('..', path.join(w.sources, 'ke-hoach', 'vong-lap'));
    symlinkSync('b.txt', path.join(w.sources, 'a.txt'));
    symlinkSync('a.txt', path.join(w.sources, 'b.txt'));
    symlinkSync('khong-co.txt', path.join(w.sources, 'hong.txt'));
    mkdirSync(path.join(w.dir, 'ngoai'));
    copyFileSync(seed(4), path.join(w.dir, 'ngoai', 'nam.txt'));
    symlinkSync(path.join(w.dir, 'ngoai', 'nam.txt'), path.join(w.sources, 'lien-ket.txt'));
    // A 50 MB text (one plan's body repeated).
    const text = readFileSync(seed(0), 'utf8');
    writeFileSync(path.join(w.sources, 'rat-lon.txt'), text.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(text))));
    if (isRoot) {
      // Root reads every file whatever its mode: build as nobody, who owns the world but not the locked entries.
      for (const name of ['', ...readdirSync(w.dir, { recursive: true, encoding: 'utf8' })]) {
        try {
          chownSync(path.join(w.dir, name), NOBODY, NOBODY);
        } catch {
          // A link: its target is chowned.
        }
      }
      chownSync(path.join(w.sources, 'khong-doc-duoc.txt'), 0, 0);
      chownSync(path.join(w.sources, 'thu-muc-khoa'), 0, 0);
    }
    chmodSync(path.join(w.sources, 'khong-doc-duoc.txt'), 0o000);
    chmodSync(path.join(w.sources, 'thu-muc-khoa'), 0o000);
    try {
      const result = await pipeline(w, isRoot ? { uid: NOBODY } : {});
      expect(result.code, result.output.slice(-3000)).toBe(0);
      const byFile = new Map(result.report.map((entry) => [entry.file, entry]));
      const skipped = (file: string, code: string): void => {
        const entry = byFile.get(file);
        expect(entry?.status, `${file}: ${JSON.stringify(entry)}`).toBe('skipped');
        expect(entry?.messages.map((message) => message.code)).toContain(code);
        expect(entry?.messages.some((message) => message.message.includes(file))).toBe(true);
      };
      skipped('khong-doc-duoc.txt', 'unreadable-file');
      skipped('thu-muc-khoa', 'unreadable-folder');
      skipped('ke-hoach/vong-lap', 'folder-link');
      skipped('a.txt', 'broken-link');
      skipped('b.txt', 'broken-link');
      skipped('hong.txt', 'broken-link');
      skipped('rat-lon.txt', 'too-large');
      expect(byFile.get('khong-doc-duoc.txt')?.messages[0]?.message).toContain('EACCES');
      expect(byFile.get('a.txt')?.messages[0]?.message).toContain('ELOOP');
      for (const file of ['ke-hoach/mot.txt', 'ke-hoach/hai.txt', 'lien-ket.txt']) {
        expect(byFile.get(file)?.status, file).not.toBe('skipped');
      }
      expect(result.output).toContain('rat-lon.txt');
    } finally {
      chmodSync(path.join(w.sources, 'khong-doc-duoc.txt'), 0o644);
      chmodSync(path.join(w.sources, 'thu-muc-khoa'), 0o755);
    }
  }, 600_000);

  it('builds 10,000 tiny files, each with its entry in the report', async () => {
    const w = world();
    mkdirSync(path.join(w.sources, 'nho'));
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(
        path.join(w.sources, 'nho', `${String(i).padStart(5, '0')}.txt`),
        `Ghi chú số ${i}: họp giao ban sáng thứ hai.\n`,
      );
    }
    copyFileSync(seed(0), path.join(w.sources, 'ke-hoach.txt'));
    const started = Date.now();
    const result = await pipeline(w);
    expect(result.code, result.output.slice(-3000)).toBe(0);
    expect(result.report).toHaveLength(10_001);
    expect(result.report.find((entry) => entry.file === 'ke-hoach.txt')?.id).toMatch(/^ke-hoach-1062/u);
    expect(result.report.find((entry) => entry.file === 'nho/04321.txt')?.messages[0]?.message).toContain('nho/04321.txt');
    console.log(`10,000 tiny files: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);

  it('goes on when files are deleted or edited while it runs; the next build equals a clean one', async () => {
    const w = world();
    // 600 small plans (a header and a sentence each) plus a Word file whose copy is served.
    for (let i = 0; i < 600; i++) {
      writeFileSync(
        path.join(w.sources, `kh-${String(i).padStart(3, '0')}.txt`),
        `ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: ${i + 1}/KH-UBND\nTây Ninh, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ số ${i}\n` +
          `Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ;\nNội dung thực hiện trong năm.\n`,
      );
    }
    const docx = path.join(ROOT, 'test/fixtures/e2e-corpus/tep-goc/luat-28-2018-qh14.docx');
    copyFileSync(docx, path.join(w.sources, 'luat.docx'));
    const deleted: string[] = [];
    const edited: string[] = [];
    const result = await pipeline(w, {
      during: () => {
        // While the build lists and reads: delete every 7th plan, edit every 11th, and
        // replace the Word file by another document, one step every 20 ms.
        let step = 0;
        let timer: NodeJS.Timeout | undefined;
        // From the moment the build holds its lock (it lists the folder right after).
        const waiting = setInterval(() => {
          if (!existsSync(`${w.generated}.lock`)) return;
          clearInterval(waiting);
          timer = setInterval(change, 4);
        }, 2);
        const change = (): void => {
          step += 1;
          const i = step * 7;
          if (i < 600) {
            rmSync(path.join(w.sources, `kh-${String(i).padStart(3, '0')}.txt`), { force: true });
            deleted.push(`kh-${String(i).padStart(3, '0')}.txt`);
          }
          const j = step * 11;
          if (j < 600) {
            const file = path.join(w.sources, `kh-${String(j).padStart(3, '0')}.txt`);
            try {
              writeFileSync(file, readFileSync(file, 'utf8').replace('Nội dung', 'Nội dung đã sửa'));
              edited.push(path.basename(file));
            } catch {
              // Deleted already.
            }
          }
          if (step === 5) copyFileSync(OTHER_DOCX, path.join(w.sources, 'luat.docx'));
          if (i >= 600 && j >= 600) clearInterval(timer);
        };
      },
    });
    expect(result.code, result.output.slice(-3000)).toBe(0);
    expect(deleted.length).toBeGreaterThan(50);
    // Each entry is built, or skipped with the reason naming the file.
    for (const entry of result.report) {
      if (entry.status === 'skipped') expect(entry.messages.some((message) => message.message.includes(entry.file))).toBe(true);
    }
    // The Word file's copy on the site is the bytes that were analysed, whatever happened to the file since.
    const word = result.report.find((entry) => entry.file === 'luat.docx')!;
    expect(word.id).toBeTruthy();
    {
      const copy = readdirSync(path.join(w.generated, 'originals')).find((name) => name.startsWith(word.id!));
      const bytes = readFileSync(path.join(w.generated, 'originals', copy!));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(word.sha256);
    }
    // The next build sees the folder as it is now, and equals a clean build of it.
    const again = await pipeline(w);
    expect(again.code).toBe(0);
    const clean = world();
    const cleanBuild = await pipeline({ ...w, generated: clean.generated, cache: clean.cache });
    expect(cleanBuild.code).toBe(0);
    expect(treeDiff(treeDigest(clean.generated), treeDigest(w.generated))).toEqual([]);
    const vanished = result.report.filter((entry) => entry.messages.some((message) => message.message.includes('ENOENT'))).length;
    console.log(
      `changed while building: ${deleted.length} deleted, ${edited.length} edited; report: ${result.report.length} entries, ` +
        `${vanished} listed then gone before being read (reported by name)`,
    );
  }, 900_000);
});
