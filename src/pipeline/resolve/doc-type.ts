/**
 * Loại văn bản read from the codes of a số ký hiệu, for mentions that omit the type word.
 */
import { numberKey, numberTokens } from '../../text/number-key.ts';
import { memoize } from '../memo.ts';

/** Type code (folded, upper case) → type word. */
const typeCodes: Readonly<Record<string, string>> = {
  BC: 'Báo cáo',
  CT: 'Chỉ thị',
  CTR: 'Chương trình',
  CTRPH: 'Chương trình phối hợp',
  DA: 'Đề án',
  HD: 'Hướng dẫn',
  KH: 'Kế hoạch',
  KL: 'Kết luận',
  L: 'Luật',
  ND: 'Nghị định',
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch',
  PL: 'Pháp lệnh',
  QC: 'Quy chế',
  QD: 'Quyết định',
  QDI: 'Quy định',
  TB: 'Thông báo',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
};

/**
 * Type word implied by a number: "07/CT-UBND" → "Chỉ thị", "21/2019/NĐ-CP" → "Nghị định".
 * A number that starts with the issuer's code ("1584/UBND-NCPC") is a công văn.
 *
 * @param number Số ký hiệu as written.
 * @returns Type word or null when the code is unknown.
 */
export function typeFromNumber(number: string): string | null {
  const tokens = numberTokens(numberKey(number)).filter((token) => !/^\d+$/.test(token));
  const first = tokens[0];
  if (!first) return null;
  const type = typeCodes[first];
  if (type) return type;
  if (/^(UBND|HDND|BCA|BQP|BTC|BCD|VP|SO)/.test(first)) return 'Công văn';
  return null;
}

/**
 * A type word in sentence case: title forms "NGHỊ ĐỊNH" and "KẾ HOẠCH" → "Nghị định",
 * "Kế hoạch", so they count with the ordinary spelling. Mixed case is kept as written.
 *
 * @param word Type word as written, or null.
 * @returns The word in sentence case, or null.
 */
export function sentenceCaseType(word: string | null): string | null {
  return word ? sentenceCased(word) : null;
}

/** `sentenceCaseType` of a non-empty word, once per distinct spelling (asked per mention of every citation). */
const sentenceCased = memoize(function sentenceCased(word: string): string {
  const trimmed = word.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  const lower = trimmed.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
});
