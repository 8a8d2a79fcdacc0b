/**
 * The header of a document: organ lines, "Số", place and date, type line,
 * trích yếu (or "V/v"), "Kính gửi" list. It ends where the body begins.
 */
import type { DocDate } from '../../model.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { parseIssueDate } from './date.ts';
import { typeOfLine } from './doc-types.ts';
import {
  isBareNumberLabel,
  isGarbledMotto,
  isMotto,
  isSeparator,
  mottoLineCount,
  readAddressee,
  readListItem,
  readNumberLine,
  readPlaceDate,
  readSubject,
  trimItem,
} from './header-lines.ts';
import type { Line } from './lines.ts';
import { namesHeaderAuthority, splitAuthority } from './authority.ts';
import { joinSpacedLetters } from './spaced-letters.ts';
import { isOrganLine } from './organ-name.ts';
import { looksLikeStamp } from '../read/pdf/stamp.ts';
import { isUpperCase, sentenceCase, startsLowerCase } from './text-case.ts';

/** What the header says, before any inference. */
export interface Header {
  /** Upper-case lines naming the issuing organ ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"). */
  organLines: string[];
  /** Upper-case lines after the title naming the deciding authority ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"). */
  authorityLines: string[];
  hasNumberLine: boolean;
  number: string | null;
  /** Normalized code, kept when the number is blank ("/KH-UBND"). */
  numberCode: string | null;
  place: string | null;
  date: DocDate | null;
  /** Type named by an upper-case type line, in sentence case ("Kế hoạch"). */
  type: string | null;
  title: string | null;
  /** Whether the title came from a "V/v" line (a letter). */
  hasSubjectLine: boolean;
  hasAddressee: boolean;
  recipients: string[];
  /** Index (into the lines) of the first body line; 0 when there is no header. */
  bodyStart: number;
}

/** How far down the header may reach: organ block, motto, number, date, type, title, Kính gửi. */
const headerWindow = 60;
const maxTitleLines = 10;
const maxSubjectLines = 6;

/** Lines that begin a body paragraph; a "V/v" subject never continues into them. */
const bodyOpener = /^(Căn cứ|Thực hiện|Theo|Ngày \d|Trong|Để|Nhằm|Qua|Sau|Tiếp theo|Trả lời|Phúc đáp|Xét)\b/u;

/** Authority lines of a decision or resolution ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"). */
const authority = /^(uy ban nhan dan|ubnd|chu tich|bo truong|thu tuong|hoi dong nhan dan|giam doc|ban thuong vu|ban chap hanh)\b/;

/**
 * Read the header from the first lines.
 *
 * @param lines Non-empty lines of the normalized text.
 * @returns What the header gives; `bodyStart` is 0 when nothing was recognised.
 */
