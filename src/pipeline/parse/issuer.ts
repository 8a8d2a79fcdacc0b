/**
 * The issuing organ: from the header's organ lines when there are any, else
 * inferred from the number, the place line and how the text speaks of itself
 * ("UBND huyện Ba Tơ ban hành kế hoạch…", "Ủy ban nhân dân tỉnh yêu cầu…").
 */
import { foldDiacritics } from '../../text/fold.ts';
import type { Header } from './header.ts';
import { formatOrgan, issuerFromOrganLines } from './organ-name.ts';
import { LEVEL_WORDS_SOURCE } from '../../text/locality.ts';

/**
 * Verbs an issuer uses of itself in the body: "<organ> ban hành / yêu cầu / công bố …".
 * Those that need an object are never followed by punctuation; those that may open a list
 * ("UBND tỉnh yêu cầu:", "… thông báo:") may.
 */
const objectVerbs = 'ban hành|phát động|công bố|trả lời|chỉ đạo|xây dựng|giao';
const listVerbs = 'yêu cầu|đề nghị|thông báo|hướng dẫn|có ý kiến|kết luận|quyết định';
const selfVerbs = `${listVerbs}|${objectVerbs}`;

/**
 * A self verb as a verb, not the last syllable of the organ's own name: in "Bộ Ngoại giao: tối
 * đa 10 người" the "giao" before a colon belongs to the name.
 */
const selfVerb = `(?:(?:${listVerbs})(?![\\p{L}])|(?:${objectVerbs})(?![\\p{L}])(?!\\s*[:;,.)]))`;
const levelWords = LEVEL_WORDS_SOURCE;
const councilWords = '(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)';
const organStart =
  'Bộ|Ban|Sở|Cục|Tổng cục|Chi cục|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Thuế|Kho bạc|Ngân hàng|Bảo hiểm xã hội|Công an|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Thanh tra|Kiểm toán';

/**
 * Issuer of a document in short form ("UBND tỉnh Tây Ninh").
 *
 * @param header What the header gives.
 * @param text The whole normalized text (the body is searched for how the issuer names itself).
 * @returns The issuer, or null when nothing names it.
 */
export function findIssuer(header: Header, text: string): string | null {
  const fromOrgan = issuerFromOrganLines(header.organLines);
  // The Government's decisions and directives are the Prime Minister's ("Số: 40/2011/QĐ-TTg",
  // "THỦ TƯỚNG CHÍNH PHỦ" as the authority line): the post, not the collective body, issues them.
  if (fromOrgan === 'Chính phủ' && (primeMinisterCode(header.numberCode) || header.authorityLines.some(isPrimeMinister))) {
    return PRIME_MINISTER;
  }
  if (fromOrgan) return fromOrgan;
  const authority = header.authorityLines[0];
  if (authority) {
    if (isPrimeMinister(authority)) return PRIME_MINISTER;
    const name = formatOrgan(withoutPost(authority).split(/\s+/).filter(Boolean));
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X": the organ, not its head.
    const council = /(?:UBND|HĐND).*/u.exec(name);
    return council ? council[0] : name;
  }

  const code = header.numberCode ? foldDiacritics(header.numberCode).toUpperCase() : '';
  const sample = text.slice(0, 200_000);
  // No organ line and no code: the signer's post may name the body ("Trưởng Ban Quản lý các KCN").
  if (!code) {
    const signed = organOfSignerPost(text, header.place);
    if (signed) return signed;
  }
  if (/\bUBND\b/.test(code) || (!code && new RegExp(`${councilWords}\\s+(?:${levelWords})`, 'u').test(sample))) {
    const council = peopleCommittee(header.place, sample);
    if (council) return council;
  }
  return aliasedSubject(sample) ?? mostFrequentSubject(sample, header.place);
}

const PRIME_MINISTER = 'Thủ tướng Chính phủ';

/** "…/QĐ-TTg", "…/CT-TTg": numbered by the Prime Minister's office. */
function primeMinisterCode(code: string | null): boolean {
  return code !== null && /[-/]TTg\b/iu.test(code);
}

function isPrimeMinister(authority: string): boolean {
  return /^thu tuong chinh phu\b/.test(foldDiacritics(authority).toLowerCase());
}

/** Posts that head an organ on an authority line ("BỘ TRƯỞNG BỘ Y TẾ" → "BỘ Y TẾ"). */
const authorityPost =
  /^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|CHỦ\s+NHIỆM|TRƯỞNG\s+BAN|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|THỐNG\s+ĐỐC|TỔNG\s+THANH\s+TRA|CHÁNH\s+THANH\s+TRA)\s+(?=\S)/iu;

function withoutPost(authority: string): string {
  return authority.replace(authorityPost, '');
}

/** "(sau đây viết/gọi tắt là X) <self verb>": an organ that names itself in full, then its alias. */
const aliasThenVerb = new RegExp(
  `\\(\\s*sau\\s+đây\\s+(?:được\\s+)?(?:viết|gọi)(?:\\s+tắt)?\\s+là\\s+([^()]{2,80})\\)\\s+${selfVerb}`,
  'u',
);

/**
 * The full name of an organ that introduces itself with an alias in the body: "…, Ban chỉ đạo
 * của Chính phủ về sắp xếp … 02 cấp (sau đây viết là Ban Chỉ đạo của Chính phủ) yêu cầu …".
 * The name runs from the first organ word of its clause to the bracket, and must begin with the
 * alias's first word (an alias shortens the name).
 */
