/**
 * The search page (/tim-kiem/): reads `?q=` and the filters from the URL, runs them with
 * Pagefind, shows the exact number match and the results, and keeps the URL in step so
 * every search is a shareable link. Loaded as an external module (strict CSP).
 */
import { preloadSearch, runSearch, warmUp } from './engine.ts';
import { fill, t } from './format.ts';
import { lookupNumber } from './numbers.ts';
import { loadPagefind, type FilterCounts, type Pagefind, type PageResult } from './pagefind-api.ts';
import { latestOnly } from './latest-only.ts';
import { numberFirst } from './rank.ts';
import { renderExact, renderHit } from './render.ts';
import { FILTER_NAMES, isEmptyState, readState, writeState, type SearchState } from './url-state.ts';
import { levelLabel } from '../../i18n/levels.ts';
import { STATUS_WORDS } from '../../pipeline/resolve/status-labels.ts';
import { DOCUMENT_STATES, type DocumentState } from '../../pipeline/resolve/status-states.ts';

/** Results shown per step of "Xem thêm". */
const PAGE_SIZE = 10;
/** Citing documents listed under an exact match; the rest are one click away. */
const CITING_SHOWN = 20;
/** Pause after typing before searching, in ms. */
const TYPING_DELAY = 250;

const rawBase = import.meta.env.BASE_URL;
const base = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing`);
  return found as T;
}

const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-query');
const status = byId<HTMLElement>('search-status');
const exact = byId<HTMLElement>('search-exact');
const exactList = byId<HTMLElement>('search-exact-list');
const list = byId<HTMLOListElement>('search-results');
const more = byId<HTMLButtonElement>('search-more');
const selects = Object.fromEntries(
  FILTER_NAMES.map((name) => [name, form.elements.namedItem(name) as HTMLSelectElement]),
) as Record<(typeof FILTER_NAMES)[number], HTMLSelectElement>;

/** Incremented per run, so a slow earlier search never overwrites a later one. */
let generation = 0;
let shown: PageResult[] = [];
let pending: PageResult[] = [];

/** Put a state into the form. */
function showState(state: SearchState): void {
  input.value = state.query;
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    selects[name].value = typeof value === 'string' ? value : '';
  }
}

/** The state the form holds. */
function formState(): SearchState {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) if (selects[name].value) filters[name] = selects[name].value;
  return { query: input.value.trim(), filters };
}

/** Option label of a filter value. */
function optionLabel(name: string, value: string): string {
  if (name === 'level') return levelLabel(value);
  if (name === 'scope') return t(`search.${name}.${value}`);
  if (name === 'status') return STATUS_WORDS[value as DocumentState] ?? value;
  return value;
}

/** Position of a validity state in the legend's order (in force first, unknown last). */
function stateOrder(value: string): number {
  const index = (DOCUMENT_STATES as readonly string[]).indexOf(value);
  return index < 0 ? DOCUMENT_STATES.length : index;
}

/** Fill the filter menus from the index, with page counts. */
function fillFilters(counts: FilterCounts): void {
  for (const name of FILTER_NAMES) {
    const select = selects[name];
    const values = Object.entries(counts[name] ?? {});
    values.sort(([a], [b]) =>
      name === 'year'
        ? a < b
          ? 1
          : a > b
            ? -1
            : 0
        : name === 'status'
          ? stateOrder(a) - stateOrder(b)
          : optionLabel(name, a).localeCompare(optionLabel(name, b), 'vi'),
    );
    for (const [value, count] of values) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = `${optionLabel(name, value)} (${count})`;
      select.append(option);
    }
  }
}

/**
 * Show the next page of results, each as soon as it and those before it are loaded (their
 * data come one by one from Pagefind's worker), so the first result shows before the tenth
 * is loaded.
 */
async function showMore(run: number): Promise<void> {
  const next = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  const loads = next.map((result) => result.data());
  for (const load of loads) {
    const page = await load;
    if (run !== generation) return;
    list.append(renderHit(page));
  }
  shown = shown.concat(next);
  more.hidden = pending.length === 0;
}

/** Result ids of the documents a number query names, and of the pages citing them. */
interface NamedByNumber {
  own: Set<string>;
  citing: Set<string>;
}

/**
 * The exact-number block: documents with this number and who cites them. Which pages those
 * are is known from two filter searches (no page's data): the results are ordered by them
 * (`numberFirst`) and shown while the block's lists of citing documents still load.
 *
 * @returns The ids the results are reordered by, and a function that loads and shows the block
 *   (called once the first results are shown: Pagefind's worker loads one page's data at a time).
 */
function showExact(pagefind: Pagefind, query: string, run: number): { named: Promise<NamedByNumber>; show: () => Promise<void> } {
  const named: NamedByNumber = { own: new Set(), citing: new Set() };
  const found = lookupNumber(base, query).then((entries) =>
    Promise.all(
      entries.map(async (entry) => {
        const [ownPages, citing] = await Promise.all([
          pagefind.search(null, { filters: { doc: entry.id } }),
          pagefind.search(null, { filters: { cites: entry.id } }),
        ]);
        for (const result of ownPages.results) named.own.add(result.id);
        for (const result of citing.results) named.citing.add(result.id);
        return { entry, citing: citing.results };
      }),
    ),
  );
  return {
    named: found.then(() => named),
    show: () =>
      found.then(async (lists) => {
        const blocks = await Promise.all(
          lists.map(async ({ entry, citing }) => {
            const pages = await Promise.all(citing.slice(0, CITING_SHOWN).map((result) => result.data()));
            return renderExact(base, entry, pages, citing.length);
          }),
        );
        if (run === generation) {
          exactList.replaceChildren(...blocks);
          exact.hidden = blocks.length === 0;
        }
      }),
  };
}

/** Run a state: results, exact match, status line. */
async function run(pagefind: Pagefind, state: SearchState): Promise<void> {
  generation += 1;
  const current = generation;
  if (isEmptyState(state)) {
    list.replaceChildren();
    exact.hidden = true;
    more.hidden = true;
    status.textContent = t('search.status.idle');
    return;
  }
  status.textContent = t('search.status.loading');
  const numbered = showExact(pagefind, state.query, current);
  const [found, named] = await Promise.all([runSearch(pagefind, state.query, state.filters), numbered.named]);
  const results = numberFirst(found, named.own, named.citing);
  if (current !== generation) return;
  list.replaceChildren();
  // The previous search's exact block goes with its results; this one's follows the first results.
  exactList.replaceChildren();
  exact.hidden = true;
  shown = [];
  pending = results;
  await showMore(current);
  await numbered.show();
  if (current !== generation) return;
  status.textContent = !state.query
    ? fill(t('search.status.countFiltered'), { count: results.length })
    : results.length > 0
      ? fill(t('search.status.count'), { count: results.length, query: state.query })
      : fill(t('search.status.none'), { query: state.query });
  document.title = state.query ? `${state.query} – ${t('search.page.title')}` : t('search.page.title');
}

/** Show that the index could not be loaded, with the way out. */
function showFailure(): void {
  status.replaceChildren(document.createTextNode(`${t('search.status.error')} `));
  const link = document.createElement('a');
  link.href = `${base}van-ban/`;
  link.textContent = t('search.page.browse');
  status.append(link, document.createTextNode('.'));
}

async function start(): Promise<void> {
  form.hidden = false;
  const initial = readState(location.search);
  showState(initial);
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind(base);
    fillFilters(await pagefind.filters());
  } catch {
    showFailure();
    return;
  }
  showState(initial);
  const searches = latestOnly(
    (state: SearchState) => run(pagefind, state),
    // The search under way stops at its next step instead of rendering.
    () => (generation += 1),
  );

  let typing: ReturnType<typeof setTimeout> | undefined;
  const go = (mode: 'push' | 'replace'): void => {
    clearTimeout(typing);
    const state = formState();
    const url = `${location.pathname}${writeState(state)}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    searches.request(state);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('push');
  });
  input.addEventListener('input', () => {
    preloadSearch(pagefind, input.value);
    clearTimeout(typing);
    typing = setTimeout(() => go('replace'), TYPING_DELAY);
  });
  for (const select of Object.values(selects)) select.addEventListener('change', () => go('replace'));
  window.addEventListener('popstate', () => {
    const state = readState(location.search);
    showState(state);
    searches.request(state);
  });
  more.addEventListener('click', () => void showMore(generation));
  await searches.request(initial);
  // A page opened empty has the user's first query still to come: warm Pagefind up for it.
  if (isEmptyState(initial)) await warmUp(pagefind);
  // For scripts that time a query from a ready page (scripts/bench-search.ts).
  form.dataset['ready'] = '';
}

void start();