export function readHeader(lines: readonly Line[]): Header {
  const header: Header = {
    organLines: [],
    authorityLines: [],
    hasNumberLine: false,
    number: null,
    numberCode: null,
    place: null,
    date: null,
    type: null,
    title: null,
    hasSubjectLine: false,
    hasAddressee: false,
    recipients: [],
    bodyStart: 0,
  };
  const limit = Math.min(lines.length, headerWindow);
  let titled = false;
  let index = leadingStampEnd(lines);

  while (index < limit) {
    const text = lineText(lines, index);
    if (isSeparator(text) || isMotto(text)) {
      index++;
      continue;
    }
    // A motto split over lines by the crawl is never the organ.
    const mottoLines = mottoLineCount([0, 1, 2, 3].map((offset) => lineText(lines, index + offset)));
    if (mottoLines > 0) {
      index += mottoLines;
      continue;
    }
    if (isGarbledMotto(text)) {
      index++;
      continue;
    }

    if (!header.hasNumberLine) {
      // "Số:" alone, or "Số: 565" with its code on the next line ("/TB-UBND"): a column cut.
      const codeBelow = /^(?:Luật\s+số|Số)\s*:?\s*[\p{L}\d.-]+$/u.test(text) && /^\/\s*\S/u.test(lineText(lines, index + 1));
      const joined = isBareNumberLabel(text) || codeBelow ? `${text} ${lineText(lines, index + 1)}` : text;
      const numberLine = readNumberLine(joined);
      if (numberLine) {
        header.hasNumberLine = true;
        header.number = numberLine.number;
        header.numberCode = numberLine.code;
        // Columns run together: "Số: 12/KH-UBND Tây Ninh, ngày 11 tháng 4 năm 2024".
        const after = joined.replace(/^Số\s*:?\s*[\p{L}\d.\s-]*?\s*\/\s*[\p{L}\d.&/-]*[\p{L}\d]\s+/u, '');
        const placeDate = after !== joined ? readPlaceDate(after) : null;
        const date = placeDate ? parseIssueDate(placeDate.rest) : null;
        if (placeDate && date) {
          header.place = joinSpacedLetters(placeDate.place);
          header.date = date;
        }
        index += joined === text ? 1 : 2;
        continue;
      }
    }

    if (!header.date) {
      // The crawl may cut the place itself: "Thành phố Hồ" / "Chí Minh, ngày 19 tháng 11 …".
      const next = lineText(lines, index + 1);
      const placeCut =
        !readPlaceDate(text) && text.length <= 30 && /^[^\d,;:]+$/u.test(text) && !isUpperCase(text) && !isOrganLine(text);
      const joinedPlace = placeCut ? readPlaceDate(`${text} ${next}`) : null;
      const placeDate = joinedPlace ?? readPlaceDate(text);
      if (placeDate) {
        // The crawl may cut the date over lines: "Quảng Trị, ngày" / "25 tháng 11 năm 2025".
        let rest = placeDate.rest;
        let used = joinedPlace ? 2 : 1;
        while (!/năm\s*\d{4}/iu.test(rest) && used < 3 && index + used < lines.length) {
          rest += ` ${lineText(lines, index + used)}`;
          used++;
        }
        const date = parseIssueDate(rest);
        if (date) {
          header.place = joinSpacedLetters(placeDate.place);
          header.date = date;
          index += used;
          continue;
        }
      }
    }

    const subject = titled ? null : readSubject(text);
    if (subject !== null) {
      index = readSubjectLines(lines, index, subject, header);
      titled = true;
      continue;
    }

    const addressee = readAddressee(text);
    if (addressee !== null) {
      index = readRecipients(lines, index, addressee, header);
      header.hasAddressee = true;
      // Nothing but the body follows the addressee list.
      break;
    }

    // A type line may follow a "V/v" read first from the left cell of a header table.
    if ((!titled || (header.hasSubjectLine && !header.type)) && isUpperCase(text)) {
      const type = typeOfLine(text);
      if (type) {
        header.type = sentenceCase(type);
        index = header.hasSubjectLine ? index + 1 : readTitleLines(lines, index + 1, header);
        titled = true;
        continue;
      }
      if (!header.hasNumberLine && !header.date) {
        header.organLines.push(text);
        index++;
        continue;
      }
    }

    // A typed form may write its organ block and its type line in normal case.
    if (!titled && !isUpperCase(text) && index < 8 && !header.hasNumberLine && !header.date && isOrganLine(text)) {
      header.organLines.push(text);
      index++;
      continue;
    }
    if (!titled && !isUpperCase(text) && (header.hasNumberLine || header.date)) {
      const type = typeOfLine(text);
      if (type) {
        header.type = sentenceCase(type);
        index = readTitleLines(lines, index + 1, header);
        titled = true;
        continue;
      }
    }

    if (titled && isAuthority(text, header)) {
      header.authorityLines.push(text);
      index++;
      continue;
    }

    break;
  }

  const recognised = header.hasNumberLine || header.date !== null || titled || header.hasAddressee;
  header.bodyStart = recognised ? index : 0;
  if (!recognised) header.organLines = [];
  return header;
}

/** How many lines a text opens with that can be a digital-signature stamp. */
const stampWindow = 8;

