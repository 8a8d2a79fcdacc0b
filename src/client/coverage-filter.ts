/**
 * Quick filter of the rows of one /trien-khai/ page by level, year and issuer. Loaded as an
 * external module (strict CSP); without it the page shows every row and the filter links
 * lead to the static filtered pages. Row data comes from `data-*` attributes.
 */

/**
 * Wire the form to the page's entries.
 *
 * @param form The quick filter form (`data-coverage-filter`).
 */
function enhanceCoverage(form: HTMLFormElement): void {
  const entries = [...document.querySelectorAll<HTMLElement>('[data-coverage-doc]')];
  const status = form.querySelector<HTMLElement>('[data-coverage-status]');
  const template = form.dataset['statusTemplate'] ?? '{shown}/{total}';
  const apply = (): void => {
    const data = new FormData(form);
    const level = String(data.get('level') ?? '');
    const year = String(data.get('year') ?? '');
    const issuer = String(data.get('issuer') ?? '');
    let shown = 0;
    for (const entry of entries) {
      let rows = 0;
      // An issuer's view: each entry is a row of its own.
      const own = entry.matches('tr[data-level]') ? [entry as HTMLTableRowElement] : [];
      for (const row of [...own, ...entry.querySelectorAll<HTMLTableRowElement>('tr[data-level]')]) {
        // A "chưa thấy" row names several issuers, space-separated.
        const issuers = (row.dataset['issuer'] ?? '').split(' ');
        const visible = (!level || row.dataset['level'] === level) && (!issuer || issuers.includes(issuer));
        row.hidden = !visible;
        if (visible) rows++;
      }
      const visible = rows > 0 && (!year || entry.dataset['year'] === year);
      entry.hidden = !visible;
      if (visible) shown++;
    }
    if (status) status.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(entries.length));
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-coverage-filter]')) enhanceCoverage(form);
export {};
