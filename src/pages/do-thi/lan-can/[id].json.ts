/**
 * /do-thi/lan-can/<id>.json: the neighbourhood of one document, for its page's local graph.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildAdjacency, neighbourhood, type Adjacency } from '../../../client/graph/neighbourhood.ts';
import type { GraphData } from '../../../pipeline/emit/graph-schema.ts';
import { loadGraph } from '../../../utils/generated.ts';

let cache: { graph: GraphData; adjacency: Adjacency } | undefined;

/** Adjacency of the current graph, built once per build rather than once per file. */
function adjacency(): Adjacency {
  const graph = loadGraph();
  if (cache?.graph !== graph) cache = { graph, adjacency: buildAdjacency(graph) };
  return cache.adjacency;
}

export const getStaticPaths = (() => loadGraph().nodes.map((node) => ({ params: { id: node.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = neighbourhood(adjacency(), String(params['id']));
  if (!file) return new Response('not found', { status: 404 });
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
