import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSource, readSource } from '../../src/pipeline/read.ts';
import { toWindows1258 } from '../fixtures/read/generate.ts';
import { sample } from '../fixtures/read/sample.ts';

const fixtures = join(import.meta.dirname, '../fixtures/read');
const seeds = join(import.meta.dirname, '../../content/sources');
const dev = '/work/shared/corpus/dev/docs';

interface Expected {
  encoding: string | null;
  /**
   * "sample" = the seed-004 sample, "sample-crlf" = the same with CRLF, null = not decoded,
   * `{ "literal": … }` = exactly that text.
   */
  text: 'sample' | 'sample-crlf' | null | { literal: string };
  codes: string[];
}

function expectedText(expected: Expected): string | null {
  if (expected.text === null) return null;
  if (typeof expected.text === 'object') return expected.text.literal;
  return expected.text === 'sample' ? sample : sample.replace(/\n/g, '\r\n');
}

describe('decodeSource fixtures', () => {
  // A case is a folder with input.bin and expected.json; other folders (legacy/, the readers'
  // fixtures) belong to other tests.
  const cases = readdirSync(fixtures, { withFileTypes: true }).filter(
    (entry) =>
      entry.isDirectory() &&
      existsSync(join(fixtures, entry.name, 'input.bin')) &&
      existsSync(join(fixtures, entry.name, 'expected.json')),
  );

  it('has the cases the brief asks for', () => {
    expect(cases.map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        'utf8-bom',
        'utf16le-bom',
        'utf16be-bom',
        'crlf',
        'windows-1258',
        'tcvn3',
        'latin1-mojibake',
        'empty',
        'binary',
      ]),
    );
  });

  for (const { name } of cases) {
    it(name, () => {
      const bytes = readFileSync(join(fixtures, name, 'input.bin'));
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected;
      const result = decodeSource(bytes, `${name}.txt`);
      const text = expectedText(expected);
      expect(result.encoding).toBe(expected.encoding);
      // Windows-1258 decodes to combining marks; read composes them, so compare NFC to NFC.
      expect(result.text).toBe(text);
      expect(result.messages.map((message) => message.code)).toEqual(expected.codes);
      expect(result.byteLength).toBe(bytes.byteLength);
      expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      for (const message of result.messages) {
        expect(message.file).toBe(`${name}.txt`);
        expect(message.message).toContain(`${name}.txt`);
        expect(message.level).toBe(expected.text === null ? 'error' : 'warning');
      }
    });
  }

  it('uses a sample that really is the opening of seed 004', () => {
    const seed = readFileSync(join(seeds, '004_25acc8cebe27ea3e.txt'), 'utf8');
    expect(seed.replace(/^\n+/, '').startsWith(sample)).toBe(true);
  });
});

