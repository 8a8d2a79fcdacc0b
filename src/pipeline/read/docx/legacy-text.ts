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

/**
 * A legacy font Word treats as a symbol font stores its bytes as U+F0xx; as Windows shows
 * them (Windows-1252) they are what `convertLegacy` reads.
 */
export function symbolAreaToWindows(text: string): string {
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
