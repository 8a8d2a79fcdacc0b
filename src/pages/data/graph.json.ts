/**
 * /data/graph.json: the citation graph, as the pipeline wrote it.
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('graph.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
