/**
 * Certificates numbered by digits only: "Giấy chứng nhận đầu tư số 20221000015",
 * "Giấy chứng nhận đăng ký doanh nghiệp số 0301234567". A registration office numbers them by
 * a long digit serial, with no code after it, so the số ký hiệu grammar (`number.ts`) never
 * reads them; named by "Giấy chứng nhận … số" they are documents all the same (the files
 * corpus lists them).
 */
import type { Draft } from './draft.ts';

/**
 * The certificate's kind, "số", and a serial of 6 to 13 digits not continued by a code, a
 * date or a decimal part.
 */
const CERTIFICATE =
  /(?<![\p{L}])(Giấy\s+chứng\s+nhận(?:\s+(?:đầu\s+tư|đăng\s+ký\s+(?:đầu\s+tư|kinh\s+doanh|doanh\s+nghiệp|hoạt\s+động)))?)\s+số\s*:?\s*(\d{6,13})(?![\p{L}\d]|\s?[/\-–.]\s?[\p{L}\d])/giu;

/**
 * Certificates cited in `text`, as numbered drafts (no details: the caller reads them).
 *
 * @param text Normalized text.
 */
export function certificateDrafts(text: string): Draft[] {
  const drafts: Draft[] = [];
  for (const match of text.matchAll(CERTIFICATE)) {
    const kind = (match[1] ?? '').replace(/\s+/g, ' ');
    const docType = kind.charAt(0).toUpperCase() + kind.slice(1);
    drafts.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: 'numbered',
      docType,
      number: match[2] ?? '',
      name: null,
      date: null,
      issuer: null,
      subject: null,
      detailsEnd: match.index + match[0].length,
    });
  }
  return drafts;
}
