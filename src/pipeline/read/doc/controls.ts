/**
 * Word 97–2003's control characters → the reader contract (one block per line, "\f" on a line
 * of its own at a page break).
 *
 * In a .doc story: "\r" ends a paragraph, "\x07" ends a table cell (and, once more, a row),
 * "\x0b" is a manual line break, "\x0e" a column break, "\x0c" a page or section break; a field is
 * "\x13 instruction \x14 result \x15" (nested fields nest), "\x1e" is a non-breaking hyphen,
 * "\x1f" an optional hyphen; "\x01" (picture), "\x08" (drawn object), "\x02" (auto-numbered
 * note mark), "\x03"/"\x04" (note separators), "\x05" (comment mark) draw no text.
 */

/** Drop each field's instruction ("HYPERLINK …", "PAGE") and keep its result; fields nest. */
export function resolveFields(text: string): string {
  if (!text.includes('\x13')) return text;
  let out = '';
  // For each open field: true while still in its instruction part.
  const open: boolean[] = [];
  for (const char of text) {
    if (char === '\x13') {
      open.push(true);
    } else if (char === '\x14') {
      if (open.length > 0) open[open.length - 1] = false;
    } else if (char === '\x15') {
      open.pop();
    } else if (!open.includes(true)) {
      out += char;
    }
  }
  return out;
}

/**
 * One story's raw characters → lines. Table cells become lines of their own; a row's end
 * mark adds nothing; a page break becomes "\f" on its own line.
 */
export function storyToLines(raw: string): string[] {
  const text = resolveFields(raw)
    // A row ends with one more cell mark right after its last cell's.
    .replace(/\x07(?=\x07)/g, '')
    .replace(/[\r\x07\x0b\x0e]/g, '\n')
    .replace(/\x0c/g, '\n\f\n')
    .replace(/\x1e/g, '-')
    .replace(/[\x00-\x06\x08\x0f-\x1d\x1f]/g, '')
    // Word's no-width characters and the soft hyphen of Unicode text: invisible on the page.
    .replace(/[\u200b\ufeff]/g, '');
  return text.split('\n');
}
