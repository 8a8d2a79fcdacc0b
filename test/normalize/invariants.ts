/** Properties every `NormalizedText` must have, whatever the input. */
import { expect } from 'vitest';
import type { NormalizedText } from '../../src/model.ts';

export function expectClean(result: NormalizedText): void {
  const { text, emphasis } = result;
  expect(text.normalize('NFC')).toBe(text);
  expect(text).not.toContain('*');
  expect(text).not.toMatch(/\n\n|^\n|\n$/u);
  expect(text).not.toMatch(/[\r\t\u00a0\u2000-\u200f\u202f\u3000\u00ad\ufeff]/u);
  expect(text).not.toMatch(/ {2}|^ | $/mu);
  for (const span of emphasis) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).not.toMatch(/^\s|\s$/u);
  }
  const starts = emphasis.map((span) => span.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}
