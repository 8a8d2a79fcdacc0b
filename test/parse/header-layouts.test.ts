/**
 * The same header in every layout a source gives it. Each dev document's header (every line before
 * its body) is re-laid out as portal copies, Word tables and crawls deliver it — all on one line,
 * on two lines, "Số:" alone on its line, table cells read cell by cell, letters spaced out — and the
 * type, number, date and issuer must still equal the gold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline/normalize.ts';
import { isMotto, mottoLineCount } from '../../src/pipeline/parse/header-lines.ts';
import { parseText } from './parse-source.ts';

const dev = '../shared/corpus/dev';

interface GoldDocument {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

/** A document split into its header lines and the rest. */
interface Split {
  header: string[];
  body: string;
}

function splitHeader(text: string): Split {
  const normalized = normalize(text, 'x.txt').text;
  const plan = parseText(text);
  const header = normalized
    .slice(0, plan.body.start)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { header, body: normalized.slice(plan.body.start) };
}

const isNumberLine = (line: string): boolean => /^Số\b/u.test(line);
const isDateLine = (line: string): boolean => /,\s*ngày\b/u.test(line);

/** Header lines in the order of the cells of a Word header table: left cell, then right cell. */
function tableOrder(lines: readonly string[]): string[] {
  const firstMotto = lines.findIndex((line, index) => isMotto(line) || mottoLineCount(lines.slice(index, index + 4)) > 0);
  const numberAt = lines.findIndex(isNumberLine);
  const dateAt = lines.findIndex(isDateLine);
  if (firstMotto < 0 || numberAt < firstMotto || dateAt < numberAt) return [...lines];
  let dateEnd = dateAt;
  while (dateEnd < lines.length - 1 && !/năm\s*\d{4}/u.test(lines.slice(dateAt, dateEnd + 1).join(' '))) dateEnd++;
  const organ = lines.slice(0, firstMotto);
  const motto = lines.slice(firstMotto, numberAt);
  const numberAndSubject = lines.slice(numberAt, dateAt);
  const date = lines.slice(dateAt, dateEnd + 1);
  const rest = lines.slice(dateEnd + 1);
  return [...organ, ...numberAndSubject, ...motto, ...date, ...rest];
}

/** "ỦY BAN NHÂN DÂN" → "ỦY B AN NHÂN D ÂN", "Số: 06/CT-UBND" → "Số: 06/CT - U B ND", as one crawl spaces them. */
function spaceOut(lines: readonly string[]): string[] {
  const firstMotto = lines.findIndex((line, index) => isMotto(line) || mottoLineCount(lines.slice(index, index + 4)) > 0);
  return lines.map((line, index) => {
    if (isNumberLine(line)) {
      return line.replace(/-(\p{Lu})(\p{Lu})(\p{Lu}+)\b/u, ' - $1 $2 $3');
    }
    if (index >= firstMotto) return line;
    let count = 0;
    return line.replace(/\p{Lu}{3,}/gu, (word) => (count++ % 2 === 1 ? `${word.charAt(0)} ${word.slice(1)}` : word));
  });
}

const layouts: Record<string, (lines: readonly string[]) => string[]> = {
  'one line': (lines) => [lines.join(' ')],
  'two lines (organ and motto / the rest)': (lines) => {
    const at = lines.findIndex(isNumberLine);
    return at > 0 ? [lines.slice(0, at).join(' '), lines.slice(at).join(' ')] : [lines.join(' ')];
  },
  '"Số:" alone on its line': (lines) =>
    lines.flatMap((line) => (isNumberLine(line) ? line.replace(/^Số\s*:?\s*/u, 'Số:\n').split('\n') : [line])),
  'table cells, left then right': tableOrder,
  'table cells run together': (lines) => [tableOrder(lines).join(' ')],
  'letters spaced out': spaceOut,
};

describe.runIf(existsSync(dev))('dev headers in every layout', () => {
  const names = existsSync(dev)
    ? readdirSync(join(dev, 'gold'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.replace(/\.json$/, ''))
        .sort()
    : [];

  for (const [layout, relayout] of Object.entries(layouts)) {
    it(`reads type, number, date and issuer as the gold gives them: ${layout}`, () => {
      const mismatches: string[] = [];
      let checked = 0;
      for (const name of names) {
        const gold = (JSON.parse(readFileSync(join(dev, 'gold', `${name}.json`), 'utf8')) as { document: GoldDocument }).document;
        if (!gold.number) continue;
        const { header, body } = splitHeader(readFileSync(join(dev, 'docs', `${name}.txt`), 'utf8'));
        const { meta } = parseText(`${relayout(header).join('\n')}\n\n${body}`);
        const got: GoldDocument = { type: meta.type, number: meta.number, date: meta.date?.iso ?? null, issuer: meta.issuer };
        for (const field of ['type', 'number', 'date', 'issuer'] as const) {
          if (got[field] !== gold[field]) mismatches.push(`${name} ${field}: got ${got[field]}, gold ${gold[field]}`);
        }
        checked++;
      }
      if (mismatches.length > 0) console.log(`${layout}:\n${mismatches.join('\n')}`);
      expect(checked).toBeGreaterThanOrEqual(9);
      expect(mismatches).toEqual([]);
    });
  }
});
