/**
 * The coverage markup as strings: the "Triển khai" and "Văn bản liên quan" sections of a
 * document page and the entries of a /trien-khai/ page. Built here in plain TypeScript rather
 * than as Astro components because a build holds thousands of them (one section per document,
 * one row per document × issuer on several filtered pages): string building costs a few
 * microseconds a row where component rendering costs a hundred times more. The markup is the
 * one the components had (same elements, classes, `data-*` hooks and text), and each row of a
 * coverage page is built once and reused by every filtered page showing it.
 *
 * The components (`ImplementationSection.astro`, `RelatedDocuments.astro`,
 * `CoverageTable.astro`) insert these strings with `set:html`; everything is escaped here.
 */
import {
  IMPLEMENTATIONS_PER_CELL,
  timelineSvg,
  type CoverageCell,
  type CoverageIssuer,
  type CoverageEntry,
  type ImplementedDocument,
  type Implementation,
  type Related,
  type RelatedRef,
} from '../pipeline/coverage/index.ts';
import { coverageLevelLabel, formatDelay, formatIsoDate, tc, type CoverageKey } from '../i18n/coverage.ts';
import type { GraphNode } from '../pipeline/emit/graph-schema.ts';
import { documentHref, withBase } from './urls.ts';
import { stringifyEntities } from 'stringify-entities';

/** The characters escaped: what would end a text or a quoted attribute value. */
const ESCAPED = ['&', '<', '>', '"', "'"];

/**
 * Escape text for HTML content and attribute values (stringify-entities, the encoder
 * hast-util-to-html uses: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#x27;`).
 *
 * @param text Text.
 * @returns Escaped text.
 */
export function esc(text: string): string {
  // Most texts (labels, dates, slugs) need nothing: test before encoding.
  return NEEDS_ESCAPE.test(text) ? stringifyEntities(text, { subset: ESCAPED, useNamedReferences: true }) : text;
}

