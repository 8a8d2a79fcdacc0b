/**
 * `read`: raw bytes of one source file → decoded text (not yet normalized).
 *
 * Accepts UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM. A file in the legacy
 * 8-bit Vietnamese encodings TCVN3 (ABC) or VNI is converted to Unicode with a warning (also
 * when those bytes were already saved once as UTF-8 characters, "§¶ng bé"); any other file that
 * is not valid UTF-8 is tried as Windows-1258 and kept only when the result reads as Vietnamese.
 * UTF-8 text that is really Latin-1/cp1252 mojibake ("Káº¿ hoáº¡ch") is repaired when the
 * repair is exact, otherwise rejected. Nothing here ever returns mojibake.
 *
 * `decodeSource` is pure; `readSource` only adds the disk read.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { IngestMessage, SourceText } from '../model.ts';
import { readDocument } from './read/dispatch.ts';
import { convertLegacy, detectLegacyEncoding, type LegacyEncoding } from './read/legacy-encoding.ts';
import type { ReadOptions } from './read/reader.ts';

/** Every letter of the Vietnamese alphabet with its marks (NFC), lower and upper case. */
const VIETNAMESE_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const VIETNAMESE_LETTER_SET = new Set([...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()]);

/** Letters only Vietnamese uses (as opposed to French/German accents): ă â đ ê ô ơ ư and dot-below/hook vowels. */
const VIETNAMESE_ONLY = /[ăđơưạảặẳậẩẹẻệểịỉọỏộổợởụủựửỵỷỹĩũ]/iu;

/**
 * cp1252 characters in 0x80–0x9F and their bytes: needed to undo mojibake made by
 * decoding UTF-8 bytes as Windows-1252 (Latin-1 maps the same bytes to C1 controls).
 */
const CP1252_HIGH: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/**
 * Pieces of UTF-8 read as Latin-1/cp1252 that real Vietnamese never has: "áº"/"á»"
 * (ạ…ỹ), "Ã" or "Â" + a Latin-1 symbol (à á â ã è é…), "Ä"/"Å"/"Æ" + a symbol (ă đ ĩ ũ ơ ư),
 * "â€" (curly quotes and dashes). A word ending in "á" before a closing quote ("Khá”")
 * or "Â" before a no-break space is not counted.
 */
const MOJIBAKE_PAIR = /á[º»]|[ÃÂ][\u0080-\u009f\u00a1-\u00bf]|[ÄÅÆ][\u0080-\u00bf‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™šœžŸ]|â[\u0080€]/gu;

/** Characters TCVN3 letters turn into when read as Windows-125x: ¸ µ ¶ · ¹ ª … (0xA0–0xBF). */
const TCVN3_SYMBOLS = /[\u00a1-\u00bf]/gu;

/**
 * Decode the bytes of one source file.
 *
 * @param bytes Raw file content.
 * @param file Name to use in messages (path as given).
 * @returns The decoded text, or `text: null` with an error message saying why.
 */
