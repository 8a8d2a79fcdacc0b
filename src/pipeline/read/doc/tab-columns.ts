/**
 * Headers and signature blocks laid out with tab stops instead of a table.
 *
 * An old Word file often writes the two-column header as lines such as
 * `ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `TỈNH BÌNH DƯƠNG⇥Độc lập - Tự do - Hạnh phúc` /
 * `Số: 09/2009/CT-UBND⇥Thủ Dầu Một, ngày 15 tháng 4 năm 2009`, and the signature as
 * `Nơi nhận:⇥TM. ỦY BAN NHÂN DÂN` / `- Như trên;⇥CHỦ TỊCH`. A table would give the cells one by one
 * (left cell, right cell, row by row); so does this: consecutive two-column lines are a block,
 * cut into rows where the left column starts "Số", and each row is given left column first.
 *
 * A tab between two cells is a column break when a run of two or more tabs separates them, or
 * when a cell reads as a header or signature cell (capitals, "Số:", a place-and-date line, the
 * motto, "Nơi nhận:", a rule). Any other tab (after a list number, inside a sentence) is a space.
 */

/** A line as tab stops made it: cells, and whether it began at a tab stop (left column empty). */
interface TabLine {
  cells: string[];
  indented: boolean;
  columns: boolean;
}

const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;

/** Mostly capitals, with enough letters to mean it (an organ, the country's name, a title). */
function isCapitals(cell: string): boolean {
  const letters = cell.match(LETTER)?.length ?? 0;
  const upper = cell.match(UPPER)?.length ?? 0;
  return letters >= 3 && upper / letters >= 0.7;
}

/** The cells a header or signature block is made of. */
function isHeaderCell(cell: string): boolean {
  return (
    isCapitals(cell) ||
    /^Số\s*[:\d]/u.test(cell) ||
    /ngày\s*[\d.…_ ]*\s*tháng\s*[\d.…_ ]*\s*năm\s*\d*/iu.test(cell) ||
    /^Độc\s+lập\b/iu.test(cell) ||
    /^(Nơi\s+nhận|Kính\s+gửi)\b/iu.test(cell) ||
    /^V\/v\b/iu.test(cell) ||
    /^[-–—_=*.]{3,}$/u.test(cell)
  );
}

/**
 * A list marker or heading number on its own ("1.", "1.2.", "II.", "a)", "-", "Điều 1.",
 * "Chương II") is followed by a plain tab, not a column gap.
 */
function isListMarker(cell: string): boolean {
  return /^(?:[-–+•*·]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCivxlc]{1,6}|[a-zđ])[.):]?|(?:Điều|Chương|Mục|Phần|Khoản)\s+[\dIVXLC]+[.:]?)$/u.test(
    cell,
  );
}

function parseTabLine(line: string): TabLine {
  const indented = /^[ ]*\t/.test(line);
  const trimmed = line.replace(/^[\t ]+|[\t ]+$/g, '');
  const cells = trimmed.split(/ *\t[\t ]*/).filter((cell) => cell !== '');
  if (cells.length < 2) return { cells, indented, columns: false };
  const wideGap = /\t[ ]*\t/.test(trimmed);
  const columns = !isListMarker(cells[0] ?? '') && (wideGap || cells.some((cell) => isHeaderCell(cell)));
  return { cells, indented, columns };
}

/** Does a row of a two-column block start here (the "Số" row under the organ and motto)? */
function startsRow(line: TabLine): boolean {
  return !line.indented && /^Số(?!\p{L})/u.test(line.cells[0] ?? '');
}

/** Emit a two-column block row by row, left column first, as table cells would come. */
function emitBlock(block: TabLine[], out: string[]): void {
  let row: TabLine[] = [];
  const flush = (): void => {
    const left: string[] = [];
    const right: string[] = [];
    for (const line of row) {
      if (line.cells.length === 1) (line.indented ? right : left).push(line.cells[0] ?? '');
      else {
        left.push(line.cells[0] ?? '');
        right.push(line.cells.slice(1).join(' '));
      }
    }
    out.push(...left, ...right);
    row = [];
  };
  for (const line of block) {
    if (row.length > 0 && startsRow(line)) flush();
    row.push(line);
  }
  flush();
}

/**
 * Columns laid out with runs of spaces instead of tabs (`§¶ng bé c¬ quan UBND␣␣␣…␣␣®¶ng céng s¶n`):
 * a run of six or more spaces between two cells counts as a wide tab gap, and a line pushed
 * far right by spaces (twenty or more) starts at a tab stop; a few leading spaces only centre a
 * line. Not inside a draft's blanks: `Số:␣␣␣␣␣␣/QĐ-UBND`, `ngày␣␣␣␣␣␣tháng 3 năm 2026`.
 */
function spacesToTabs(line: string): string {
  if (!/[ \u00a0]{6}/u.test(line)) return line;
  return line
    .replace(/^[ \u00a0]{20,}/u, '\t')
    .replace(/^[ \u00a0]+/u, '')
    .replace(/(\S+)[ \u00a0]{6,}(?=(\S+))/gu, (run, before: string, after: string) =>
      /^(?:số:?|ngày|tháng|năm)$/iu.test(before) || /^(?:[/.,;:)]|-(?!-)|–(?!–)|tháng|năm)/iu.test(after) ? run : `${before}\t\t`,
    );
}

/**
 * Lines with tabs → lines without: column layouts become one cell per line (in table order),
 * other tabs become spaces, indentation is dropped.
 */
export function splitTabColumns(lines: string[]): string[] {
  const out: string[] = [];
  let block: TabLine[] = [];
  const closeBlock = (): void => {
    if (block.length > 0) emitBlock(block, out);
    block = [];
  };
  const prepared = lines.map(spacesToTabs);
  /** A line that carries on a block: two columns, or only the right one. */
  const continuesBlock = (line: string | undefined): boolean => {
    if (line === undefined || !line.includes('\t')) return false;
    const parsed = parseTabLine(line);
    return (parsed.columns && parsed.cells.length === 2) || (parsed.indented && parsed.cells.length === 1);
  };
  for (const [index, line] of prepared.entries()) {
    if (!line.includes('\t')) {
      if (block.length > 0 && line.trim() !== '' && continuesBlock(prepared[index + 1])) {
        // A line with only a left cell ("Chi bộ Thanh tra") between lines of the block.
        block.push({ cells: [line.trim()], indented: false, columns: false });
        continue;
      }
      closeBlock();
      out.push(line);
      continue;
    }
    const parsed = parseTabLine(line);
    if (parsed.columns && parsed.cells.length === 2) {
      block.push(parsed);
    } else if (parsed.columns) {
      // Three or more columns (a tabbed table row): one cell per line, in order.
      closeBlock();
      out.push(...parsed.cells);
    } else if (block.length > 0 && parsed.cells.length === 1 && (parsed.indented || /\t[\t ]*$/.test(line))) {
      // Inside a block: a right-column line whose left cell is empty ("⇥(Đã ký)"), or a
      // left-column line whose right cell is ("- Lưu: VT.⇥").
      block.push(parsed);
    } else {
      closeBlock();
      out.push(parsed.cells.join(' '));
    }
  }
  closeBlock();
  return out;
}
