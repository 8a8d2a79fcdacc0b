/**
 * The pages of /trien-khai/: the most implemented documents × the issuers of the corpus, in
 * long form (a row per document and issuer: its implementing documents and their delays, or
 * "chưa thấy văn bản triển khai"), paged, and filtered by the implementing issuer's level, the
 * implemented document's year or one issuer. Every filter is a static page of its own, so the
 * views work without JavaScript and each stays small at 60 provinces × hundreds of documents:
 * `perPage` documents a page, at most `cellsPerEntry` issuers a document outside an issuer's
 * own view and `IMPLEMENTATIONS_PER_CELL` documents a cell (the rest is on the document's page).
 */
import {
  compareIssuers,
  compareText,
  type Coverage,
  type CoverageDoc,
  type CoverageIssuer,
  type ImplementedDocument,
  type Implementation,
} from './coverage.ts';
import { delaySortKey } from './dates.ts';
import { compareLevels, type CoverageLevel } from './levels.ts';

/** One document × issuer cell: its implementations, none for "chưa thấy văn bản triển khai". */
export interface CoverageCell {
  /** Null for implementations whose issuer is unknown. */
  issuer: CoverageIssuer | null;
  level: CoverageLevel;
  implementations: Implementation[];
}

/** One implemented document on a coverage page. */
export interface CoverageEntry {
  doc: CoverageDoc;
  cells: CoverageCell[];
  /** Cells left out of this page (see the document's page). */
  hidden: number;
  /** Issuers that implemented it, and expected issuers that did not, in this view. */
  implemented: number;
  missing: number;
}

/** A filter of the coverage pages. */
export type CoverageFilter =
  | { kind: 'all' }
  | { kind: 'level'; level: CoverageLevel }
  | { kind: 'year'; year: string }
  | { kind: 'issuer'; issuer: CoverageIssuer };

/** One static page of the coverage views. */
export interface CoverageView {
  filter: CoverageFilter;
  /** Path under /trien-khai/, "" for the first unfiltered page, else ending in "/". */
  path: string;
  /** From 1. */
  page: number;
  pages: number;
  entries: CoverageEntry[];
  /** Documents in the whole filtered list. */
  total: number;
}

/** Documents a page. */
const PER_PAGE = 25;
/** Issuers shown per document outside an issuer's own view. */
const CELLS_PER_ENTRY = 12;
/** Implementations shown per cell (earliest first; the rest are counted). */
export const IMPLEMENTATIONS_PER_CELL = 3;

/** Options of `coverageViews`. */
export interface CoverageViewOptions {
  /** Documents a page (default `PER_PAGE`). */
  perPage?: number;
  /** Issuers shown per document outside an issuer's view (default `CELLS_PER_ENTRY`). */
  cellsPerEntry?: number;
}

/**
 * The path of a filter's first page, under /trien-khai/.
 *
 * @param filter A filter.
 * @returns "", "cap/ubnd-tinh/", "nam/2024/", "co-quan/<slug>/".
 */
export function filterPath(filter: CoverageFilter): string {
  switch (filter.kind) {
    case 'all':
      return '';
    case 'level':
      return `cap/${filter.level}/`;
    case 'year':
      return `nam/${filter.year}/`;
    case 'issuer':
      return `co-quan/${filter.issuer.slug}/`;
  }
}

/**
 * The path of one page of a filter.
 *
 * @param filter A filter.
 * @param page Page number, from 1.
 * @returns Path under /trien-khai/.
 */
export function pagePath(filter: CoverageFilter, page: number): string {
  return page <= 1 ? filterPath(filter) : `${filterPath(filter)}trang/${page}/`;
}

/**
 * The cells of an implemented document: implementing issuers (earliest first within a
 * level), then the missing ones.
 *
 * @param entry An implemented document.
 * @param issuers Issuers by key.
 * @returns Cells, by level.
 */
function documentCells(entry: ImplementedDocument, issuers: ReadonlyMap<string, CoverageIssuer>): CoverageCell[] {
  const cells: CoverageCell[] = [];
  const byIssuer = new Map<string, CoverageCell>();
  for (const item of entry.implementations) {
    const issuer = item.source.issuerKey ? issuers.get(item.source.issuerKey) : undefined;
    if (!issuer) {
      cells.push({ issuer: null, level: item.source.level, implementations: [item] });
      continue;
    }
    const cell = byIssuer.get(issuer.key);
    if (cell) cell.implementations.push(item);
    else {
      const created: CoverageCell = { issuer, level: issuer.level, implementations: [item] };
      byIssuer.set(issuer.key, created);
      cells.push(created);
    }
  }
  const first = (cell: CoverageCell): number => Math.min(...cell.implementations.map((item) => delaySortKey(item.delay)));
  cells.sort(
    (a, b) =>
      compareLevels(a.level, b.level) ||
      first(a) - first(b) ||
      compareText(a.issuer?.name ?? '\uffff', b.issuer?.name ?? '\uffff') ||
      compareText(a.implementations[0]!.source.id, b.implementations[0]!.source.id),
  );
  const missing = entry.missing.map((issuer): CoverageCell => ({ issuer, level: issuer.level, implementations: [] }));
  return [...cells, ...missing.sort((a, b) => compareIssuers(a.issuer!, b.issuer!))];
}

