/**
 * Vietnamese text typed in the pre-Unicode 8-bit fonts: TCVN3 (ABC, fonts `.VnTime`, `.VnArial`…)
 * and VNI (fonts `VNI-Times`, `VNI-Helve`…).
 *
 * Such text reaches us as the characters a Windows program shows for the legacy bytes when it
 * takes them for Windows-1252: "§¶ng bé" (TCVN3 for "Đảng bộ"), "Ñaûng boä" (VNI). That is how a
 * `.VnTime` run's characters appear in a .docx's XML, in word-extractor's output for 8-bit .doc
 * text and in many PDF text layers. A byte read as Latin-1 rather than cp1252 (a raw C1 control
 * U+0080–U+009F) is accepted too. Output is NFC Unicode.
 *
 * TCVN3 is one byte per letter (TCVN 5712:1993, table VN3: 0xA1 Ă … 0xFE ỵ); it has no
 * toned capitals of its own, so headings use a second, upper-case font (`.VnTimeH`) whose
 * lower-case code points draw capitals. VNI is a base letter followed by a byte for its marks
 * ("a" + "ù" = á, "a" + "á" = ấ), with a few single-byte letters (ñ = đ, ô = ơ, ö = ư, í ì æ ó ò = í ì ỉ ĩ ị).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------------
// Bytes as Windows shows them

/** cp1252's characters for 0x80–0x9F (five bytes are undefined in cp1252 and have none). */
const CP1252_C1: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const CP1252_BYTE_OF = new Map<string, number>(Object.entries(CP1252_C1).map(([byte, char]) => [char, Number(byte)]));

/** The legacy byte a character stands for, or null when it is not one (a real Unicode letter). */
function byteOf(char: string): number | null {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code <= 0xff) return code;
  return CP1252_BYTE_OF.get(char) ?? null;
}

/** The character Windows shows for a legacy byte (cp1252), or '' for an undefined C1 byte. */
function windowsCharOf(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) return CP1252_C1[byte] ?? '';
  return String.fromCharCode(byte);
}

// ---------------------------------------------------------------------------------------------
// TCVN3

/**
 * TCVN 5712:1993 bytes 0xA1–0xFF. The lower-case letters and Ă Â Ê Ô Ơ Ư Đ are VN3 proper (what
 * `.VnTime` draws); the few toned capitals in the gaps (0xAF, 0xBA, 0xBF–0xC5, …) are VN2's, used
 * by some fonts and harmless otherwise (no TCVN3 typist produces "à" at 0xE0 meaning "à").
 * 0xB0–0xB4 (VN2's combining marks) are left as the symbols ° ± ² ³ ´ since a degree sign there
 * is far likelier than a lone mark. 0x80–0x9F stay cp1252 symbols (quotes, dashes): that is what
 * Word stores and shows for them in a `.VnTime` run.
 */
const TCVN3_HIGH =
  // 0xA1..0xAF
  'ĂÂÊÔƠƯĐăâêôơưđẰ' +
  // 0xB0..0xBF (0xB0–0xB4 kept as cp1252 symbols)
  '°±²³´àảãáạẲằẳẵắẴ' +
  // 0xC0..0xCF
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
  // 0xD0..0xDF
  'éẹềểễếệìỉỄẾỒĩíịò' +
  // 0xE0..0xEF
  'Ổỏõóọồổỗốộờởỡớợù' +
  // 0xF0..0xFF
  'ỖủũúụừửữứựỳỷỹýỵỐ';

const TCVN3_DECODE = new Map<number, string>();
for (let index = 0; index < TCVN3_HIGH.length; index++) TCVN3_DECODE.set(0xa1 + index, TCVN3_HIGH[index] ?? '');
for (let byte = 0xb0; byte <= 0xb4; byte++) TCVN3_DECODE.delete(byte);

const TCVN3_ENCODE = new Map<string, number>([...TCVN3_DECODE].map(([byte, char]) => [char, byte]));

