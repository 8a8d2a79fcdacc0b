/**
 * Start local graphs lazily: Cytoscape and the neighbourhood file load only when a local graph
 * comes near the viewport, so a document page renders (and can be read) first.
 */

/**
 * Load and start the local graph module for one element.
 *
 * @param element A `[data-local-graph]` element.
 */
function load(element: HTMLElement): void {
  if (element.dataset['started']) return;
  element.dataset['started'] = 'true';
  void import('./local-graph.ts').then((module) => module.startLocalGraph(element));
}

const elements = [...document.querySelectorAll<HTMLElement>('[data-local-graph]')].filter((element) =>
  element.querySelector('[data-local-canvas]'),
);
if ('IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        load(entry.target as HTMLElement);
      }
    },
    { rootMargin: '300px' },
  );
  for (const element of elements) observer.observe(element);
} else {
  for (const element of elements) load(element);
}
