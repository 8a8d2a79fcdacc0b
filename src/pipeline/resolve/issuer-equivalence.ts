/**
 * When two issuers written differently are one body, and when they truly disagree.
 *
 * Citing texts name a document's issuer loosely, and the grammar of Vietnamese administrative
 * documents allows several forms for one body:
 *
 * - a Party body with or without its congress term: "Bộ Chính trị" = "Bộ Chính trị (khóa XI)"
 *   = "Bộ Chính trị khoá XI". Two different terms stated ("khóa XI" and "khóa XII") do
 *   disagree: Party numbers restart each term, so they may be two documents;
 * - the head of a body for the body: a Thông tư is "của Bộ trưởng Bộ Công an" in its own
 *   signature block and "của Bộ Công an" in the organ line, and both are cited. Likewise
 *   "Chủ tịch Ủy ban nhân dân tỉnh X" for "Ủy ban nhân dân tỉnh X", "Giám đốc Sở X" for
 *   "Sở X", "Chánh án Tòa án nhân dân tối cao" for the court;
 * - "Thủ tướng Chính phủ" (or just "Thủ tướng") for "Chính phủ": a Quyết định or Chỉ thị of
 *   the Prime Minister carries the organ line "THỦ TƯỚNG CHÍNH PHỦ", and citing texts write
 *   "Quyết định số …/QĐ-TTg của Chính phủ" all the time. The number's code (TTg, CP) already
 *   says which one signed, so a reader gains nothing from a "conflict" here;
 * - a shorter and a longer name of one body: "Ban Bí thư" = "Ban Bí thư Trung ương Đảng",
 *   "UBND tỉnh" = "Ủy ban nhân dân tỉnh Quảng Nam" (one name's words appear, in order and
 *   together, inside the other's).
 *
 * - joint issuers as a set, in any order: "Liên Bộ Công Thương - Tài chính" = "Liên Bộ Tài chính -
 *   Công Thương"; "UBND tỉnh, Chủ tịch UBND tỉnh" is one body; a joint document cited with
 *   only one of its issuers ("Bộ Chính trị" for "Bộ Chính trị, Ban Bí thư") agrees too.
 *
 * Everything else disagrees: "Bộ Chính trị" and "Ban Bí thư", "Bộ Công an" and "Bộ Quốc phòng".
 */
import { nameKey } from '../../text/compare.ts';
import { congressTerm } from './fold.ts';

/**
 * Titles of the person who signs for a body, folded. Longest first so "pho chu tich" is
 * tried before "chu tich".
 */
const headTitles: readonly string[] = [
  'pho thu tuong',
  'thu tuong',
  'bo truong',
  'thu truong',
  'pho chu tich',
  'chu tich',
  'pho giam doc',
  'giam doc',
  'chanh an',
  'vien truong',
  'chu nhiem',
  'tong cuc truong',
  'cuc truong',
  'truong ban',
  'tong kiem toan',
  'tong thu ky',
  'chanh van phong',
];

/** First words of a body's name: a title is only a head's when a body follows it. */
const bodyWords = /^(bo|uy ban|chinh phu|so|ban|hoi dong|tong cuc|cuc|toa an|vien|kiem toan|van phong|quoc hoi)\b/;

/**
 * The comparison key of an issuer: folded, its congress term and any parenthesis dropped,
 * a head's title dropped before the body's name, "Thủ tướng" alone read as the Government.
 *
 * @param issuer Issuer as written.
 * @returns Words of the body's name, folded, separated by one space.
 */
export function issuerKey(issuer: string): string {
  let key = nameKey(issuer.replace(/\([^)]*\)/g, ' ')).replace(/\bkhoa [ivxlc]+\b/g, ' ');
  key = key.replace(/\s+/g, ' ').trim();
  for (const title of headTitles) {
    if (!key.startsWith(`${title} `)) continue;
    const rest = key.slice(title.length + 1);
    if (bodyWords.test(rest)) key = rest;
    break;
  }
  return key === 'thu tuong' ? 'chinh phu' : key;
}

/** True when `inner`'s words appear, together and in order, in `outer`'s. */
function containsWords(outer: string, inner: string): boolean {
  return ` ${outer} `.includes(` ${inner} `);
}

/**
 * The bodies an issuer names, as keys: one for a single body, several for a joint issuer
 * ("Bộ Chính trị, Ban Bí thư"; "Liên Bộ Công Thương - Tài chính", where the dash separates
 * ministries — only after "Liên Bộ", since "Bộ Lao động - Thương binh và Xã hội" is one).
 *
 * @param issuer Issuer as written.
 * @returns Distinct non-empty keys.
 */
export function issuerBodies(issuer: string): string[] {
  const joint = /^\s*li[eê]n\s+b[oộ]\s+(.+)$/iu.exec(issuer.normalize('NFC'));
  const parts = joint ? (joint[1] ?? '').split(/\s+[-–]\s*|\s*[-–]\s+|[,;]/).map((part) => `Bộ ${part}`) : issuer.split(/[,;]/);
  return [...new Set(parts.map(issuerKey).filter(Boolean))];
}

/** True when every body of `fewer` is one of `more`'s bodies, or a shorter name of one. */
function bodiesWithin(fewer: readonly string[], more: readonly string[]): boolean {
  return fewer.every((body) => more.some((other) => containsWords(other, body) || containsWords(body, other)));
}

/**
 * Whether two issuers, as written, can be one body (or one group of bodies).
 *
 * @param a Issuer as written.
 * @param b Issuer as written.
 * @returns True when they name the same body, one is a shorter name of the other, or one
 *   names part of the other's joint issuers.
 */
export function sameIssuer(a: string, b: string): boolean {
  const termA = congressTerm(a);
  const termB = congressTerm(b);
  if (termA && termB && termA !== termB) return false;
  const bodiesA = issuerBodies(a);
  const bodiesB = issuerBodies(b);
  if (bodiesA.length === 0 || bodiesB.length === 0) return true;
  return bodiesA.length <= bodiesB.length ? bodiesWithin(bodiesA, bodiesB) : bodiesWithin(bodiesB, bodiesA);
}

/**
 * Issuers that cannot be one body with some other issuer of the list.
 *
 * @param issuers Distinct issuers as written.
 * @returns The issuers involved in a conflict, in code-unit order, or [] when all agree.
 */
export function conflictingIssuers(issuers: readonly string[]): string[] {
  const involved = new Set<string>();
  for (let i = 0; i < issuers.length; i++) {
    for (let j = i + 1; j < issuers.length; j++) {
      const a = issuers[i] ?? '';
      const b = issuers[j] ?? '';
      if (!sameIssuer(a, b)) {
        involved.add(a);
        involved.add(b);
      }
    }
  }
  return [...involved].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
