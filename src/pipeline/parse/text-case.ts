/**
 * Case tests and conversions for Vietnamese header lines, which are written in
 * upper case ("ỦY BAN NHÂN DÂN", "KẾ HOẠCH") but shown in normal case.
 */

/**
 * Whether a line is written in upper case: it has at least two letters and no
 * lower-case letter.
 *
 * @param text A line.
 */
export function isUpperCase(text: string): boolean {
  let letters = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) continue;
    if (char === lower) return false;
    letters++;
  }
  return letters >= 2;
}

/** "KẾ HOẠCH" → "Kế hoạch": first letter upper, the rest lower. */
export function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "QUẢNG TRỊ" → "Quảng Trị": every syllable capitalised, as place names are written. */
export function capitalizeWords(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Whether the first letter of `text` is lower case (a wrapped continuation line). */
export function startsLowerCase(text: string): boolean {
  // Only the first character: scanning a 100k-character line for a letter costs too much.
  const char = String.fromCodePoint(text.codePointAt(0) ?? 32);
  return char !== char.toUpperCase() && char === char.toLowerCase();
}