function tcvn3ToUnicode(text: string): string {
  let out = '';
  for (const char of text) {
    const byte = byteOf(char);
    if (byte === null || byte < 0x80) {
      out += char;
      continue;
    }
    out += TCVN3_DECODE.get(byte) ?? windowsCharOf(byte);
  }
  return out;
}

/**
 * Unicode → TCVN3 as a Windows program shows it. A toned capital TCVN3 has no code for
 * (Á, Ệ…) is written with its lower-case code, as a typist using `.VnTime` without `.VnTimeH`
 * would get it: that direction is lossy by nature.
 */
function unicodeToTcvn3(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const byte = TCVN3_ENCODE.get(char) ?? TCVN3_ENCODE.get(char.toLowerCase());
    out += byte === undefined ? char : windowsCharOf(byte);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// VNI

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';
/** The five tone marks (combining, as NFD gives them). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** VNI mark bytes (lower-case form; the upper-case form is the same letter in capitals). */
const VNI_MARKS: Readonly<Record<string, string>> = {
  ù: ACUTE,
  ø: GRAVE,
  û: HOOK,
  õ: TILDE,
  ï: DOT,
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};

/** VNI single-byte letters (lower case; capitals likewise). */
const VNI_LETTERS: Readonly<Record<string, string>> = {
  ñ: 'đ',
  ô: 'ơ',
  ö: 'ư',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};

/** Which marks each base may take: the circumflex on a e o, the breve on a, tones on every vowel. */
function vniMarkFits(base: string, marks: string): boolean {
  const lower = base.toLowerCase();
  if (marks.startsWith(CIRCUMFLEX)) return lower === 'a' || lower === 'e' || lower === 'o';
  if (marks.startsWith(BREVE)) return lower === 'a';
  return 'aeiouyơư'.includes(lower);
}

function vniMarkOf(char: string | undefined): string | null {
  if (char === undefined) return null;
  return VNI_MARKS[char] ?? VNI_MARKS[char.toLowerCase()] ?? null;
}

function vniLetterOf(char: string): string | null {
  const lower = VNI_LETTERS[char];
  if (lower !== undefined) return lower;
  const upper = VNI_LETTERS[char.toLowerCase()];
  return upper === undefined ? null : upper.toUpperCase();
}

function vniToUnicode(text: string): string {
  // Normalise the input to the Windows characters first (a raw C1 control → its cp1252 symbol).
  const chars = [...text].map((char) => {
    const byte = byteOf(char);
    return byte !== null && byte >= 0x80 && byte <= 0x9f ? windowsCharOf(byte) : char;
  });
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] ?? '';
    let base: string | null = /^[aeiouyAEIOUY]$/.test(char) ? char : null;
    if (base === null) {
      const letter = vniLetterOf(char);
      if (letter === null) {
        out += char;
        continue;
      }
      // ơ, ư take a tone byte after them; đ and the toned i/ỵ are complete.
      if (!'ơưƠƯ'.includes(letter)) {
        out += letter;
        continue;
      }
      base = letter;
    }
    const marks = vniMarkOf(chars[index + 1]);
    if (marks !== null && vniMarkFits(base, marks)) {
      out += (base + marks).normalize('NFC');
      index++;
    } else {
      out += base;
    }
  }
  return out;
}

