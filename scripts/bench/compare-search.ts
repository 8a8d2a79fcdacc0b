/**
 * Compare what two built sites' search pages show for the same queries: status line (the
 * count) and the first ten results, in order. Used to check that a change to how the index
 * is written (chunk size, shards) leaves every result and its rank alone.
 *
 * Use: `npx tsx scripts/bench/compare-search.ts <site A> <site B> [queries.txt]`
 * (both served at "/"; without a query file, the words and word pairs of the seed plans,
 * partial words and numbers are used). Exit code 1 when any query differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, serveDist } from '../../test/e2e/harness.ts';

const [siteA, siteB, queryFile] = process.argv.slice(2);
if (!siteA || !siteB) {
  process.stderr.write('Cách dùng: tsx scripts/bench/compare-search.ts <site A> <site B> [queries.txt]\n');
  process.exit(2);
}

/** Default queries: frequent words and pairs of the seed plans, their starts, numbers. */
function defaultQueries(): string[] {
  const dir = path.resolve(import.meta.dirname, '../../content/sources');
  const text = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const pairs = new Map<string, number>();
  for (let index = 0; index + 1 < words.length; index += 1) {
    const pair = `${words[index]} ${words[index + 1]}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  const top = (map: Map<string, number>, count: number, step = 1): string[] =>
    [...map]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .filter((_, index) => index % step === 0)
      .slice(0, count)
      .map(([key]) => key);
  const single = top(counts, 40, 3);
  const partial = single.filter((word) => word.length >= 4).map((word) => word.slice(0, word.length - 1));
  const numbers = [...new Set(text.match(/\d+\/\d{4}\/[\p{L}Đđ-]+/gu) ?? [])].slice(0, 10);
  return [...single, ...top(pairs, 30, 2), ...partial, ...numbers];
}

const queries = queryFile
  ? readFileSync(queryFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
  : defaultQueries();

const browser = await launchBrowser();
const servers = await Promise.all([serveDist(path.resolve(siteA), '/'), serveDist(path.resolve(siteB), '/')]);
let differ = 0;
try {
  const pages = await Promise.all(servers.map(async () => browser.newPage()));
  const shown = async (index: number, query: string): Promise<string> => {
    const page = pages[index]!;
    await page.goto(`${servers[index]!.url}tim-kiem/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () => /^(Tìm thấy|Không tìm thấy)/.test(document.getElementById('search-status')?.textContent ?? ''),
      null,
      {
        timeout: 120_000,
      },
    );
    return page.evaluate(() =>
      [
        document.getElementById('search-status')?.textContent ?? '',
        ...[...document.querySelectorAll<HTMLAnchorElement>('#search-results .search-hit-title a')].map(
          (a) => new URL(a.href).pathname,
        ),
      ].join('\n'),
    );
  };
  for (const query of queries) {
    const [a, b] = await Promise.all([shown(0, query), shown(1, query)]);
    const same = a === b;
    if (!same) differ += 1;
    process.stdout.write(`${same ? 'same' : 'DIFF'}\t${query}\t${a.split('\n')[0]}${same ? '' : `\t≠ ${b.split('\n')[0]}`}\n`);
    if (!same) process.stdout.write(`  A: ${a.split('\n').slice(1).join(' ')}\n  B: ${b.split('\n').slice(1).join(' ')}\n`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
process.stdout.write(`${queries.length} queries, ${differ} differ\n`);
process.exitCode = differ > 0 ? 1 : 0;
