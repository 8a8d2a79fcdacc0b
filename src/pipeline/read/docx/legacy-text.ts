/**
 * Text of a run set in a legacy 8-bit Vietnamese font (TCVN3 .VnTime, VNI-Times) → Unicode,
 * through read/legacy-encoding.ts. Shared by the Word and OpenDocument walkers.
 */
import iconv from 'iconv-lite';
import type { IngestMessage } from '../../../model.ts';
import { convertLegacy, legacyEncodingOfFont, type LegacyEncoding } from '../legacy-encoding.ts';

export interface LegacyFont {
  encoding: LegacyEncoding;
  upperCase: boolean;
}

/**
 * Letters only Unicode Vietnamese has (ă đ ơ ư ĩ ũ, the U+1EA0 block, combining marks): text
 * with one is already Unicode even when a template left a TCVN3 font on the run (Word then
 * draws it with a fallback font), and converting it again would garble it.
 */
const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]/u;

/** The first legacy font among a run's font names (theme references are never legacy). */
export function legacyFontAmong(names: readonly (string | null)[]): LegacyFont | null {
  for (const name of names) {
    if (name === null || name.startsWith('theme:')) continue;
    const legacy = legacyEncodingOfFont(name.replace(/^['"]|['"]$/gu, ''));
    if (legacy) return legacy;
  }
  return null;
}

/**
 * Convert one run's text when its font is a legacy one, noting the encoding used.
 *
 * @param conversions Receives the encoding when the text was converted.
 */
export function legacyToUnicode(text: string, font: LegacyFont | null, conversions: Set<LegacyEncoding>): string {
  if (!font || UNICODE_VIETNAMESE.test(text)) return text;
  conversions.add(font.encoding);
  return convertLegacy(symbolAreaToWindows(text), font.encoding, font.upperCase);
}

interface Piece {
  text: string;
  font: LegacyFont | null;
  caps: boolean;
}

/**
 * A paragraph's text as it is assembled run by run. Text in a legacy font waits to be
 * converted together with the neighbouring runs in the same font: Word splits runs at every
 * edit, and a split word or heading must reach `convertLegacy` whole for its capital repair.
 */
export class ParagraphText {
  private readonly pieces: Piece[] = [];

  /** Text that needs no conversion (Unicode runs, tabs, breaks, note marks). */
  push(text: string): void {
    this.add({ text, font: null, caps: false });
  }

  /** One run's text in its font; `caps` for a run shown in capitals (w:caps, w:smallCaps). */
  pushRun(text: string, font: LegacyFont | null, caps: boolean): void {
    if (font === null || UNICODE_VIETNAMESE.test(text)) this.push(caps ? text.toUpperCase() : text);
    else this.add({ text, font, caps });
  }

  /** The paragraph's Unicode text; legacy encodings used go into `conversions`. */
  text(conversions: Set<LegacyEncoding>): string {
    let out = '';
    for (const piece of this.pieces) {
      if (!piece.font) {
        out += piece.text;
        continue;
      }
      conversions.add(piece.font.encoding);
      const unicode = convertLegacy(symbolAreaToWindows(piece.text), piece.font.encoding, piece.font.upperCase);
      out += piece.caps ? unicode.toUpperCase() : unicode;
    }
    return out;
  }

  private add(piece: Piece): void {
    const last = this.pieces.at(-1);
    const sameKind =
      last !== undefined &&
      last.caps === piece.caps &&
      (last.font === null
        ? piece.font === null
        : piece.font !== null && last.font.encoding === piece.font.encoding && last.font.upperCase === piece.font.upperCase);
    if (sameKind) last.text += piece.text;
    else this.pieces.push({ ...piece });
  }
}

/**
 * A legacy font Word treats as a symbol font stores its bytes as U+F0xx; as Windows shows
 * them (Windows-1252) they are what `convertLegacy` reads.
 */
function symbolAreaToWindows(text: string): string {
  if (!/[\uf020-\uf0ff]/u.test(text)) return text;
  return text.replace(/[\uf020-\uf0ff]/gu, (char) => iconv.decode(Buffer.from([char.charCodeAt(0) - 0xf000]), 'windows-1252'));
}

/**
 * Converting by each run's font is exact, but the user should know the file still uses a
 * legacy font (and that .VnTimeH capitals depend on the font being named right).
 */
export function legacyFontMessage(file: string, encoding: string): IngestMessage {
  const name = encoding === 'tcvn3' ? 'TCVN3 (.VnTime, .VnTimeH…)' : 'VNI (VNI-Times…)';
  return {
    file,
    level: 'warning',
    code: `legacy-encoding-${encoding}`,
    message: `Tệp “${file}” có đoạn gõ bằng phông chữ cũ ${name}; đã chuyển sang Unicode theo phông của từng đoạn. Nên lưu lại văn bản bằng phông Unicode (Times New Roman).`,
  };
}
