/**
 * /data/report.json: the ingest report of the build.
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('report.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