/**
 * Where the header begins after a digital-signature stamp a PDF-to-text tool left at the top
 * ("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC / ttcbth@quangngai.gov.vn / 24.01.2025 20:01:14 / +07:00"):
 * just after the last line of the opening lines that is an e-mail, a signing time or a stamp
 * label, when those lines together read as a stamp (`looksLikeStamp`); else 0.
 */
function leadingStampEnd(lines: readonly Line[]): number {
  const texts = [...Array(Math.min(lines.length, stampWindow)).keys()].map((index) => lineText(lines, index));
  let last = -1;
  texts.forEach((text, index) => {
    if (/@|\d{1,2}:\d{2}|(?:Ký bởi|Người ký|Cơ quan|Thời gian ký|Ngày ký|E-?mail)\s*:/iu.test(text)) last = index;
  });
  if (last < 0) return 0;
  const block = texts.slice(0, last + 1);
  // An organ line, motto or number line inside the block: a real header, not a stamp.
  if (block.some((text) => isMotto(text) || readNumberLine(text) !== null || readPlaceDate(text) !== null)) return 0;
  return looksLikeStamp(block.join('\n')) ? last + 1 : 0;
}

/** Trích yếu after the type line: upper-case lines, or one line plus lower-case continuations. */
function readTitleLines(lines: readonly Line[], start: number, header: Header): number {
  const parts: string[] = [];
  let index = start;
  const first = lineText(lines, index);
  // A title may well start "Thực hiện …"; only "Căn cứ" never opens one.
  if (!first || isSeparator(first) || readAddressee(first) !== null || /^Căn cứ\b/u.test(first)) return index;

  if (isUpperCase(first)) {
    while (index < lines.length && parts.length < maxTitleLines) {
      const text = lineText(lines, index);
      if (!isUpperCase(text) || isSeparator(text) || isAuthority(text, header) || /^[IVXLC]+\.\s/u.test(text)) break;
      // A portal copy runs the authority line onto the title: "… (ĐỢT 1) BỘ TRƯỞNG BỘ Y TẾ".
      const split = takesAuthority(header.type) ? splitAuthority(text, header.organLines) : null;
      if (split) {
        parts.push(split.title);
        header.authorityLines.push(split.authority);
        index++;
        break;
      }
      parts.push(text);
      index++;
    }
    readTitleNumber(parts, header);
  } else {
    parts.push(first);
    index++;
    while (index < lines.length && parts.length < 3 && startsLowerCase(lineText(lines, index))) {
      parts.push(lineText(lines, index));
      index++;
    }
    // The authority line joined onto a normal-case trích yếu: "Về việc thành lập … tỉnh Lâm Đồng
    // CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG".
    const tail = trailingAuthority(parts[parts.length - 1] ?? '', header);
    if (tail) {
      parts[parts.length - 1] = tail.title;
      header.authorityLines.push(tail.authority);
    }
  }
  header.title = joinTitle(parts);
  return index;
}

/** The run of capitals ending a normal-case title line, when it is an authority line. */
function trailingAuthority(text: string, header: Header): { title: string; authority: string } | null {
  if (!takesAuthority(header.type)) return null;
  // Walk the words back from the end while they are in capitals (at least two). Word by word,
  // not one regex: a regex of nested "capitals, then a capital" runs backtracks exponentially
  // on a long line (a 4 KB Word paragraph took minutes).
  const words = text.split(/\s+/u);
  let first = words.length;
  while (first > 0 && /\p{Lu}/u.test(words[first - 1]!) && !/\p{Ll}/u.test(words[first - 1]!)) first--;
  if (words.length - first < 2) return null;
  const title = words.slice(0, first).join(' ').trim();
  const caps = words.slice(first).join(' ');
  if (!title || !/\p{Ll}/u.test(title)) return null;
  const folded = foldDiacritics(caps).toLowerCase();
  const holds =
    authority.test(folded) || /^(?:pho\s+)?(?:truong ban|tong giam doc|cuc truong|vien truong|chu nhiem)\b/.test(folded);
  return holds || namesHeaderAuthority(caps, header.organLines) ? { title, authority: caps } : null;
}

