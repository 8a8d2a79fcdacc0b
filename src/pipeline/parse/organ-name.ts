/**
 * Turn upper-case organ lines ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ") into the
 * short issuer name used across the site ("UBND tỉnh Quảng Trị").
 */
import { foldDiacritics } from '../../text/fold.ts';
import { joinSpacedLetters } from './spaced-letters.ts';
import { capitalizeWords, isUpperCase, sentenceCase } from './text-case.ts';
import { FOLDED_LEVEL_WORDS, isLevelWordInNoun } from '../../text/locality.ts';

/** Administrative levels, folded, longest first. */
const levels = FOLDED_LEVEL_WORDS;

/** Folded first words that start a new organ (a line not starting with one continues the previous line). */
const organHeads = [
  'uy ban',
  'ubnd',
  'hoi dong',
  'hdnd',
  'ban',
  'bo',
  'so',
  'cuc',
  'tong cuc',
  'chi cuc',
  'vu',
  'van phong',
  'thue',
  'kho bac',
  'cong an',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'thi uy',
  'dang uy',
  'dang bo',
  'chi bo',
  'toa an',
  'vien',
  'ngan hang',
  'bao hiem',
  'tong cong ty',
  'cong ty',
  'bao hiem xa hoi',
  'truong',
  'benh vien',
  'trung tam',
  'phong',
  'chinh phu',
  'quoc hoi',
  'thu tuong',
  'mat tran',
  'hoi',
  'doan',
  'lien doan',
  'kiem toan',
  'thanh tra',
  'hoc vien',
  'dai hoc',
  'quan khu',
];

/** Folded posts that head an organ and issue in its name ("Thủ tướng Chính phủ", "Chủ tịch nước"). */
const headPosts: ReadonlySet<string> = new Set(['thu tuong', 'pho thu tuong', 'chu tich', 'bo truong']);

/** Central Party bodies under "BAN CHẤP HÀNH TRUNG ƯƠNG" whose official name is not "<unit> Trung ương". */
const centralPartyNames = new Map([['van phong', 'Văn phòng Trung ương Đảng']]);

/** Organ names whose official spelling capitalises more than sentence case gives. */
const properNames = new Map([
  ['bo cong thuong', 'Bộ Công Thương'],
  ['so cong thuong', 'Sở Công Thương'],
]);

/**
 * The issuer named by the organ lines of a header: the lowest organ, with its
 * locality, in short form.
 *
 * @param lines Upper-case organ lines, top to bottom.
 * @returns e.g. "UBND thành phố Hà Nội", "Thuế tỉnh Vĩnh Long", "Ban Tổ chức Trung ương".
 */
export function issuerFromOrganLines(lines: readonly string[]): string | null {
  const units: string[][] = [];
  for (const line of lines.map(repairRecognisedHead).flatMap(splitRunTogetherOrgans)) {
    // A crawl may put the organ and the motto of a two-column header on one line.
    const words = joinSpacedLetters(line.replace(mottoInLine, ' ')).split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const current = units[units.length - 1];
    // A post alone ("THỦ TƯỚNG" / "CHÍNH PHỦ") is the head of the organ on the next line, not an organ.
    const isPost = current !== undefined && headPosts.has(fold(current.join(' ')));
    if (current && (isPost || !startsWith(fold(words.join(' ')), organHeads))) current.push(...words);
    else units.push(words);
  }
  const last = units[units.length - 1];
  if (!last) return null;
  const superior = units.slice(0, -1).map((words) => fold(words.join(' ')));

  if (superior.some((name) => name === 'ban chap hanh trung uong')) {
    const unit = fold(last.join(' '));
    return centralPartyNames.get(unit) ?? `${formatOrgan(last)} Trung ương`;
  }
  const name = formatOrgan(last);
  // "Đảng bộ cơ quan UBND huyện X / Chi bộ Thanh tra" → "Chi bộ Thanh tra, Đảng bộ cơ quan UBND
  // huyện X": a chi bộ is named with the đảng bộ it belongs to.
  const owner = units[units.length - 2];
  if (owner && fold(last.join(' ')).startsWith('chi bo ') && fold(owner.join(' ')).startsWith('dang bo ')) {
    return `${name}, ${formatOrgan(owner)}`;
  }
  // "UBND TỈNH X / SỞ Y TẾ" → "Sở Y tế tỉnh X"; "ĐẢNG BỘ TỈNH X / TỈNH ỦY" → "Tỉnh ủy X".
  const parent = units[units.length - 2];
  // "THÀNH ỦY HÀ NỘI / BAN TỔ CHỨC" → "Ban Tổ chức Thành ủy Hà Nội": a Party committee's organ
  // carries the committee's whole name.
  if (parent && parent.length > 2 && partyCommittee.test(fold(parent.slice(0, 2).join(' ')))) {
    return `${name} ${formatOrgan(parent)}`;
  }
  if (parent && findLevel(last.map(fold)) === -1) {
    const parentLevel = findLevel(parent.map(fold));
    if (parentLevel !== -1) {
      const level = parent
        .slice(parentLevel.index, parentLevel.index + parentLevel.length)
        .join(' ')
        .toLowerCase();
      const place = capitalizeWords(parent.slice(parentLevel.index + parentLevel.length).join(' '));
      return partyCommittee.test(fold(last.join(' '))) ? `${name} ${place}` : `${name} ${level} ${place}`;
    }
  }
  return name;
}

