/**
 * /data/graph.graphml: the graph for Gephi, yEd, Cytoscape desktop.
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('graph.graphml'), { headers: { 'Content-Type': 'application/graphml+xml; charset=utf-8' } });