export function decodeSource(bytes: Uint8Array, file: string): SourceText {
  const base = {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteLength: bytes.byteLength,
  };
  const fail = (code: string, message: string): SourceText => ({
    ...base,
    text: null,
    encoding: null,
    messages: [{ file, level: 'error', code, message }],
  });
  const ok = (text: string, encoding: string, messages: IngestMessage[] = []): SourceText => {
    // A file of only a BOM, spaces and line ends has nothing to show either.
    if (text.trim() === '') return fail('empty-file', `Tệp “${file}” không có nội dung (tệp rỗng).`);
    return { ...base, text, encoding, messages };
  };

  if (bytes.byteLength === 0) return fail('empty-file', `Tệp “${file}” không có nội dung (tệp rỗng).`);

  // TCVN3/VNI text can arrive as bytes or, copied out of a .VnTime document and saved again
  // as Unicode, as the characters Windows showed ("§¶ng bé").
  const convertedLegacy = (text: string): SourceText | null => {
    // The word-by-word detector costs ~0.4 s per MB; Unicode text without the Latin-1
    // letters and symbols that TCVN3/VNI words are made of skips it (a 5 MB plan corpus
    // took 2–3 s to decode with it, under 0.1 s without).
    if (!hasLegacyLetters(text)) return null;
    const encoding = detectLegacyEncoding(text);
    return encoding === null ? null : ok(convertLegacy(text, encoding), encoding, [legacyWarning(file, encoding)]);
  };

  const bom = detectBom(bytes);
  if (bom) {
    const text = decodeStrict(bom.encoding, bytes.subarray(bom.length));
    if (text === null) {
      return fail(
        'invalid-encoding',
        `Tệp “${file}” có dấu BOM ${bom.encoding.toUpperCase()} nhưng nội dung không giải mã được theo bảng mã đó.`,
      );
    }
    if (hasBinaryControls(text)) return fail('binary-file', binaryMessage(file));
    return convertedLegacy(text) ?? ok(text, bom.encoding);
  }

  if (bytes.includes(0)) {
    // UTF-16 saved without a BOM has a NUL in every other byte for ASCII text.
    const utf16 = decodeUtf16WithoutBom(bytes);
    if (utf16) {
      return ok(utf16.text, utf16.encoding, [
        {
          file,
          level: 'warning',
          code: 'utf16-without-bom',
          message: `Tệp “${file}” là UTF-16 không có dấu BOM; đã đọc được, nhưng nên lưu lại ở dạng UTF-8.`,
        },
      ]);
    }
    return fail('binary-file', binaryMessage(file));
  }
  if (hasBinaryControls(latin1(bytes))) return fail('binary-file', binaryMessage(file));

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) {
    if (!looksLikeMojibake(utf8)) return convertedLegacy(utf8) ?? ok(utf8, 'utf-8');
    const repaired = repairMojibake(utf8);
    if (repaired !== null) {
      return ok(repaired, 'utf-8', [
        {
          file,
          level: 'warning',
          code: 'mojibake-repaired',
          message: `Tệp “${file}” bị lỗi phông kiểu “Káº¿ hoáº¡ch” (UTF-8 bị đọc nhầm thành Latin-1) và đã được sửa tự động; nên lưu lại tệp gốc ở dạng UTF-8 chuẩn.`,
        },
      ]);
    }
    return fail(
      'mojibake',
      `Tệp “${file}” bị lỗi phông kiểu “Káº¿ hoáº¡ch” (UTF-8 bị đọc nhầm thành Latin-1) và không sửa tự động được. Hãy mở tệp gốc và lưu lại ở dạng UTF-8.`,
    );
  }

  // UTF-8 cut short inside its last character (a copy or a write cut off by a crash or a full
  // disk): the text is all there but that character; never mistake it for a legacy encoding.
  const cut = incompleteUtf8Tail(bytes);
  const whole = cut > 0 ? decodeStrict('utf-8', bytes.subarray(0, bytes.byteLength - cut)) : null;
  if (whole !== null && !looksLikeMojibake(whole)) {
    const warning: IngestMessage = {
      file,
      level: 'warning',
      code: 'utf8-cut-short',
      message: `Tệp “${file}” kết thúc giữa chừng một ký tự (tệp có thể bị cắt ngắn khi chép hoặc khi máy tắt đột ngột); đã bỏ ký tự dở ở cuối. Hãy kiểm tra phần cuối văn bản với bản gốc.`,
    };
    const legacyText = convertedLegacy(whole);
    return legacyText ? { ...legacyText, messages: [...legacyText.messages, warning] } : ok(whole, 'utf-8', [warning]);
  }

  // Not UTF-8: an 8-bit legacy encoding. TCVN3 and VNI are told by their words (each byte as
  // Latin-1; the converter reads raw C1 bytes as cp1252 would).
  const tcvn3OrVni = convertedLegacy(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  if (tcvn3OrVni) return tcvn3OrVni;
  // Windows-1258 uses combining tone marks, so compose.
  const legacy = iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC');
  if (looksLikeTcvn3(legacy)) {
    return fail(
      'legacy-encoding-tcvn3',
      `Tệp “${file}” có vẻ dùng bảng mã cũ TCVN3 (ABC, phông .VnTime) nhưng không chuyển tự động được. Hãy chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã, nguồn TCVN3, đích Unicode) rồi chạy lại.`,
    );
  }
  if (looksVietnamese(legacy)) {
    return ok(legacy, 'windows-1258', [
      {
        file,
        level: 'warning',
        code: 'legacy-encoding',
        message: `Tệp “${file}” không phải UTF-8; đã đọc theo bảng mã Windows-1258 và chuyển sang Unicode. Hãy kiểm tra lại dấu tiếng Việt và nên lưu tệp ở dạng UTF-8.`,
      },
    ]);
  }
  return fail(
    'unknown-encoding',
    `Tệp “${file}” không phải UTF-8 và không nhận ra bảng mã (có thể là VNI hoặc bảng mã cũ khác). Hãy chuyển tệp sang Unicode UTF-8 rồi chạy lại.`,
  );
}

/**
 * How many bytes at the end of `bytes` are the start of a UTF-8 character that never ends
 * (a lead byte and fewer continuation bytes than it announces), else 0.
 *
 * @param bytes File content.
 * @returns 1–3, or 0.
 */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.byteLength); back += 1) {
    const byte = bytes[bytes.byteLength - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    let needs = 0;
    if (byte >= 0xc2 && byte <= 0xdf) needs = 2;
    else if (byte >= 0xe0 && byte <= 0xef) needs = 3;
    else if (byte >= 0xf0 && byte <= 0xf4) needs = 4;
    return needs > back ? back : 0;
  }
  return 0;
}

/** The warning for a file converted from TCVN3 or VNI. */
function legacyWarning(file: string, encoding: LegacyEncoding): IngestMessage {
  const name = encoding === 'tcvn3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)';
  return {
    file,
    level: 'warning',
    code: `legacy-encoding-${encoding}`,
    message: `Tệp “${file}” dùng bảng mã cũ ${name} và đã được chuyển sang Unicode. Hãy kiểm tra lại dấu tiếng Việt (chữ hoa gõ bằng phông chữ hoa có thể thành chữ thường) và nên lưu tệp ở dạng UTF-8.`,
  };
}

