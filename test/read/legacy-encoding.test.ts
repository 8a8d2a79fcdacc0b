import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/pipeline/read.ts';
import {
  convertLegacy,
  detectLegacyEncoding,
  legacyEncodingOfFont,
  unicodeToLegacy,
  type LegacyEncoding,
} from '../../src/pipeline/read/legacy-encoding.ts';

const devDocs = '../shared/corpus/dev/docs';
const portalDocs = '../shared/corpus/portal/docs';
const seeds = '../shared/corpus/seeds';
const fixtures = join(import.meta.dirname, '../fixtures/read/legacy');

const textsIn = (dir: string): [string, string][] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => [file, readFileSync(join(dir, file), 'utf8')]);

/** Every Vietnamese letter with its marks, lower case. */
const LETTERS = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

/**
 * Legacy text as Windows shows it → the bytes of a file (cp1252 symbols back to their byte),
 * as a .txt saved from a .VnTime or VNI-Times document would be.
 */
function toBytes(windowsText: string): Buffer {
  const bytes = iconv.encode(windowsText, 'windows1252');
  // iconv-lite writes "?" for a character cp1252 lacks: none may be lost on the way.
  expect(iconv.decode(bytes, 'windows1252')).toBe(windowsText);
  return bytes;
}

describe('legacyEncodingOfFont', () => {
  it.each([
    ['.VnTime', 'tcvn3', false],
    ['.VnTimeH', 'tcvn3', true],
    ['.VnArial', 'tcvn3', false],
    ['.VnArialH', 'tcvn3', true],
    ['.VnArial NarrowH', 'tcvn3', true],
    ['.VnCentury Schoolbook', 'tcvn3', false],
    ['.VnHelvetIns', 'tcvn3', false],
    ['.VnHelvetInsH', 'tcvn3', true],
    ['.VnBook-Antiqua', 'tcvn3', false],
    ['VNI-Times', 'vni', false],
    ['VNI-Helve', 'vni', false],
    ['VNI-Univer', 'vni', false],
    ['VNI-Book', 'vni', false],
    // As PDFs name them: subset prefix, style suffix, sometimes no dot.
    ['ABCDEF+.VnTimeH,Bold', 'tcvn3', true],
    ['.VnTime,Italic', 'tcvn3', false],
    ['.VnArialH-BoldItalic', 'tcvn3', true],
    ['VnTime', 'tcvn3', false],
    ['QWERTY+VNI-Times-Bold', 'vni', false],
  ] as const)('%s → %s', (font, encoding, upperCase) => {
    expect(legacyEncodingOfFont(font)).toEqual({ encoding, upperCase });
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'TimesNewRomanPS-BoldMT', 'ABCDEF+ArialMT', 'Symbol', 'Wingdings', ''])(
    '%s is a Unicode font',
    (font) => {
      expect(legacyEncodingOfFont(font)).toBeNull();
    },
  );
});

