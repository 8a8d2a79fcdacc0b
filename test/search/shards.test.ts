import { describe, expect, it } from 'vitest';
import {
  keptShards,
  matchedForms,
  metaForms,
  queryTerms,
  shardOfResult,
  termMatch,
  wordForms,
  type TermMatch,
} from '../../src/client/search/shards.ts';
import { onlyInFirstShard, shardCount, shardFingerprint, shardOf, splitShards } from '../../src/integrations/pagefind-shards.ts';

describe('shardCount', () => {
  it.each([
    // [indexed pages, shards]: a small site stays one index, exactly as before sharding
    [60, 1],
    [511, 1],
    [512, 2],
    [2058, 8],
    [6575, 16],
    [1_000_000, 32],
  ])('%i pages → %i parts', (pages, shards) => {
    expect(shardCount(pages)).toBe(shards);
  });
});

describe('shardOf / splitShards', () => {
  const files = Array.from({ length: 400 }, (_, index) => `van-ban/ke-hoach-${index}/index.html`);

  it('puts a page in the same part whatever the other pages are', () => {
    const alone = shardOf('van-ban/ke-hoach-7/index.html', 8);
    const parts = splitShards(
      files.map((file) => ({ file, digest: 'x' })),
      8,
    );
    const holder = parts.find((part) => part.pages.some((page) => page.file === 'van-ban/ke-hoach-7/index.html'));
    expect(holder?.name).toBe(String(alone));
    expect(holder?.language).toBe(`vi-x-s${alone}`);
  });

  it('spreads pages over the parts and keeps path order inside each', () => {
    const parts = splitShards(
      files.map((file) => ({ file, digest: 'x' })),
      8,
    );
    expect(parts).toHaveLength(8);
    for (const part of parts) {
      expect(part.pages.length).toBeGreaterThan(25);
      expect(part.pages.map((page) => page.file)).toEqual(files.filter((file) => shardOf(file, 8) === Number(part.name)));
    }
  });

  it('changes the fingerprint of only the part of an edited page', () => {
    const before = splitShards(
      files.map((file) => ({ file, digest: 'a' })),
      8,
    );
    const after = splitShards(
      files.map((file) => ({ file, digest: file === files[123] ? 'b' : 'a' })),
      8,
    );
    const changed = before.filter((part, index) => shardFingerprint(part, 's') !== shardFingerprint(after[index]!, 's'));
    expect(changed.map((part) => part.name)).toEqual([String(shardOf(files[123]!, 8))]);
    expect(shardFingerprint(before[0]!, 'pagefind 1.6.0')).not.toBe(shardFingerprint(before[0]!, 'pagefind 1.6.1'));
  });

  it('drops only the UI files and the WebAssembly from the other parts', () => {
    expect(['pagefind.js', 'pagefind-worker.js', 'pagefind-ui.css', 'wasm.unknown.pagefind'].every(onlyInFirstShard)).toBe(true);
    expect(['pagefind-entry.json', 'pagefind.vi-x-s1_4f5c.pf_meta', 'fragment', 'index', 'filter'].some(onlyInFirstShard)).toBe(
      false,
    );
  });
});

describe('shard-aware merging', () => {
  it('reads the part from a result id', () => {
    expect(shardOfResult('vi-x-s3_42abb6b')).toBe('3');
    expect(shardOfResult('vi_42abb6b')).toBeNull();
  });

  it('folds query words as Pagefind does: no punctuation, no diacritics, đ → d', () => {
    expect(queryTerms('2643/KH-UBND  Nghị định')).toEqual(['2643khubnd', 'nghi', 'dinh']);
    expect(queryTerms('“Đề án”')).toEqual(['de', 'an']);
  });

  it('gives the indexed forms of a word: joined and its parts', () => {
    expect(wordForms('(2643/KH-UBND),')).toEqual(['2643khubnd', '2643', '2643kh', 'kh', 'khubnd', 'ubnd']);
    // The stroke of đ is a combining mark in the indexed copy ("d̵").
    expect(wordForms('d\u0335ịnh;')).toEqual(['dinh']);
  });

  it('tells a match from a fallback to a shorter word', () => {
    expect(termMatch('2643khubnd', wordForms('2643/KH-UBND'))).toEqual({ kind: 'match' });
    expect(termMatch('ubnd', wordForms('2643/KH-UBND'))).toEqual({ kind: 'match' });
    expect(termMatch('ndcp', wordForms('21/2019/NĐ-CP'))).toEqual({ kind: 'match' });
    expect(termMatch('12005khubnd', wordForms('1/2005/QĐ-UBND'))).toEqual({ kind: 'fallback', length: 5 });
    expect(termMatch('ngh', ['nghi'])).toEqual({ kind: 'match' });
    expect(termMatch('2643khubnd', ['2643qdubnd', '2643', 'qd', 'ubnd'])).toEqual({ kind: 'fallback', length: 4 });
    expect(termMatch('summary', ['khac'])).toEqual({ kind: 'unknown' });
  });

  it('finds the matched words at Pagefind locations of the text', () => {
    const content = 'Căn cứ Kế hoạch số 2643/KH-UBND ngày 5/10/2023;';
    expect(matchedForms(content, [5])).toEqual(wordForms('2643/KH-UBND'));
  });

  it('reads the words of the metadata, where Pagefind matches without locations', () => {
    // A plan citing "1/2005/QĐ-UBND": its `cited` metadata holds "1/2005", indexed as "12005".
    const meta = { title: 'Kế hoạch 3/KH-UBND', cited: '1/2005/qd-ubnd 1/2005 qd-ubnd', keys: 'kh-ubnd' };
    const forms = [...matchedForms('Kế hoạch phòng thủ dân sự', []), ...metaForms(meta)];
    expect(termMatch('12005khubnd', forms)).toEqual({ kind: 'fallback', length: 5 });
    expect(termMatch('12005qdubnd', forms)).toEqual({ kind: 'match' });
    expect(termMatch('khubnd', forms)).toEqual({ kind: 'match' });
    expect(metaForms({ title: undefined, number: '' })).toEqual([]);
  });

  it('keeps what one index would return', () => {
    const match: TermMatch = { kind: 'match' };
    const fallback = (length: number): TermMatch => ({ kind: 'fallback', length });
    // A rare number in part 2 only: the parts that fell back to "2643" go.
    expect([
      ...keptShards(
        new Map([
          ['0', [fallback(4)]],
          ['2', [match]],
          ['5', [fallback(4)]],
        ]),
      ),
    ]).toEqual(['2']);
    // Found nowhere: every part falls back, and only the longest fallback stays.
    expect([
      ...keptShards(
        new Map([
          ['0', [fallback(4)]],
          ['1', [fallback(6)]],
        ]),
      ),
    ]).toEqual(['1']);
    // Common words: every part matched.
    expect(
      keptShards(
        new Map([
          ['0', [match, match]],
          ['1', [match, match]],
        ]),
      ).size,
    ).toBe(2);
    // A word matched only in metadata tells nothing: the part stays.
    expect([
      ...keptShards(
        new Map([
          ['0', [{ kind: 'unknown' }]],
          ['1', [match]],
        ]),
      ),
    ]).toEqual(['0', '1']);
  });
});
