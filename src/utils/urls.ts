/**
 * Site URLs, always under the base path (`SITE_BASE`), always with a trailing slash for
 * pages (`trailingSlash: 'always'`, directory format).
 */

/**
 * The base path, ending in "/".
 *
 * @returns e.g. "/" or "/van-ban-dieu-hanh/".
 */
function basePath(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * A path under the base.
 *
 * @param path Site path without leading slash ("van-ban/", "data/graph.json").
 * @returns Absolute path with the base.
 */
export function withBase(path: string): string {
  return basePath() + path.replace(/^\/+/, '');
}

/**
 * The page of a document node.
 *
 * @param id Node id.
 * @returns "/base/van-ban/<id>/".
 */
export function documentHref(id: string): string {
  return withBase(`van-ban/${id}/`);
}

/**
 * The exact spot of a mention on a plan page.
 *
 * @param planId Node id of the plan.
 * @param anchor Anchor of the mention ("trich-dan-3").
 * @returns "/base/van-ban/<plan>/#trich-dan-3".
 */
export function mentionHref(planId: string, anchor: string): string {
  return `${documentHref(planId)}#${anchor}`;
}

/**
 * The copy of a plan's source text.
 *
 * @param id Node id of the plan.
 * @returns "/base/data/nguon/<id>.txt".
 */
export function sourceHref(id: string): string {
  return withBase(`data/nguon/${id}.txt`);
}
