/**
 * Document types ("loại văn bản") a header can name, and the codes of số ký hiệu
 * that imply them.
 */
import { foldDiacritics } from '../../text/fold.ts';

/** Type names in their display form, longest first so "Thông tư liên tịch" wins over "Thông tư". */
export const documentTypes: readonly string[] = [
  'Nghị quyết liên tịch',
  'Thông tư liên tịch',
  'Chương trình hành động',
  'Kế hoạch',
  'Công văn',
  'Công điện',
  'Quyết định',
  'Chỉ thị',
  'Thông báo',
  'Thông tri',
  'Báo cáo',
  'Hướng dẫn',
  'Kết luận',
  'Tờ trình',
  'Nghị quyết',
  'Nghị định',
  'Thông tư',
  'Quy định',
  'Quy chế',
  'Chương trình',
  'Đề án',
  'Phương án',
  'Dự án',
  'Giấy mời',
  'Biên bản',
  'Lệnh',
  'Luật',
  'Pháp lệnh',
  'Hiến pháp',
  'Sắc lệnh',
  'Điều lệ',
  // Forms of Party members and officials, titled "BẢN …".
  'Bản tự kiểm điểm',
  'Bản kiểm điểm',
  'Bản tự khai',
  'Bản cam kết',
];

const typeByFolded = new Map(documentTypes.map((type) => [fold(type), type]));

/** Code in a số ký hiệu ("KH" in "1062/KH-UBND", "HD" in "45-HD/BTCTW") → type. */
const typeByCode = new Map<string, string>([
  ['KH', 'Kế hoạch'],
  ['QD', 'Quyết định'],
  ['CT', 'Chỉ thị'],
  ['TB', 'Thông báo'],
  ['BC', 'Báo cáo'],
  ['HD', 'Hướng dẫn'],
  ['KL', 'Kết luận'],
  ['TTR', 'Tờ trình'],
  ['NQ', 'Nghị quyết'],
  ['ND', 'Nghị định'],
  ['TT', 'Thông tư'],
  ['CTR', 'Chương trình'],
  ['CD', 'Công điện'],
  ['QC', 'Quy chế'],
  ['DA', 'Đề án'],
  ['PA', 'Phương án'],
  ['TTRI', 'Thông tri'],
  ['GM', 'Giấy mời'],
  ['BB', 'Biên bản'],
  ['CV', 'Công văn'],
]);

/**
 * The type a whole line names, when the line is nothing but a type word
 * ("KẾ HOẠCH", "QUYẾT ĐỊNH:"), else null.
 *
 * @param line A header line.
 */
export function typeOfLine(line: string): string | null {
  const key = fold(line.replace(/[\s.:;,*_]+$/u, ''));
  return typeByFolded.get(key) ?? null;
}

/**
 * The type implied by a số ký hiệu: the code after the number ("1062/KH-UBND",
 * Party style "45-HD/BTCTW"). A number whose first code is an organ
 * ("1584/UBND-NCPC") is how letters (công văn) are numbered.
 *
 * @param number Normalized số ký hiệu, possibly without its number ("/KH-UBND").
 */
export function typeOfNumber(number: string): string | null {
  const party = /^\d*-([\p{L}]+)\//u.exec(number);
  const code = party ? party[1] : /^[^/]*\/(?:\d{4}\/)?([\p{L}]+)/u.exec(number)?.[1];
  if (!code) return null;
  const type = typeByCode.get(foldDiacritics(code).toUpperCase());
  if (type) return type;
  // "1584/UBND-NCPC", "1539/VLO-QLDN3": organ code first, then the drafting unit.
  return number.includes('-') && !party ? 'Công văn' : null;
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
