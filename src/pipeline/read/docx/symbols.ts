/**
 * `w:sym` characters: a code point in a symbol font's private range (F0xx). Symbol-font
 * letters that have a Unicode twin are given it; Wingdings/Webdings glyphs are pictures
 * (bullets, check boxes, arrows) and read as a bullet; a plain font's code is the character.
 */

/** Symbol-font codes (after removing the F000 offset) that occur in administrative text. */
const SYMBOL_FONT: Readonly<Record<number, string>> = {
  0x2d: '-',
  0xb7: '•',
  0xb4: '×',
  0xb8: '÷',
  0xb3: '≥',
  0xa3: '≤',
  0xb9: '≠',
  0xb1: '±',
  0xb0: '°',
  0xae: '→',
  0xac: '←',
  0xde: '⇒',
  0xdc: '⇐',
  0xdb: '⇔',
  0xbe: '—',
  0xa7: '♣',
  0xd7: '·',
  0x2a: '*',
  0x2b: '+',
  0x3d: '=',
  0x3c: '<',
  0x3e: '>',
  0xd6: '√',
  0xa5: '∞',
  0xbb: '≈',
};

export function symbolText(font: string, code: number): string {
  const low = code >= 0xf000 ? code - 0xf000 : code;
  const name = font.trim().toLowerCase();
  if (name === 'symbol') return SYMBOL_FONT[low] ?? '';
  if (name.startsWith('wingdings') || name.startsWith('webdings')) return '•';
  if (code >= 0xf000 && code <= 0xf0ff) return String.fromCharCode(low);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
}
