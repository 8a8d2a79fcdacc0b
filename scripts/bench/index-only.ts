/**
 * Time the Pagefind step alone on a built site (wall and CPU, children included):
 * `npx tsx scripts/bench/index-only.ts <dist> [storeDir]`.
 */
import { indexSite, readGraph } from '../../src/integrations/pagefind.ts';

const [dir, storeDir] = process.argv.slice(2);
if (!dir) throw new Error('usage: index-only.ts <dist> [storeDir]');
const started = performance.now();
const report = await indexSite(dir, await readGraph(dir), storeDir ? { storeDir } : {});
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    ...report,
    wallS: (performance.now() - started) / 1000,
    selfCpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  }),
);
