/**
 * Whether a PDF's text layer is real Vietnamese text or garbage.
 *
 * A scan's OCR layer made by a tool without Vietnamese reads `uY BAN NgAN nAN`, `Ldm D6ng,
 * ngdy`; a font without a usable ToUnicode map gives symbols. Both are measured the same
 * way: the share of words that are possible Vietnamese syllables (onset + rhyme, at most one
 * tone mark), and the share of syllables that carry a Vietnamese mark (real text has many;
 * OCR without the language has almost none).
 */

export interface TextQuality {
  /** Words of letters looked at (abbreviations in capitals are left out). */
  words: number;
  /** Share of them that are Vietnamese syllables. */
  syllableShare: number;
  /** Share of the syllables with a diacritic (ă â đ ê ô ơ ư or a tone mark). */
  markedShare: number;
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?';
/** Vowel nuclei after tone marks are removed (ă â ê ô ơ ư kept). */
const NUCLEUS =
  '(?:uyê|uyu|ươi|ươu|uôi|oai|oay|oao|oeo|iêu|yêu|uây|uôi|ươ|uô|iê|yê|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uơ|uy|ưa|ưi|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`, 'u');
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const MARKED = /[ăâđêôơư\u0300\u0301\u0303\u0309\u0323]/u;

/** Measure a text layer. */
export function measureText(text: string): TextQuality {
  let words = 0;
  let syllables = 0;
  let marked = 0;
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{L}/u.test(word)) continue;
    const valid = isSyllable(word);
    // "UBND", "KGVX", "PAPI": abbreviations are neither evidence for nor against.
    if (!valid && /^[\p{Lu}\p{N}]+$/u.test(word)) continue;
    words += 1;
    if (!valid) continue;
    syllables += 1;
    if (MARKED.test(word.toLowerCase().normalize('NFD'))) marked += 1;
  }
  return {
    words,
    syllableShare: words === 0 ? 0 : syllables / words,
    markedShare: syllables === 0 ? 0 : marked / syllables,
  };
}

/** Whether a word is a possible Vietnamese syllable (in NFC, any case but mixed). */
export function isSyllable(word: string): boolean {
  // Mixed case inside a word ("NgAN", "uY") is not how Vietnamese is written.
  if (!/^(?:\p{Lu}?\p{Ll}*|\p{Lu}+)$/u.test(word)) return false;
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(base);
}

/** Fewest words for the measure to mean something. */
const ENOUGH_WORDS = 30;

/** Whether the text layer reads as Vietnamese. A short layer is judged on its syllables only. */
export function readsAsVietnamese(quality: TextQuality): boolean {
  if (quality.words === 0) return false;
  if (quality.syllableShare < 0.7) return false;
  return quality.words < ENOUGH_WORDS || quality.markedShare >= 0.25;
}
