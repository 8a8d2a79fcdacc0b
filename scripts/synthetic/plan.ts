/**
 * Compose the text of one synthetic plan from seed material, in the layout of the seed
 * exports: number line, place and date, type line, title, lead paragraphs, Roman sections
 * with Arabic subsections and bullets, "Nơi nhận:" and the signer.
 */
import { citationText, formatDate, type CitedDocument } from './catalog.ts';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './provinces.ts';
import type { Random } from './random.ts';
import type { SeedMaterial } from './seed-material.ts';

/** What is decided about a plan before its text is written. */
export interface PlanSpec {
  province: string;
  /** Serial part of the number: "1062" in "1062/KH-UBND". */
  serial: number;
  date: [number, number, number];
  title: string;
  /** Documents cited in the lead paragraphs ("Căn cứ …", "Thực hiện …"). */
  leads: CitedDocument[];
  /** Documents cited in the body. */
  inline: CitedDocument[];
  /** Approximate size to reach, in UTF-8 bytes. */
  targetBytes: number;
}

/** Sentences that carry a citation in the body, modelled on the seeds; `{c}` is the citation. */
const FRAMES: readonly string[] = [
  'Tiếp tục quán triệt và thực hiện có hiệu quả {c}.',
  'Triển khai tập huấn, hướng dẫn cho các cơ quan, đơn vị, địa phương xây dựng kế hoạch bảo đảm theo {c} có chất lượng.',
  'Tổ chức sơ kết, tổng kết việc thực hiện {c}; rút kinh nghiệm, đề xuất nội dung sửa đổi, bổ sung cho phù hợp.',
  'Các cơ quan, đơn vị bám sát {c} để cụ thể hóa thành chương trình, kế hoạch công tác hằng năm.',
  'Thực hiện nghiêm {c}, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương.',
  'Tiếp tục thực hiện có hiệu quả {c}.',
  'Đánh giá kết quả 05 năm thực hiện {c} và đề xuất giải pháp trong thời gian tới.',
];

/** Sections every plan has, first and last. */
const FIRST_SECTION = 'MỤC ĐÍCH, YÊU CẦU';
const LAST_SECTION = 'TỔ CHỨC THỰC HIỆN';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * Write one plan.
 *
 * @param spec What the plan is and cites.
 * @param material Seed material.
 * @param random Generator for this plan.
 * @returns The plan's text, in the seeds' export layout (blank lines between blocks).
 */
export function composePlan(spec: PlanSpec, material: SeedMaterial, random: Random): string {
  const { province } = spec;
  const localise = (text: string): string => localiseText(text, material.places, province);
  const blocks: string[] = [];

  if (random.chance(0.3)) {
    blocks.push(
      `ỦY BAN NHÂN DÂN\nTỈNH ${province.toUpperCase()}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------`,
    );
  }
  blocks.push(`Số: ${spec.serial} /KH-UBND`);
  blocks.push(`${province}, ${random.chance(0.9) ? 'ngày' : 'Ngày'} ${formatDate(spec.date, false)}`);
  blocks.push('KẾ HOẠCH');
  blocks.push(spec.title);

  spec.leads.forEach((document, index) => {
    const verb = document.issuer?.startsWith('UBND') || document.type === 'Kế hoạch' ? 'Thực hiện' : 'Căn cứ';
    const last = index === spec.leads.length - 1;
    blocks.push(`${verb} ${citationText(document, random)}${last ? '.' : ';'}`);
  });
  blocks.push(`UBND tỉnh ban hành Kế hoạch ${lowerFirst(spec.title)}, với các nội dung cụ thể như sau:`);

  const middle = random.shuffle(material.sections.filter((name) => name !== FIRST_SECTION && name !== LAST_SECTION));
  const sectionNames = [FIRST_SECTION, ...middle.slice(0, random.int(2, Math.min(4, middle.length))), LAST_SECTION];
  const body = sectionBody(spec, sectionNames, material, random).map(localise);

  // Spread the body citations over the items (never before the first heading).
  const items = body.flatMap((text, index) => (text.startsWith('- ') ? [index] : []));
  const inserts = new Map<number, string[]>();
  for (const document of spec.inline) {
    const after = items.length > 0 ? random.pick(items) : body.length - 1;
    const sentence = random.pick(FRAMES).replace('{c}', citationText(document, random));
    inserts.set(after, [...(inserts.get(after) ?? []), `- ${sentence}`]);
  }
  body.forEach((text, index) => blocks.push(text, ...(inserts.get(index) ?? [])));

  blocks.push(`Trên đây là Kế hoạch ${lowerFirst(spec.title)}, đề nghị các cơ quan, đơn vị, địa phương triển khai thực hiện./.`);
  blocks.push('Nơi nhận:');
  blocks.push(distribution(random).join('\n'));
  blocks.push('');
  blocks.push(signer(random));
  // The exports open with two empty lines.
  return `\n\n${blocks.join('\n\n')}\n`;
}