describe('convertLegacy: TCVN3', () => {
  it('reads the words of a real TCVN3 .doc (the Bắc Giang bản tự khai)', () => {
    expect(convertLegacy('Ngµy 23/6/2008, Ban ®· cã c«ng v¨n sè 217/KCN-§T vÒ viÖc xin gi·n tiÕn ®é', 'tcvn3')).toBe(
      'Ngày 23/6/2008, Ban đã có công văn số 217/KCN-ĐT về việc xin giãn tiến độ',
    );
  });

  it('keeps ư, written with the soft-hyphen byte 0xAD', () => {
    expect(convertLegacy('®\u00adîc ng\u00adêi th\u00ad¬ng m¹i', 'tcvn3')).toBe('được người thương mại');
  });

  it('gives capitals for a .VnTimeH run (lower-case code points drawn as capitals)', () => {
    expect(convertLegacy('céng hoµ x· héi chñ nghÜa viÖt nam', 'tcvn3', true)).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(convertLegacy('®¶ng céng s¶n viÖt nam', 'tcvn3', true)).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('maps the byte table of TCVN 5712:1993 (VN3) letter by letter', () => {
    const table: Record<number, string> = {
      0xa1: 'Ă',
      0xa2: 'Â',
      0xa3: 'Ê',
      0xa4: 'Ô',
      0xa5: 'Ơ',
      0xa6: 'Ư',
      0xa7: 'Đ',
      0xa8: 'ă',
      0xa9: 'â',
      0xaa: 'ê',
      0xab: 'ô',
      0xac: 'ơ',
      0xad: 'ư',
      0xae: 'đ',
      0xb5: 'à',
      0xb6: 'ả',
      0xb7: 'ã',
      0xb8: 'á',
      0xb9: 'ạ',
      0xbb: 'ằ',
      0xbc: 'ẳ',
      0xbd: 'ẵ',
      0xbe: 'ắ',
      0xc6: 'ặ',
      0xc7: 'ầ',
      0xc8: 'ẩ',
      0xc9: 'ẫ',
      0xca: 'ấ',
      0xcb: 'ậ',
      0xcc: 'è',
      0xce: 'ẻ',
      0xcf: 'ẽ',
      0xd0: 'é',
      0xd1: 'ẹ',
      0xd2: 'ề',
      0xd3: 'ể',
      0xd4: 'ễ',
      0xd5: 'ế',
      0xd6: 'ệ',
      0xd7: 'ì',
      0xd8: 'ỉ',
      0xdc: 'ĩ',
      0xdd: 'í',
      0xde: 'ị',
      0xdf: 'ò',
      0xe1: 'ỏ',
      0xe2: 'õ',
      0xe3: 'ó',
      0xe4: 'ọ',
      0xe5: 'ồ',
      0xe6: 'ổ',
      0xe7: 'ỗ',
      0xe8: 'ố',
      0xe9: 'ộ',
      0xea: 'ờ',
      0xeb: 'ở',
      0xec: 'ỡ',
      0xed: 'ớ',
      0xee: 'ợ',
      0xef: 'ù',
      0xf1: 'ủ',
      0xf2: 'ũ',
      0xf3: 'ú',
      0xf4: 'ụ',
      0xf5: 'ừ',
      0xf6: 'ử',
      0xf7: 'ữ',
      0xf8: 'ứ',
      0xf9: 'ự',
      0xfa: 'ỳ',
      0xfb: 'ỷ',
      0xfc: 'ỹ',
      0xfd: 'ý',
      0xfe: 'ỵ',
    };
    for (const [byte, letter] of Object.entries(table)) {
      expect(convertLegacy(String.fromCharCode(Number(byte)), 'tcvn3')).toBe(letter);
    }
  });

  it('restores capitals VN3 has no code for, when a heading was typed in .VnTime', () => {
    expect(convertLegacy('QUYÕT §ÞNH', 'tcvn3')).toBe('QUYẾT ĐỊNH');
    expect(convertLegacy('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(convertLegacy('ñY BAN NH¢N D¢N TØNH', 'tcvn3')).toBe('ỦY BAN NHÂN DÂN TỈNH');
    // Ordinary capitalised words and codes are left as they are.
    expect(convertLegacy('ViÖt Nam, Ban QLDA §TXD, sè 217/KCN-§T', 'tcvn3')).toBe('Việt Nam, Ban QLDA ĐTXD, số 217/KCN-ĐT');
  });

  it('reads 0x80–0x9F as the cp1252 symbols Word shows, whether given as symbols or raw C1 bytes', () => {
    expect(convertLegacy('\u201cKÕ ho¹ch\u201d \u2013 n¨m', 'tcvn3')).toBe('“Kế hoạch” – năm');
    expect(convertLegacy('\u0093KÕ ho¹ch\u0094 \u0096 n¨m', 'tcvn3')).toBe('“Kế hoạch” – năm');
  });

  it('leaves ASCII, digits and Unicode letters outside Latin-1 alone', () => {
    expect(convertLegacy('Số 76-QĐ/TW, Đảng ủy 12/3/2011', 'tcvn3')).toBe('Số 76-QĐ/TW, Đảng ủy 12/3/2011');
  });
});

describe('convertLegacy: VNI', () => {
  it('reads base letter + mark byte sequences', () => {
    expect(convertLegacy('Ñaûng boä ñöôïc ngöôøi naêm Quyeát ñònh', 'vni')).toBe('Đảng bộ được người năm Quyết định');
    expect(convertLegacy('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'vni')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(convertLegacy('Kính göûi: Sôû, ban, ngaønh tænh', 'vni')).toBe('Kính gửi: Sở, ban, ngành tỉnh');
  });

  it('does not take a mark byte that cannot sit on the letter before it', () => {
    // "ê" (breve) only goes on a; after i it is left as it stands.
    expect(convertLegacy('iê', 'vni')).toBe('iê');
  });
});

describe('round trips on every Vietnamese letter', () => {
  it.each(['tcvn3', 'vni'] as const)('%s: every lower-case letter', (encoding) => {
    expect(convertLegacy(unicodeToLegacy(LETTERS, encoding), encoding)).toBe(LETTERS);
  });

  it('VNI: every upper-case letter', () => {
    const upper = LETTERS.toUpperCase();
    expect(convertLegacy(unicodeToLegacy(upper, 'vni'), 'vni')).toBe(upper);
  });

  it('TCVN3: every upper-case letter through a .VnTimeH run', () => {
    expect(convertLegacy(unicodeToLegacy(LETTERS, 'tcvn3'), 'tcvn3', true)).toBe(LETTERS.toUpperCase());
  });

  it('TCVN3: the seven capitals VN3 has of its own', () => {
    expect(convertLegacy(unicodeToLegacy('ĂÂÊÔƠƯĐ', 'tcvn3'), 'tcvn3')).toBe('ĂÂÊÔƠƯĐ');
  });

  it.each(textsIn(devDocs).slice(0, 5))('VNI: %s comes back exactly', (_file, text) => {
    expect(convertLegacy(unicodeToLegacy(text, 'vni'), 'vni')).toBe(text.normalize('NFC'));
  });

  it.each(textsIn(devDocs).slice(0, 5))('TCVN3: %s comes back up to the case of toned capitals', (_file, text) => {
    const back = convertLegacy(unicodeToLegacy(text, 'tcvn3'), 'tcvn3');
    expect(back.toLowerCase()).toBe(text.normalize('NFC').toLowerCase());
    // What TCVN3 can write (Đ, plain capitals, lower case) is kept exactly: the numbers too.
    const numbers = (value: string): string[] => value.match(/\d+[\w/.-]*[A-ZĐ]+[\w/.-]*/gu) ?? [];
    expect(numbers(back)).toEqual(numbers(text.normalize('NFC')));
  });
});

describe('detectLegacyEncoding', () => {
  it.each([...textsIn(devDocs), ...textsIn(portalDocs), ...textsIn(seeds)])('%s (Unicode) is not legacy', (_file, text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    // Nor any of its paragraphs.
    for (const line of text.split('\n')) expect(detectLegacyEncoding(line)).toBeNull();
  });

  it.each([
    'The Ministry of Finance issued Circular No. 78/2014/TT-BTC on 18 June 2014.',
    'Le café à Paris: déjà vu, naïve, résumé, façade, Noël, être, où, garçon, élève.',
    'Zürich, Müller, Straße, Ångström, São Paulo, Œuvre, “quoted” – dash… ©2024 ®',
  ])('ordinary English and accented European text is not legacy: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it.each(textsIn(devDocs).slice(5))('finds TCVN3 and VNI in legacy copies of %s', (_file, text) => {
    expect(detectLegacyEncoding(unicodeToLegacy(text, 'tcvn3'))).toBe('tcvn3');
    expect(detectLegacyEncoding(unicodeToLegacy(text, 'vni'))).toBe('vni');
  });

  it('finds TCVN3 in a short real paragraph', () => {
    expect(detectLegacyEncoding('Ban Qu¶n lý c¸c khu c«ng nghiÖp tØnh B¾c Giang nhËn ®\u00adîc:')).toBe('tcvn3');
  });
});

describe('decodeSource on TCVN3 and VNI files', () => {
  const cases: [string, LegacyEncoding][] = [
    ['tcvn3', 'tcvn3'],
    ['vni', 'vni'],
  ];

  it.each(cases)('converts a whole dev document saved in %s and warns', (_name, encoding) => {
    const [, text] = textsIn(devDocs)[0] ?? ['', ''];
    const result = decodeSource(toBytes(unicodeToLegacy(text, encoding)), 'cu.txt');
    expect(result.encoding).toBe(encoding);
    expect(result.messages).toMatchObject([{ level: 'warning', code: `legacy-encoding-${encoding}`, file: 'cu.txt' }]);
    expect(result.messages[0]?.message).toContain('cu.txt');
    expect(result.messages[0]?.message).toContain('UTF-8');
    if (encoding === 'vni') expect(result.text).toBe(text);
    else expect(result.text?.toLowerCase()).toBe(text.toLowerCase());
  });

  it('gives the same text for a Unicode document and its TCVN3 copy (real fixture pair)', () => {
    const unicode = readFileSync(join(fixtures, 'kh-hanoi-308.unicode.txt'));
    const tcvn3 = readFileSync(join(fixtures, 'kh-hanoi-308.tcvn3.txt'));
    expect(tcvn3.includes(0xad)).toBe(true);
    expect(decodeSource(tcvn3, 'kh.txt').text).toBe(decodeSource(unicode, 'kh.txt').text);
  });

  it('gives the same text for a Unicode document and its VNI copy (real fixture pair)', () => {
    const unicode = readFileSync(join(fixtures, 'kh-hanoi-308.unicode.txt'));
    const vni = readFileSync(join(fixtures, 'kh-hanoi-308.vni.txt'));
    expect(decodeSource(vni, 'kh.txt').text).toBe(decodeSource(unicode, 'kh.txt').text);
  });

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['UTF-8 with a BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with a BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('converts TCVN3 characters that were saved once more as %s ("§¶ng bé")', (_name, save) => {
    const windowsText = 'Ban Qu¶n lý c¸c khu c«ng nghiÖp tØnh B¾c Giang nhËn ®\u00adîc c«ng v¨n sè 96/CV-HN';
    const result = decodeSource(save(windowsText), 'luu-lai.txt');
    expect(result.text).toBe('Ban Quản lý các khu công nghiệp tỉnh Bắc Giang nhận được công văn số 96/CV-HN');
    expect(result.messages.map((message) => message.code)).toEqual(['legacy-encoding-tcvn3']);
  });
});
