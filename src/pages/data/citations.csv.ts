/**
 * /data/citations.csv: one row per mention, for spreadsheets.
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('citations.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
