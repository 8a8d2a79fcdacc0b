/**
 * /data/trien-khai.csv: one row per implementation (implemented document, implementing
 * document, days between), for spreadsheets. The same data as /trien-khai/
 * (src/pipeline/coverage/csv.ts).
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('trien-khai.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
