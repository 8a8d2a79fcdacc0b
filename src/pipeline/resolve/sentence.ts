/**
 * The sentence around a mention, shown next to it in the graph and the CSV.
 */

/** Whether a code unit ends a sentence or clause (`. ! ? ;`) when followed by white space or the line end. */
function isEnder(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b;
}

/**
 * The sentence holding `[start, end)`: bounded by line breaks and by `. ! ? ;` followed by
 * white space. Semicolons count because "Căn cứ …;" preambles and long lists of cited
 * documents put one document per clause, which is the context a reader wants.
 *
 * @param text Normalized plan text (blocks separated by "\n").
 * @param start Start of the mention.
 * @param end End of the mention.
 * @returns The trimmed sentence.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0) {
    const previous = text.charCodeAt(from - 1);
    if (previous === NEWLINE) break;
    // Cheapest test first: this runs over every character before each of ~26k mentions.
    if (isEnder(text.charCodeAt(from - 2)) && isSpace(previous)) break;
    from--;
  }
  let to = Math.max(end, start);
  while (to < text.length) {
    const char = text.charCodeAt(to);
    if (char === NEWLINE) break;
    if (isEnder(char) && (to + 1 >= text.length || isSpace(text.charCodeAt(to + 1)))) {
      to++;
      break;
    }
    to++;
  }
  // A list item's dash or bullet is layout, not part of the sentence.
  return text
    .slice(from, to)
    .trim()
    .replace(/^[-+•–]\s+/u, '');
}

const NEWLINE = 0x0a;

/**
 * Whether a UTF-16 code unit is white space as the regex `\s` has it (same set, no regex call).
 *
 * @param code A code unit (NaN past the end of the text: not a space).
 * @returns True for white space.
 */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
