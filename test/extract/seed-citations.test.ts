/**
 * The full citation list of each of the five seed plans, through the CLI's path
 * (`extractReport` over all five, so in-corpus links resolve): every distinct document with
 * its number or law name, type, date, issuer, relation and mention count. Reviewed by hand
 * against the texts; refresh with `npx vitest run --project unit test/extract -u` and review
 * the diff like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/pipeline/extract-report.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../content/sources');
const files = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const report = extractReport(files.map((name) => decodeSource(readFileSync(path.join(SEEDS, name)), name)));

describe('seed citation lists', () => {
  it.each(files.map((file, index) => [file, index] as const))('%s', async (file, index) => {
    const entry = report[index]!;
    expect(entry.errors).toEqual([]);
    const rows = entry.citations.map((citation) => ({
      id: citation.id,
      cited: citation.number ?? citation.name,
      type: citation.type,
      date: citation.date,
      issuer: citation.issuer,
      relation: citation.relation,
      inCorpus: citation.inCorpus,
      mentions: citation.mentions.length,
    }));
    await expect(`${JSON.stringify({ document: entry.document, citations: rows }, null, 2)}\n`).toMatchFileSnapshot(
      `__snapshots__/seed-citations/${file.replace(/\.txt$/, '')}.json`,
    );
  });
});