describe('decodeSource on real text', () => {
  const seedFiles = readdirSync(seeds).filter((file) => file.endsWith('.txt'));

  it.each(seedFiles)('reads seed %s as clean UTF-8', (file) => {
    const bytes = readFileSync(join(seeds, file));
    const result = decodeSource(bytes, file);
    expect(result.encoding).toBe('utf-8');
    expect(result.messages).toEqual([]);
    expect(result.text).toBe(bytes.toString('utf8'));
  });

  it.each(readdirSync(dev))('reads dev doc %s as clean UTF-8', (file) => {
    const result = decodeSource(readFileSync(join(dev, file)), file);
    expect(result.encoding).toBe('utf-8');
    expect(result.messages).toEqual([]);
  });

  it('converts a whole seed from Windows-1258 and names the file in a warning', () => {
    const text = readFileSync(join(seeds, '000_f97b9327d3f16c43.txt'), 'utf8');
    const bytes = toWindows1258(text);
    const result = decodeSource(bytes, 'ke-hoach-1062.txt');
    expect(result.encoding).toBe('windows-1258');
    // Curly quotes and dashes survive; every Vietnamese letter comes back composed.
    expect(result.text).toBe(text.normalize('NFC'));
    expect(result.messages).toMatchObject([{ level: 'warning', code: 'legacy-encoding', file: 'ke-hoach-1062.txt' }]);
  });

  it('repairs a whole seed double-encoded through Latin-1', () => {
    const text = readFileSync(join(seeds, '002_869f96d070f2dfb7.txt'), 'utf8');
    const mojibake = Buffer.from(iconv.decode(Buffer.from(text, 'utf8'), 'latin1'), 'utf8');
    expect(mojibake.toString('utf8')).toContain('Káº¾ HOáº\u00a0CH');
    const result = decodeSource(mojibake, 'x.txt');
    expect(result.text).toBe(text);
    expect(result.messages.map((message) => message.code)).toEqual(['mojibake-repaired']);
  });

  it('rejects cp1252 mojibake where undefined bytes became U+FFFD (ờ, Đ cannot be told apart)', () => {
    const text = readFileSync(join(seeds, '002_869f96d070f2dfb7.txt'), 'utf8');
    const mojibake = Buffer.from(iconv.decode(Buffer.from(text, 'utf8'), 'windows1252'), 'utf8');
    expect(mojibake.toString('utf8')).toContain('VÃµ Ä\ufffdá»©c');
    const result = decodeSource(mojibake, 'x.txt');
    expect(result.text).toBeNull();
    expect(result.messages).toMatchObject([{ level: 'error', code: 'mojibake', file: 'x.txt' }]);
  });

  it('rejects mojibake it cannot repair exactly (mixed with real Vietnamese)', () => {
    const mixed = `Kế hoạch đúng: ${'Káº¿ hoáº¡ch sá»‘ 1062 '.repeat(3)}`;
    const result = decodeSource(Buffer.from(mixed, 'utf8'), 'mixed.txt');
    expect(result.text).toBeNull();
    expect(result.messages).toMatchObject([{ level: 'error', code: 'mojibake' }]);
  });

  it('keeps real Vietnamese with Â and Ã in capitals (not mojibake)', () => {
    const text =
      'ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nNGÃ BA, NGÃ TƯ; Ã, Â, “Â” – Ã; xếp loại “Khá”, “Đá”, “Má”; NHÂN\u00a0DÂN\u00a0TỈNH.';
    const result = decodeSource(Buffer.from(text, 'utf8'), 'caps.txt');
    expect(result.text).toBe(text);
    expect(result.messages).toEqual([]);
  });

  it('keeps all five seeds joined together as they are', () => {
    const all = readdirSync(seeds)
      .filter((file) => file.endsWith('.txt'))
      .map((file) => readFileSync(join(seeds, file), 'utf8'))
      .join('\n');
    const result = decodeSource(Buffer.from(all.repeat(3), 'utf8'), 'all.txt');
    expect(result.messages).toEqual([]);
    expect(result.text).toBe(all.repeat(3));
  });

  it('rejects a text that is only spaces and line ends as empty', () => {
    expect(decodeSource(Buffer.from(' \r\n\t\n', 'utf8'), 'blank.txt').messages[0]?.code).toBe('empty-file');
  });
});

describe('readSource', () => {
  it('reads a seed from disk under a display name', async () => {
    const result = await readSource(join(seeds, '004_25acc8cebe27ea3e.txt'), '004_25acc8cebe27ea3e.txt');
    expect(result.file).toBe('004_25acc8cebe27ea3e.txt');
    expect(result.text?.includes('1584/UBND-NCPC')).toBe(true);
    expect(result.byteLength).toBe(21091);
  });

  it('reports a missing file as an error, not an exception', async () => {
    const result = await readSource(join(seeds, 'khong-co.txt'), 'khong-co.txt');
    expect(result.text).toBeNull();
    expect(result.messages).toMatchObject([{ level: 'error', code: 'unreadable-file', file: 'khong-co.txt' }]);
  });
});
