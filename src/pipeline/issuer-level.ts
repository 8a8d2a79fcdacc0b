/**
 * Issuer level of a document (Party central, Government, province…), from what its
 * issuer text says and, failing that, from the codes of its số ký hiệu.
 */
import type { IssuerLevel } from '../model.ts';
import { foldDiacritics } from '../text/fold.ts';
import { memoize } from './memo.ts';
import { localityLevel, type LocalLevel } from '../text/locality.ts';
import { numberKey, numberTokens } from '../text/number-key.ts';

/** Locality words are the Vietnamese-text module's (`src/text/locality.ts`); re-exported for this module's callers. */
export { localityLevel, type LocalLevel };

/** Options of `issuerLevel`. */
export interface IssuerLevelOptions {
  /**
   * Level to use for a UBND/HĐND-style number whose issuer is not stated (the level of the
   * body assumed to have issued it, usually the citing plan's). Default `tinh`.
   */
  localLevel?: LocalLevel;
}

/**
 * Issuer patterns on folded, lower-case text, checked in order: the first match wins.
 * Order matters: "Quân ủy Trung ương" is a Party organ before it is military, "Ủy ban
 * Thường vụ Quốc hội" is not a "Ban Thường vụ" of a Party committee, and
 * "Bộ Chỉ huy quân sự tỉnh" is military before it is a "Bộ" or a province.
 */
const issuerPatterns: readonly (readonly [RegExp, IssuerLevel])[] = [
  [
    /\b(bo chinh tri|ban bi thu|ban chap hanh trung uong|trung uong dang|quan uy trung uong|ban to chuc trung uong|van phong trung uong dang|ban tuyen giao trung uong|ban dan van trung uong|uy ban kiem tra trung uong|ban noi chinh trung uong)\b/,
    'dang-trung-uong',
  ],
  [/\b(quoc hoi|uy ban thuong vu quoc hoi)\b/, 'quoc-hoi'],
  [/\b(tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy|dang bo|ban thuong vu)\b/, 'dang-dia-phuong'],
  [/\b(chinh phu|thu tuong)\b/, 'chinh-phu'],
  [/\b(quan khu|bo chi huy|ban chi huy quan su|bo tu lenh|tu lenh|quan doi|bo doi bien phong|quan chung)\b/, 'quan-doi'],
  [
    /\b(bo truong|thu truong|bo [a-z]|tong cuc|ngan hang nha nuoc|kiem toan nha nuoc|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao)/,
    'bo-nganh',
  ],
];

/** Number codes of national bodies, checked on folded upper-case tokens. */
const numberCodes: readonly (readonly [RegExp, IssuerLevel])[] = [
  [/^(TW|QUTW|BTCTW|VPTW|BTGTW|BDVTW|UBKTTW|BNCTW|BCSD)$/, 'dang-trung-uong'],
  [/^(TU|HU|DU|TXU|QU|THU)$/, 'dang-dia-phuong'],
  [/^(QH\d*|UBTVQH\d*)$/, 'quoc-hoi'],
  [/^(CP|TTG|VPCP)$/, 'chinh-phu'],
  [/^(BTL|BCHQS|BCH|QK\d*|BDBP)$/, 'quan-doi'],
  [
    /^(BCA|BQP|BTC|BNV|BTP|BYT|BGDDT|BLDTBXH|BCT|BKHDT|BNNPTNT|BTNMT|BXD|BGTVT|BTTTT|BVHTTDL|BKHCN|BNG|BDTTG|UBDT|NHNN|TTCP|KTNN|TANDTC|VKSNDTC)$/,
    'bo-nganh',
  ],
  [/^(UBND|HDND|CAT|CAH)$/, 'tinh'],
];

/**
 * Issuer level of a document.
 *
 * The issuer text wins over the number, since it is more specific ("Bộ Chỉ huy quân sự
 * tỉnh" is military although the province issues it). A number's codes decide when the
 * text says nothing: "-/TW" is Party central, "NĐ-CP" the Government, "TT-BCA" a ministry;
 * a bare "-UBND" takes `options.localLevel`.
 *
 * @param issuer Issuer as written ("Ban Bí thư", "UBND tỉnh Tây Ninh"), or null.
 * @param number Số ký hiệu, or null.
 * @param options Level for UBND-style numbers with no issuer.
 * @returns The level; `khac` when nothing is known.
 */
export function issuerLevel(issuer: string | null, number?: string | null, options: IssuerLevelOptions = {}): IssuerLevel {
  if (issuer) {
    const stated = issuerTextLevel(issuer);
    if (stated) return stated;
  }
  if (number) {
    const tokens = numberTokens(numberKey(number));
    // The issuing body is written last ("07/CTrPH-BCA-MTTW": BCA drafted it), but a
    // ministry's department code may follow it ("510/QĐ-BCA-V05"), so scan every token.
    for (const [pattern, level] of numberCodes) {
      if (tokens.some((token) => pattern.test(token))) {
        return level === 'tinh' ? (options.localLevel ?? 'tinh') : level;
      }
    }
  }
  return 'khac';
}

/** The level an issuer text states, or null; memoized, as resolve asks for the same issuers again and again. */
const issuerTextLevel = memoize(function issuerTextLevel(issuer: string): IssuerLevel | null {
  const folded = foldDiacritics(issuer.normalize('NFC')).toLowerCase();
  for (const [pattern, level] of issuerPatterns) {
    if (pattern.test(folded)) return level;
  }
  return localityLevel(issuer);
});
