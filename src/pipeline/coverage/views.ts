/**
 * The pages of /trien-khai/: the most implemented documents × the issuers of the corpus, in
 * long form (a row per document and implementing issuer: its implementing documents and their
 * delays; and per level one row naming the issuers with "chưa thấy văn bản triển khai"),
 * paged, and filtered by the implementing issuer's level, the implemented document's year or
 * one issuer. Every filter is a static page of its own, so the views work without JavaScript.
 *
 * Each stays small at 60 provinces × hundreds of documents, and there are few of them: a page
 * holds entries up to `PAGE_WEIGHT` rows (an entry's heading counts as two), so pages of
 * documents implemented once hold many and pages of hub documents fewer; at most
 * `CELLS_PER_ENTRY` rows a document outside an issuer's view and `IMPLEMENTATIONS_PER_CELL`
 * documents a cell (the rest is on the document's page). An issuer's view is one compact
 * table, a row per document (implemented, or expected and not found), `ISSUER_ROWS` a page.
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
import { pagedPath } from '../../utils/paging.ts';

/**
 * One row of a document: an issuer's implementations, or (no implementations) the issuers of
 * one level with "chưa thấy văn bản triển khai".
 */
export interface CoverageCell {
  /**
   * The implementing issuer (null when unknown); on a "chưa thấy" row, the issuer when the
   * row is one issuer's (an issuer's view), else null.
   */
  issuer: CoverageIssuer | null;
  level: CoverageLevel;
  implementations: Implementation[];
  /** Issuers with none found, on a "chưa thấy" row; else empty. */
  missing: CoverageIssuer[];
}

/** One implemented document on a coverage page. */
export interface CoverageEntry {
  doc: CoverageDoc;
  cells: CoverageCell[];
  /** Issuers left out of this page (see the document's page). */
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

/** Rows a page (an entry's heading, note and table head count as two). */
export const PAGE_WEIGHT = 320;
/** Weight of an entry's heading, note and table head, in rows. */
const ENTRY_WEIGHT = 2;
/** Rows a page of an issuer's view (one row per document). */
export const ISSUER_ROWS = 500;
/** Rows shown per document outside an issuer's own view. */
export const CELLS_PER_ENTRY = 8;
/** Implementations shown per cell (earliest first; the rest are counted). */
export const IMPLEMENTATIONS_PER_CELL = 2;

/** Options of `coverageViews`. */
export interface CoverageViewOptions {
  /** Documents a page (default: pages by weight, `PAGE_WEIGHT` or `ISSUER_ROWS`). */
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
  return pagedPath(filterPath(filter), page);
}

/**
 * The rows of an implemented document: implementing issuers (earliest first within a
 * level), then per level one row of the issuers with none found.
 *
 * @param entry An implemented document.
 * @param issuers Issuers by key.
 * @returns Cells, by level.
 */
export function documentCells(entry: ImplementedDocument, issuers: ReadonlyMap<string, CoverageIssuer>): CoverageCell[] {
  const cells: CoverageCell[] = [];
  const byIssuer = new Map<string, CoverageCell>();
  for (const item of entry.implementations) {
    const issuer = item.source.issuerKey ? issuers.get(item.source.issuerKey) : undefined;
    if (!issuer) {
      cells.push({ issuer: null, level: item.source.level, implementations: [item], missing: [] });
      continue;
    }
    const cell = byIssuer.get(issuer.key);
    if (cell) cell.implementations.push(item);
    else {
      const created: CoverageCell = { issuer, level: issuer.level, implementations: [item], missing: [] };
      byIssuer.set(issuer.key, created);
      cells.push(created);
    }
  }
  // Implementations are sorted by level then delay: a cell's first is its earliest.
  const first = (cell: CoverageCell): number => delaySortKey(cell.implementations[0]!.delay);
  cells.sort(
    (a, b) =>
      compareLevels(a.level, b.level) ||
      first(a) - first(b) ||
      compareText(a.issuer?.name ?? '\uffff', b.issuer?.name ?? '\uffff') ||
      compareText(a.implementations[0]!.source.id, b.implementations[0]!.source.id),
  );
  const missing: CoverageCell[] = [];
  for (const issuer of [...entry.missing].sort(compareIssuers)) {
    const last = missing.at(-1);
    if (last && last.level === issuer.level) last.missing.push(issuer);
    else missing.push({ issuer: null, level: issuer.level, implementations: [], missing: [issuer] });
  }
  return [...cells, ...missing];
}

/** Whether a cell belongs to a filtered view. */
function keeps(filter: CoverageFilter, cell: CoverageCell): boolean {
  if (filter.kind === 'level') return cell.level === filter.level;
  if (filter.kind === 'issuer')
    return cell.issuer?.key === filter.issuer.key || cell.missing.some((issuer) => issuer.key === filter.issuer.key);
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
    let kept = cells[index]!.filter((cell) => keeps(filter, cell));
    if (kept.length === 0) continue;
    // An issuer's view: its own row of the document (one issuer's "chưa thấy").
    if (filter.kind === 'issuer')
      kept = kept.map((cell) =>
        cell.implementations.length > 0 ? cell : { ...cell, issuer: filter.issuer, missing: [filter.issuer] },
      );
    let missing = 0;
    let implemented = 0;
    for (const cell of kept) {
      if (cell.implementations.length > 0) implemented += 1;
      else missing += cell.missing.length;
    }
    entries.push({
      doc: entry.doc,
      cells: kept.slice(0, cap),
      hidden: kept.slice(cap).reduce((sum, cell) => sum + Math.max(1, cell.missing.length), 0),
      implemented,
      missing,
    });
  }
  return entries;
}

/** Split a filter's entries into pages: by weight, or `options.perPage` documents a page. */
function paginate(filter: CoverageFilter, entries: CoverageEntry[], options: CoverageViewOptions): CoverageView[] {
  const chunks: CoverageEntry[][] = [];
  if (options.perPage) {
    for (let i = 0; i < entries.length; i += options.perPage) chunks.push(entries.slice(i, i + options.perPage));
  } else {
    // An issuer's view is one row a document; others weigh their rows and heading.
    const limit = filter.kind === 'issuer' ? ISSUER_ROWS : PAGE_WEIGHT;
    const weigh = (entry: CoverageEntry): number => (filter.kind === 'issuer' ? 1 : entry.cells.length + ENTRY_WEIGHT);
    let chunk: CoverageEntry[] = [];
    let weight = 0;
    for (const entry of entries) {
      const w = weigh(entry);
      if (chunk.length > 0 && weight + w > limit) {
        chunks.push(chunk);
        chunk = [];
        weight = 0;
      }
      chunk.push(entry);
      weight += w;
    }
    if (chunk.length > 0) chunks.push(chunk);
  }
  const pages = Math.max(1, chunks.length);
  return Array.from({ length: pages }, (_, index) => ({
    filter,
    path: pagePath(filter, index + 1),
    page: index + 1,
    pages,
    entries: chunks[index] ?? [],
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
      for (const issuer of cell.missing) issuers.add(issuer.key);
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