/** "V/v …" and the short lines it wraps over, up to the next header line. */
function readSubjectLines(lines: readonly Line[], start: number, first: string, header: Header): number {
  const parts = [first];
  let index = start + 1;
  while (index < lines.length && parts.length < maxSubjectLines) {
    const text = lineText(lines, index);
    const previous = parts[parts.length - 1] ?? '';
    if (
      text.length > 80 ||
      /[.;:]$/u.test(previous) ||
      isSeparator(text) ||
      isMotto(text) ||
      bodyOpener.test(text) ||
      readAddressee(text) !== null ||
      readPlaceDate(text) !== null ||
      readNumberLine(text) !== null ||
      typeOfLine(text) !== null
    ) {
      break;
    }
    parts.push(text);
    index++;
  }
  header.hasSubjectLine = true;
  header.title = joinTitle(parts);
  return index;
}

/** "Kính gửi:" and its list: items ("- …"), wrapped items, or one inline addressee. */
function readRecipients(lines: readonly Line[], start: number, inline: string, header: Header): number {
  const items: string[] = [];
  if (trimItem(inline)) items.push(inline);
  let index = start + 1;
  while (index < lines.length) {
    const text = lineText(lines, index);
    const item = readListItem(text);
    const previous = items[items.length - 1];
    if (item !== null) {
      items.push(item);
    } else if (previous !== undefined && !/[;.,:]$/u.test(previous) && startsLowerCase(text)) {
      items[items.length - 1] = `${previous} ${text}`;
    } else {
      break;
    }
    index++;
  }
  header.recipients = items.map(trimItem).filter(Boolean);
  return index;
}

function isAuthority(text: string, header: Header): boolean {
  if (!takesAuthority(header.type) || !isUpperCase(text)) return false;
  return authority.test(foldDiacritics(text).toLowerCase()) || namesHeaderAuthority(text, header.organLines);
}

/** Types whose body opens with the authority that enacts them. */
function takesAuthority(type: string | null): boolean {
  return type === 'Quyết định' || type === 'Nghị quyết' || type === 'Thông tư' || type === 'Nghị định' || type === 'Luật';
}

/**
 * A legal database's title, with no header above it: "CHỈ THỊ" / "CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG
 * SỐ 07/2008/CT-BTTTT" / "NGÀY 30 THÁNG 12 NĂM 2008" / "VỀ …", or "QUYẾT ĐỊNH SỐ 93/2007/QĐ-TTG
 * NGÀY 22/6/2007 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ …": the number, date and issuer stand in the title.
 */
function readTitleNumber(parts: string[], header: Header): void {
  if (parts.length === 0 || header.hasNumberLine) return;
  const joined = parts.join(' ').replace(/\s+/g, ' ');
  const match = TITLE_NUMBER.exec(joined);
  if (!match?.[2]) return;
  header.hasNumberLine = true;
  header.number = match[2];
  header.numberCode = match[2];
  if (match[3] && !header.date) header.date = parseIssueDate(match[3]);
  const issuer = (match[1] ?? match[4])?.trim();
  if (issuer && header.organLines.length === 0) header.authorityLines.push(issuer);
  parts.splice(0, parts.length, joined.slice(match[0].length).trim());
}

/** "[CỦA <organ>] SỐ <number> [NGÀY <date>] [CỦA <organ>]" opening a title; the rest is the trích yếu. */
const TITLE_NUMBER =
  /^(?:CỦA\s+(.+?)\s+)?SỐ\s*:?\s*(\d[\p{L}\d.&/-]*\/[\p{L}\d.&/-]*[\p{L}\d])\s*,?\s*(NGÀY\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|THÁNG\s*\d{1,2}\s*NĂM\s*\d{4}))?\s*(?:CỦA\s+(.+?)(?=\s+(?:VỀ|V\/V|BAN\s+HÀNH|QUY\s+ĐỊNH)(?![\p{L}])|$))?/u;

function joinTitle(parts: string[]): string | null {
  const title = parts.join(' ').replace(/\s+/g, ' ').trim();
  return title || null;
}

function lineText(lines: readonly Line[], index: number): string {
  return lines[index]?.text ?? '';
}
