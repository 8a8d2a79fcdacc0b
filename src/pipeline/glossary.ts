/**
 * Vietnamese legal vocabulary used by the extractor: document type words, issuer heads and
 * words that end a law title (abbreviations are in `data/reference/abbreviations.tsv`).
 *
 * Kept in one module so the grammar in `extract/` reads as rules, not word lists.
 */

/**
 * Type words of cited documents, longest first so "Thông tư liên tịch" wins over "Thông tư".
 * Matched case-insensitively (titles are upper case: "CHỈ THỊ SỐ 27/CT-TTG").
 */
const DOCUMENT_TYPES: readonly string[] = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Chương trình phối hợp',
  'Chương trình hành động',
  'Thông báo kết luận',
  'Quy chế phối hợp',
  'Nghị định',
  'Thông tư',
  'Quyết định',
  'Chỉ thị',
  'Nghị quyết',
  'Kế hoạch',
  'Công văn',
  'Công điện',
  'Văn bản',
  'Hướng dẫn',
  'Đề án',
  'Chương trình',
  'Thông báo',
  'Quy chế',
  'Quy định',
  'Báo cáo',
  'Tờ trình',
  'Phương án',
  'Kết luận',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Lệnh',
  'Điều lệ',
  'Quy hoạch',
  'Dự án',
  'Chiến lược',
];

/** Escape a literal for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of the type words, whitespace between words allowed to be any run (line breaks). */
export const TYPE_ALTERNATION: string = DOCUMENT_TYPES.map((type) => type.split(' ').map(escape).join('\\s+')).join('|');

/**
 * Type words that are only nouns (never verbs taking a count: "quy hoạch 02 chức danh",
 * "báo cáo 03 nội dung"), so a zero-padded number after them names a document even in lower
 * case ("đề án 06").
 */
export const NOUN_ONLY_TYPES: RegExp =
  /^(?:đề\s+án|dự\s+án|kế\s+hoạch|chương\s+trình|nghị\s+quyết|nghị\s+định|thông\s+tư|công\s+văn|công\s+điện|tờ\s+trình|phương\s+án|chiến\s+lược|quy\s+chế|điều\s+lệ)$/iu;

/**
 * Lower-case words that end a law title ("Luật Đất đai ngày …", "Luật Lâm nghiệp và các …").
 * Single words; two-word stops are in `LAW_NAME_STOP_PHRASES`.
 */
export const LAW_NAME_STOP_WORDS: ReadonlySet<string> = new Set([
  'ngày',
  'năm',
  'số',
  'của',
  'để',
  'thì',
  'theo',
  'tại',
  'về',
  'và',
  'các',
  'những',
  'cho',
  'với',
  'này',
  'đã',
  'được',
  'có',
  'trong',
  'nhằm',
  'khi',
  'do',
  'là',
  'mà',
  'hoặc',
  'như',
  'trên',
  'đến',
  'từ',
  'phải',
  'sẽ',
  'cũng',
  'mới',
  'nêu',
  'trước',
  'sau',
  'đang',
  'hiện',
  'nay',
  'vào',
  'qua',
  'bởi',
  'gồm',
  'cùng',
  'kèm',
  'nhưng',
  'nên',
  'vì',
  'nếu',
  'đó',
  'đây',
  'trên',
  'tới',
  'thuộc',
  'hết',
  'đều',
  'chưa',
  'không',
  'ra',
  'lại',
]);

/** Two-word phrases that end a law title ("Luật Đất đai quy định …", "… hướng dẫn thi hành"). */
export const LAW_NAME_STOP_PHRASES: readonly string[] = [
  'quy định',
  'hướng dẫn',
  'thi hành',
  'ban hành',
  'sửa đổi',
  'bổ sung',
  'hiệu lực',
  'bảo đảm',
  'đảm bảo',
  'triển khai',
  'thực hiện',
  'tổ chức thực',
  'liên quan',
  'hiện hành',
  'bao gồm',
];

/**
 * Two-word phrases that open prose, not a title, right after "và": verbs of tasks ("Luật Dân
 * quân tự vệ và xây dựng lực lượng …") and the nouns plans pair with a law ("… và trách nhiệm
 * của các sở"). A title's coordinated part is a noun of the same field ("và quy chuẩn kỹ thuật").
 */
