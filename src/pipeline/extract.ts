/**
 * `extract`: find every mention of another identifiable document in a plan's text.
 *
 * Pure: text in, mentions out (sorted by start). Grammar pieces live in `extract/`:
 * numbers (`number.ts`), named laws (`laws.ts`), short references (`short-refs.ts`), details
 * (`details.ts`), relations (`relations.ts`); drafts (`draft.ts`) and short-reference
 * resolution (`short-ref-drafts.ts`).
 */
import type { Mention } from '../model.ts';
import { NOT_DOCUMENT_BEFORE, TYPE_ALTERNATION } from './glossary.ts';
import { readDateAfter, readIssuerAfter, readIssuerBefore, readOpeningDate, readSubjectAfter } from './extract/details.ts';
import { matchLaws } from './extract/laws.ts';
import { matchDocumentNumbers, type NumberMatch } from './extract/number.ts';
import { numberKey } from '../text/number-key.ts';
import { clauseRelations, continuesList, relationAt, selfRelation, statedLink } from './extract/relations.ts';
import type { Draft } from './extract/draft.ts';
import { shortRefDrafts } from './extract/short-ref-drafts.ts';
import { specimenNumbers } from './extract/specimens.ts';
import { certificateDrafts } from './extract/certificates.ts';
import { leadingDigits } from './extract/short-refs.ts';

export { DOCUMENT_NUMBER_SOURCE, documentNumberPattern, matchDocumentNumbers } from './extract/number.ts';
export { numberKey } from '../text/number-key.ts';
export type { NumberMatch } from './extract/number.ts';

/** Settings of `extract`. */
export interface ExtractOptions {
  /** The text's own số ký hiệu: never a citation (header, "(Kèm theo Quyết định số …)"). */
  ownNumber?: string | null;
  /**
   * Other forms in which the text writes its own number, as written ("Số: 3210/QĐ - U B ND", the
   * caption of an attachment): each is read with the number grammar and never cited either.
   */
  ownNumbers?: readonly string[];
  /** The text's own issuer; reserved for resolving "của UBND tỉnh" (not used for matching yet). */
  ownIssuer?: string | null;
}

/** How far back a type word may sit from its number ("các Công văn của Bộ Tài chính số …"). */
const TYPE_REACH = 160;

/** Type words, global, for the last one before a number. */
const TYPE_ANYWHERE = new RegExp(`(?<![\\p{L}])(${TYPE_ALTERNATION})(?![\\p{L}])`, 'giu');

/** A type word (and "số") ending right where the number starts. */
const TYPE_ADJACENT = new RegExp(`(?:^|[^\\p{L}])(${TYPE_ALTERNATION})\\s+(?:số\\s*:?\\s*)?$`, 'iu');

