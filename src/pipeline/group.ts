/**
 * `groupCitations`: merge the mentions of one text into distinct cited documents.
 *
 * Identity follows the scorer: a folded number, or for a law without a number its folded
 * title (abbreviations expanded, "và", "năm YYYY" and punctuation dropped).
 */
import type { Citation, DocDate, Mention, Relation } from '../model.ts';
import { sameDocumentDates } from './resolve/cluster.ts';
import { referenceData } from '../reference/load.ts';
import { lawTitleKey } from '../text/compare.ts';
import { documentNumberKey, numberKey, numberYear } from '../text/number-key.ts';

/** Strength of the plan's relation, for "strongest wins". */
const RELATION_RANK: Readonly<Record<Relation, number>> = { 'can-cu': 3, 'thuc-hien': 2, 'dan-chieu': 1 };

/**
 * Identity of a named law (scorer's `name_key`): the same key resolution gives the law
 * (`lawTitleKey`, abbreviations from the reference data's table).
 *
 * @param name Title as written ("Luật Ngân sách Nhà nước", "Luật BHYT").
 */
export function lawNameKey(name: string): string {
  return 'L:' + lawTitleKey(name);
}

/** Identity of a mention, or null when it names nothing identifiable. */
export function mentionKey(mention: Pick<Mention, 'number' | 'name'>): string | null {
  if (mention.number) return 'N:' + numberKey(mention.number);
  if (mention.name) return lawNameKey(mention.name);
  return null;
}

/** The year a named law's mention ends with ("Luật Hải quan năm 2014" → "2014"), or null. */
function lawMentionYear(text: string): string | null {
  return /(?:^|\s)(?:năm\s+)?((?:19|20)\d{2})\s*$/u.exec(text)?.[1] ?? null;
}

/**
 * How a named law without a number joins the numbered citation of the same title: a law that
 * also appears with its number is that numbered law, unless the text names the title with
 * another year too ("Luật Hải quan số 29/2001/QH10" beside "Luật Hải quan năm 2014": two
 * versions). Then only a mention with the number's year joins it; the others are the
 * version the year names.
 *
 * @param mentions Mentions of one text.
 * @returns For a name key and its mention, the number key it joins, or undefined.
 */
function namedLawNumbers(mentions: readonly Mention[]): (key: string, mention: Mention) => string | undefined {
  const nameToNumber = new Map<string, { key: string; year: string | null }>();
  const yearsNamed = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (!mention.name) continue;
    const key = lawNameKey(mention.name);
    if (mention.number) {
      nameToNumber.set(key, { key: 'N:' + numberKey(mention.number), year: numberYear(numberKey(mention.number)) });
      continue;
    }
    const year = lawMentionYear(mention.text);
    if (year) yearsNamed.set(key, (yearsNamed.get(key) ?? new Set()).add(year));
  }
  return (key, mention) => {
    const numbered = nameToNumber.get(key);
    if (!numbered) return undefined;
    const otherYear = [...(yearsNamed.get(key) ?? [])].some((year) => year !== numbered.year);
    if (!otherYear) return numbered.key;
    return lawMentionYear(mention.text) === numbered.year ? numbered.key : undefined;
  };
}

/**
 * Group mentions into citations.
 *
 * @param mentions Mentions of one text (any order).
 * @returns One citation per distinct document, ordered by first mention.
 */
