/**
 * Emit `citations.csv`: one row per mention, for spreadsheets.
 *
 * UTF-8 with a BOM, because Excel reads a BOM-less CSV in the machine's legacy code page
 * and garbles Vietnamese. Quoting per RFC 4180; lines end in CRLF as the RFC says.
 */
import type { ResolvedCorpus } from '../resolve.ts';
import { compare } from '../resolve/merge.ts';

/** Column headers, in Vietnamese for the people opening the file. */
export const CSV_HEADER = [
  'ma_van_ban',
  'so_ky_hieu',
  'ma_van_ban_duoc_trich',
  'ten_van_ban_duoc_trich',
  'quan_he',
  'trich_dan',
  'cau',
  'neo',
] as const;

/**
 * One CSV row per mention, in plan id then text order: plan id, plan number, cited id,
 * cited label, relation, mention text, sentence, anchor. An unresolved mention has empty
 * cited columns.
 *
 * @param corpus The resolved corpus.
 * @returns File content, starting with a BOM.
 */
export function toCitationsCsv(corpus: ResolvedCorpus): string {
  const nodes = new Map(corpus.nodes.map((node) => [node.id as string, node]));
  const rows: string[][] = [[...CSV_HEADER]];
  for (const plan of [...corpus.mentions.keys()].sort(compare)) {
    const planNode = nodes.get(plan);
    for (const mention of corpus.mentions.get(plan) ?? []) {
      const cited = mention.node ? nodes.get(mention.node) : undefined;
      rows.push([
        plan,
        planNode?.number ?? '',
        cited?.id ?? '',
        cited?.label ?? '',
        mention.relation,
        mention.text,
        mention.sentence,
        mention.anchor,
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Quote a field when it holds a comma, quote, CR or LF (RFC 4180 §2.6–2.7).
 *
 * @param value Field value.
 * @returns The field as written in the file.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