/**
 * Read one source file from disk, whatever its format (text, Word, PDF, scan), into text.
 *
 * @param path File path.
 * @param displayName Name to use in messages and `SourceText.file` (defaults to `path`).
 * @param options OCR cache and progress (see `ReadOptions`).
 */
export async function readSource(path: string, displayName?: string, options: ReadOptions = {}): Promise<SourceText> {
  const file = displayName ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'lỗi không rõ';
    return {
      file,
      text: null,
      encoding: null,
      sha256: createHash('sha256').digest('hex'),
      byteLength: 0,
      messages: [{ file, level: 'error', code: 'unreadable-file', message: `Không đọc được tệp “${file}” (${reason}).` }],
    };
  }
  return readDocument(bytes, file, options);
}

function detectBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Try UTF-16 LE then BE on a BOM-less file; keep the result only when it is clean text
 * that reads as Vietnamese (binary data decodes as UTF-16 too, into nonsense).
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.byteLength % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = decodeStrict(encoding, bytes);
    if (text !== null && !hasBinaryControls(text) && looksVietnamese(text.normalize('NFC'))) return { text, encoding };
  }
  return null;
}

/** Decode or return null on any invalid sequence (never U+FFFD). */
function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  if (encoding === 'utf-8') {
    // Same result as the fatal TextDecoder (a BOM inside is kept as U+FEFF either way), several
    // times faster on the 26 MB a 1,000-plan corpus reads.
    return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Characters of U+00A1–U+00FF that no Unicode Vietnamese word has (everything there but the
 * precomposed à á â ã è é ê ì í ò ó ô õ ù ú ý and their capitals): what TCVN3 (¸ µ ¶ § ­ …)
 * and VNI (ø ù ö ï ñ …) words look like when their bytes are read as Windows-1252. Curly
 * quotes and dashes (U+2018…) are not among them: Unicode text has those too.
 */
const LEGACY_LETTER =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/gu;

/** Whether a text has at least a few such characters (a stray "°" or "·" is not enough). */
function hasLegacyLetters(text: string): boolean {
  LEGACY_LETTER.lastIndex = 0;
  for (let found = 0; found < 3; found++) if (!LEGACY_LETTER.test(text)) return false;
  return true;
}

/** Bytes as Latin-1 code points, for byte-level checks. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65_536)).toString('latin1');
}

/**
 * Text is binary when it has NUL or more than 1 % C0 control characters other than
 * tab, line feed, form feed and carriage return (seen in the first 64 KB).
 */
function hasBinaryControls(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) controls++;
  }
  return controls > Math.max(2, sample.length / 100);
}

function binaryMessage(file: string): string {
  return `Tệp “${file}” có vẻ là tệp nhị phân (chứa byte NUL hoặc ký tự điều khiển), không phải văn bản. Hãy xuất văn bản ra tệp .txt dạng UTF-8.`;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Undo UTF-8-read-as-cp1252/Latin-1: map each character back to its single byte and
 * decode those bytes as UTF-8. Returns null when a character has no such byte or the
 * bytes are not valid UTF-8 (so a partial repair never slips through).
 */
function repairMojibake(text: string): string | null {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const byte = code <= 0xff ? code : CP1252_HIGH[text[index] ?? ''];
    if (byte === undefined) return null;
    bytes[index] = byte;
  }
  const repaired = decodeStrict('utf-8', bytes);
  if (repaired === null || countMatches(repaired, MOJIBAKE_PAIR) > 0) return null;
  return looksVietnamese(repaired.normalize('NFC')) ? repaired : null;
}

/**
 * Mojibake changes nearly every Vietnamese letter into a pair, so the pairs are dense;
 * a few stray ones in real text (a quoted French word) are not enough.
 */
function looksLikeMojibake(text: string): boolean {
  const pairs = countMatches(text, MOJIBAKE_PAIR);
  // Fewer than 3 pairs settles it: skip counting every non-ASCII character of a clean text.
  if (pairs < 3) return false;
  return pairs * 20 >= countMatches(text, /[^\u0000-\u007f]/gu);
}

/** TCVN3 read as Windows-125x: many 0xA1–0xBF symbols where Vietnamese letters should be. */
function looksLikeTcvn3(text: string): boolean {
  const symbols = countMatches(text, TCVN3_SYMBOLS);
  const nonAscii = countMatches(text, /[^\u0000-\u007f]/gu);
  return symbols >= 5 && symbols >= nonAscii * 0.2;
}

/**
 * Reads as Vietnamese: has letters only Vietnamese uses, and nearly every non-ASCII
 * letter is a Vietnamese letter (VNI read as Windows-1258 gives "ä ø ö ï …" instead).
 */
function looksVietnamese(text: string): boolean {
  if (!VIETNAMESE_ONLY.test(text)) return false;
  let letters = 0;
  let vietnamese = 0;
  for (const char of text) {
    if (char < '\u0080' || !/\p{L}/u.test(char)) continue;
    letters++;
    if (VIETNAMESE_LETTER_SET.has(char)) vietnamese++;
  }
  return letters > 0 && vietnamese / letters >= 0.95;
}
