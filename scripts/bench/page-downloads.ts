/**
 * What a page of a built site downloads when it is opened: every response until the network is
 * idle, with its size, and the total. For the 1 MB rule on a large corpus's pages (the graph
 * page must stay bounded whatever graph.json weighs).
 *
 * Use: `npx tsx scripts/bench/page-downloads.ts <dist> [path …]` (default path: `do-thi/`;
 * the site is served at "/").
 */
import path from 'node:path';
import { launchBrowser, serveDist } from '../../test/e2e/harness.ts';

const [site, ...paths] = process.argv.slice(2);
if (!site) {
  process.stderr.write('Cách dùng: tsx scripts/bench/page-downloads.ts <dist> [đường dẫn …]\n');
  process.exit(2);
}
const browser = await launchBrowser();
const served = await serveDist(path.resolve(site), '/');
try {
  for (const route of paths.length > 0 ? paths : ['do-thi/']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<[string, number]>[] = [];
    page.on('response', (response) =>
      sizes.push(
        response.body().then(
          (body): [string, number] => [new URL(response.url()).pathname, body.length],
          (): [string, number] => [new URL(response.url()).pathname, 0],
        ),
      ),
    );
    await page.goto(`${served.url}${route}`, { waitUntil: 'networkidle', timeout: 300_000 });
    const files = await Promise.all(sizes);
    const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
    process.stdout.write(`/${route}: ${files.length} files, ${(total / 1024).toFixed(1)} KB\n`);
    for (const [file, bytes] of files.sort((a, b) => b[1] - a[1])) {
      process.stdout.write(`  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${file}\n`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
}