/**
 * Organ heads that open a child organ inside a line that runs a parent and its child together
 * ("CỤC THUẾ THUẾ TỈNH VĨNH LONG", "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC", "UBND TỈNH LÂM ĐỒNG SỞ
 * NỘI VỤ"). Not "Chính phủ" or "Quốc hội", which end an organ's name ("VĂN PHÒNG CHÍNH PHỦ").
 */
const childHeads = [
  'uy ban nhan dan',
  'ubnd',
  'hoi dong nhan dan',
  'hdnd',
  'so',
  'cuc',
  'chi cuc',
  'tong cuc',
  'ban',
  'van phong',
  'thue',
  'kho bac',
  'cong an',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'dang uy',
  'chi bo',
  'benh vien',
  'trung tam',
  'phong',
];

/** Two words that make one word of a name, whose second word is also an organ head. */
const compounds: ReadonlySet<string> = new Set(['quoc phong', 'van phong', 'xa hoi', 'co so', 'hoc vien', 'lien doan']);

/**
 * Cut a line that names a parent organ and its child into one line per organ: a child head
 * starts a new organ once the current one has its head and at least one word of name.
 */
function splitRunTogetherOrgans(line: string): string[] {
  const words = line.split(/\s+/).filter(Boolean);
  const folded = words.map(fold);
  const parts: string[][] = [];
  let current: string[] = [];
  let headEnd = 0;
  for (let index = 0; index < words.length; index++) {
    const rest = folded.slice(index).join(' ');
    const head = longestHead(rest, current.length === 0 ? organHeads : childHeads);
    // "… CƠ QUAN UBND HUYỆN X": the organ whose office a Party body serves is part of its name.
    const ofOffice = folded[index - 2] === 'co' && folded[index - 1] === 'quan';
    const compound = ofOffice || compounds.has(`${folded[index - 1] ?? ''} ${folded[index] ?? ''}`);
    if (current.length > 0 && head > 0 && index > headEnd && !compound) {
      parts.push(current);
      current = [];
    }
    if (current.length === 0) headEnd = index + Math.max(longestHead(rest, organHeads), 1);
    current.push(words[index] ?? '');
  }
  if (current.length > 0) parts.push(current);
  return parts.map((part) => part.join(' '));
}

/** Length in words of the longest head that `folded` starts with, or 0. */
function longestHead(folded: string, heads: readonly string[]): number {
  return heads
    .filter((head) => folded === head || folded.startsWith(`${head} `))
    .reduce((longest, head) => Math.max(longest, head.split(' ').length), 0);
}

/** Council heads a scan's recognition often garbles ("ỦY BANN ÂN DÂN"), letters only. */
const recognisedHeads = [
  { key: 'uybannhandan', text: 'ỦY BAN NHÂN DÂN' },
  { key: 'hoidongnhandan', text: 'HỘI ĐỒNG NHÂN DÂN' },
];

/**
 * An organ line as a scan read it: stray punctuation around it dropped (". TỈNH PHÚ THỌ"), and a
 * council head one letter off ("ỦY BANN ÂN DÂN") read as the head.
 */
