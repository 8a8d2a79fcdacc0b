/**
 * Short references ("Quy định 377", "Chỉ thị số 45", "Nghị quyết 347") turned into drafts:
 * each points to the nearest full mention with the same type and leading number.
 */
import { NOUN_ONLY_TYPES } from '../glossary.ts';
import type { Draft } from './draft.ts';
import { leadingDigits, looksLikeYear, matchShortRefs, typeKey } from './short-refs.ts';

/**
 * Short references: resolved to the nearest full mention with the same type and leading
 * number (preceding first); unresolved ones are kept as bare numbers ("Đề án 06").
 */
export function shortRefDrafts(text: string, full: Draft[], all: Draft[], ownNumber: string | null): Draft[] {
  const drafts: Draft[] = [];
  const ownDigits = ownNumber ? leadingDigits(ownNumber) : null;
  // Indexes keep this linear: full mentions by leading number, spans sorted by start.
  const byDigits = new Map<string, Draft[]>();
  for (const draft of full) {
    if (draft.kind === 'named-law' || draft.number === null) continue;
    const digits = leadingDigits(draft.number);
    const list = byDigits.get(digits);
    if (list) list.push(draft);
    else byDigits.set(digits, [draft]);
  }
  const spans = all.map((draft) => [draft.start, draft.end] as const).sort((a, b) => a[0] - b[0]);
  // Bare numbers written inside the name of a body ("Ban Chỉ đạo … chuyển đổi số và Đề án 06"),
  // and those written on their own somewhere: a bare number only ever named inside a body's
  // name is part of that name, not a citation.
  const inOrganNames = new Set<string>();
  const freeStanding = new Set<string>();
  for (const ref of matchShortRefs(text)) {
    if (overlaps(spans, ref.start, ref.end)) continue;
    const digits = ref.digits.replace(/^0+(?=\d)/, '');
    const target = nearestSameType(byDigits.get(digits) ?? [], ref.start, typeKey(ref.docType));
    let number: string;
    if (target?.number) {
      number = target.number;
    } else {
      // Lower case is prose ("kế hoạch 10 điểm", "giới thiệu quy hoạch 02 trong 03 chức danh"),
      // except a zero-padded number right after a type that is only a noun ("đề án 06"): a
      // verb-like type ("quy hoạch", "báo cáo") takes padded counts as objects, a noun does not.
      const lowerOk = /^0\d/.test(ref.digits) && NOUN_ONLY_TYPES.test(ref.docType);
      if ((!lowerOk && !/^[\p{Lu}]/u.test(ref.docType)) || ref.digits.length < 2 || looksLikeYear(ref.digits)) continue;
      if (ownDigits === digits) continue;
      if (/^(?:Luật|Bộ luật|Pháp lệnh)/iu.test(ref.docType)) continue;
      number = ref.digits;
      if (insideOrganName(text, ref.start)) inOrganNames.add(bareKey(ref.docType, digits));
      else freeStanding.add(bareKey(ref.docType, digits));
    }
    drafts.push({
      start: ref.start,
      end: ref.end,
      kind: 'short-ref',
      docType: ref.docType,
      number,
      name: null,
      date: null,
      issuer: null,
      subject: null,
      detailsEnd: ref.end,
    });
  }
  return drafts.filter((draft) => {
    if (draft.number === null || !/^\d+$/u.test(draft.number)) return true;
    const key = bareKey(draft.docType ?? '', draft.number.replace(/^0+(?=\d)/, ''));
    return !inOrganNames.has(key) || freeStanding.has(key);
  });
}

function bareKey(docType: string, digits: string): string {
  return `${cachedTypeKey(docType)} ${digits}`;
}

/**
 * A body whose name lists its remit ("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới
 * sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng"), the short reference being the last item
 * after "và" or a comma. The nearest such head before it; no sentence or clause break, digit or
 * predicate in between.
 */
const ORGAN_WITH_REMIT =
  /^[\s\S]*(?:^|[^\p{L}])(?:ban\s+chỉ\s+đạo|tổ\s+công\s+tác|tổ\s+giúp\s+việc|hội\s+đồng|ủy\s+ban|uỷ\s+ban)(?![\p{L}])([^.;:()\d]{0,200})$/iu;
const PREDICATE = /(?:^|[^\p{L}])(?:đã|sẽ|đang|được|ban\s+hành|thực\s+hiện|báo\s+cáo|giao|yêu\s+cầu|theo)(?![\p{L}])/iu;

function insideOrganName(text: string, start: number): boolean {
  const gap = ORGAN_WITH_REMIT.exec(text.slice(Math.max(0, start - 220), start))?.[1];
  return gap !== undefined && /(?:,|(?:^|\s)và)\s+$/iu.test(gap) && !PREDICATE.test(gap);
}

/** Folded type keys, memoized: a long text repeats a handful of type words thousands of times. */
const TYPE_KEYS = new Map<string, string>();

/** `typeKey`, memoized. */
function cachedTypeKey(docType: string): string {
  let key = TYPE_KEYS.get(docType);
  if (key === undefined) {
    key = typeKey(docType);
    if (TYPE_KEYS.size < 1_000) TYPE_KEYS.set(docType, key);
  }
  return key;
}

/**
 * The full mention a short reference points to: the nearest preceding one of the same type
 * (or untyped), else the first following one. `drafts` is sorted by start; the scan starts at a
 * binary-searched position, so a long text with many same-number mentions stays linear.
 */
function nearestSameType(drafts: readonly Draft[], start: number, type: string): Draft | undefined {
  const fits = (draft: Draft): boolean => draft.docType === null || cachedTypeKey(draft.docType) === type;
  let low = 0;
  let high = drafts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((drafts[middle]?.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  for (let index = low - 1; index >= 0; index -= 1) {
    const draft = drafts[index];
    if (draft && fits(draft)) return draft;
  }
  for (let index = low; index < drafts.length; index += 1) {
    const draft = drafts[index];
    if (draft && fits(draft)) return draft;
  }
  return undefined;
}

/** Whether [start, end) overlaps a span of `spans` (sorted by start; spans are short). */
function overlaps(spans: readonly (readonly [number, number])[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.[0] ?? 0) < end) low = middle + 1;
    else high = middle;
  }
  // Spans starting before `end`: only the last few can reach past `start`.
  for (let index = low - 1; index >= 0 && index >= low - 8; index -= 1) {
    const span = spans[index];
    if (span && span[1] > start) return true;
  }
  return false;
}
