/**
 * /data/nguon/<id>.txt: the source text of each plan (decoded, UTF-8 with BOM), for the
 * "văn bản gốc" link of its page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGraph, readGenerated } from '../../../utils/generated.ts';

export const getStaticPaths = (() =>
  loadGraph()
    .nodes.filter((node) => node.inCorpus)
    .map((node) => ({ params: { id: node.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readGenerated(`sources/${params['id']}.txt`), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
