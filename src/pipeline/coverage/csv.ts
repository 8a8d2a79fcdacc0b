/**
 * /data/trien-khai.csv: one row per implementation (the implemented document, the document
 * implementing it, the days between), UTF-8 with a BOM so Excel reads Vietnamese, CRLF line
 * ends and RFC 4180 quoting, as citations.csv. Columns documented in docs/graph-json.md.
 */
import type { GraphData } from '../emit/graph-schema.ts';
import { csvField } from '../emit/citations-csv.ts';
import { implementations, type CoverageDoc } from './coverage.ts';
import type { Delay } from './dates.ts';

/** Column headers of trien-khai.csv. */
export const COVERAGE_CSV_HEADER = [
  'ma_van_ban_duoc_trien_khai',
  'loai_van_ban_duoc_trien_khai',
  'so_ky_hieu_duoc_trien_khai',
  'co_quan_ban_hanh_duoc_trien_khai',
  'ngay_duoc_trien_khai',
  'ma_van_ban_trien_khai',
  'loai_van_ban_trien_khai',
  'so_ky_hieu_trien_khai',
  'co_quan_ban_hanh_trien_khai',
  'cap_trien_khai',
  'ngay_trien_khai',
  'so_ngay',
  'so_ngay_it_nhat',
  'so_ngay_nhieu_nhat',
  'nguon',
] as const;

/** The document columns: id, type, number (else label), issuer, date (ISO, maybe partial). */
function documentFields(doc: CoverageDoc): string[] {
  return [doc.id, doc.type ?? '', doc.number ?? doc.label, doc.issuer ?? '', doc.date?.iso ?? ''];
}

/** Days columns: exact days (only when both dates are full), and the least and most possible. */
function delayFields(delay: Delay): string[] {
  if (delay.kind === 'exact') return [String(delay.days), String(delay.days), String(delay.days)];
  if (delay.kind === 'range') return ['', String(delay.min), String(delay.max)];
  return ['', '', ''];
}

/**
 * trien-khai.csv.
 *
 * @param graph The graph.
 * @returns File content.
 */
export function toCoverageCsv(graph: GraphData): string {
  const rows: string[][] = [[...COVERAGE_CSV_HEADER]];
  for (const item of implementations(graph)) {
    const [id, type, number, issuer, date] = documentFields(item.source);
    rows.push([
      ...documentFields(item.target),
      id ?? '',
      type ?? '',
      number ?? '',
      issuer ?? '',
      item.source.level,
      date ?? '',
      ...delayFields(item.delay),
      // The implementing document's own text says so, or a sentence of another text does.
      item.stated ? 'van-ban-khac' : 'van-ban-trien-khai',
    ]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
