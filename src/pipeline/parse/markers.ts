/**
 * Markers that open a numbered item or a bullet at the start of a body line:
 * "PHẦN I", "Chương II", "Mục 1", "Điều 4.", "A.", "II.", "1.", "2.1.", "1.1.1.",
 * "1)", "a)", "Một là,", and bullets "-", "+", "•".
 */

/** Kind of numbering; items of the same kind are siblings. */
export type MarkerKind =
  'part' | 'chapter' | 'section' | 'upper-letter' | 'roman' | 'article' | 'decimal' | 'paren-number' | 'letter' | 'ordinal';

/** A numbered item's marker. */
export interface ItemMarker {
  kind: MarkerKind;
  /** Nesting depth for decimals ("2.1." → 2); 1 for every other kind. */
  depth: number;
  /** Marker as written: "II.", "2.1.", "a)", "Một là,", "Điều 4.". */
  marker: string;
  /** Numbers of the marker, for anchors: ["ii"], ["2", "1"], ["a"], ["1"], ["dieu", "4"]. */
  numbers: string[];
  /** Text after the marker. */
  text: string;
}

const ordinals = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

const patterns: { kind: MarkerKind; pattern: RegExp }[] = [
  { kind: 'part', pattern: /^((?:PHẦN|Phần)\s+([IVXLC]+|\d{1,2}|THỨ\s+\p{L}+|thứ\s+\p{L}+))(?:\s*[.:-]\s*|\s+|$)(.*)$/u },
  { kind: 'chapter', pattern: /^((?:CHƯƠNG|Chương)\s+([IVXLC]+|\d{1,2}))(?:\s*[.:-]\s*|\s+|$)(.*)$/u },
  { kind: 'section', pattern: /^((?:MỤC|Mục)\s+([IVXLC]+|\d{1,2}))(?:\s*[.:-]\s*|\s+|$)(.*)$/u },
  { kind: 'article', pattern: /^(Điều\s+(\d{1,3})\s*[.:])\s*(.*)$/u },
  { kind: 'roman', pattern: /^(([IVXLC]{1,7})\s*[.)])(?:\s+(.*))?$/u },
  { kind: 'upper-letter', pattern: /^(([A-ZĐ])[.)])\s+(\S.+)$/u },
  // At most six levels ("1.1.1.1.1.1."): deeper ones are read as plain paragraphs.
  { kind: 'decimal', pattern: /^((\d{1,2}(?:\.\d{1,2}){1,5})\.?)\s+(\S.*)$/u },
  { kind: 'decimal', pattern: /^((\d{1,3})\s*\.)(?:\s+|(?=\p{Lu}))(\S.*)$/u },
  { kind: 'paren-number', pattern: /^((\d{1,3})\))\s+(\S.*)$/u },
  { kind: 'letter', pattern: /^(([a-zđ])\s*[).])\s+(\S.*)$/u },
  {
    kind: 'ordinal',
    pattern:
      /^((Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?)\s+là\s*[,:])\s*(.*)$/u,
  },
];

/**
 * Read the numbered-item marker a line starts with.
 *
 * @param line A body line (trimmed).
 * @returns The marker, or null for bullets, paragraphs and decimals too deep to be headings.
 */
export function readItemMarker(line: string): ItemMarker | null {
  for (const { kind, pattern } of patterns) {
    const match = pattern.exec(line);
    if (!match) continue;
    const marker = match[1] ?? '';
    const number = match[2] ?? '';
    const text = match[3] ?? '';
    if (kind === 'roman' && !isRoman(number)) continue;
    if (kind === 'upper-letter' && isRoman(number)) continue;
    if (kind === 'decimal') {
      const numbers = number.split('.');
      return { kind, depth: numbers.length, marker, numbers, text };
    }
    return { kind, depth: 1, marker, numbers: labelOf(kind, number), text };
  }
  return null;
}

/** A bullet line: "- …", "+ …", "• …". */
export function readBullet(line: string): { marker: string; text: string } | null {
  const match = /^([-+•–—])\s*(.*)$/u.exec(line);
  if (!match?.[1]) return null;
  // "-5%" or "--": a sign or a rule, not a bullet.
  if (/^[-–—]\d/u.test(line) || /^[-–—]{2,}/u.test(line)) return null;
  return { marker: match[1], text: match[2] ?? '' };
}

function labelOf(kind: MarkerKind, number: string): string[] {
  switch (kind) {
    case 'part':
      return ['phan', number.toLowerCase()];
    case 'chapter':
      return ['chuong', number.toLowerCase()];
    case 'section':
      return ['muc', number.toLowerCase()];
    case 'article':
      return ['dieu', number];
    case 'ordinal': {
      const words = number.toLowerCase().split(/\s+/);
      const tens = words[0] === 'mười' ? 10 : 0;
      const unit = words[tens ? 1 : 0];
      const value = unit === undefined ? 0 : unit === 'lăm' ? 5 : ordinals.indexOf(unit) + 1;
      return [String(tens + (tens && !unit ? 0 : value))];
    }
    case 'letter':
    case 'upper-letter':
      // "đ" would fold to "d" and clash with "d)".
      return [number.toLowerCase() === 'đ' ? 'dd' : number.toLowerCase()];
    default:
      return [number.toLowerCase()];
  }
}

/** A valid Roman numeral up to L (50): section numbers, not words like "CC". */
function isRoman(text: string): boolean {
  return text.length > 0 && /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u.test(text);
}
