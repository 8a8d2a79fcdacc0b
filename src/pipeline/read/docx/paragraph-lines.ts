/**
 * One paragraph's raw text (breaks as "\n", page breaks as "\f", tabs as "\t") → its lines.
 *
 * A tab inside a sentence is spacing ("1.<tab>Mục tiêu"), so it reads as a space; a run of
 * two or more tabs is how a header or a signature block is laid out in columns without a
 * table ("Số: 12/UBND<tab><tab>Lâm Đồng, ngày…"), so it splits the line, as does any tab
 * when the paragraph lays columns with centre/right tab stops. Leading and trailing tabs are
 * indentation.
 */

const TAB_RUN = /\t(?:[ \u00a0]*\t)+/gu;

/**
 * @param raw The paragraph's text with "\n", "\f" and "\t" markers.
 * @param singleTabSplits Whether a single tab separates columns too.
 * @returns Trimmed non-empty lines; a page break is a line of its own "\f".
 */
export function paragraphLines(raw: string, singleTabSplits: boolean): string[] {
  const lines: string[] = [];
  for (const segment of raw.split('\n')) {
    if (segment.includes('\f')) {
      for (const [index, piece] of segment.split('\f').entries()) {
        if (index > 0) lines.push('\f');
        pushColumns(lines, piece, singleTabSplits);
      }
      continue;
    }
    pushColumns(lines, segment, singleTabSplits);
  }
  return lines;
}

function pushColumns(lines: string[], segment: string, singleTabSplits: boolean): void {
  const columns = singleTabSplits ? segment.split(/\t+/u) : segment.split(TAB_RUN);
  for (const column of columns) {
    const line = column.replace(/\t/gu, ' ').trim();
    if (line !== '') lines.push(line);
  }
}
