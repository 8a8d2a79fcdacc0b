/**
 * The authority line of a decision or resolution ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
 * "BỘ TRƯỞNG BỘ Y TẾ", "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM"), which a portal copy runs onto
 * the end of the upper-case trích yếu: "… (ĐỢT 1) BỘ TRƯỞNG BỘ Y TẾ".
 *
 * The authority is a post (optional) and the issuing organ, so when the header named the organ
 * the tail must name that same organ — which keeps "… CỦA BỘ TRƯỞNG BỘ Y TẾ SỬA ĐỔI …" inside
 * the title. Without organ lines, only a short "post + organ" tail with no title words is taken.
 */
import { foldDiacritics } from '../../text/fold.ts';

/** Posts that hold the authority of an organ, folded. */
const POSTS = [
  'pho chu tich',
  'chu tich',
  'bo truong',
  'thu truong',
  'pho thu tuong',
  'thu tuong',
  'tong giam doc',
  'pho giam doc',
  'giam doc',
  'tong cuc truong',
  'cuc truong',
  'vu truong',
  'chanh van phong',
  'chu nhiem',
  'truong ban',
  'vien truong',
  'hieu truong',
  'chanh an',
  'tong kiem toan nha nuoc',
  'thong doc',
  'tong thanh tra',
  'chanh thanh tra',
];

/** First words of an organ name, folded (for the tail when the header named no organ). */
const ORGAN_HEAD =
  /^(?:uy ban|ubnd|hoi dong|hdnd|bo|so|cuc|tong cuc|vu|van phong|bao hiem|ngan hang|kiem toan|thanh tra|chinh phu|quoc hoi|ban|tinh uy|thanh uy|huyen uy|dang uy)\b/;

/** Words that belong to a trích yếu, never to an authority line. */
const TITLE_WORDS = /\b(?:cua|ve|so|ngay|nam|theo|tai|va cac|ban hanh|quy dinh|sua doi)\b/;

/** How many words an authority line may have. */
const maxWords = 14;

/**
 * Split an upper-case title line into the title and the authority line ending it.
 *
 * @param text An upper-case line after the type line.
 * @param organLines The header's organ lines, top to bottom (maybe none).
 * @returns Title and authority, or null when the line does not end with an authority.
 */
export function splitAuthority(text: string, organLines: readonly string[]): { title: string; authority: string } | null {
  const words = text.split(/\s+/).filter(Boolean);
  const keys = organKeys(organLines);
  for (let start = 1; start < words.length; start++) {
    if (words.length - start > maxWords) continue;
    const tail = words.slice(start);
    if (isAuthorityTail(tail, keys)) {
      return { title: words.slice(0, start).join(' '), authority: tail.join(' ') };
    }
  }
  return null;
}

/**
 * Whether a whole line is the authority of the organ the header named ("BỘ TRƯỞNG BỘ Y TẾ" under
 * "BỘ Y TẾ").
 *
 * @param text An upper-case line.
 * @param organLines The header's organ lines.
 */
export function namesHeaderAuthority(text: string, organLines: readonly string[]): boolean {
  const keys = organKeys(organLines);
  return keys.size > 0 && isAuthorityTail(text.split(/\s+/).filter(Boolean), keys);
}

function isAuthorityTail(tail: readonly string[], keys: ReadonlySet<string>): boolean {
  const folded = fold(tail.join(' '));
  const post = POSTS.find((candidate) => folded === candidate || folded.startsWith(`${candidate} `));
  const organ = post ? folded.slice(post.length).trim() : folded;
  if (!organ) return false;
  if (keys.size > 0) return keys.has(compact(organ));
  return post !== undefined && ORGAN_HEAD.test(organ) && !TITLE_WORDS.test(organ);
}

/**
 * The organ as the authority line may name it, letters only: every run of organ lines that ends
 * with the last ("uybannhandantinhlaichau", "sonoivu"), "UBND" written out.
 */
function organKeys(organLines: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (let from = 0; from < organLines.length; from++) {
    const key = compact(fold(organLines.slice(from).join(' ')));
    if (key) keys.add(key);
  }
  return keys;
}

function compact(folded: string): string {
  return folded
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\bhdnd\b/g, 'hoi dong nhan dan')
    .replace(/[^a-z]/g, '');
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
