/**
 * The document's own type, number, date and issuer for every dev document,
 * against its gold file (/work/shared/corpus/dev/gold/*.json). Mismatches are
 * printed before the assertion so a regression names the file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source.ts';

const dev = '/work/shared/corpus/dev';

interface GoldDocument {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

describe.runIf(existsSync(dev))('dev corpus: own metadata vs gold', () => {
  const names = existsSync(dev)
    ? readdirSync(join(dev, 'gold'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.replace(/\.json$/, ''))
        .sort()
    : [];

  it('has documents to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it('reads type, number, date and issuer of every document as the gold gives them', () => {
    const mismatches: string[] = [];
    for (const name of names) {
      const gold = (JSON.parse(readFileSync(join(dev, 'gold', `${name}.json`), 'utf8')) as { document: GoldDocument }).document;
      const { meta } = parseSource(join(dev, 'docs', `${name}.txt`));
      const got: GoldDocument = { type: meta.type, number: meta.number, date: meta.date?.iso ?? null, issuer: meta.issuer };
      for (const field of ['type', 'number', 'date', 'issuer'] as const) {
        if (got[field] !== gold[field]) mismatches.push(`${name} ${field}: got ${got[field]}, gold ${gold[field]}`);
      }
    }
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(mismatches).toEqual([]);
  });

  it('warns no-header only for the document whose crawl lost its header', () => {
    const warned = names.filter((name) =>
      parseSource(join(dev, 'docs', `${name}.txt`)).messages.some((message) => message.code === 'no-header'),
    );
    expect(warned).toEqual(['cv_bct_giaxangdau_2025']);
  });

  it('reads the signer of a Party document ("K/T TRƯỞNG / BAN / PHÓ TRƯỞNG BAN THƯỜNG TRỰC")', () => {
    const { meta } = parseSource(join(dev, 'docs', 'hd_btctw_45_2025.txt'));
    expect(meta.signer).toEqual({ position: 'K/T TRƯỞNG BAN – PHÓ TRƯỞNG BAN THƯỜNG TRỰC', name: 'Hoàng Đăng Quang' });
    expect(meta.distribution[0]).toBe('Bộ Chính trị, Ban Bí thư (để b/c)');
  });

  it('joins a wrapped "TM. ỦY BAN NHÂN / DÂN" position', () => {
    const { meta } = parseSource(join(dev, 'docs', 'kh_hanoi_308_2025.txt'));
    expect(meta.signer).toEqual({
      position: 'TM. ỦY BAN NHÂN DÂN – KT. CHỦ TỊCH – PHÓ CHỦ TỊCH',
      name: 'Trương Việt Dũng',
    });
  });
});
