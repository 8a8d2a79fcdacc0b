/**
 * /do-thi/du-lieu-day-du.json: the whole compact graph (every node and edge), loaded by the
 * /do-thi/ page when the reader filters, searches or draws every document.
 */
import type { APIRoute } from 'astro';
import { encodeView } from '../../client/graph/view-data.ts';
import { loadGraph } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(encodeView(loadGraph())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