/** Unicode → VNI: each Vietnamese letter as base + mark byte, capitals with capital marks. */
function unicodeToVni(text: string): string {
  const markByte = new Map<string, string>(Object.entries(VNI_MARKS).map(([byte, marks]) => [marks, byte]));
  const letterByte = new Map<string, string>(Object.entries(VNI_LETTERS).map(([byte, letter]) => [letter, byte]));
  let out = '';
  for (const char of text.normalize('NFC')) {
    const lower = char.toLowerCase();
    const upper = char !== lower;
    const cased = (value: string): string => (upper ? value.toUpperCase() : value);
    const single = letterByte.get(lower);
    if (single !== undefined && lower !== 'ơ' && lower !== 'ư') {
      out += cased(single);
      continue;
    }
    // NFD puts a dot below before a circumflex (canonical order); VNI's byte is quality then tone.
    const decomposed = lower.normalize('NFD');
    const base = decomposed[0] ?? '';
    const marks = decomposed.slice(1);
    let head = base;
    if (marks.includes(HORN)) head = letterByte.get((base + HORN).normalize('NFC')) ?? base;
    const rest = (marks.match(/[\u0302\u0306]/u)?.[0] ?? '') + (marks.match(TONE_MARKS)?.[0] ?? '');
    if (marks.replace(/[\u0302\u0306\u031b]/gu, '').replace(TONE_MARKS, '') !== '') {
      out += char;
      continue;
    }
    if (rest === '') {
      out += head === base ? char : cased(head);
      continue;
    }
    const mark = markByte.get(rest);
    out += mark === undefined ? char : cased(head) + cased(mark);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * The legacy encoding a font name implies, and whether it is an upper-case font (`.VnTimeH`,
 * `.VnArialH`: its lower-case code points draw capitals). Unicode fonts → null.
 */
export function legacyEncodingOfFont(fontName: string): { encoding: LegacyEncoding; upperCase: boolean } | null {
  // PDFs name fonts "ABCDEF+.VnTimeH,Bold" (subset prefix, style after a comma or hyphen).
  const name = fontName
    .trim()
    .replace(/^[A-Z]{6}\+/u, '')
    .replace(/[-, ]?(?:Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Normal|PSMT|MT)+$/u, '');
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', upperCase: false };
  // ".VnTime", ".VnTimeH", ".VnArial NarrowH", ".VnCentury Schoolbook", ".VnHelvetIns", ".VnBook-Antiqua"
  // (some PDF producers drop the dot: "VnTime").
  if (/^\.?vn[a-z][a-z0-9 -]*$/i.test(name) && !/unicode/i.test(name)) {
    // The upper-case variant ends in a capital H after a lower-case letter (".VnTimeH", ".VnArialH"),
    // unlike ".VnHelvetIns" or ".VnArabia".
    return { encoding: 'tcvn3', upperCase: /[a-z]H$/.test(name) };
  }
  return null;
}

/**
 * Legacy text (as Windows shows it, see the module comment) → NFC Unicode. With `upperCase`
 * (a `.VnTimeH` run) the result is in capitals, as the font draws it.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding, upperCase = false): string {
  const unicode = (encoding === 'tcvn3' ? tcvn3ToUnicode(text) : vniToUnicode(text)).normalize('NFC');
  if (upperCase) return unicode.toUpperCase();
  return encoding === 'tcvn3' ? restoreTcvn3Capitals(unicode) : unicode;
}

/**
 * A capital TCVN3 (VN3) has no code for (Ế, Ị, Ộ…) is written with the lower-case code when
 * the heading was typed in `.VnTime` rather than `.VnTimeH`: "QUYÕT §ÞNH" reads "QUYếT ĐịNH".
 * A word with a capital after its first letter whose only lower-case letters are such toned
 * letters was all capitals ("ủY" for "ỦY"); and a line mostly of such words is all capitals ("Xã" in
 * "CộNG HòA Xã HộI…" too).
 */
function restoreTcvn3Capitals(text: string): string {
  // Only a word with two capitals can be one of these.
  if (!/\p{Lu}[\p{L}\p{M}]*\p{Lu}/u.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      let repairedWords = 0;
      let capitalWords = 0;
      let words = 0;
      const repaired = line.replace(/[\p{L}\p{M}]+/gu, (word) => {
        words++;
        const lower = word.match(/\p{Ll}/gu) ?? [];
        const wasCapitals = /\p{Lu}/u.test(word.slice(1)) && lower.length > 0 && lower.every((letter) => letter > '\u007f');
        if (wasCapitals) repairedWords++;
        // Capitals that are Vietnamese words, not ASCII abbreviations (UBND, QLDA).
        if (wasCapitals || (word.length > 1 && word === word.toUpperCase() && /[^\p{ASCII}]/u.test(word))) capitalWords++;
        return wasCapitals ? word.toUpperCase() : word;
      });
      return repairedWords > 0 && capitalWords >= 2 && capitalWords >= words * 0.6 ? repaired.toUpperCase() : repaired;
    })
    .join('\n');
}

/** Unicode → legacy text as Windows shows it (for tests and round trips). */
export function unicodeToLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? unicodeToTcvn3(text) : unicodeToVni(text);
}