const NEEDS_ESCAPE = /[&<>"']/;

/** Escaped constant texts, by key (the same few dozen labels on every page). */
const labelCache = new Map<CoverageKey, string>();

/** An escaped label without placeholders. */
function label(key: CoverageKey): string {
  let text = labelCache.get(key);
  if (text === undefined) labelCache.set(key, (text = esc(tc(key))));
  return text;
}

/** The site's base path, asked once (it does not change within a build). */
let base: string | undefined;

/** The page of a document, escaped. */
function docHref(id: string): string {
  base ??= withBase('');
  return esc(`${base}van-ban/${id}/`);
}

/** ` title="…"` of a document link, or nothing. */
function titleAttr(text: string | null | undefined): string {
  return text ? ` title="${esc(text)}"` : '';
}

/** A link to a document page. */
function docLink(id: string, text: string, title?: string | null): string {
  return `<a href="${docHref(id)}"${titleAttr(title)}>${esc(text)}</a>`;
}

/**
 * Above this many implementations (a Chỉ thị every unit of 60 provinces implements), each
 * level lists its `LISTED_PER_LEVEL` earliest with a summary of its delays; the timeline
 * still draws them all and trien-khai.csv has every row.
 */
const LIST_ALL = 40;
const LISTED_PER_LEVEL = 10;

/** First, median and last exact delay of a level's implementations. */
function delaySummary(items: readonly Implementation[]): string {
  const days = items.flatMap((item) => (item.delay.kind === 'exact' ? [item.delay.days] : [])).sort((a, b) => a - b);
  if (days.length === 0) return '';
  return tc('section.summary', { first: days[0]!, median: days[Math.floor((days.length - 1) / 2)]!, last: days.at(-1)! });
}

/**
 * "Triển khai": the documents implementing this one by level of their issuer, each with its
 * date and delay; the timeline SVG; the issuers expected to implement it with none found.
 *
 * @param entry The implemented document, or null.
 * @returns Section markup, "" when nothing implements it.
 */
export function implementationSectionHtml(entry: ImplementedDocument | null): string {
  if (!entry) return '';
  const long = entry.implementations.length > LIST_ALL;
  const svg = timelineSvg(entry);
  const lead = entry.doc.date
    ? tc('section.lead', { count: entry.implementations.length, date: formatIsoDate(entry.doc.date.iso) })
    : tc('section.leadNoDate', { count: entry.implementations.length });
  const parts: string[] = [
    `<section class="panel implementation" aria-labelledby="trien-khai" data-implementation data-pagefind-ignore>`,
    `<h2 id="trien-khai">${label('section.title')}</h2><p>${esc(lead)}</p>`,
    svg ? `<figure class="timeline-figure" data-timeline>${svg}</figure>` : `<p class="count">${label('timeline.noDates')}</p>`,
  ];
  const head =
    `<thead><tr><th scope="col">${label('col.document')}</th><th scope="col">${label('col.issuer')}</th>` +
    `<th scope="col">${label('col.date')}</th><th scope="col">${label('col.delay')}</th></tr></thead>`;
  const stated = `<span class="count"> (${label('section.stated')})</span>`;
  const noIssuer = label('page.noIssuer');
  for (const group of entry.groups) {
    parts.push(`<h3 data-level="${group.level}">${esc(coverageLevelLabel(group.level))} (${group.items.length})</h3>`);
    if (long) parts.push(`<p class="coverage-note">${esc(delaySummary(group.items))}</p>`);
    parts.push(`<div class="table-wrap"><table class="implementation-table">${head}<tbody>`);
    for (const item of long ? group.items.slice(0, LISTED_PER_LEVEL) : group.items) {
      const source = item.source;
      parts.push(
        `<tr data-implementing="${esc(source.id)}"><th scope="row">` +
          docLink(source.id, source.label) +
          (item.stated ? stated : '') +
          `</th><td>${source.issuer ? esc(source.issuer) : noIssuer}</td><td>${esc(formatIsoDate(source.date?.iso))}</td>` +
          `<td data-delay>${esc(formatDelay(item.delay))}</td></tr>`,
      );
    }
    parts.push('</tbody></table></div>');
    if (long && group.items.length > LISTED_PER_LEVEL) {
      parts.push(
        `<p class="coverage-note">${esc(tc('section.more', { count: group.items.length - LISTED_PER_LEVEL }))} ` +
          `<a href="${esc(withBase('data/trien-khai.csv'))}">trien-khai.csv</a></p>`,
      );
    }
  }
  if (entry.missing.length > 0) {
    parts.push(
      `<p data-missing><strong>${label('section.missing')}</strong>${esc(entry.missing.map((issuer) => issuer.name).join('; '))} ` +
        `<span class="coverage-note">${esc(tc('section.missingNote', { issuer: entry.doc.issuer ?? '' }))}</span></p>`,
    );
  }
  parts.push(`<p class="no-print"><a href="${esc(withBase('trien-khai/'))}">${label('section.coverageLink')}</a></p></section>`);
  return parts.join('');
}

/** Shared documents listed per related document, rarest first. */
const SHARED_LISTED = 5;

/** Căn cứ listed per change (added, dropped) of another year's document; the rest are counted. */
const CHANGES_LISTED = 8;

/** Links to documents (no titles: these lists are long), separated by "; ", the first few. */
function refLinks(refs: readonly RelatedRef[]): string {
  const links = refs.slice(0, CHANGES_LISTED).map((ref) => docLink(ref.id, ref.label));
  if (refs.length > CHANGES_LISTED) links.push(esc(tc('page.moreDocs', { count: refs.length - CHANGES_LISTED })));
  return links.join('; ');
}

/**
 * "Văn bản liên quan": documents sharing the most (rare) cited documents, with the shared
 * ones; the same issuer's documents on the same subject in the nearest other years, with what
 * changed in their căn cứ.
 *
 * @param related Related documents, or null.
 * @param year This document's year, for the "năm trước" comparisons.
 * @returns Section markup, "" when there is nothing to show.
 */
export function relatedSectionHtml(related: Related | null, year: string | null): string {
  if (!related || (related.sharing.length === 0 && related.otherYears.length === 0)) return '';
  const parts: string[] = [
    `<section class="panel related" aria-labelledby="van-ban-lien-quan" data-related data-pagefind-ignore>`,
    `<h2 id="van-ban-lien-quan">${label('related.title')}</h2>`,
  ];
  if (related.otherYears.length > 0) {
    parts.push(`<h3>${label('related.yearsTitle')}</h3><ul class="plain-list" data-other-years>`);
    for (const other of related.otherYears) {
      const heading = other.earlier ? tc('related.earlier', { year: other.year }) : tc('related.later', { year: other.year });
      const change = tc('related.changeFrom', {
        from: other.earlier ? other.year : (year ?? ''),
        to: other.earlier ? (year ?? '') : other.year,
      });
      const unchanged = other.added.length === 0 && other.dropped.length === 0;
      parts.push(
        `<li data-other-year="${esc(other.year)}"><strong>${esc(heading)}:</strong> ${docLink(other.doc.id, other.doc.label)} ` +
          `<span class="count">(${esc(formatIsoDate(other.doc.date))})</span>` +
          `<div>${esc(change)} ${unchanged ? label('related.unchanged') : ''}</div>` +
          (other.added.length > 0 ? `<div data-added>${label('related.added')}${refLinks(other.added)}</div>` : '') +
          (other.dropped.length > 0 ? `<div data-dropped>${label('related.dropped')}${refLinks(other.dropped)}</div>` : '') +
          (other.kept > 0 && !unchanged ? `<div class="count">${esc(tc('related.kept', { count: other.kept }))}</div>` : '') +
          '</li>',
      );
    }
    parts.push('</ul>');
  }
  if (related.sharing.length > 0) {
    parts.push(`<p class="coverage-note">${label('related.sharingLead')}</p><ol data-sharing>`);
    for (const item of related.sharing) {
      const shared = item.shared
        .slice(0, SHARED_LISTED)
        .map((one) => `${docLink(one.doc.id, one.doc.label)} (${esc(tc('related.citers', { count: one.citers }))})`)
        .join('; ');
      const more =
        item.shared.length > SHARED_LISTED ? `; ${esc(tc('page.moreDocs', { count: item.shared.length - SHARED_LISTED }))}` : '';
      parts.push(
        `<li data-related-doc="${esc(item.doc.id)}">${docLink(item.doc.id, item.doc.label)} ` +
          `<span class="count">(${esc(tc('related.score', { score: item.score }))})</span>` +
          `<div>${label('related.shared')}${shared}${more}</div></li>`,
      );
    }
    parts.push('</ol>');
  }
  parts.push('</section>');
  return parts.join('');
}

/**
 * The "Văn bản liên quan" section of a document's page: the one function both the page
 * (`RelatedDocuments.astro`) and the page store (`src/utils/routing.ts`, which replaces it in a
 * stored page) make it with, so the two are the same bytes.
 *
 * @param node The document (its year, for the "năm trước" comparisons).
 * @param related Its related documents, or null.
 * @returns Section markup, "" when there is nothing to show.
 */
export function documentRelatedHtml(node: Pick<GraphNode, 'date'>, related: Related | null): string {
  return relatedSectionHtml(related, node.date?.iso.slice(0, 4) ?? null);
}

/** Row markup of a coverage cell, built once per cell and reused by every page showing it. */
const rowCache = new WeakMap<CoverageCell, string>();

/** Issuers named on a "chưa thấy" row of a document (the rest are counted). */
export const MISSING_LISTED = 8;

/** Links to an issuer's coverage page. */
function issuerLink(issuer: CoverageIssuer): string {
  return `<a href="${esc(withBase(`trien-khai/co-quan/${issuer.slug}/`))}">${esc(issuer.name)}</a>`;
}

/** The implementing documents (with their dates) and delays of a cell: two `<td>`. */
function implementationCells(implementations: readonly Implementation[]): string {
  const shown = implementations.slice(0, IMPLEMENTATIONS_PER_CELL);
  return (
    `<td>${shown.map((item) => `${docLink(item.source.id, item.source.label)} (${esc(formatIsoDate(item.source.date?.iso))})`).join('<br>')}` +
    (implementations.length > IMPLEMENTATIONS_PER_CELL
      ? `<br>${esc(tc('page.moreDocs', { count: implementations.length - IMPLEMENTATIONS_PER_CELL }))}`
      : '') +
    `</td><td>${shown.map((item) => esc(formatDelay(item.delay))).join('<br>')}</td>`
  );
}

/**
 * One row of a document on a coverage page: an issuer and its implementing documents, or
 * the issuers of one level with none found.
 *
 * @param cell The cell.
 * @returns `<tr>` markup.
 */
export function coverageRowHtml(cell: CoverageCell): string {
  let html = rowCache.get(cell);
  if (html !== undefined) return html;
  if (cell.implementations.length > 0) {
    html =
      `<tr data-level="${cell.level}" data-issuer="${esc(cell.issuer?.slug ?? '')}" data-state="co">` +
      `<th scope="row">${cell.issuer ? issuerLink(cell.issuer) : label('page.noIssuer')}</th>` +
      `<td>${esc(coverageLevelLabel(cell.level))}</td>${implementationCells(cell.implementations)}</tr>`;
  } else {
    const listed = cell.missing.slice(0, MISSING_LISTED);
    const more = cell.missing.length - listed.length;
    html =
      `<tr data-level="${cell.level}" data-issuer="${esc(listed.map((issuer) => issuer.slug).join(' '))}" data-state="chua">` +
      `<th scope="row">${listed.map(issuerLink).join('; ')}${more > 0 ? `; ${esc(tc('page.moreIssuers', { count: more }))}` : ''}</th>` +
      `<td>${esc(coverageLevelLabel(cell.level))}</td><td colspan="2" class="coverage-none">${label('page.none')}</td></tr>`;
  }
  rowCache.set(cell, html);
  return html;
}

/**
 * The entries of one /trien-khai/ page: per implemented document, its heading, a summary
 * line and its rows.
 *
 * @param entries The page's entries.
 * @returns Markup.
 */
export function coverageEntriesHtml(entries: readonly CoverageEntry[]): string {
  const head =
    `<thead><tr><th scope="col">${label('col.issuer')}</th><th scope="col">${label('page.jsFilter.level')}</th>` +
    `<th scope="col">${label('col.document')}</th><th scope="col">${label('col.delay')}</th></tr></thead>`;
  const parts: string[] = [];
  for (const entry of entries) {
    const doc = entry.doc;
    const id = esc(doc.id);
    const note = [
      doc.issuer ? tc('page.docIssuer', { issuer: doc.issuer }) : null,
      tc('page.docDate', { date: formatIsoDate(doc.date?.iso) }),
      tc('page.implemented', { count: entry.implemented }),
      entry.missing > 0 ? tc('page.missingCount', { count: entry.missing }) : null,
    ]
      .filter((part): part is string => part !== null)
      .join(' · ');
    parts.push(
      `<section class="coverage-entry" aria-labelledby="tk-${id}" data-coverage-doc="${id}" data-year="${esc(doc.year ?? '')}">` +
        `<h2 id="tk-${id}">${docLink(doc.id, doc.label, doc.subject)}</h2><p class="coverage-note">${esc(note)}</p>` +
        `<div class="table-wrap"><table class="coverage-table">${head}<tbody>${entry.cells.map(coverageRowHtml).join('')}</tbody></table></div>` +
        (entry.hidden > 0
          ? `<p class="count"><a href="${esc(documentHref(doc.id))}#trien-khai">${esc(tc('page.moreRows', { count: entry.hidden }))}</a></p>`
          : '') +
        '</section>',
    );
  }
  return parts.join('');
}

/**
 * An issuer's view: one table, a row per document it implemented (with its implementing
 * documents and delays) or is expected to and has not been seen to ("chưa thấy").
 *
 * @param entries The page's entries (each with that issuer's one cell).
 * @returns Markup.
 */
export function coverageIssuerHtml(entries: readonly CoverageEntry[]): string {
  const rows = entries.map((entry) => {
    const doc = entry.doc;
    const cell = entry.cells[0]!;
    const done = cell.implementations.length > 0;
    return (
      `<tr data-coverage-doc="${esc(doc.id)}" data-year="${esc(doc.year ?? '')}" data-level="${cell.level}" ` +
      `data-issuer="${esc(cell.issuer?.slug ?? '')}" data-state="${done ? 'co' : 'chua'}">` +
      `<th scope="row">${docLink(doc.id, doc.label, doc.subject)}</th><td>${esc(doc.issuer ?? tc('page.noIssuer'))}</td>` +
      `<td>${esc(formatIsoDate(doc.date?.iso))}</td>` +
      (done ? implementationCells(cell.implementations) : `<td colspan="2" class="coverage-none">${label('page.none')}</td>`) +
      '</tr>'
    );
  });
  return (
    `<div class="table-wrap"><table class="coverage-table" data-coverage-issuer-table><thead><tr>` +
    `<th scope="col">${label('page.col.implemented')}</th><th scope="col">${label('col.issuer')}</th>` +
    `<th scope="col">${label('col.date')}</th><th scope="col">${label('col.document')}</th>` +
    `<th scope="col">${label('col.delay')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}
