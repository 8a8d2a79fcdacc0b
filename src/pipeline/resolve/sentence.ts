/**
 * The sentence around a mention, shown next to it in the graph and the CSV.
 */

/** Characters that end a sentence or clause when followed by white space or the line end. */
const enders = new Set(['.', '!', '?', ';']);

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
    const previous = text[from - 1] ?? '';
    if (previous === '\n') break;
    if (/\s/.test(previous) && enders.has(text[from - 2] ?? '')) break;
    from--;
  }
  let to = Math.max(end, start);
  while (to < text.length) {
    const char = text[to] ?? '';
    if (char === '\n') break;
    if (enders.has(char) && (to + 1 >= text.length || /\s/.test(text[to + 1] ?? ''))) {
      to++;
      break;
    }
    to++;
  }
  // A list item's dash or bullet is layout, not part of the sentence.
  return text.slice(from, to).trim().replace(/^[-+•–]\s+/u, '');
}