/** Compressed list right before a number: "số 187, 188- KL/TW" → the bare "187". */
const LIST_BEFORE = /(?:^|[\s(])((?:\d{1,5}\s*,\s*){0,20}\d{1,5})(\s*(?:,|và)\s*)$/u;

/**
 * Find the mentions of other documents in `text`.
 *
 * @param text Normalized text of one plan.
 * @param options Own number (excluded) and issuer.
 * @returns Mentions sorted by start, with relations and links.
 */
export function extract(text: string, options: ExtractOptions = {}): Mention[] {
  const ownKeys = ownNumberKeys(options);
  const numbers = matchDocumentNumbers(text);
  const numbered = numberedDrafts(text, numbers);
  shareListDetails(text, numbered);
  const laws = lawDrafts(text, numbered);
  const certificates = certificateDrafts(text).filter(
    (draft) => !numbered.some((other) => other.start < draft.end && draft.start < other.end),
  );
  for (const certificate of certificates) readDetails(text, certificate, null);
  const full = withoutSpecimens(
    text,
    numbers,
    numbered.filter((draft) => !ownKeys.has(numberKey(draft.number ?? ''))),
  );
  if (certificates.length > 0) {
    full.push(...certificates);
    full.sort((a, b) => a.start - b.start);
  }
  const shortRefs = shortRefDrafts(text, full, numbered, options.ownNumber ?? null);
  const drafts = [...full, ...laws, ...shortRefs].sort((a, b) => a.start - b.start || b.end - a.end);
  return finish(text, drafts);
}

/**
 * Drop number fields and example numbers (`extract/specimens.ts`) unless the same number is
 * also cited in a real sentence of the text (then every mention of it counts).
 */
function withoutSpecimens(text: string, numbers: NumberMatch[], drafts: Draft[]): Draft[] {
  const specimens = specimenNumbers(text, numbers);
  if (specimens.size === 0) return drafts;
  const isSpecimen = (draft: Draft): boolean => specimens.has(numberStart(text, draft));
  const cited = new Set(drafts.filter((draft) => !isSpecimen(draft)).map((draft) => numberKey(draft.number ?? '')));
  return drafts.filter((draft) => !isSpecimen(draft) || cited.has(numberKey(draft.number ?? '')));
}

/** Keys of the text's own number in every form it is written, read as the extractor reads numbers. */
function ownNumberKeys(options: ExtractOptions): Set<string> {
  const keys = new Set<string>();
  for (const form of [options.ownNumber ?? '', ...(options.ownNumbers ?? [])]) {
    if (!form) continue;
    keys.add(numberKey(form));
    for (const found of matchDocumentNumbers(form)) keys.add(numberKey(found.number));
  }
  return keys;
}

/** Numbered mentions: type word (looked up backwards), compressed lists, details. */
function numberedDrafts(text: string, numbers: NumberMatch[]): Draft[] {
  const drafts: Draft[] = [];
  let previousEnd = 0;
  let previous: Draft | null = null;
  for (const found of numbers) {
    const windowStart = Math.max(previousEnd, found.start - TYPE_REACH);
    const before = text.slice(windowStart, found.start);
    if (NOT_DOCUMENT_BEFORE.test(before.slice(-30))) continue;
    let docType: string | null = null;
    let start = found.start;
    let typeStart = found.start;
    // Common case first: the type word right before the number ("Nghị định số 21/…").
    let gapIssuer: string | null = null;
    let lastType: RegExpExecArray | null = TYPE_ADJACENT.exec(before.slice(-40));
    if (lastType) {
      lastType.index += Math.max(0, before.length - 40) + (lastType[0].startsWith(lastType[1] ?? '') ? 0 : 1);
      lastType[0] = lastType[1] ?? '';
    } else {
      for (const match of before.matchAll(TYPE_ANYWHERE)) lastType = match;
    }
    if (lastType) {
      const gap = before.slice(lastType.index + lastType[0].length);
      if (!/[;]|[.!?]\s/u.test(gap)) {
        docType = (lastType[1] ?? '').replace(/\s+/g, ' ');
        typeStart = windowStart + lastType.index;
        if (/^\s+(?:số\s*:?\s*)?$/iu.test(gap) || gap === '') start = typeStart;
        else start = found.start - (/số\s*:?\s*$/iu.exec(before)?.[0].length ?? 0);
        // "các Công văn của Bộ Tài chính số 3910/…": the issuer sits between type and number.
        gapIssuer = /^\s+của\s+([\p{Lu}][^;,.]{1,80}?)\s+số\s*$/u.exec(gap)?.[1]?.replace(/\s+/g, ' ') ?? null;
      }
    }
    if (!docType && previous && /(?:số|,|và)\s*$/iu.test(before)) {
      const gap = text.slice(previous.end, found.start);
      if (gap.length < 300 && !/[;]|[.!?]\s/u.test(gap)) {
        docType = previous.docType;
        gapIssuer = previous.issuer;
      }
    }
    const list = LIST_BEFORE.exec(before);
    const suffix = found.number.slice(leadingDigits(found.number).length + (found.number.match(/^0+/)?.[0].length ?? 0));
    if (
      list?.[1] &&
      (lastType || /số\s*$/iu.test(before.slice(0, list.index + (list[0].length - list[1].length - (list[2]?.length ?? 0)))))
    ) {
      const listStart = windowStart + list.index + list[0].length - list[1].length - (list[2]?.length ?? 0);
      for (const item of list[1].matchAll(/\d{1,5}/g)) {
        const itemStart = listStart + item.index;
        drafts.push(
          blankDraft(
            itemStart === listStart && start < itemStart ? start : itemStart,
            itemStart + item[0].length,
            found.form,
            docType,
            item[0] + suffix,
          ),
        );
      }
      start = found.start;
    }
    const draft = blankDraft(start, found.end, found.form, docType, found.number);
    readDetails(text, draft, text.slice(Math.max(0, typeStart - 120), typeStart));
    // "Ngày 15/10/2025, Cơ quan … đã có văn bản số …": the sentence's opening date, if it has none.
    if (docType && !draft.date) draft.date = readOpeningDate(text.slice(Math.max(0, typeStart - 300), typeStart));
    draft.issuer ??= gapIssuer;
    drafts.push(draft);
    previous = draft;
    previousEnd = found.end;
  }
  return drafts;
}

/** A draft without details. */
function blankDraft(start: number, end: number, form: 'state' | 'party', docType: string | null, number: string): Draft {
  return {
    start,
    end,
    kind: form === 'party' ? 'party' : 'numbered',
    docType,
    number,
    name: null,
    date: null,
    issuer: null,
    subject: null,
    detailsEnd: end,
  };
}

/** Date, issuer (after, else before the type word) and subject of a draft. */
function readDetails(text: string, draft: Draft, before: string | null): void {
  let position = draft.end;
  const date = readDateAfter(text, position);
  if (date) position = date.end;
  const issuer = readIssuerAfter(text, position);
  if (issuer) position = issuer.end;
  if (!date && issuer) {
    const late = readDateAfter(text, position);
    if (late) {
      draft.date = late.value;
      position = late.end;
    }
  }
  draft.date ??= date?.value ?? null;
  draft.issuer = issuer?.value ?? (before === null ? null : readIssuerBefore(before.split(/[;.]\s/u).pop() ?? ''));
  draft.subject = readSubjectAfter(text, position);
  draft.detailsEnd = position;
}

/**
 * A shared "của …" (and date) after a list applies to every item:
 * "Chỉ thị số 31-CT/TU ngày …, Kế hoạch số 134-KH/TU ngày … của Ban Thường vụ Tỉnh ủy".
 */
function shareListDetails(text: string, drafts: Draft[]): void {
  for (let index = drafts.length - 2; index >= 0; index -= 1) {
    const draft = drafts[index];
    const next = drafts[index + 1];
    if (!draft || !next) continue;
    const gap = text.slice(draft.detailsEnd, next.start);
    if (!/^[\s,]*(?:và\s*)?$/u.test(gap)) continue;
    draft.issuer ??= next.issuer;
    // A compressed list item has no date of its own: it shares the list's.
    if (
      draft.detailsEnd === draft.end &&
      draft.end <= next.start &&
      /^[\s,]*(?:và\s*)?$/u.test(text.slice(draft.end, next.start)) &&
      /^\d+$/.test(text.slice(draft.start, draft.end).trim())
    ) {
      draft.date ??= next.date;
    }
  }
}

/** Named laws; a law followed by "số <number>" gives its name to that numbered mention. */
function lawDrafts(text: string, numbered: Draft[]): Draft[] {
  const byStart = new Map(numbered.map((draft) => [draft.number === null ? -1 : numberStart(text, draft), draft]));
  const drafts: Draft[] = [];
  for (const law of matchLaws(text)) {
    const after = /^\s+số\s+/iu.exec(text.slice(law.end, law.end + 12));
    const target = after ? byStart.get(law.end + after[0].length) : undefined;
    // "Luật sửa đổi … của Luật Xây dựng số 62/2020/QH14": the number is the enclosing amending
    // law's; the inner law is a mention of its own.
    if (target && target.start > law.start) {
      target.name = law.name;
      target.docType = law.head;
      target.start = Math.min(target.start, law.start);
      continue;
    }
    const draft: Draft = {
      start: law.start,
      end: law.end,
      kind: 'named-law',
      docType: law.head,
      number: null,
      name: law.name,
      date: null,
      issuer: null,
      subject: null,
      detailsEnd: law.end,
    };
    readDetails(text, draft, null);
    drafts.push(draft);
  }
  return drafts;
}

/** Offset where a numbered draft's number itself starts (its span may begin at the type word). */
function numberStart(text: string, draft: Draft): number {
  const span = text.slice(draft.start, draft.end);
  const digits = /\d[\d\s]*(?:\.\d+|[a-z]{1,3}|[A-Z])?[/\-–]/u.exec(span);
  return draft.start + (digits?.index ?? 0);
}

/** Turn drafts into mentions: relation from the lead phrase, links between neighbours. */
function finish(text: string, drafts: Draft[]): Mention[] {
  const clauses = clauseRelations(text);
  const mentions: Mention[] = drafts.map((draft) => ({
    start: draft.start,
    end: draft.end,
    text: text.slice(draft.start, draft.end),
    kind: draft.kind,
    docType: draft.docType,
    number: draft.number,
    name: draft.name,
    date: draft.date,
    issuer: draft.issuer,
    subject: draft.subject,
    relation: relationAt(clauses, draft.start),
    links: [],
  }));
  for (let index = 0; index + 1 < mentions.length; index += 1) {
    const mention = mentions[index];
    const next = mentions[index + 1];
    if (!mention || !next || next.start < mention.end) continue;
    const link = statedLink(text.slice(mention.end, next.start));
    // Passive ("… được sửa đổi, bổ sung bởi …"): the second mention acts on the first.
    if (link?.reverse) next.links.push({ relation: link.relation, target: index });
    else if (link) mention.links.push({ relation: link.relation, target: index + 1 });
  }
  // What the text itself does to what it mentions ("Quyết định này … thay thế Quyết định số …"),
  // shared along a list ("… thay thế các Quyết định số A; Quyết định số B").
  let previous: Mention | undefined;
  for (const mention of mentions) {
    const own = selfRelation(text, mention.start, mention.end, previous?.end ?? 0);
    const listed =
      previous?.self &&
      previous.links.length === 0 &&
      mention.start >= previous.end &&
      continuesList(text.slice(previous.end, mention.start))
        ? previous.self
        : null;
    const self = own ?? listed;
    if (self) mention.self = self;
    previous = mention;
  }
  return mentions;
}
