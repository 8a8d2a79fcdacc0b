/**
 * DOM of the results. Everything is built with `textContent` and elements, never from
 * result HTML, except `<mark>` in excerpts, which is rebuilt from a parsed copy.
 */
import type { NumberEntry } from '../../integrations/pagefind.ts';
import { describe, fill, formatDate, t } from './format.ts';
import type { PageData } from './pagefind-api.ts';

/**
 * An element with a class and text.
 *
 * @param name Tag name.
 * @param className Class, or "".
 * @param text Text content, or "".
 * @returns Element.
 */
function element<K extends keyof HTMLElementTagNameMap>(name: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * Nodes of a Pagefind excerpt: its text, with `<mark>` kept and any other markup dropped.
 *
 * @param excerpt Excerpt HTML from Pagefind.
 * @returns Fragment.
 */
function excerptNodes(excerpt: string): DocumentFragment {
  // DOMParser runs no script and loads nothing; only text and <mark> are copied out.
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') fragment.append(element('mark', '', node.textContent ?? ''));
    else fragment.append(document.createTextNode(node.textContent ?? ''));
  }
  return fragment;
}

/**
 * One result: title link, description line, excerpt.
 *
 * @param data Loaded result.
 * @returns List item.
 */
export function renderHit(data: PageData): HTMLLIElement {
  const item = element('li', 'search-hit');
  const heading = element('h3', 'search-hit-title');
  const link = element('a', '', data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const about = element('p', 'search-hit-meta', describe(data.meta).join(' · '));
  const excerpt = element('p', 'search-hit-excerpt');
  excerpt.append(excerptNodes(data.excerpt));
  item.append(heading, about, excerpt);
  return item;
}

/**
 * The exact-number block of one document: "Văn bản: <link>", its description, and the
 * list of documents that cite it.
 *
 * @param base Site base path.
 * @param entry Number index entry.
 * @param citing Loaded pages citing it (shown).
 * @param total How many pages cite it in all.
 * @returns Block element.
 */
export function renderExact(base: string, entry: NumberEntry, citing: PageData[], total: number): HTMLElement {
  const block = element('article', 'search-exact-entry');
  const title = element('h3', 'search-exact-title', `${t('search.exact.document')} `);
  const link = element('a', '', entry.label);
  link.href = base + entry.url;
  title.append(link);
  const about = element(
    'p',
    'search-hit-meta',
    [
      entry.type ?? '',
      entry.issuer ?? '',
      entry.date ? formatDate(entry.date) : '',
      t(`search.scope.${entry.inCorpus ? 'trong-kho' : 'dan-chieu'}`),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  block.append(title, about);
  if (total === 0) {
    block.append(element('p', 'search-exact-none', t('search.exact.citedByNone')));
    return block;
  }
  block.append(element('h4', 'search-exact-cited', fill(t('search.exact.citedBy'), { count: total })));
  const list = element('ul', 'search-exact-list');
  for (const page of citing) {
    const item = element('li');
    const citer = element('a', '', page.meta.title ?? page.url);
    citer.href = page.url;
    item.append(citer);
    const about = describe(page.meta).slice(1).join(' · ');
    if (about) item.append(document.createTextNode(` — ${about}`));
    list.append(item);
  }
  block.append(list);
  return block;
}