/**
 * Sections with their subsections and items, growing until the plan reaches its size.
 *
 * @param spec Plan spec (target size).
 * @param names Section names, in order.
 * @param material Seed material.
 * @param random Generator.
 * @returns Blocks: "I. NAME", "1. Subheading", "- bullet", paragraphs.
 */
function sectionBody(spec: PlanSpec, names: string[], material: SeedMaterial, random: Random): string[] {
  const blocks: string[] = [];
  // What the header, lead paragraphs, inserted citations and signature will add (measured on
  // the output: ~2 KB of frame and ~190 bytes per citation sentence).
  const citations = (spec.leads.length + spec.inline.length) * 190;
  const perSection = Math.max(500, spec.targetBytes - 2000 - citations) / names.length;
  names.forEach((name, sectionIndex) => {
    blocks.push(`${ROMAN[sectionIndex] ?? String(sectionIndex + 1)}. ${name}`);
    let bytes = 0;
    for (let sub = 1; bytes < perSection; sub += 1) {
      const heading = `${sub}. ${random.pick(material.subheadings)}`;
      blocks.push(heading);
      bytes += byteLength(heading);
      const deeper = random.chance(0.2);
      const count = random.int(2, 5);
      for (let item = 0; item < count && bytes < perSection; item += 1) {
        if (deeper && item % 2 === 0) {
          const third = `${sub}.${item / 2 + 1}. ${random.pick(material.subheadings)}`;
          blocks.push(third);
          bytes += byteLength(third);
        }
        const roll = random.next();
        const text =
          roll < 0.55
            ? `- ${random.pick(material.bullets)}`
            : roll < 0.59 && material.citing.length > 0
              ? `- ${random.pick(material.citing)}`
              : random.pick(material.paragraphs);
        blocks.push(text);
        bytes += byteLength(text);
      }
    }
  });
  return blocks;
}

/** "Nơi nhận" lines, as the seeds list them. */
function distribution(random: Random): string[] {
  const lines = [
    '- Bộ Quốc phòng;',
    `- Bộ Tư lệnh Quân khu ${random.int(1, 9)};`,
    '- Thường trực: Tỉnh ủy, HĐND tỉnh;',
    '- CT, các PCT UBND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- UBND các huyện, thị xã, thành phố;',
    '- Ban Thi đua - Khen thưởng;',
  ].filter(() => random.chance(0.8));
  return [...lines, `- Lưu: VT, VP.UBND tỉnh${random.chance(0.5) ? ', NC' : ''}.`];
}

/** Signature block: position lines and a recombined name. */
function signer(random: Random): string {
  const position = random.pick(['CHỦ TỊCH', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH']);
  const name = `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
  return `${position}\n\n\n${name}`;
}

/**
 * Put the plan's province in place of the seed's own places.
 *
 * @param text Seed text.
 * @param places Seed place names, longest first.
 * @param province The plan's province.
 * @returns Text about `province`.
 */
function localiseText(text: string, places: readonly string[], province: string): string {
  let result = text;
  for (const place of places) result = result.split(place).join(province);
  return result;
}

/** "Phát động …" → "phát động …" (a title inside a sentence). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** UTF-8 length, without allocating a buffer. */
function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8') + 2;
}