/** Whether a cell belongs to a filtered view. */
function keeps(filter: CoverageFilter, cell: CoverageCell): boolean {
  if (filter.kind === 'level') return cell.level === filter.level;
  if (filter.kind === 'issuer') return cell.issuer?.key === filter.issuer.key;
  return true;
}

/**
 * Every filter of a coverage: all, each level, each year, each issuer.
 *
 * @param coverage The coverage.
 * @returns Filters in page order.
 */
function coverageFilters(coverage: Coverage): CoverageFilter[] {
  return [
    { kind: 'all' },
    ...coverage.levels.map((level): CoverageFilter => ({ kind: 'level', level })),
    ...coverage.years.map((year): CoverageFilter => ({ kind: 'year', year })),
    ...coverage.issuers.map((issuer): CoverageFilter => ({ kind: 'issuer', issuer })),
  ];
}

/** Cells of every implemented document, computed once per coverage. */
const cellCache = new WeakMap<Coverage, CoverageCell[][]>();

/**
 * The cells of every implemented document, in `coverage.documents` order.
 *
 * @param coverage The coverage.
 * @returns Cells per document.
 */
function allCells(coverage: Coverage): CoverageCell[][] {
  let cells = cellCache.get(coverage);
  if (!cells) {
    const issuers = new Map(coverage.issuers.map((issuer) => [issuer.key, issuer]));
    cells = coverage.documents.map((entry) => documentCells(entry, issuers));
    cellCache.set(coverage, cells);
  }
  return cells;
}

/**
 * The pages of one filter.
 *
 * @param coverage The coverage.
 * @param filter The filter.
 * @param options Page sizes.
 * @returns Its pages (one empty page when nothing matches).
 */
export function filterViews(coverage: Coverage, filter: CoverageFilter, options: CoverageViewOptions = {}): CoverageView[] {
  const cells = allCells(coverage);
  const candidates = coverage.documents.map((_, index) => index);
  return paginate(filter, entriesOf(coverage, cells, candidates, filter, options), options);
}

/** The entries of a filter among some documents (indexes into `coverage.documents`). */
function entriesOf(
  coverage: Coverage,
  cells: readonly CoverageCell[][],
  indexes: readonly number[],
  filter: CoverageFilter,
  options: CoverageViewOptions,
): CoverageEntry[] {
  const cap = filter.kind === 'issuer' ? Number.POSITIVE_INFINITY : (options.cellsPerEntry ?? CELLS_PER_ENTRY);
  const entries: CoverageEntry[] = [];
  for (const index of indexes) {
    const entry = coverage.documents[index]!;
    if (filter.kind === 'year' && entry.doc.year !== filter.year) continue;
    const kept = cells[index]!.filter((cell) => keeps(filter, cell));
    if (kept.length === 0) continue;
    const missing = kept.filter((cell) => cell.implementations.length === 0).length;
    entries.push({
      doc: entry.doc,
      cells: kept.slice(0, cap),
      hidden: Math.max(0, kept.length - cap),
      implemented: kept.length - missing,
      missing,
    });
  }
  return entries;
}

/** Split a filter's entries into pages. */
function paginate(filter: CoverageFilter, entries: CoverageEntry[], options: CoverageViewOptions): CoverageView[] {
  // An issuer's entries hold one row each: four times as many fit a page of the same weight.
  const perPage = options.perPage ?? (filter.kind === 'issuer' ? PER_PAGE * 4 : PER_PAGE);
  const pages = Math.max(1, Math.ceil(entries.length / perPage));
  return Array.from({ length: pages }, (_, index) => ({
    filter,
    path: pagePath(filter, index + 1),
    page: index + 1,
    pages,
    entries: entries.slice(index * perPage, (index + 1) * perPage),
    total: entries.length,
  }));
}

/**
 * Every page of /trien-khai/. Each document's cells are computed once, and an issuer's view
 * looks only at the documents that issuer has a cell in: the cost is the number of cells.
 *
 * @param coverage The coverage.
 * @param options Page sizes.
 * @returns Pages, unfiltered first.
 */
export function coverageViews(coverage: Coverage, options: CoverageViewOptions = {}): CoverageView[] {
  const cells = allCells(coverage);
  const all = coverage.documents.map((_, index) => index);
  const byIssuer = new Map<string, number[]>();
  const byLevel = new Map<CoverageLevel, number[]>();
  cells.forEach((list, index) => {
    const levels = new Set<CoverageLevel>();
    const issuers = new Set<string>();
    for (const cell of list) {
      levels.add(cell.level);
      if (cell.issuer) issuers.add(cell.issuer.key);
    }
    for (const level of levels) {
      const known = byLevel.get(level);
      if (known) known.push(index);
      else byLevel.set(level, [index]);
    }
    for (const key of issuers) {
      const known = byIssuer.get(key);
      if (known) known.push(index);
      else byIssuer.set(key, [index]);
    }
  });
  return coverageFilters(coverage).flatMap((filter) => {
    const indexes =
      filter.kind === 'issuer'
        ? (byIssuer.get(filter.issuer.key) ?? [])
        : filter.kind === 'level'
          ? (byLevel.get(filter.level) ?? [])
          : all;
    return paginate(filter, entriesOf(coverage, cells, indexes, filter, options), options);
  });
}
