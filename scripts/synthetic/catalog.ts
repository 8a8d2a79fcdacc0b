/**
 * Documents the synthetic plans cite: real central documents that the seed plans cite
 * (and a few more of the same family), each with a weight so a handful become hubs, and
 * the local documents each province issues for itself.
 */
import type { Random } from './random.ts';

/** A document that can be cited. */
export interface CitedDocument {
  /** Type word as written in a citation ("Nghị định", "Chỉ thị", "Luật"). */
  type: string;
  /** Số ký hiệu, or null for a named law. */
  number: string | null;
  /** Day, month, year; null for a named law. */
  date: [number, number, number] | null;
  /** "của …" part without "của", or null. */
  issuer: string | null;
  /** Subject ("về khu vực phòng thủ"), or the law's name for named laws. */
  subject: string;
  /** Relative frequency of being cited. */
  weight: number;
}

/** Central documents: the hubs of the graph. */
export const CENTRAL: readonly CitedDocument[] = [
  {
    type: 'Chỉ thị',
    number: '46-CT/TW',
    date: [22, 6, 2015],
    issuer: 'Bộ Chính trị',
    subject: 'về tăng cường lãnh đạo của Đảng đối với công tác bảo đảm an ninh, trật tự trong tình hình mới',
    weight: 12,
  },
  {
    type: 'Nghị định',
    number: '21/2019/NĐ-CP',
    date: [22, 2, 2019],
    issuer: 'Chính phủ',
    subject: 'về khu vực phòng thủ',
    weight: 12,
  },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Quốc phòng', weight: 10 },
  {
    type: 'Nghị định',
    number: '168/2018/NĐ-CP',
    date: [28, 12, 2018],
    issuer: 'Chính phủ',
    subject: 'về công tác quốc phòng ở bộ, ngành trung ương, địa phương',
    weight: 7,
  },
  {
    type: 'Nghị định',
    number: '13/2014/NĐ-CP',
    date: [25, 2, 2014],
    issuer: 'Chính phủ',
    subject: 'quy định chi tiết và biện pháp thi hành Luật Giáo dục quốc phòng và an ninh',
    weight: 4,
  },
  {
    type: 'Nghị định',
    number: '139/2020/NĐ-CP',
    date: [27, 11, 2020],
    issuer: 'Chính phủ',
    subject: 'về sửa đổi, bổ sung một số điều của Nghị định số 13/2014/NĐ-CP',
    weight: 3,
  },
  {
    type: 'Nghị định',
    number: '98/2023/NĐ-CP',
    date: [31, 12, 2023],
    issuer: 'Chính phủ',
    subject: 'quy định chi tiết thi hành Luật Thi đua, khen thưởng',
    weight: 5,
  },
  {
    type: 'Nghị định',
    number: '02/2019/NĐ-CP',
    date: [2, 1, 2019],
    issuer: 'Chính phủ',
    subject: 'về phòng thủ dân sự',
    weight: 3,
  },
  {
    type: 'Quy định',
    number: '58-QĐ/TW',
    date: [8, 2, 2022],
    issuer: 'Bộ Chính trị',
    subject: '“Quy định một số vấn đề về bảo vệ chính trị nội bộ Đảng”',
    weight: 3,
  },
  {
    type: 'Kết luận',
    number: '32-KL/TW',
    date: [5, 7, 2018],
    issuer: 'Bộ Chính trị',
    subject: 'về tình hình an ninh trật tự nổi lên gần đây và nhiệm vụ, giải pháp thời gian tới',
    weight: 2,
  },
  {
    type: 'Nghị quyết',
    number: '44-NQ/TW',
    date: [24, 11, 2023],
    issuer: 'Ban Chấp hành Trung ương Đảng khóa XIII',
    subject: 'về Chiến lược bảo vệ Tổ quốc trong tình hình mới',
    weight: 3,
  },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Nghĩa vụ quân sự', weight: 4 },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Dân quân tự vệ', weight: 4 },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Lực lượng dự bị động viên', weight: 2 },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Giáo dục quốc phòng và an ninh', weight: 3 },
  { type: 'Luật', number: null, date: null, issuer: null, subject: 'Luật Thi đua, khen thưởng', weight: 4 },
];