function repairRecognisedHead(line: string): string {
  const trimmed = line.replace(/^[\s.,:;_'"`~-]+|[\s.,:;_'"`~]+$/gu, '');
  const key = fold(trimmed).replace(/[^a-z]/g, '');
  const head = recognisedHeads.find((candidate) => candidate.key !== key && editDistanceAtMostOne(candidate.key, key));
  return head ? head.text : trimmed;
}

/** Whether two strings differ by at most one inserted, deleted or replaced character. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Party committees named after their locality without its level ("Tỉnh ủy Bình Phước"). */
const partyCommittee = /^(tinh|thanh|huyen|quan|thi) uy$/;

/** The motto of a two-column header, when a crawl runs it into the organ line. */
const mottoInLine = /(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM/gu;

/**
 * Format one organ written in words: "ỦY BAN NHÂN DÂN TỈNH TÂY NINH" →
 * "UBND tỉnh Tây Ninh"; "THUẾ TỈNH VĨNH LONG" → "Thuế tỉnh Vĩnh Long".
 *
 * @param words The organ's words in any case.
 */
export function formatOrgan(words: readonly string[]): string {
  const folded = words.map(fold);
  // "TỈNH ỦY QUẢNG NINH": a Party committee carries its place without a level word.
  if (words.length > 2 && partyCommittee.test(`${folded[0]} ${folded[1]}`)) {
    return `${sentenceCase(words.slice(0, 2).join(' '))} ${capitalizeWords(words.slice(2).join(' '))}`;
  }
  const levelAt = findLevel(folded);
  const head = levelAt === -1 ? words : words.slice(0, levelAt.index);
  const headFolded = fold(head.join(' '));
  let name: string;
  if (headFolded === 'uy ban nhan dan' || headFolded === 'ubnd') name = 'UBND';
  else if (headFolded === 'hoi dong nhan dan' || headFolded === 'hdnd') name = 'HĐND';
  // A name typed in normal case ("Đảng bộ cơ quan UBND") is kept as written.
  else name = properNames.get(headFolded) ?? (isUpperCase(head.join(' ')) ? organCase(head.join(' ')) : head.join(' '));
  if (levelAt === -1) return name;
  const level = words
    .slice(levelAt.index, levelAt.index + levelAt.length)
    .join(' ')
    .toLowerCase();
  const place = capitalizeWords(words.slice(levelAt.index + levelAt.length).join(' '));
  return [name, level, place].filter(Boolean).join(' ');
}

/**
 * Sentence case, keeping a capital on the word after the organ kind and after
 * "và", "," and "-" ("BỘ KHOA HỌC VÀ CÔNG NGHỆ" → "Bộ Khoa học và Công nghệ").
 */
function organCase(text: string): string {
  const words = sentenceCase(text.trim()).split(/\s+/);
  const headLength = organHeads
    .filter((head) => fold(words.slice(0, head.split(' ').length).join(' ')) === head)
    .reduce((longest, head) => Math.max(longest, head.split(' ').length), 0);
  const cased = words
    .map((word, index) => {
      const previous = words[index - 1] ?? '';
      const folded = fold(word);
      const isLevel =
        levels.includes(folded) && !isLevelWordInNoun(folded, words.slice(0, index).map(fold), fold(words[index + 1] ?? ''));
      const capital =
        !isLevel && ((index === headLength && index > 0) || previous === 'và' || previous === '-' || previous.endsWith(','));
      return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
  return cased.replace(properWords, (match) => properWordCase.get(match.toLowerCase()) ?? match);
}

/** Names inside organ names that keep their capitals ("Bảo hiểm xã hội Việt Nam"). */
const properWordCase = new Map(
  ['Việt Nam', 'Trung ương', 'Chính phủ', 'Quốc hội', 'Nhà nước'].map((word) => [word.toLowerCase(), word]),
);
const properWords = new RegExp(`(?<![\\p{L}])(${[...properWordCase.keys()].join('|')})(?![\\p{L}])`, 'giu');

/** First administrative level word followed by a name ("tỉnh" in "thuế tỉnh vinh long"). */
function findLevel(folded: readonly string[]): { index: number; length: number } | -1 {
  for (let index = 1; index < folded.length; index++) {
    // "xã hội" (Bảo hiểm xã hội, Lao động - Thương binh và Xã hội), "hợp tác xã" are not a
    // commune, "cơ quan" (an organ's office) is not a quận.
    if (isLevelWordInNoun(folded[index] ?? '', folded.slice(0, index), folded[index + 1])) continue;
    for (const level of levels) {
      const length = level.split(' ').length;
      if (folded.slice(index, index + length).join(' ') === level && index + length < folded.length) {
        return { index, length };
      }
    }
  }
  return -1;
}

/**
 * Whether a line in normal case names an organ ("Đảng bộ cơ quan UBND", "Chi bộ Thanh tra"): a
 * short line that starts with an organ head. Typed forms write their organ block so.
 *
 * @param text A header line before the number and date.
 */
export function isOrganLine(text: string): boolean {
  return text.length <= 60 && !/[\d:;]/u.test(text) && /^\p{Lu}/u.test(text) && startsWith(fold(text), organHeads);
}

function startsWith(folded: string, heads: readonly string[]): boolean {
  return heads.some((head) => folded === head || folded.startsWith(`${head} `));
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
