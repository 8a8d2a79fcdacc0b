/**
 * Parse a text file the way the build does (UTF-8 file → `normalize` → `parse`),
 * for tests on real documents.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ParsedPlan } from '../../src/model.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';

/**
 * @param path UTF-8 text file.
 * @returns The parsed plan, with the file's base name as `file`.
 */
export function parseSource(path: string): ParsedPlan {
  const bytes = readFileSync(path);
  const file = basename(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parse({ file, sha256, normalized: normalize(bytes.toString('utf8'), file) });
}

/**
 * Parse a string given inline: `normalize`d like a file, then `parse`d.
 *
 * @param text Source text.
 * @param file Name for messages.
 */
export function parseText(text: string, file = 'input.txt'): ParsedPlan {
  return parse({ file, sha256: '0'.repeat(64), normalized: normalize(text, file) });
}

/** Headings as an indented outline ("  2.1. Phong trào … #muc-iii-2-1"), for snapshots. */
export function outline(plan: ParsedPlan): string {
  const lines: string[] = [];
  for (const block of plan.blocks) {
    if (block.kind !== 'heading') continue;
    lines.push(`${'  '.repeat(block.level - 1)}${block.marker} ${block.text} #${block.anchor}`);
  }
  return `${lines.join('\n')}\n`;
}
