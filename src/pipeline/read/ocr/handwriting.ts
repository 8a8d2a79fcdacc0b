/**
 * Handwritten header fields. An office prints a document with the number and the day left
 * blank ("Số:     /UBND-KSTTHC", "ngày    tháng 12 năm 2011") and writes them in by hand
 * after signing. Tesseract reads print well and handwriting badly: the field comes back as
 * symbols ("JT§", "#", "J¿92") with a low word confidence, and such junk makes the whole
 * "Số" line (or the date) unreadable to the header parser, which then loses the type and
 * the issuer too. So in these two lines only, a word Tesseract itself doubts and that
 * cannot be the field (not digits, not a day or month) is dropped, leaving the blank the
 * printed form had. What is kept is never changed, except the printed label "Số:" whose
 * diacritic OCR misreads ("Só:", "Sô:").
 */
import type { OcrWord } from './tsv.ts';

/** Below this word confidence (0–100) a word is taken as a doubtful reading. */
const DOUBTFUL = 60;

/** "Số:" misread: any o-vowel with a colon ("Só:", "Sô:", "Sồ:"); "Số" itself without one. */
const NUMBER_LABEL = /^(?:Số|S[oóòỏõọôốồổỗộ0][:;])(.*)$/u;

/** The printed code part of a number: "/UBND-KSTTHC", "/CT-UBND". */
const CODE_PART = /\/[\p{Lu}Đ][^/]*$/u;

const DATE_WORD = { day: /^ngày$/iu, month: /^tháng$/iu, year: /^năm$/iu } as const;

/** The words of one line with handwritten-field junk removed (see the module comment). */
export function cleanHandwrittenFields(words: readonly OcrWord[]): OcrWord[] {
  return cleanDateLine(cleanNumberLine([...words]));
}

function cleanNumberLine(words: OcrWord[]): OcrWord[] {
  const first = words[0];
  const label = first ? NUMBER_LABEL.exec(first.text) : null;
  if (!first || !label || !words.some((word) => word.text.includes('/'))) return words;
  const rest = label[1]!.replace(/^[:;]/u, '');
  const fieldWords: OcrWord[] = rest === '' ? [] : [{ ...first, text: rest }];
  const result: OcrWord[] = [{ ...first, text: 'Số:' }];
  let inField = true;
  for (const word of [...fieldWords, ...words.slice(1)]) {
    if (!inField) {
      result.push(word);
      continue;
    }
    if (word.text.includes('/')) {
      inField = false;
      const code = CODE_PART.exec(word.text)?.[0];
      // A doubtful word holding the code keeps only the printed code ("/42/UBND-" → "/UBND-").
      if (word.confidence < DOUBTFUL && code && code !== word.text) result.push({ ...word, text: code });
      else result.push(word);
      continue;
    }
    if (/^\d+$/u.test(word.text) || word.confidence >= DOUBTFUL) result.push(word);
  }
  return result;
}

/**
 * "Phú Thọ, ngày 0 Tháng 12 năm 2011": only a line shaped like the header's place and date
 * (a place ending in a comma, or the line starting with "ngày"; one or two words per slot;
 * a four-digit year), so that body sentences with "ngày … tháng" are never touched.
 */
function cleanDateLine(words: OcrWord[]): OcrWord[] {
  const day = words.findIndex((word) => DATE_WORD.day.test(word.text));
  if (day < 0 || !(day === 0 || words[day - 1]!.text.endsWith(','))) return words;
  const month = words.findIndex((word, index) => index > day && DATE_WORD.month.test(word.text));
  const year = words.findIndex((word, index) => index > month && DATE_WORD.year.test(word.text));
  if (month < 0 || year < 0 || month - day > 3 || year - month > 3 || !/^\d{4}\b/u.test(words[year + 1]?.text ?? ''))
    return words;
  const fits = (word: OcrWord, most: number): boolean =>
    /^\d{1,2}$/u.test(word.text) && Number(word.text) >= 1 && Number(word.text) <= most;
  return words.filter((word, index) => {
    if (index > day && index < month) return fits(word, 31);
    if (index > month && index < year) return fits(word, 12);
    return true;
  });
}
