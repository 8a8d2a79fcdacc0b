/**
 * Legacy-font text in a file that carries no font names (a .doc through word-extractor): which
 * paragraphs are TCVN3 or VNI, their conversion, and TCVN3's upper-case-font headings.
 */
import { convertLegacy, decideLegacyEncoding, legacyEvidence, type LegacyEncoding } from '../legacy-encoding.ts';

/**
 * Convert the paragraphs typed in a legacy font. The document's evidence decides the encoding;
 * each paragraph is then converted unless it reads better as Unicode as it stands.
 */
export function convertLegacyLines(lines: string[]): { lines: string[]; encoding: LegacyEncoding | null } {
  const whole = decideLegacyEncoding(legacyEvidence(lines.join('\n')), 3);
  let used: LegacyEncoding | null = null;
  const converted = lines.map((line) => {
    if (!/[\u0080-\u00ff‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™šœžŸ]/u.test(line)) return line;
    const evidence = legacyEvidence(line);
    const encoding = whole !== null ? (evidence.unicode > evidence[whole] ? null : whole) : decideLegacyEncoding(evidence, 2);
    if (encoding === null) return line;
    const result = convertLegacy(line, encoding);
    if (result !== line) used ??= encoding;
    return result;
  });
  return { lines: converted, encoding: used };
}

/**
 * TCVN3 headings are typed in the upper-case font (.VnTimeH), whose lower-case codes draw
 * capitals; word-extractor gives no font, so such a heading arrives all in lower case
 * ("đảng cộng sản việt nam", "bản tự kiểm điểm"). A short line with no capital at all that
 * starts with a letter and does not end like a list item is taken to be one.
 */
export function upperCaseFontRun(line: string): string {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/u);
  const looksLikeHeading =
    /^\p{Ll}/u.test(trimmed) && !/\p{Lu}/u.test(trimmed) && words.length >= 2 && words.length <= 10 && !/[;,]$/u.test(trimmed);
  return looksLikeHeading ? line.toUpperCase() : line;
}
