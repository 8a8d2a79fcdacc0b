/**
 * Character-level cleanup: one kind of line break, plain spaces, no invisible or control
 * characters, Unicode NFC. Runs before anything looks at lines, so NFD and NFC copies of
 * a text give the same output.
 */

/** CRLF, CR, NEL, LS, PS and vertical tab end a line. */
const LINE_BREAK = /\r\n?|[\u000b\u0085\u2028\u2029]/gu;

/** A form feed is a page break: make it a blank line so page-break repair sees it. */
const FORM_FEED = /\f/gu;

/** Tab, no-break and typographic spaces (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000…). */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/**
 * Characters that render as nothing: soft hyphen, zero-width space/joiners, word joiner,
 * BOM, direction marks and embeddings, combining grapheme joiner.
 */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** C0 controls other than line feed, DEL, and C1 controls (leftovers of bad conversions). */
const CONTROL = /[\u0000-\u0009\u000e-\u001f\u007f-\u009f]/gu;

/**
 * Clean characters of a whole text.
 *
 * @param text Decoded text as read.
 * @returns NFC text with "\n" line breaks, plain spaces and no invisible characters
 *   (spaces are not collapsed yet; lines are handled by the caller).
 */
export function cleanCharacters(text: string): string {
  return text
    .replace(LINE_BREAK, '\n')
    .replace(FORM_FEED, '\n\n')
    .replace(ODD_SPACE, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .normalize('NFC');
}

/** Collapse runs of spaces and trim a line. */
export function cleanLine(line: string): string {
  return line.replace(/ {2,}/gu, ' ').trim();
}
