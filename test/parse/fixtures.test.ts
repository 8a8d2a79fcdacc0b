/**
 * One loop over test/fixtures/parse/<case>/input.txt: each is normalized and
 * parsed, and the metadata, body text and blocks are compared with
 * output.json (refresh with `vitest -u`, then review the diff like code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from './parse-source.ts';

const root = new URL('../fixtures/parse/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('parse fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const input = readFileSync(new URL(`${name}/input.txt`, root), 'utf8');
    const plan = parseText(input, `${name}.txt`);
    const output = {
      meta: plan.meta,
      body: plan.text.slice(plan.body.start, plan.body.end),
      // Spans are checked through the text they cover.
      blocks: plan.blocks.map(({ start, end, ...block }) => ({ ...block, span: plan.text.slice(start, end) })),
      messages: plan.messages.map((message) => `${message.level} ${message.code}: ${message.message}`),
    };
    await expect(`${JSON.stringify(output, null, 2)}\n`).toMatchFileSnapshot(`../fixtures/parse/${name}/output.json`);
  });
});