/** Subjects of local documents, as the seed plans word them. */
const LOCAL_SUBJECTS: readonly string[] = [
  'về tăng cường xây dựng, củng cố thế trận an ninh nhân dân kết hợp chặt chẽ với thế trận quốc phòng toàn dân vững chắc trên địa bàn tỉnh',
  'về chỉ đạo tổ chức thực hiện công tác quốc phòng địa phương',
  'về thực hiện mục tiêu 04 giảm trên địa bàn tỉnh đến năm 2025',
  'về xây dựng Công an xã điển hình, kiểu mẫu về an ninh, trật tự',
  'về việc nâng cao năng lực tham mưu và tổ chức thực hiện công tác quốc phòng địa phương',
  'về công tác tuyển chọn và gọi công dân nhập ngũ',
  'về tổ chức diễn tập khu vực phòng thủ',
];

/** Kinds of local documents: type word, number code, issuer form. */
const LOCAL_KINDS = [
  { type: 'Chỉ thị', code: 'CT-UBND', dash: false, council: true },
  { type: 'Kế hoạch', code: 'KH-UBND', dash: false, council: true },
  { type: 'Công văn', code: 'UBND-NC', dash: false, council: true },
  { type: 'Quyết định', code: 'QĐ-UBND', dash: false, council: true },
  { type: 'Chỉ thị', code: 'CT/TU', dash: true, council: false },
] as const;

/**
 * A province's own documents (Chỉ thị 07/CT-UBND, Chỉ thị 30-CT/TU…), the same for every
 * plan of that province so they are cited again and again; numbers repeat across provinces.
 *
 * @param province Province name.
 * @param random A generator seeded for this province.
 * @returns Six local documents.
 */
export function localDocuments(province: string, random: Random): CitedDocument[] {
  const documents: CitedDocument[] = [];
  for (let index = 0; index < 6; index += 1) {
    const kind = random.pick(LOCAL_KINDS);
    const year = random.int(2019, 2024);
    const serial = kind.dash ? random.int(10, 40) : random.pick([7, 7, 32, 1891, random.int(1, 3999)]);
    const number = kind.dash ? `${serial}-${kind.code}` : `${String(serial).padStart(2, '0')}/${kind.code}`;
    documents.push({
      type: kind.type,
      number,
      date: [random.int(1, 28), random.int(1, 12), year],
      issuer: kind.council ? `UBND tỉnh ${province}` : `Ban Thường vụ Tỉnh ủy ${province}`,
      subject: random.pick(LOCAL_SUBJECTS),
      weight: 1,
    });
  }
  return documents;
}

/**
 * How a citation is written: "Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về …",
 * with the date as digits or in words, "số" sometimes left out, the subject sometimes dropped.
 *
 * @param document The cited document.
 * @param random Generator.
 * @returns Citation text.
 */
export function citationText(document: CitedDocument, random: Random): string {
  if (document.number === null) return random.chance(0.3) ? `${document.subject} năm 2018` : document.subject;
  const parts = [`${document.type}${random.chance(0.8) ? ' số' : ''} ${document.number}`];
  if (document.date) parts.push(`ngày ${formatDate(document.date, random.chance(0.6))}`);
  if (document.issuer) parts.push(`của ${document.issuer}`);
  if (random.chance(0.85)) parts.push(document.subject);
  return parts.join(' ');
}

/**
 * A date as the plans write it.
 *
 * @param date Day, month, year.
 * @param digits "22/02/2019" when true, else "22 tháng 02 năm 2019".
 * @returns Date text.
 */
export function formatDate([day, month, year]: [number, number, number], digits: boolean): string {
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return digits ? `${dd}/${mm}/${year}` : `${dd} tháng ${mm} năm ${year}`;
}
