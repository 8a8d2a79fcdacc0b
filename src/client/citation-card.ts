/**
 * Citation cards (WAI-ARIA tooltip pattern): hovering or focusing a citation link in a plan's
 * text shows the cited document's card (rendered hidden by CitationCards.astro) beside it,
 * without leaving the page.
 *
 * - The link is described by its card (`aria-describedby`, set here: without JavaScript no
 *   link points at a card nobody can open), so a screen reader reads it on focus.
 * - Escape closes it; it closes too when the pointer leaves the link or the card, or focus
 *   leaves the link, after a short delay, so the pointer can move from the link into the card
 *   (WCAG 1.4.13: hoverable, dismissible, persistent).
 * - It is placed below the link, or above when there is no room below, and kept inside the
 *   viewport; positions go through the CSSOM (allowed under `style-src 'self'`).
 * - While its card is shown, the link's `title` is set aside (the card says all of it, and the
 *   browser's own tooltip would cover it), and put back when the card closes.
 */

/** How long a card stays after the pointer or focus leaves, so the pointer can reach it. */
const HIDE_DELAY_MS = 300;
/** Gap between the link and the card, and the least margin to the viewport's edges (px). */
const GAP = 6;
const MARGIN = 8;

/**
 * The cited document's id from a link's href ("../nghi-dinh-13-2014-nd-cp/").
 *
 * @param link A citation link.
 * @returns The id, or null.
 */
function targetId(link: HTMLAnchorElement): string | null {
  const last = new URL(link.href, document.baseURI).pathname.split('/').filter(Boolean).at(-1);
  return last === undefined ? null : decodeURIComponent(last);
}

/**
 * Where the card's containing block starts, in viewport coordinates.
 *
 * @param card A shown card.
 * @returns Its origin.
 */
function containingOrigin(card: HTMLElement): { left: number; top: number } {
  const parent = card.offsetParent;
  if (!(parent instanceof HTMLElement) || (parent === document.body && getComputedStyle(parent).position === 'static')) {
    return { left: -window.scrollX, top: -window.scrollY };
  }
  const box = parent.getBoundingClientRect();
  return { left: box.left + parent.clientLeft - parent.scrollLeft, top: box.top + parent.clientTop - parent.scrollTop };
}

/**
 * Put a shown card beside its link, inside the viewport.
 *
 * @param card The card.
 * @param link Its link.
 */
function place(card: HTMLElement, link: HTMLAnchorElement): void {
  const box = link.getBoundingClientRect();
  const first = link.getClientRects()[0] ?? box;
  const viewWidth = document.documentElement.clientWidth;
  const viewHeight = document.documentElement.clientHeight;
  const { offsetWidth: width, offsetHeight: height } = card;
  const left = Math.max(MARGIN, Math.min(first.left, viewWidth - width - MARGIN));
  const below = box.bottom + GAP;
  const above = box.top - GAP - height;
  const top = below + height <= viewHeight - MARGIN || above < MARGIN ? below : above;
  const origin = containingOrigin(card);
  card.style.left = `${Math.round(left - origin.left)}px`;
  card.style.top = `${Math.round(top - origin.top)}px`;
}

/**
 * Wire the cards of one container to the citation links of the page.
 *
 * @param container The element holding the cards.
 */
function enhance(container: HTMLElement): void {
  const cards = new Map<string, HTMLElement>();
  for (const card of container.querySelectorAll<HTMLElement>('[data-card-for]')) cards.set(card.dataset['cardFor'] ?? '', card);
  let open: { card: HTMLElement; link: HTMLAnchorElement; title: string | null } | null = null;
  let timer: number | undefined;

  const close = (): void => {
    if (!open) return;
    open.card.hidden = true;
    if (open.title !== null) open.link.setAttribute('title', open.title);
    open = null;
  };
  const hide = (): void => {
    window.clearTimeout(timer);
    close();
  };
  const hideSoon = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(hide, HIDE_DELAY_MS);
  };
  const show = (link: HTMLAnchorElement, card: HTMLElement): void => {
    window.clearTimeout(timer);
    if (open?.link === link) return;
    close();
    const title = link.getAttribute('title');
    link.removeAttribute('title');
    card.hidden = false;
    open = { card, link, title };
    place(card, link);
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>('.plan-text a.citation[href]')) {
    const id = targetId(link);
    const card = id === null ? undefined : cards.get(id);
    if (!card) continue;
    link.setAttribute('aria-describedby', card.id);
    link.addEventListener('mouseenter', () => show(link, card));
    link.addEventListener('focus', () => show(link, card));
    link.addEventListener('mouseleave', () => {
      // Still focused: the card stays until focus leaves (or Escape).
      if (document.activeElement !== link) hideSoon();
    });
    link.addEventListener('blur', hideSoon);
  }
  for (const card of cards.values()) {
    card.addEventListener('mouseenter', () => window.clearTimeout(timer));
    card.addEventListener('mouseleave', () => {
      if (open?.card === card && document.activeElement !== open.link) hideSoon();
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) hide();
  });
  // A resized window moves the text under the card: close it rather than leave it astray.
  window.addEventListener('resize', hide);
}

for (const container of document.querySelectorAll<HTMLElement>('[data-citation-cards]')) enhance(container);

export {};
