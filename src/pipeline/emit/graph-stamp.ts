/**
 * graph.json is validated once per build: by the pipeline, which then writes beside it a stamp
 * (`graph.stamp.json`) holding the SHA-256 of the exact bytes it validated and a fingerprint of
 * the schema it validated them with. The one stamp is read by both sides:
 * - Astro's process (`loadGraph`) hashes the file (a few tens of milliseconds for 20 MB) and
 *   skips the schema check when the stamp vouches for those bytes under the schema it has
 *   itself; a graph.json edited by hand, copied from elsewhere or left by older code is
 *   validated as before, and a bad one is rejected with its file named.
 * - The next pipeline run (`buildCorpus`'s `lastGraphStamp`) skips checking the graph it made
 *   when its text is the one the stamp vouches for (a rebuild whose edit left the graph as it
 *   was); any other text is checked, and stamped anew.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { graphSchema, type GraphData } from './graph-schema.ts';

/** The stamp's path in the generated dir. Not published: only the pages' build reads it. */
export const GRAPH_STAMP = 'graph.stamp.json';

/** Format of the stamp file. */
const STAMP_FORMAT = 1;

/** What a stamp holds. */
interface Stamp {
  format: number;
  /** SHA-256 of graph.json's bytes (UTF-8) as written. */
  sha256: string;
  /** `schemaFingerprint` of the schema they were checked against. */
  schema: string;
}

/**
 * A plain description of a zod schema: every definition field, nested schemas described in turn,
 * an object's shape by key, functions by their source. Two schemas that accept different values
 * describe differently (the description is the whole definition, not a hand-kept version number).
 *
 * @param value A zod schema or part of its definition.
 * @returns JSON-serialisable description.
 */
function describe(value: unknown): unknown {
  if (value instanceof z.ZodType) return describe(value._def);
  if (typeof value === 'function') return String(value);
  if (Array.isArray(value)) return value.map(describe);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      const field = record[key];
      // ZodObject keeps its shape behind a function.
      out[key] = describe(key === 'shape' && typeof field === 'function' ? (field as () => unknown)() : field);
    }
    return out;
  }
  return value;
}

/**
 * The fingerprint of a schema's definition.
 *
 * @param schema A zod schema.
 * @returns Hex digest.
 */
export function schemaFingerprint(schema: z.ZodTypeAny): string {
  return createHash('sha256')
    .update(JSON.stringify(describe(schema)))
    .digest('hex');
}

let graphFingerprint: string | undefined;

/**
 * The fingerprint of `graphSchema` as this code defines it, computed once.
 *
 * @returns Hex digest.
 */
function graphSchemaFingerprint(): string {
  return (graphFingerprint ??= schemaFingerprint(graphSchema));
}

/**
 * The SHA-256 a stamp records of graph.json: the one hash both sides compute of it.
 *
 * @param content graph.json as text (written as UTF-8) or as the bytes read.
 * @returns Hex digest.
 */
export function graphSha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The stamp for graph.json content the caller has just validated against `graphSchema`.
 *
 * @param sha256 `graphSha256` of graph.json as written (`graphJson` of validated data).
 * @returns Content of `GRAPH_STAMP`.
 */
export function graphStamp(sha256: string): string {
  const stamp: Stamp = { format: STAMP_FORMAT, sha256, schema: graphSchemaFingerprint() };
  return `${JSON.stringify(stamp)}\n`;
}

/**
 * Whether a stamp vouches for graph.json content under this code's schema.
 *
 * @param stamp Content of `GRAPH_STAMP`, or null when there is none.
 * @param sha256 `graphSha256` of the content.
 * @returns False for a missing, unreadable or foreign stamp, or for other content.
 */
export function stampVouches(stamp: string | null, sha256: string): boolean {
  if (stamp === null) return false;
  let parsed: Partial<Stamp>;
  try {
    parsed = JSON.parse(stamp) as Partial<Stamp>;
  } catch {
    return false;
  }
  return parsed?.format === STAMP_FORMAT && parsed.schema === graphSchemaFingerprint() && parsed.sha256 === sha256;
}

/**
 * Validate graph data read from a file.
 *
 * @param value Parsed JSON.
 * @param file The file it was read from, named in the error.
 * @returns The data; throws with the file and the first problems when it does not match.
 */
export function checkGraph(value: unknown, file: string): GraphData {
  const result = graphSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(gốc)'}: ${issue.message}`)
    .join('; ');
  const more = result.error.issues.length > 3 ? ` (và ${result.error.issues.length - 3} lỗi khác)` : '';
  throw new Error(`Tệp ${file} không đúng lược đồ graph.json: ${problems}${more}. Chạy lại \`npm run pipeline\`.`);
}