export const PROSE_STARTS: ReadonlySet<string> = new Set([
  'xây dựng',
  'nâng cao',
  'tăng cường',
  'đẩy mạnh',
  'thực hiện',
  'triển khai',
  'tổ chức',
  'kiện toàn',
  'củng cố',
  'bảo đảm',
  'đảm bảo',
  'hoàn thiện',
  'chấp hành',
  'tuyên truyền',
  'phổ biến',
  'quán triệt',
  'chỉ đạo',
  'hướng dẫn',
  'kiểm tra',
  'giám sát',
  'rà soát',
  'ban hành',
  'đề xuất',
  'báo cáo',
  'tham mưu',
  'phối hợp',
  'trách nhiệm',
  'nhiệm vụ',
  'vai trò',
  'nhận thức',
  'ý thức',
  'hiệu quả',
  'kết quả',
  'nội dung',
  'tình hình',
  'văn bản',
  'quy định',
  'chính sách',
  'pháp luật',
  'các văn',
  'những nội',
  'góp phần',
  'phát huy',
  'chịu trách',
  'đồng thời',
  'thường xuyên',
  'kịp thời',
]);

/**
 * Phrases that continue a law title across "và" or a comma
 * ("Luật Giáo dục quốc phòng và an ninh", "Luật Phòng, chống tham nhũng").
 */
export const LAW_NAME_GLUE: readonly string[] = [
  'và an ninh',
  'và đổi mới sáng tạo',
  ', chống',
  ', chữa bệnh',
  ', chữa cháy',
  ', công nghệ',
  ', trật tự',
  ', cứu hộ',
  'dự bị',
  'và cứu nạn',
  'người có công với cách mạng',
  'và phát triển rừng',
  'và môi trường',
  'và trật tự',
  'và xã hội',
  'và chữa cháy',
  'và công nghệ',
  'và phát triển',
  'và đổi mới',
  'và chữa bệnh',
  'và hải đảo',
  'và khoáng sản',
  'và tái định cư',
  'và cứu hộ',
  'và thiếu niên',
  'và giáo dục',
  'và bảo vệ',
  'và an toàn',
  'và kiểm soát',
  // "theo" is a stop word, except in the fixed phrases of titles ("Luật Đầu tư theo phương thức
  // đối tác công tư", "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng").
  'theo phương thức',
  'theo hợp đồng',
];

/**
 * Words right before a number that make it a form or annex code, not a document
 * ("Mẫu số 01/TNDN", "tờ khai 02/KK-TNCN").
 */
export const NOT_DOCUMENT_BEFORE: RegExp =
  /(?:^|[^\p{L}])(?:mẫu(?:\s+biểu)?|biểu(?:\s+mẫu)?|tờ\s+khai|phụ\s+lục|hồ\s+sơ|ký\s+hiệu\s+mẫu)\s+(?:số\s*)?$/iu;

/** Words right after "Luật" that make it a common noun, not a law title ("Luật sư", "Luật gia"). */
export const LAW_NOT_TITLE_FIRST: ReadonlySet<string> = new Set([
  'sư',
  'gia',
  'pháp',
  'định',
  'lệ',
  'học',
  'chơi',
  'này',
  'mới',
  'hiện',
  'khác',
  'liên',
  'sửa',
  'chung',
  'chuyên',
  'cũ',
]);

/** Words right before a law head that make it a non-citation ("dự thảo Luật", "Đại học Luật"). */
export const LAW_NOT_TITLE_BEFORE: readonly string[] = [
  'dự thảo',
  'dự án',
  'đại học',
  'khoa',
  'ngành',
  'trường',
  'hội',
  'đoàn',
  'viện',
  'cử nhân',
  'thạc sĩ',
  'tiến sĩ',
  'tạp chí',
  'nhà xuất bản',
  'xây dựng',
];

/**
 * Codes of document types as written in number suffixes and code tables ("NQ Nghị quyết",
 * "QĐ Quyết định"). Right after "Luật" such a code is a table cell, never a title; codes that
 * are also law abbreviations ("BHYT") are not listed.
 */
export const DOCUMENT_TYPE_CODES: ReadonlySet<string> = new Set([
  'NQ',
  'NĐ',
  'QĐ',
  'TT',
  'TTLT',
  'CT',
  'CV',
  'TB',
  'BC',
  'HD',
  'TTr',
  'CĐ',
  'QC',
  'QyĐ',
  'KL',
  'L',
  'PL',
]);

