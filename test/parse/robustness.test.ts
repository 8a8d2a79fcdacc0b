/**
 * Any string parses, in bounded time, without throwing: empty text, one huge
 * line, thousands of nested or repeated headings, random and hostile input.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedPlan } from '../../src/model.ts';
import { parse } from '../../src/pipeline/parse.ts';
import { mulberry32 } from '../../src/pipeline/emit/layout/seeded-random.ts';

/** Parse raw text without `normalize`, so the parser itself sees the hostile input. */
function parseRaw(text: string): ParsedPlan {
  return parse({ file: 'adversarial.txt', sha256: 'f'.repeat(64), normalized: { text, emphasis: [], messages: [] } });
}

/** Parse and return how long it took, in milliseconds. */
function timed(text: string): { plan: ParsedPlan; ms: number } {
  const started = performance.now();
  const plan = parseRaw(text);
  return { plan, ms: performance.now() - started };
}

describe('parse on adversarial input', () => {
  it('parses the empty string with a no-header warning', () => {
    const plan = parseRaw('');
    expect(plan.blocks).toEqual([]);
    expect(plan.body).toEqual({ start: 0, end: 0 });
    expect(plan.meta.type).toBeNull();
    expect(plan.messages.map((message) => message.code)).toEqual(['no-header']);
    expect(plan.messages[0]?.message).toContain('adversarial.txt');
  });

  it('parses whitespace only', () => {
    expect(parseRaw(' \n\n\t \r\n ').blocks).toEqual([]);
  });

  it('parses one 100,000-character line', () => {
    const { plan, ms } = timed(`1. ${'Căn cứ Nghị định số 1/2020/NĐ-CP, '.repeat(3000)}`.slice(0, 100_000));
    expect(plan.blocks).toHaveLength(1);
    expect(plan.blocks[0]?.kind).toBe('paragraph');
    expect(ms).toBeLessThan(2000);
  });

  it('parses a 100,000-character line of markers and slashes', () => {
    const { plan, ms } = timed(`Số: ${'1/'.repeat(50_000)}`);
    expect(plan.meta.number).toBeNull();
    expect(ms).toBeLessThan(2000);
  });

  it('parses 10,000 ever deeper "1.1.1…" headings, keeping nesting bounded', () => {
    // 100 MB in all: line n is "1.1.….1. Mục" with n + 1 numbers.
    const lines: string[] = [];
    let prefix = '1';
    for (let index = 0; index < 10_000; index++) {
      prefix += '.1';
      lines.push(`${prefix}. Mục`);
    }
    const { plan, ms } = timed(lines.join('\n'));
    const headings = plan.blocks.filter((block) => block.kind === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    expect(Math.max(...headings.map((heading) => heading.level))).toBeLessThanOrEqual(8);
    expect(plan.blocks).toHaveLength(10_000);
    expect(ms).toBeLessThan(3000);
  });

  it('parses 10,000 repeated "1.1.1.1." headings with unique anchors', () => {
    const { plan, ms } = timed(Array(10_000).fill('1.1.1.1. Mục con').join('\n'));
    const anchors = plan.blocks.flatMap((block) => (block.kind === 'heading' ? [block.anchor] : []));
    expect(anchors).toHaveLength(10_000);
    expect(new Set(anchors).size).toBe(10_000);
    expect(ms).toBeLessThan(3000);
  });

  it('parses 10,000 lines nesting different marker kinds', () => {
    const kinds = ['I.', '1.', 'a)', 'Một là,', '1)', '- x', '+ y', 'A.', 'Điều 1.', 'Chương II'];
    const text = Array.from({ length: 10_000 }, (_, index) => `${kinds[index % kinds.length]} nội dung`).join('\n');
    const { plan, ms } = timed(text);
    expect(plan.blocks).toHaveLength(10_000);
    expect(ms).toBeLessThan(3000);
  });

  it('parses a text that is only a header as header-only (no-body)', () => {
    const plan = parseRaw('Số: 1/KH-UBND\nTây Ninh, ngày 1 tháng 1 năm 2024\nKẾ HOẠCH\nTiêu đề');
    expect(plan.meta.number).toBe('1/KH-UBND');
    expect(plan.messages.map((message) => message.code)).toEqual(['no-body']);
  });

  it('parses random text deterministically and keeps spans inside the text', () => {
    const next = mulberry32(20_240_411);
    const alphabet = [
      'Số',
      ': ',
      '/',
      'KH',
      '-',
      'UBND',
      '\n',
      ' ',
      'ngày',
      'tháng',
      'năm',
      '2024',
      'I.',
      '1.',
      'a)',
      'Nơi nhận',
      'Kính gửi',
      'V/v',
      'CHỦ TỊCH',
      'Ủy ban',
      '“',
      '*',
      '\r',
      'ạ',
      '\u0301',
    ];
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(next() * 400);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const plan = parseRaw(text);
      expect(parseRaw(text)).toEqual(plan);
      expect(plan.body.start).toBeLessThanOrEqual(plan.body.end);
      expect(plan.body.end).toBeLessThanOrEqual(text.length);
      for (const block of plan.blocks) {
        expect(block.start).toBeGreaterThanOrEqual(plan.body.start);
        expect(block.end).toBeLessThanOrEqual(plan.body.end);
      }
    }
  });
});
