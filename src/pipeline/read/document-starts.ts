/**
 * Pages that start another document: offices scan a bundle of letters into one PDF, and a
 * later page that opens with its own header is a second document, not page 2 of the first.
 *
 * A header (Nghị định 30/2020, Phụ lục I; Hướng dẫn 36-HD/VPTW for the Party) puts the
 * national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (or "ĐẢNG CỘNG SẢN VIỆT NAM") and the
 * "Số:" line in its top lines. A page whose top has both starts a document — unless its
 * number is the first document's own (a repeated header) or it is an annex "kèm theo" the
 * document. Works on the text of any reader: pages are separated by "\f". Tolerant of OCR
 * errors in the marks (it compares letters without diacritics) and of either column order.
 */

/** Lines from the top of a page in which a header is looked for (organ, motto, Số, date ≈ 6–10 lines). */
const TOP_LINES = 12;

/** The national motto or the Party's, without diacritics, allowing OCR's O/0 and I/l/1 confusions. */
const MOTTO = /C[O0]NG\s*H[O0]A\s*X[A]\s*H[O0][I1l]\s*CH[U]\s*NGH[I1l]A|D[A]NG\s*C[O0]NG\s*S[A]N\s*V[I1l]E?T\s*NAM/u;

/** "Số:" (state) or "Số 45-HD/…" (Party), capital S, after diacritics are dropped. */
const NUMBER_LINE = /(?:^|\s)S[o0](?:\s*[:;]|\s+\d+\s*-\s*[A-Z])\s*([^\s]*(?:\s*[/-]\s*[A-Za-z]+)*)/u;

/** An annex repeats a header but says what it is attached to. */
const ANNEX = /\b(?:kem theo|KEM THEO|Kem theo|PHU LUC|Phu luc)\b/u;

/**
 * Page numbers (1-based, after page 1) where a new document starts, in order.
 *
 * @param text Reader text with "\f" between pages.
 */
export function findDocumentStarts(text: string): number[] {
  const pages = text.split('\f').map(topLines);
  const firstNumber = pages.length > 0 ? numberIn(pages[0]!) : null;
  const starts: number[] = [];
  for (let index = 1; index < pages.length; index += 1) {
    const top = pages[index]!;
    // The motto may be wrapped over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM").
    if (!MOTTO.test(top.join(' ').toUpperCase())) continue;
    const number = numberIn(top);
    if (number === null || top.some((line) => ANNEX.test(line))) continue;
    if (firstNumber !== null && firstNumber !== '' && number === firstNumber) continue;
    starts.push(index + 1);
  }
  return starts;
}

/** The first non-empty lines of a page, without diacritics. */
function topLines(page: string): string[] {
  return (
    page
      .split('\n')
      .map((line) => withoutMarks(line).replace(/\s+/gu, ' ').trim())
      // Rules drawn as dashes under the organ and the motto are not lines of text.
      .filter((line) => line !== '' && !/^[-_*=.\s]+$/u.test(line))
      .slice(0, TOP_LINES)
  );
}

/** The number written on the page's "Số" line ('' for a blank draft number), or null when there is no such line. */
function numberIn(lines: readonly string[]): string | null {
  for (const line of lines) {
    const match = NUMBER_LINE.exec(line);
    if (match) return match[1]!.replace(/\s+/gu, '').toUpperCase();
  }
  return null;
}

function withoutMarks(line: string): string {
  return line.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}
