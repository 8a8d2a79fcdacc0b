/**
 * The body that signs "on behalf of" ("T/M BAN BÍ THƯ", "T/M BỘ CHÍNH TRỊ") as the issuer of a
 * Party document whose header names only the generic "BAN CHẤP HÀNH TRUNG ƯƠNG".
 *
 * Documents of the Bộ Chính trị and the Ban Bí thư carry the Central Committee's header, so the
 * header alone cannot tell them apart; the signature and the enacting clause ("Ban Bí thư Trung
 * ương Đảng quy định …") can. The name is taken as the text writes it of itself.
 */
import type { Signer } from '../../model.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { formatOrgan } from './organ-name.ts';

/** "T/M", "TM." before the represented body. */
const onBehalf = /^(?:T\/M|TM)\s*[.:]?\s+/u;

/** Verbs of an enacting clause or of a body speaking of itself. */
const enactingVerbs = 'quy định|quyết định|kết luận|chỉ thị|yêu cầu|thông báo|ban hành|đề nghị|giao';

/**
 * The issuer of a document whose header gives only the Central Committee but whose signature
 * represents another central body.
 *
 * @param headerIssuer The issuer read off the header.
 * @param signer The signature block, if any.
 * @param text The whole normalized text.
 * @returns The signing body ("Ban Bí thư Trung ương Đảng", "Bộ Chính trị"), or null to keep
 *   the header's issuer.
 */
export function signingBodyIssuer(headerIssuer: string | null, signer: Signer | null, text: string): string | null {
  if (!headerIssuer || fold(headerIssuer) !== 'ban chap hanh trung uong') return null;
  const position = signer?.position ?? '';
  const prefix = onBehalf.exec(position);
  if (!prefix) return null;
  const body = (position.slice(prefix[0].length).split(' – ')[0] ?? '').trim();
  if (!body || fold(body).startsWith('ban chap hanh')) return null;
  return selfNamed(body, text) ?? formatOrgan(body.split(/\s+/));
}

/**
 * How the text names `body` where it acts ("Ban Bí thư Trung ương Đảng quy định"), with the
 * "Trung ương Đảng" it adds, if any.
 */
function selfNamed(body: string, text: string): string | null {
  const words = body.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(
    `(?<![\\p{L}])(${words.join('\\s+')}(?:\\s+Trung\\s+ương(?:\\s+Đảng)?)?)\\s+(?:${enactingVerbs})(?![\\p{L}])`,
    'iu',
  );
  const match = pattern.exec(text);
  const written = match?.[1]?.replace(/\s+/g, ' ');
  // The clause must write the name as a name (capitalized), not quote the upper-case signature.
  return written && /^[\p{Lu}][\p{Ll}]/u.test(written) ? written : null;
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
