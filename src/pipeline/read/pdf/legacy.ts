/**
 * Text layers of PDFs made from documents typed in TCVN3 (`.VnTime`) or VNI (`VNI-Times`)
 * fonts: the font has no Unicode map, so pdfjs gives the characters Windows shows for the
 * legacy bytes ("§¶ng bé" for "Đảng bộ"). Converted font by font: by the font's real name
 * when the PDF keeps it (`ABCDEE+.VnTimeH` → TCVN3, capitals), else by what that font's
 * text reads as. Unicode fonts are left alone, so a mixed document converts only its
 * legacy runs.
 */
import {
  convertLegacy,
  decideLegacyEncoding,
  legacyEncodingOfFont,
  legacyEvidence,
  type LegacyEncoding,
} from '../legacy-encoding.ts';
import { isSyllable } from './quality.ts';
import type { PageRuns, TextRun } from './runs.ts';

/** Legacy words one font's text needs before it is converted without a font name to go by. */
const MINIMUM_WORDS = 3;

export interface LegacyConversion {
  pages: PageRuns[];
  /** Encodings converted from, for `origin.conversions`. */
  conversions: LegacyEncoding[];
}

/** Convert the runs of legacy fonts. `fontNames` maps pdfjs font ids to the PDF's font names. */
export function convertLegacyRuns(pages: readonly PageRuns[], fontNames: ReadonlyMap<string, string>): LegacyConversion {
  const textByFont = new Map<string, string[]>();
  for (const page of pages) {
    for (const run of page.runs) {
      const texts = textByFont.get(run.font) ?? [];
      texts.push(run.text);
      textByFont.set(run.font, texts);
    }
  }
  const plan = new Map<string, { encoding: LegacyEncoding; upperCase: boolean }>();
  for (const [font, texts] of textByFont) {
    const decision = fontDecision(fontNames.get(font) ?? '', texts.join(' '));
    if (decision) plan.set(font, decision);
  }
  if (plan.size === 0) return { pages: [...pages], conversions: [] };
  // A document typed in a legacy font mostly is so throughout: its other fonts need less evidence.
  const documentEncoding = mostCommon([...plan.values()].map((decision) => decision.encoding));
  for (const [font, texts] of textByFont) {
    if (plan.has(font)) continue;
    if (decideLegacyEncoding(legacyEvidence(texts.join(' ')), 1) === documentEncoding)
      plan.set(font, { encoding: documentEncoding, upperCase: false });
  }
  // Only encodings that changed some text are reported (a .VnTime font may draw just a page number).
  const used = new Set<LegacyEncoding>();
  const convert = (run: TextRun): TextRun => {
    const decision = plan.get(run.font);
    if (!decision) return run;
    const source = decision.encoding === 'tcvn3' ? restoreSoftHyphens(run.text) : run.text;
    const text = convertLegacy(source, decision.encoding, decision.upperCase);
    if (text !== run.text) used.add(decision.encoding);
    return { ...run, text };
  };
  const converted = pages.map((page) => ({ ...page, runs: page.runs.map(convert) }));
  return { pages: converted, conversions: [...used].sort() };
}

function mostCommon(encodings: readonly LegacyEncoding[]): LegacyEncoding {
  const tcvn3 = encodings.filter((encoding) => encoding === 'tcvn3').length;
  return tcvn3 * 2 >= encodings.length ? 'tcvn3' : 'vni';
}

/**
 * TCVN3 puts "ư" at 0xAD, the soft hyphen, which WinAnsi fonts name "hyphen": pdfjs then
 * gives "-" ("th-ờng" for "thường"). A hyphen inside a word is taken back to 0xAD when
 * the word then converts to a Vietnamese syllable; a code's hyphen ("Q§-UBND") stays.
 */
function restoreSoftHyphens(text: string): string {
  return text.replace(/[^\s\-\d/.,;:()]*-[^\s\-\d/.,;:()]*/gu, (word) => {
    if (!/[^-]-[^-]/u.test(word)) return word;
    const soft = word.replace(/-/gu, '\u00ad');
    return isSyllable(convertLegacy(soft, 'tcvn3')) || isSyllable(convertLegacy(soft, 'tcvn3').toLowerCase()) ? soft : word;
  });
}

function fontDecision(fontName: string, text: string): { encoding: LegacyEncoding; upperCase: boolean } | null {
  // Subset fonts are named "ABCDEF+.VnTime"; styles come as ".VnTimeH,Bold" or "-Bold".
  const baseName = fontName.replace(/^[A-Z]{6}\+/u, '').replace(/[,-](?:Bold|Italic|BoldItalic|Regular|Oblique)+$/iu, '');
  const byName = legacyEncodingOfFont(baseName);
  const evidence = legacyEvidence(text);
  if (byName) {
    // A legacy font name over text that already reads as Unicode Vietnamese (a ToUnicode map that works).
    return evidence.unicode > 0 && evidence.unicode >= evidence[byName.encoding] ? null : byName;
  }
  const encoding = decideLegacyEncoding(evidence, MINIMUM_WORDS);
  return encoding ? { encoding, upperCase: false } : null;
}
