/**
 * Lines of a normalized text with their spans.
 *
 * Every later step of `parse` works on these, so spans always point into the
 * normalized text and never need re-searching.
 */

/** One non-empty line, trimmed; `start`/`end` span the trimmed text. */
export interface Line {
  /** Position among the non-empty lines (0-based). */
  index: number;
  text: string;
  start: number;
  end: number;
}

/**
 * Split `text` on "\n" (a stray "\r" counts as whitespace) and keep the
 * non-empty lines, trimmed, with their offsets.
 *
 * @param text Normalized text.
 * @returns Non-empty lines in order.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      lines.push({ index: lines.length, text: text.slice(start, end), start, end });
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** Whitespace test without a regex per character (lines can be 100k long). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 160 || code === 0xfeff;
}
