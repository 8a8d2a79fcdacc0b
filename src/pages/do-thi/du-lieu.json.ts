/**
 * /do-thi/du-lieu.json: the compact graph the /do-thi/ page draws first (no mention
 * sentences, arrays for records, nodes ranked most connected first): only what its default
 * view shows (`overviewOf`), so the download stays bounded; the whole view is
 * /do-thi/du-lieu-day-du.json, which the page loads when the reader needs more.
 */
import type { APIRoute } from 'astro';
import { DEFAULT_CAPS, NO_FILTERS, selectView } from '../../client/graph/select-view.ts';
import { encodeView, overviewOf } from '../../client/graph/view-data.ts';
import { loadGraph } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(overviewOf(encodeView(loadGraph()), (graph) => selectView(graph, NO_FILTERS, DEFAULT_CAPS))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
