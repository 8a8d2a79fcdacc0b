/**
 * Occurrences: each plan's header and each (plan, citation) pair, with its identity and
 * what it states. Resolution groups occurrences into documents.
 */
import type { Citation, DocumentId, Mention, ParsedPlan } from '../../model.ts';
import type { ClusterItem } from './cluster.ts';
import { sentenceCaseType } from './doc-type.ts';
import { lawTitleKey, nameKey } from '../../text/compare.ts';
import { numberKey } from '../../text/number-key.ts';
import { congressTerm } from './fold.ts';
import { identify, isFullNumber, planPlaces, type Identity } from './identity.ts';
import { lawVersion, statedYear } from './law-version.ts';
import type { FactSource } from './merge.ts';
import type { ResolveInput } from './types.ts';

/** One occurrence of a document. */
export interface Occurrence extends ClusterItem {
  identity: Identity;
  source: FactSource;
  /** The plan itself when this occurrence is a plan's header. */
  plan: ParsedPlan | null;
  /** The citing plan, for a citation. */
  citingPlan: DocumentId | null;
  /** Mentions of the citing plan resolving here. */
  mentions: Mention[];
}

/**
 * Build every occurrence of the corpus, in plan id then text order.
 *
 * @param inputs Plans sorted by id, with their citations.
 * @returns Occurrences.
 */
export function collectOccurrences(inputs: readonly ResolveInput[]): Occurrence[] {
  const lawNumbers = collectLawNumbers(inputs);
  const occurrences: Occurrence[] = [];

  for (const { plan, citations } of inputs) {
    const places = planPlaces(plan.meta);
    const own = identify({ number: plan.meta.number, name: null, issuer: plan.meta.issuer }, places, lawNumbers);
    occurrences.push({
      identity: own ?? { key: `P:${plan.meta.id}`, byDate: false, locality: null, issuer: plan.meta.issuer, unknownPlace: false },
      source: {
        authoritative: true,
        types: [sentenceCaseType(plan.meta.type)],
        numbers: [plan.meta.number?.replace(/\s+/g, '') ?? null],
        name: null,
        date: plan.meta.date,
        dates: plan.meta.date ? [plan.meta.date] : [],
        issuer: plan.meta.issuer,
        subject: plan.meta.title,
      },
      plan,
      citingPlan: null,
      mentions: [],
      date: plan.meta.date,
      term: null,
      isPlan: true,
    });

    const ordered = [...citations].sort((a, b) => firstStart(a) - firstStart(b));
    for (const citation of ordered) {
      // A short back-reference ("Thông tư số 124") left on its own joins the full number
      // it abbreviates in the same text, when exactly one matches.
      const full = citation.number && !isFullNumber(numberKey(citation.number)) ? expandShort(citation, ordered) : citation;
      const version = full && !full.number && full.name ? lawVersion(full.name, statedYear(full), plan.meta.date) : undefined;
      const identity = full
        ? identify({ number: full.number, name: full.name, issuer: full.issuer, lawVersion: version }, places, lawNumbers)
        : null;
      // Mentions left unidentified are reported by `resolveCorpus` with their anchors.
      if (!identity) continue;
      // Only full numbers vote for the number shown; a short "124" never wins.
      const numbers = [...citation.mentions.map((m) => m.number), citation.number, full?.number ?? null]
        .filter((number): number is string => number !== null && isFullNumber(numberKey(number)))
        .map((number) => number.replace(/\s+/g, ''));
      occurrences.push({
        identity,
        source: {
          authoritative: false,
          types: (citation.mentions.length > 0
            ? citation.mentions.map((m) => m.docType ?? citation.docType)
            : [citation.docType]
          ).map(sentenceCaseType),
          numbers,
          name: citation.name,
          date: citation.date,
          dates: citation.dates,
          issuer: identity.issuer,
          subject: citation.subject,
        },
        plan: null,
        citingPlan: plan.meta.id,
        mentions: citation.mentions,
        date: citation.date,
        term: congressTerm(citation.issuer),
        isPlan: false,
      });
    }
  }
  return occurrences;
}

/**
 * Folded law name → key of its number, from citations that give both
 * ("Luật Quốc phòng số 22/2018/QH14"), so the name alone resolves to the same node.
 *
 * @param inputs All plans.
 * @returns The map.
 */
function collectLawNumbers(inputs: readonly ResolveInput[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { plan, citations } of inputs) {
    const places = planPlaces(plan.meta);
    for (const citation of citations) {
      if (!citation.name || !citation.number) continue;
      const identity = identify({ number: citation.number, name: null, issuer: citation.issuer }, places, new Map());
      const name = lawTitleKey(citation.name);
      if (identity && !map.has(name)) map.set(name, identity.key);
    }
  }
  return map;
}

/**
 * The citation a short number abbreviates in the same text: the only one whose number
 * starts with it and whose type word (when both are given) is the same.
 *
 * @param short Citation with a bare number ("124").
 * @param citations All citations of the text.
 * @returns The full citation, or null when none or several match.
 */
function expandShort(short: Citation, citations: readonly Citation[]): Citation | null {
  const prefix = `${numberKey(short.number ?? '')}/`;
  const type = short.docType ? nameKey(short.docType) : null;
  const matches = citations.filter(
    (candidate) =>
      candidate !== short &&
      candidate.number !== null &&
      numberKey(candidate.number).startsWith(prefix) &&
      (!type || !candidate.docType || nameKey(candidate.docType) === type),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

function firstStart(citation: Citation): number {
  return Math.min(...citation.mentions.map((mention) => mention.start), Number.MAX_SAFE_INTEGER);
}
