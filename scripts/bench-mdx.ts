/**
 * `npx tsx scripts/bench-mdx.ts <sources dir> [old source.ts]`: the cost of the MDX writer
 * alone (`treeMdx`) and of the HTML writer (`treeHtml`) over every plan of a corpus, as CPU
 * time of this thread; with a second argument, an older `source.ts` is timed in the same run
 * and its output compared byte for byte.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { memoryCache } from '../src/pipeline/cache.ts';
import { linkedPlanTree } from '../src/pipeline/emit/mdx.ts';
import { treeHtml } from '../src/pipeline/emit/mdx/html.ts';
import { treeMdx } from '../src/pipeline/emit/mdx/source.ts';
import { buildCorpus } from '../src/pipeline/index.ts';
import { readSource } from '../src/pipeline/read.ts';

const [dir, old] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench-mdx.ts <sources dir> [old source.ts]');
const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
const sources = await Promise.all(names.map((name) => readSource(path.join(dir, name), name)));
// With a cache, buildCorpus leaves every page to make as a job: plan and resolved mentions.
const jobs = buildCorpus(sources, { cache: memoryCache(), codeVersion: 'bench' }).pendingPages;
const trees = jobs.map((job) => linkedPlanTree(job.plan, job.mentions));
const oldMdx = old ? ((await import(pathToFileURL(path.resolve(old)).href)) as { treeMdx: typeof treeMdx }).treeMdx : null;

function cpu(run: () => string[]): { ms: number; out: string[] } {
  const start = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, out };
}
for (let round = 0; round < 2; round++) {
  const now = cpu(() => trees.map((tree) => treeMdx(tree)));
  const line = [`round ${round}: ${trees.length} plans, treeMdx ${now.ms.toFixed(0)} ms CPU`];
  if (oldMdx) {
    const before = cpu(() => trees.map((tree) => oldMdx(tree)));
    const differ = before.out.filter((text, i) => text !== now.out[i]).length;
    line.push(`old treeMdx ${before.ms.toFixed(0)} ms CPU`, `${differ} outputs differ`);
  }
  line.push(`treeHtml ${cpu(() => trees.map((tree) => treeHtml(tree))).ms.toFixed(0)} ms CPU`);
  console.log(line.join('; '));
}
