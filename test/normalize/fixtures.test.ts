/**
 * Fixture loop: `test/fixtures/normalize/<case>/input.txt` → `output.json` (the
 * `NormalizedText`, with each emphasis span's text spelled out for review). Refresh with
 * `npx vitest run --project unit test/normalize -u` and review the diff like code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { expectClean } from './invariants.ts';

const root = join(import.meta.dirname, '../fixtures/normalize');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('normalize fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const input = readFileSync(join(root, name, 'input.txt'), 'utf8');
    const result = normalize(input, `${name}.txt`);
    expectClean(result);
    const review = {
      lines: result.text.split('\n'),
      emphasis: result.emphasis.map((span) => ({ ...span, text: result.text.slice(span.start, span.end) })),
      messages: result.messages,
    };
    await expect(`${JSON.stringify(review, null, 2)}\n`).toMatchFileSnapshot(join(root, name, 'output.json'));
  });

  it('gives the same output for CRLF and CR-only line ends', () => {
    const crlf = normalize(readFileSync(join(root, 'crlf', 'input.txt'), 'utf8'), 'x.txt');
    const cr = normalize(readFileSync(join(root, 'cr-only', 'input.txt'), 'utf8'), 'x.txt');
    expect(cr).toEqual(crlf);
    expect(crlf.text).toBe('Số: 1062 /KH-UBND\nTây Ninh, ngày 11 tháng 4 năm 2024\nKẾ HOẠCH\n- Bộ Quốc phòng;\n- Ban TĐKT TW;');
  });
});

describe('normalize keeps literal text that only looks like markup', () => {
  it('keeps "__" inside a word and composes a mark freed by a removed asterisk', () => {
    expect(normalize('window.__pwned = a__b', 'x.txt').text).toBe('window.__pwned = a__b');
    expect(normalize('__Nơi nhận: __', 'x.txt').text).toBe('Nơi nhận:');
    expect(normalize('o*\u0323', 'x.txt').text).toBe('\u1ecd');
  });
});
