/**
 * The core matcher of số ký hiệu (document numbers), shared with the citation-link plugin.
 *
 * State form:  `21/2019/NĐ-CP`, `1062/KH-UBND`, `510/QĐ-BCA-V05`, `204/2025/QH15`, `27/CTTg`,
 *              with stray spaces (`111/2013/TT- BTC`, `1062 /KH-UBND`).
 * Party form:  `46-CT/TW`, `230-NQ/QU/TW`, `11-QĐi/TW`, `368- QĐ/TW`.
 *
 * Every quantifier is bounded or runs over a class disjoint from what follows it, so the
 * engine never backtracks more than a constant per start position (no catastrophic cases).
 */
import { TYPE_ALTERNATION } from '../glossary.ts';

/** Letters allowed in a code segment: Latin plus Đ/đ (codes never carry tone marks). */
const CODE_CHAR = '[A-Za-zĐđ0-9&]';

/** One code segment: starts with an upper-case letter or a digit ("V05", "QH15", "CTrPH"). */
const SEGMENT = `[A-ZĐ0-9]${CODE_CHAR}{0,11}`;

/**
 * Hyphen inside a code, allowing one stray space on either side, or an underscore typed in its
 * place ("10/2007/QĐ_BKHCN": the number is kept as written).
 */
const HYPHEN = '(?:[ \\t]?[-–][ \\t]?|_)';

/** Slash inside a number, allowing one stray space before ("1062 /KH-UBND") or after. */
const SLASH = '[ \\t]?\\/[ \\t]?';

/**
 * An issuer code of a Party number, with the codes of joint issuers glued by bare hyphens
 * ("BTCTW-BTGTW"). No stray spaces here: "46-CT/TW - nội dung" is a dash in prose.
 */
const PARTY_ISSUER = `[A-ZĐ]${CODE_CHAR}{0,8}(?:[-–][A-ZĐ0-9]${CODE_CHAR}{0,8}){0,3}`;

/**
 * The leading number of a số ký hiệu: digits, optionally with a decimal part or a letter suffix
 * that ministries use to split a series ("66.2/2025/NQ-CP", "01a/KH-UBND", "1234A/QĐ-UBND",
 * "12bis/…"). Bounded, and disjoint from the slash/hyphen that must follow.
 */
const LEAD = '\\d{1,5}(?:\\.\\d{1,2}|[a-z]{1,3}|[A-Z])?';

/**
 * A lower-case tail after a further slash: the drafting unit's initials some offices add
 * ("2587-CV/VPTW/nb"). Never followed by a letter, so "…/ngày" is not a tail.
 */
const TAIL = '(?:\\/[a-z]{1,3}(?![\\p{L}\\d]))?';

/**
 * Source of the number pattern. Group 1: state form, group 2: Party form.
 * Not preceded by a letter, digit, slash or hyphen (no matching inside dates or codes).
 */
export const DOCUMENT_NUMBER_SOURCE: string =
  '(?<![\\p{L}\\d\\/\\-–.:])' +
  '(?:' +
  // State: 21/2019/NĐ-CP, 1062/KH-UBND, 579/2018/UBTVQH14
  `(${LEAD}(?:\\/\\d{4})?${SLASH}${SEGMENT}(?:${HYPHEN}${SEGMENT}){0,4}${TAIL})` +
  '|' +
  // Party: 46-CT/TW, 230-NQ/QU/TW; joint issuers after the slash: 06-HD/BTCTW-BTGTW
  `(${LEAD}${HYPHEN}[A-ZĐ]${CODE_CHAR}{0,6}${SLASH}${PARTY_ISSUER}(?:\\/${PARTY_ISSUER}){0,2}${TAIL})` +
  ')' +
  '(?![\\p{L}\\d])';

/** A fresh global matcher of document numbers (global regexes are stateful, so never share one). */
export function documentNumberPattern(): RegExp {
  return new RegExp(DOCUMENT_NUMBER_SOURCE, 'gu');
}

/** Remove stray whitespace inside a number: `111/2013/TT- BTC` → `111/2013/TT-BTC`. */
export function compactNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/–/g, '-');
}