/** Lead phrases of a paragraph that say the plan is based on what it cites. */
export const LEAD_CAN_CU: RegExp = /^(?:[-–•+*\s]*)(?:căn\s+cứ|trên\s+cơ\s+sở)(?![\p{L}])/iu;

/** Lead phrases that say the plan implements what it cites ("Thực hiện", "Triển khai", "Cụ thể hóa"). */
export const LEAD_THUC_HIEN: RegExp =
  /^(?:[-–•+*\s]*)(?:(?:để|nhằm)\s+)?(?:tiếp\s+tục\s+)?(?:triển\s+khai\s+)?(?:,\s*)?thực\s+hiện(?![\p{L}])|^(?:[-–•+*\s]*)(?:(?:để|nhằm)\s+)?triển\s+khai(?![\p{L}])|^(?:[-–•+*\s]*)(?:(?:để|nhằm)\s+)?(?:tiếp\s+tục\s+)?cụ\s+thể\s+(?:hóa|hoá)(?![\p{L}])/iu;

/**
 * First words of an issuing body, used when the issuer comes before the number
 * ("Bộ Y tế có Công văn số …", "đề nghị của Giám đốc Sở Y tế tại Tờ trình số …").
 */
export const ISSUER_HEADS: RegExp =
  /(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Hội\s+đồng|Bộ\s+trưởng|Bộ|Sở|Ban|Văn\s+phòng|Tỉnh\s+ủy|Tỉnh\s+uỷ|Thành\s+ủy|Thành\s+uỷ|Huyện\s+ủy|Đảng\s+ủy|Quân\s+ủy|Công\s+an|Bộ\s+Chỉ\s+huy|Tư\s+lệnh|Chủ\s+tịch|Giám\s+đốc|Cục|Tổng\s+cục|Liên\s+Bộ|Thuế|Kho\s+bạc|Ngân\s+hàng|Tòa\s+án|Viện\s+kiểm\s+sát|Kiểm\s+toán|Mặt\s+trận|Trung\s+ương|Hội\s+nghị|Bảo\s+hiểm|Cảnh\s+sát|Tổng\s+Liên\s+đoàn|Đoàn|Công\s+[tT]y|CÔNG\s+TY)/u;

/**
 * Lower-case words that occur inside names of issuing bodies ("Ủy ban nhân dân tỉnh",
 * "Ban Thường vụ Tỉnh ủy", "Bộ Lao động - Thương binh và Xã hội"). Any other lower-case word
 * ends the issuer ("… của Bộ Tài chính tham gia ý kiến").
 */
export const ISSUER_WORDS: ReadonlySet<string> = new Set([
  'nhân',
  'dân',
  'tỉnh',
  'thành',
  'phố',
  'huyện',
  'quận',
  'xã',
  'phường',
  'thị',
  'trấn',
  'trưởng',
  'tướng',
  'vụ',
  'hành',
  'ương',
  'bí',
  'thư',
  'chính',
  'phủ',
  'tế',
  'an',
  'lệnh',
  'khu',
  'ủy',
  'uỷ',
  'ban',
  'bộ',
  'đội',
  'phòng',
  'chức',
  'động',
  'binh',
  'và',
  'hội',
  'hoạch',
  'nghiệp',
  'nông',
  'thôn',
  'nguyên',
  'trường',
  'dục',
  'tạo',
  'tin',
  'thông',
  'hóa',
  'hoá',
  'thao',
  'lịch',
  'học',
  'nghệ',
  'tư',
  'pháp',
  'vận',
  'tải',
  'dựng',
  'nội',
  'ngoại',
  'giao',
  'sát',
  'kiểm',
  'toán',
  'án',
  'hàng',
  'nước',
  'bạc',
  'thuế',
  'quan',
  'đạo',
  'chỉ',
  'huy',
  'biên',
  'cảnh',
  'quân',
  'sự',
  'đoàn',
  'thanh',
  'niên',
  'liên',
  'hiệp',
  'phụ',
  'nữ',
  'chiến',
  'lao',
  'đảng',
  'đồng',
  'cấp',
  'trị',
  'khóa',
  'khoá',
  'thương',
  'trực',
  'tịch',
  'tài',
  'đốc',
  'giám',
  'phó',
  'chủ',
  'văn',
  'cục',
  'tổng',
  'sở',
  'y',
  'quốc',
  'gia',
  'nghị',
  'giáo',
  'chấp',
]);
