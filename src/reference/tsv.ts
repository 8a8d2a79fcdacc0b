/**
 * Tab-separated rows: the format of the reference data, chosen because titles hold commas and
 * quotes but never tabs, so no quoting rules are needed and a spreadsheet opens the file as is.
 */

/** One parsed row: its cells by column name, and its line number for messages. */
export interface TsvRecord {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parse TSV text with a header line. Blank lines and lines starting with "#" are skipped;
 * a missing trailing cell is an empty cell.
 *
 * @param text File contents.
 * @returns The header's columns and one record per data line.
 */
export function parseTsv(text: string): { columns: string[]; records: TsvRecord[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  if (headerIndex < 0) return { columns: [], records: [] };
  const columns = lines[headerIndex]!.split('\t').map((column) => column.trim());
  const records: TsvRecord[] = [];
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const values = line.split('\t');
    const cells: Record<string, string> = {};
    columns.forEach((column, position) => {
      cells[column] = (values[position] ?? '').normalize('NFC');
    });
    records.push({ line: index + 1, cells });
  }
  return { columns, records };
}