/**
 * Whether a compacted candidate looks like a document number rather than a ratio or a code
 * that happens to contain a slash ("2/Điều" has one capital; a number code has at least two,
 * and each segment is mostly capitals: "CTrPH", "QĐi", "BSGBTr" but not "Trong").
 */
export function isPlausibleNumber(number: string, digitSegments = false): boolean {
  const code = number.replace(/\/[a-z]{1,3}$/, '').replace(/^\d+(?:\.\d+|[a-z]{1,3}|[A-Z])?(?:\/\d{4})?[/-]/, '');
  const upper = code.match(/[A-ZĐ]/g)?.length ?? 0;
  if (upper < 2) return false;
  // "1/II": a Roman numeral is a section, not an issuing body's code.
  if (/^[IVXLC]+$/.test(code)) return false;
  for (const [index, segment] of code.split(/[/-]/).entries()) {
    // "01/CV-01": a firm's own serial after its code, allowed only where the caller has
    // strong context (a type word and "số" right before).
    if (digitSegments && index > 0 && /^\d{1,4}$/.test(segment)) continue;
    const lower = segment.match(/[a-zđ]/g)?.length ?? 0;
    if (lower > 2 || lower >= segment.replace(/\d/g, '').length) return false;
  }
  return true;
}

/** A type word and "số" right before a number: "văn bản số", "Công văn số:". */
const STRONG_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${TYPE_ALTERNATION})\\s+số\\s*:?\\s*$`, 'iu');

/** One document number found in a text. */
export interface NumberMatch {
  start: number;
  end: number;
  /** Text as written (may contain stray spaces). */
  raw: string;
  /** Compacted number. */
  number: string;
  form: 'state' | 'party';
}

/**
 * Find every plausible document number in `text`, in order.
 *
 * @param text Normalized text.
 * @returns Matches with spans into `text`.
 */
export function matchDocumentNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const match of text.matchAll(documentNumberPattern())) {
    const raw = match[0];
    // A trailing space taken by a stray-space allowance is not part of the number.
    const trimmed = raw.replace(/[ \t]+$/, '');
    const number = compactNumber(trimmed);
    if (!isPlausibleNumber(number)) {
      const strong =
        isPlausibleNumber(number, true) && STRONG_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index));
      if (!strong) continue;
    }
    found.push({
      start: match.index,
      end: match.index + trimmed.length,
      raw: trimmed,
      number,
      form: match[1] === undefined ? 'party' : 'state',
    });
  }
  const spaced = spacedPartyNumbers(text);
  if (spaced.length === 0) return found;
  return [...found, ...spaced.filter((item) => !found.some((other) => other.start < item.end && item.start < other.end))].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * A Party number typed with a space for its hyphen ("Kết luận 174 KL/TW"): taken only when
 * the type word right before it is the one its type code abbreviates (Kết luận → KL,
 * Quyết định → QĐ/QĐi, Hướng dẫn → HD), so a count before a code ("5 CN/TW") never is.
 * Kept as written with the space removed ("174KL/TW").
 */
const SPACED_PARTY = new RegExp(
  `(?<![\\p{L}\\d\\/\\-–.:])(\\d{1,5})[ \\t]([A-ZĐ][A-Za-zĐđ]{0,5})\\/${PARTY_ISSUER}(?:\\/${PARTY_ISSUER}){0,2}(?![\\p{L}\\d\\/])`,
  'gu',
);

/** The type word ending right before a number (optionally with "số"). */
const TYPE_RIGHT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${TYPE_ALTERNATION})\\s+(?:số\\s*:?\\s*)?$`, 'iu');

function spacedPartyNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const match of text.matchAll(SPACED_PARTY)) {
    const type = TYPE_RIGHT_BEFORE.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[1];
    if (!type || !abbreviates(match[2] ?? '', type)) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      raw: match[0],
      number: compactNumber(match[0]),
      form: 'party',
    });
  }
  return found;
}

/** Whether a type code is the initials of a type word ("KL" of "Kết luận"; "QĐi" of "Quy định"). */
function abbreviates(code: string, type: string): boolean {
  const initials = type
    .split(/\s+/u)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  const folded = code.toUpperCase();
  return folded === initials || (folded.startsWith(initials) && folded.length <= initials.length + 1);
}