export function groupCitations(mentions: Mention[]): Citation[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups = new Map<string, Mention[]>();
  const joinNumber = namedLawNumbers(sorted);
  for (const mention of sorted) {
    let key = mentionKey(mention);
    if (key === null) continue;
    if (!mention.number && mention.name) key = joinNumber(key, mention) ?? key;
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  const inner = innerLawMentions(sorted);
  return [...groups]
    .flatMap(([key, group]) => splitByDate(key, group, inner).map((part) => merge(key, part, inner)))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * The mentions of one number that carries no year ("07/CT-UBND", "46-CT/TW"), or of one
 * law title without a number, split into the documents their dates tell apart. Such numbers
 * restart every year (or congress term), so one plan can cite Chỉ thị 07/CT-UBND of 2021 and
 * Chỉ thị 07/CT-UBND of 2024 side by side; titles are passed again ("Luật sửa đổi, bổ sung một
 * số điều của Luật Bảo hiểm y tế" of 2014 and of 2024); kept together, the two would become one document with both dates, and the plan
 * would lose its link to one of them. Dated mentions go together by the rule resolution
 * uses across texts (`sameDocumentDates`); an undated one (a back-reference) goes with the
 * nearest dated mention before it, or else with the first one.
 *
 * @param key The group's key (`mentionKey`).
 * @param group Its mentions, in text order.
 * @returns The parts, each in text order; the group itself when its dates agree.
 */
function splitByDate(key: string, group: Mention[], inner: ReadonlySet<Mention>): Mention[][] {
  if (key.startsWith('N:') && numberYear(key.slice(2)) !== null) return [group];
  const parts: { dates: DocDate[]; mentions: Mention[] }[] = [];
  const partOf = new Map<Mention, (typeof parts)[number]>();
  for (const mention of group) {
    const date = inner.has(mention) ? null : mention.date;
    if (!date) continue;
    let part = parts.find((candidate) => candidate.dates.some((known) => sameDocumentDates(known, date)));
    if (!part) parts.push((part = { dates: [], mentions: [] }));
    part.dates.push(date);
    partOf.set(mention, part);
  }
  if (parts.length <= 1) return [group];
  let current = parts[0]!;
  for (const mention of group) {
    current = partOf.get(mention) ?? current;
    current.mentions.push(mention);
  }
  return parts.map((part) => part.mentions);
}

/**
 * Named laws inside another mention's span: the inner law of an amending law ("Luật sửa đổi,
 * bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014"). The date after the
 * span is the amending law's, never the inner one's.
 */
function innerLawMentions(sorted: readonly Mention[]): Set<Mention> {
  const inner = new Set<Mention>();
  const byStart = [...sorted].sort((a, b) => a.start - b.start || b.end - a.end);
  let enclosingEnd = -1;
  let enclosingStart = -1;
  for (const mention of byStart) {
    if (mention.kind === 'named-law' && mention.start > enclosingStart && mention.end <= enclosingEnd) inner.add(mention);
    if (mention.end > enclosingEnd) {
      enclosingEnd = mention.end;
      enclosingStart = mention.start;
    }
  }
  return inner;
}

/** Merge the mentions of one document. */
function merge(key: string, group: Mention[], inner: ReadonlySet<Mention>): Citation {
  const full = group.filter((mention) => mention.kind !== 'short-ref');
  const primary = full.length > 0 ? full : group;
  const dates: DocDate[] = [];
  for (const mention of group) {
    if (inner.has(mention)) continue;
    if (mention.date && !dates.some((date) => date.iso === mention.date?.iso)) dates.push(mention.date);
  }
  const relations = [...new Set(group.map((mention) => mention.relation))].sort((a, b) => RELATION_RANK[b] - RELATION_RANK[a]);
  return {
    key,
    docType: displayType(primary.find((mention) => mention.docType)?.docType ?? null),
    number: fullestNumber(primary),
    name: primary.find((mention) => mention.name)?.name ?? referenceTitle(primary),
    date: dates.find((date) => !date.partial) ?? dates[0] ?? null,
    dates,
    issuer: group.find((mention) => mention.issuer)?.issuer ?? null,
    subject: group.find((mention) => mention.subject)?.subject ?? null,
    relation: relations[0] ?? 'dan-chieu',
    relations,
    mentions: group,
  };
}

/**
 * The reference data's title of a legislative act cited by number only ("Pháp lệnh số
 * 04/2012/UBTVQH13 sửa đổi, bổ sung …" names the act by its number): its node is named.
 */
function referenceTitle(group: readonly Mention[]): string | null {
  const law = group.find((mention) => mention.number && mention.docType && LAW_KINDS.test(mention.docType));
  if (!law?.number) return null;
  return referenceData().byNumber.get(documentNumberKey(law.number))?.title ?? null;
}

/** Type words of legislative acts. */
const LAW_KINDS = /^(?:hiến pháp|bộ luật|luật|pháp lệnh)$/iu;

/** Number as written at the fullest mention: mixed case wins over an upper-case title form. */
function fullestNumber(group: Mention[]): string | null {
  const numbers = group.map((mention) => mention.number).filter((number): number is string => Boolean(number));
  const mixed = numbers.find((number) => /[a-zđ]/.test(number));
  return mixed ?? numbers[0] ?? null;
}

/**
 * The type as a name: a type written in running text ("đã có văn bản số …", "công văn số …")
 * starts lower case, but it names the same kind as "Văn bản", so its first letter is raised.
 */
function displayType(type: string | null): string | null {
  if (!type) return null;
  return type.charAt(0).toLocaleUpperCase('vi') + type.slice(1);
}
