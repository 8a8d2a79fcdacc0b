import { describe, expect, it } from 'vitest';
import { typedWords } from '../../src/client/search/engine.ts';
import { latestOnly } from '../../src/client/search/latest-only.ts';

describe('latestOnly', () => {
  it('runs one request at a time and, of those made meanwhile, only the latest', async () => {
    const ran: string[] = [];
    const release: (() => void)[] = [];
    let stops = 0;
    const runner = latestOnly(
      (query: string) =>
        new Promise<void>((resolve) => {
          ran.push(query);
          release.push(resolve);
        }),
      () => (stops += 1),
    );
    const done = runner.request('k');
    // Typed while "k" is searched: only "khu vực" is searched next.
    void runner.request('kh');
    void runner.request('khu');
    void runner.request('khu vực');
    expect(ran).toEqual(['k']);
    expect(stops).toBe(4);
    release.shift()!();
    await Promise.resolve();
    await Promise.resolve();
    expect(ran).toEqual(['k', 'khu vực']);
    release.shift()!();
    await done;
    expect(ran).toEqual(['k', 'khu vực']);
    // Idle again: the next request runs at once.
    void runner.request('phòng thủ');
    expect(ran).toEqual(['k', 'khu vực', 'phòng thủ']);
  });

  it('goes on after a failed request', async () => {
    const ran: string[] = [];
    const runner = latestOnly(async (query: string) => {
      ran.push(query);
      if (query === 'lỗi') throw new Error('index');
    });
    const first = runner.request('lỗi');
    void runner.request('nghị định');
    await first;
    expect(ran).toEqual(['lỗi', 'nghị định']);
  });
});

describe('typedWords', () => {
  it('keeps the words already typed, not the one being typed', () => {
    expect(typedWords('khu vực phòng th')).toBe('khu vực phòng');
    expect(typedWords('khu vực ')).toBe('khu vực');
    expect(typedWords('  Toàn dân  bảo vệ ')).toBe('Toàn dân bảo vệ');
    expect(typedWords('nghi')).toBe('');
    expect(typedWords('')).toBe('');
  });
});