// ---------------------------------------------------------------------------------------------
// Detection

/**
 * The shape of a Vietnamese syllable: onset, one to three vowels, a final consonant; at most one
 * tone. Loose on purpose (it only has to tell "năm" from "n¨m" and "naêm").
 */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;

function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}

/** Letters of Unicode Vietnamese outside Latin-1 (ă đ ơ ư ĩ ũ and the U+1Exx block): no legacy text has them. */
const UNICODE_ONLY_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

/** Words as runs of letters and the Latin-1 symbols legacy letters show as. */
const WORD = /[A-Za-z\u00a1-\u00ff\u0102-\u1ef9\u0080-\u009f‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™šœžŸ]+/gu;

export interface LegacyEvidence {
  /** Words that are not Vietnamese as they stand but are once converted, per encoding. */
  tcvn3: number;
  vni: number;
  /** Words that are Vietnamese as they stand and use a letter only Unicode has (ư, ạ, đ…). */
  unicode: number;
  /** Words with non-ASCII characters, of any kind. */
  nonAscii: number;
}

/** Count, word by word, what speaks for TCVN3, VNI or Unicode in a text. */
export function legacyEvidence(text: string): LegacyEvidence {
  const evidence: LegacyEvidence = { tcvn3: 0, vni: 0, unicode: 0, nonAscii: 0 };
  for (const match of text.matchAll(WORD)) {
    // Curly quotes and dashes glued to a word are punctuation, not letters.
    const word = match[0].replace(/^[‚„…†‡‰‹‘’“”•–—›]+|[‚„…†‡‰‹‘’“”•–—›]+$/gu, '');
    if (!/[^\u0000-\u007f]/u.test(word)) continue;
    evidence.nonAscii++;
    const readsAsIs = isVietnameseSyllable(word);
    if (readsAsIs) {
      if (UNICODE_ONLY_LETTER.test(word)) evidence.unicode++;
      continue;
    }
    if (UNICODE_ONLY_LETTER.test(word)) continue;
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const converted = convertLegacy(word, encoding);
      if (converted !== word && isVietnameseSyllable(converted)) evidence[encoding]++;
    }
  }
  return evidence;
}

/**
 * Whether a text with no font information (a .txt read as Windows-1252, a .doc's text) is TCVN3
 * or VNI. Says so only on strong evidence: many words that mean nothing as they stand and are
 * Vietnamese once converted, far more than words already in Unicode Vietnamese. Ordinary
 * Unicode Vietnamese, English, or French with a few accents → null.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  return decideLegacyEncoding(legacyEvidence(text), 3);
}

/**
 * The decision from counted evidence; `minimum` is the least number of legacy words
 * (a whole file needs several; one paragraph of a document already known to be legacy needs one).
 */
export function decideLegacyEncoding(evidence: LegacyEvidence, minimum: number): LegacyEncoding | null {
  const best: LegacyEncoding = evidence.tcvn3 >= evidence.vni ? 'tcvn3' : 'vni';
  const hits = evidence[best];
  const other = evidence[best === 'tcvn3' ? 'vni' : 'tcvn3'];
  if (hits < minimum) return null;
  if (hits < evidence.nonAscii * 0.3) return null;
  if (hits <= evidence.unicode * 3) return null;
  if (hits <= other * 1.5) return null;
  return best;
}
