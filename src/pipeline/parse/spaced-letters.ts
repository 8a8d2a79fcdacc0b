/**
 * Re-join the syllables a crawl spaced out: "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH" →
 * "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH".
 *
 * A Vietnamese syllable has a vowel nucleus; a fragment without a vowel ("B", "D", "NH") cannot
 * stand alone, so it is glued to its neighbour by the syllable's structure: an onset ("B", "PH",
 * "C" + "H") joins the next fragment, a final consonant ("N", "NH") the previous one. Words that
 * are whole syllables ("Y" of "BỘ Y TẾ") and abbreviations ("UBND", "TP.") are left as they are.
 */
import { foldDiacritics } from '../../text/fold.ts';

/** Onsets that may begin a syllable, folded. */
const ONSETS = new Set([
  'b',
  'c',
  'ch',
  'd',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'q',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);
/** Final consonants, folded. */
const CODAS = new Set(['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const VOWEL = /[aeiouy]/;

/** Longest fragment a crawl leaves without its vowel ("NGH"). */
const maxOrphan = 3;

/**
 * Whether a text shows the spacing of such a crawl: a single consonant standing alone ("N HÂN"),
 * which no Vietnamese word or usual abbreviation ("TP", "UBND") is, or a lone vowel before a
 * vowel-initial fragment ("Ư ƠNG").
 *
 * @param text One header field.
 */
function hasSpacedLetters(text: string): boolean {
  const tokens = text.split(/\s+/);
  return tokens.some(
    (token, index) =>
      token.length === 1 && (isOrphan(token) || (/^\p{L}$/u.test(token) && VOWEL.test(fold(tokens[index + 1] ?? '').charAt(0)))),
  );
}

/**
 * Join spaced-out syllable fragments; text without such spacing comes back unchanged.
 *
 * @param text One header field (organ line, place).
 */
export function joinSpacedLetters(text: string): string {
  if (!hasSpacedLetters(text)) return text;
  const tokens = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let pending = '';
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    const next = tokens[index + 1] ?? '';
    if (!isOrphan(token)) {
      // A lone vowel before a vowel-initial fragment is one syllable cut in two ("Ư ƠNG").
      if (!pending && /^\p{L}$/u.test(token) && VOWEL.test(fold(next).charAt(0))) {
        pending = token;
        continue;
      }
      out.push(pending + token);
      pending = '';
      continue;
    }
    const folded = fold(pending + token);
    const previous = out[out.length - 1];
    const nextStartsVowel = VOWEL.test(fold(next).charAt(0));
    // "C HỨC", "C H Í": the fragment and the next one's consonants make a longer onset ("CH").
    const nextOnset = /^[^aeiouy]*/u.exec(fold(next))?.[0] ?? '';
    const onsetWithNext = nextOnset !== '' && ONSETS.has(folded + nextOnset);
    if (!pending && previous && CODAS.has(folded) && endsWithVowel(previous) && !nextStartsVowel && !onsetWithNext) {
      out[out.length - 1] = previous + token;
    } else if (ONSETS.has(folded) && next) {
      pending += token;
    } else {
      out.push(pending + token);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out.join(' ');
}

/** A short fragment of letters with no vowel. */
function isOrphan(token: string): boolean {
  if (!token || token.length > maxOrphan || !/^\p{L}+$/u.test(token)) return false;
  return !VOWEL.test(fold(token));
}

function endsWithVowel(token: string): boolean {
  return VOWEL.test(fold(token).slice(-1));
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/đ/g, 'd');
}
