/**
 * Progressive enhancement of the browse table (/van-ban/): filter rows by type, issuer
 * level and year, sort by any column. Loaded as an external module (strict CSP); the table
 * works without it. Row data comes from `data-*` attributes rendered at build time. When the
 * table is split into pages (`BrowsePager`), the rows of the other pages are fetched and
 * added, so filters and sorting see every document; the page links are hidden then.
 */

type SortKey = 'label' | 'type' | 'issuer' | 'date' | 'count';

/**
 * Wire one filter form to its table.
 *
 * @param form The filter form (`data-browse-filters`).
 */
function enhance(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset['table'] ?? '');
  const body = table?.querySelector('tbody');
  if (!table || !body) return;
  const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr')];
  const total = (): number => Number(form.dataset['total']) || rows.length;
  const count = form.querySelector<HTMLElement>('[data-browse-count]');
  const template = form.dataset['shownTemplate'] ?? '{shown}/{total}';

  const apply = (): void => {
    const data = new FormData(form);
    const wanted = {
      type: String(data.get('type') ?? ''),
      level: String(data.get('level') ?? ''),
      year: String(data.get('year') ?? ''),
      status: String(data.get('status') ?? ''),
    };
    let shown = 0;
    for (const row of rows) {
      const visible =
        (!wanted.type || row.dataset['type'] === wanted.type) &&
        (!wanted.level || row.dataset['level'] === wanted.level) &&
        (!wanted.year || row.dataset['year'] === wanted.year) &&
        (!wanted.status || row.dataset['status'] === wanted.status);
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (count) {
      count.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(total()));
    }
  };

  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  // "reset" fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(apply, 0));

  const collator = new Intl.Collator('vi', { numeric: true });
  let current: { key: SortKey; descending: boolean } | null = null;
  const sortRows = (key: SortKey, descending: boolean): void => {
    const sorted = [...rows].sort((a, b) => {
      const order =
        key === 'count'
          ? Number(a.dataset['count']) - Number(b.dataset['count'])
          : collator.compare(a.dataset[key] ?? '', b.dataset[key] ?? '');
      return descending ? -order : order;
    });
    body.append(...sorted);
  };
  for (const header of table.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')) {
    const key = header.dataset['sortKey'] as SortKey;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = header.textContent?.trim() ?? key;
    header.replaceChildren(button);
    header.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const descending = current?.key === key ? !current.descending : key === 'count' || key === 'date';
      current = { key, descending };
      sortRows(key, descending);
      for (const other of table.querySelectorAll('th[data-sort-key]')) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    });
  }

  form.hidden = false;
  apply();
  void loadOtherPages(table, body, rows, () => {
    // Rows that arrive after a sort take their place in it.
    if (current) sortRows(current.key, current.descending);
    apply();
  });
}

/**
 * Fetch the other pages of a paged table (the links of its `data-browse-pages` navigation),
 * in page order, and append their rows; then hide the page links. A page that fails to
 * load leaves the links in place.
 *
 * @param table The table.
 * @param body Its body.
 * @param rows The rows the script filters and sorts (grows).
 * @param refresh Re-apply the sort and the filters.
 */
async function loadOtherPages(
  table: HTMLElement,
  body: HTMLElement,
  rows: HTMLTableRowElement[],
  refresh: () => void,
): Promise<void> {
  const navs = [...document.querySelectorAll<HTMLElement>(`nav[data-browse-pages="${table.id}"]`)];
  const links = [...(navs[0]?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])].map((link) => link.href);
  if (links.length === 0) return;
  const pages = await Promise.all(
    links.map(async (href) => {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`${href}: ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    }),
  ).catch(() => null);
  if (!pages) return;
  for (const page of pages) {
    const added = [...page.querySelectorAll<HTMLTableRowElement>(`#${table.id} tbody tr`)].map((row) =>
      document.importNode(row, true),
    );
    body.append(...added);
    rows.push(...added);
  }
  for (const nav of navs) nav.hidden = true;
  refresh();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-browse-filters]')) enhance(form);
