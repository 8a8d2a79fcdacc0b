/**
 * The portal copies (../shared/corpus/portal: headers run together on one or two lines, "Số:" alone
 * on its line, a crawl that spaces out letters): the document's own type, number, date and issuer
 * against the gold, and citation precision and recall (the own number is never a citation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printScore, scoreGoldFolder } from '../extract/gold-scoring.ts';
import { parseSource } from './parse-source.ts';

const portal = '../shared/corpus/portal';

interface GoldDocument {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

/** The scorer's identity of an organ or type: folded, no spaces or punctuation, UBND written out. */
function organKey(text: string | null): string {
  const folded = (text ?? '')
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return folded.replace(/\bubnd\b/g, 'uy ban nhan dan').replace(/[^a-z0-9]/g, '');
}

describe.runIf(existsSync(portal))('portal corpus', () => {
  const names = existsSync(portal)
    ? readdirSync(join(portal, 'gold'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.replace(/\.json$/, ''))
        .sort()
    : [];

  it('reads at least 95% of the metadata fields as the gold gives them', () => {
    const mismatches: string[] = [];
    let fields = 0;
    for (const name of names) {
      const gold = (JSON.parse(readFileSync(join(portal, 'gold', `${name}.json`), 'utf8')) as { document: GoldDocument })
        .document;
      const { meta } = parseSource(join(portal, 'docs', `${name}.txt`));
      const got: GoldDocument = { type: meta.type, number: meta.number, date: meta.date?.iso ?? null, issuer: meta.issuer };
      for (const field of ['type', 'number', 'date', 'issuer'] as const) {
        fields++;
        const same = field === 'date' ? got.date === gold.date : organKey(got[field]) === organKey(gold[field]);
        if (!same) mismatches.push(`${name} ${field}: got ${got[field]}, gold ${gold[field]}`);
      }
    }
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(fields).toBeGreaterThanOrEqual(48);
    expect(mismatches.length).toBeLessThanOrEqual(Math.floor(fields * 0.05));
  });

  it('reaches citation precision and recall of 0.95', () => {
    const score = scoreGoldFolder(portal);
    printScore('portal', score);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });
});
