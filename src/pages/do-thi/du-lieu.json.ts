/**
 * /do-thi/du-lieu.json: the compact graph the /do-thi/ page draws (no mention sentences,
 * arrays for records, nodes ranked most connected first).
 */
import type { APIRoute } from 'astro';
import { encodeView } from '../../client/graph/view-data.ts';
import { loadGraph } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(encodeView(loadGraph())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
