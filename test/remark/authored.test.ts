/**
 * Broken authored MDX is reported by file name and left out: a note with an MDX syntax error
 * (with its line), a note named for no document; good files pass. Real files: the shipped note
 * and user guide compile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAuthored } from '../../src/remark/authored.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vbg-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkAuthored', () => {
  it('names the file and the line of an MDX syntax error, and a note for no document', () => {
    writeFileSync(path.join(dir, 'ke-hoach-1.mdx'), '---\nauthor: A\n---\n\nĐúng cú pháp, <VanBan so="21/2019/NĐ-CP" />.\n');
    writeFileSync(path.join(dir, 'ke-hoach-2.mdx'), '---\nauthor: A\n---\n\nDòng một.\n\nThẻ <b>không đóng {x.\n');
    writeFileSync(path.join(dir, 'khong-co.mdx'), 'Văn bản này không có trong kho.\n');
    writeFileSync(path.join(dir, 'README.txt'), 'không phải MDX');
    const problems = checkAuthored(dir, { ids: new Set(['ke-hoach-1', 'ke-hoach-2']) });
    expect(problems.map((problem) => path.basename(problem.file))).toEqual(['ke-hoach-2.mdx', 'khong-co.mdx']);
    expect(problems[0]!.message).toMatch(/^lỗi cú pháp MDX \(dòng 7, cột \d+\): /);
    expect(problems[1]!.message).toContain('không có văn bản mang mã “khong-co”');
  });

  it('without ids (no graph yet) checks only the syntax', () => {
    expect(checkAuthored(dir).map((problem) => path.basename(problem.file))).toEqual(['ke-hoach-2.mdx']);
  });

  it('passes the shipped note and pages', () => {
    expect(checkAuthored(path.join(root, 'content/notes'), { ids: new Set(['ke-hoach-1062-kh-ubnd-tay-ninh-2024']) })).toEqual(
      [],
    );
    expect(checkAuthored(path.join(root, 'content/pages'))).toEqual([]);
    expect(checkAuthored(path.join(dir, 'khong-co-thu-muc'))).toEqual([]);
  });
});