function aliasedSubject(text: string): string | null {
  const match = aliasThenVerb.exec(text);
  if (!match?.[1]) return null;
  const before = text.slice(Math.max(0, match.index - 300), match.index);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.')) + 1);
  const start = new RegExp(`(?<![\\p{L}])(?:${organStart})(?![\\p{L}])`, 'u').exec(clause);
  if (!start) return null;
  const name = clause.slice(start.index).replace(/\s+/g, ' ').trim();
  const aliasHead = foldDiacritics(match[1].trim().split(/\s+/)[0] ?? '').toLowerCase();
  const nameHead = foldDiacritics(name.split(' ')[0] ?? '').toLowerCase();
  return name && aliasHead === nameHead ? name : null;
}

/** "UBND <level> <place>", the level taken from the text. */
function peopleCommittee(place: string | null, text: string): string | null {
  const name = place ? placeName(place) : null;
  if (name) {
    const named = new RegExp(`${councilWords}\\s+(${levelWords})\\s+${escape(name)}(?![\\p{L}])`, 'u').exec(text);
    if (named?.[1]) return `UBND ${named[1]} ${name}`;
  }
  const self = new RegExp(`${councilWords}\\s+(${levelWords})\\s+(?:${selfVerbs})\\b`, 'u').exec(text);
  if (self?.[1] && name) return `UBND ${self[1]} ${name}`;
  if (name) {
    // "Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen": the level the text most often gives its council.
    const level = mostFrequent(
      [...text.matchAll(new RegExp(`${councilWords}\\s+(${levelWords})(?!\\s+\\p{Lu})(?![\\p{L}])`, 'gu'))].map(
        (match) => match[1] ?? '',
      ),
    );
    if (level) return `UBND ${level} ${name}`;
    const located = new RegExp(`(?<![\\p{L}])(${levelWords})\\s+${escape(name)}(?![\\p{L}])`, 'u').exec(text);
    if (located?.[1]) return `UBND ${located[1]} ${name}`;
  }
  return null;
}

/**
 * The organ that most often opens a sentence with a self verb: "Bộ Công Thương
 * công bố…", "Thuế tỉnh Vĩnh Long có ý kiến…". A bare "UBND tỉnh" takes the place.
 */
function mostFrequentSubject(text: string, place: string | null): string | null {
  const pattern = new RegExp(`(?:^|[.;:]\\s+|\\n)((?:${organStart})(?:\\s+[\\p{L}]+){1,6}?)\\s+${selfVerb}`, 'gu');
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const match of text.matchAll(pattern)) {
    let organ = (match[1] ?? '').replace(/\s+/g, ' ');
    if (place && new RegExp(`(?:${levelWords})$`, 'u').test(organ)) organ = `${organ} ${placeName(place)}`;
    organ = organ.replace(new RegExp(`^${councilWords}`, 'u'), 'UBND');
    const count = (counts.get(organ) ?? 0) + 1;
    counts.set(organ, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = organ;
  }
  return best;
}

/** The most frequent non-empty value; the first seen wins a tie. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    if (!value) continue;
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** "TP. Hồ Chí Minh" → "Hồ Chí Minh"; the place line names a locality, maybe with its kind. */
function placeName(place: string): string {
  return place.replace(/^(?:TP\.|Tp\.|TX\.|Thành phố|thành phố|Thị xã|thị xã)\s*/u, '').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * A signer's post that names its body, on one of the last lines: "Trưởng Ban Quản lý các KCN",
 * "GIÁM ĐỐC SỞ Y TẾ", "KT. GIÁM ĐỐC SỞ …". Posts alone ("PHÓ CHỦ TỊCH") name no body.
 */
const POST_WITH_BODY =
  /^(?:(?:KT|TM|TL|TUQ)\s*\.\s*)?(?:Phó\s+)?(?:Trưởng|Giám\s+đốc|Chánh|Cục\s+trưởng|Chi\s+cục\s+trưởng|Viện\s+trưởng|Hiệu\s+trưởng|Chủ\s+nhiệm)\s+((?:Ban|Sở|Cục|Chi\s+cục|Văn\s+phòng|Viện|Trường|Trung\s+tâm)\s+\S.{1,80})$/iu;

/** How many lines from the end a signer's post may lie. */
const SIGNER_LINES = 6;

/**
 * The body a signer's post names, in the fullest form the text gives it: its abbreviations
 * spelled out as the text spells them ("Ban Quản lý các KCN" → "Ban Quản lý các khu công
 * nghiệp") and the locality the text adds to it ("… tỉnh Bắc Giang").
 */
function organOfSignerPost(text: string, place: string | null): string | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-SIGNER_LINES);
  let body: string | null = null;
  for (const line of lines) {
    const match = POST_WITH_BODY.exec(line);
    if (match?.[1]) body = match[1].replace(/\s+/g, ' ').replace(/[.,;:]+$/u, '');
  }
  if (!body) return null;
  const name = /[\p{Ll}]/u.test(body) ? body : formatOrgan(body.split(' '));
  const pattern = name
    .split(' ')
    .map((word) =>
      /^[\p{Lu}Đ]{2,6}$/u.test(word) && word.length > 1 ? `(?:${escape(word)}|${initialsPattern(word)})` : escape(word),
    )
    .join('\\s+');
  const locality = place ? `(?:\\s+(?:${levelWords})\\s+${escape(placeName(place))})?` : '';
  const found = new RegExp(`(?<![\\p{L}])(${pattern})${locality}(?![\\p{L}])`, 'giu');
  let best: string | null = null;
  for (const match of text.matchAll(found)) {
    const candidate = match[0].replace(/\s+/g, ' ');
    if (best === null || candidate.length > best.length) best = candidate;
  }
  return best ?? name;
}

/** Words whose initials spell an abbreviation: "KCN" → "k… c… n…". */
function initialsPattern(abbreviation: string): string {
  return [...abbreviation].map((letter) => `${escape(letter)}[\\p{L}]*`).join('\\s+');
}
