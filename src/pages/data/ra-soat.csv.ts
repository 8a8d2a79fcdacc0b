/**
 * /data/ra-soat.csv: each document's căn cứ / thực hiện that are no longer in force as cited
 * (amended, replaced, repealed, expired), for spreadsheets. The same rows as /ra-soat/.
 */
import type { APIRoute } from 'astro';
import { readGenerated } from '../../utils/generated.ts';

export const GET: APIRoute = () =>
  new Response(readGenerated('ra-soat.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
