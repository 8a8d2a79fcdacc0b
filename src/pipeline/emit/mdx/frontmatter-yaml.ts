/**
 * A plan's frontmatter record as YAML: the bytes `yaml`'s `stringify` writes with the
 * emitter's settings (`YAML_SETTINGS` in `mdx.ts`: every string double-quoted as JSON, plain
 * keys, no line folding), without building its document model for each plan (1.2–1.3 s of
 * CPU at 1,000 plans, against 0.11–0.15 s here; their tables of contents are most of it).
 *
 * With those settings the `yaml` package writes a string as `JSON.stringify` does
 * (`doubleQuotedAsJSON`), `null`, `true` and `false` as such, an integer in decimal, and a
 * block mapping or sequence two spaces deeper per level, a mapping inside a sequence starting
 * on the item's line (`- depth: 1`), an empty one as `{}` or `[]`. This module writes exactly
 * those forms; any value of another kind (a fraction, a sequence inside a sequence, a key that
 * is not a plain word, `undefined`) hands the whole record to `yaml` itself, so the output is
 * always the library's (test/emit/frontmatter-yaml.test.ts compares both on every seed plan
 * and on records of every shape the schema allows).
 */
import { stringify } from 'yaml';

/**
 * The settings whose output this module writes. Every string double-quoted as JSON: one line
 * each, so no value can hold a "---" line that would end the frontmatter early, and nothing is
 * left to YAML's implicit typing.
 */
export const YAML_SETTINGS = {
  lineWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
} as const;

/** Thrown inside to hand the record to `yaml`. */
class NotPlain extends Error {}

/** Keys written plain by `yaml` as they are: a word, none it would read as another type. */
const PLAIN_KEY = /^[a-z][A-Za-z0-9]*$/u;
const RESERVED_KEYS = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf']);

/**
 * @param record The frontmatter record (plain data: strings, integers, booleans, null, arrays, objects).
 * @returns Its YAML, ending with a newline, as `stringify(record, YAML_SETTINGS)`.
 */
export function frontmatterYaml(record: Record<string, unknown>): string {
  try {
    const out: string[] = [];
    if (Object.keys(record).length === 0) throw new NotPlain();
    mapping(record, '', '', out);
    return out.join('');
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
    return stringify(record, YAML_SETTINGS);
  }
}

/**
 * @param map A non-empty mapping.
 * @param indent Indent of its entries.
 * @param first What starts its first line instead of the indent (`- ` of a sequence item).
 * @param out Receives the lines.
 */
function mapping(map: Record<string, unknown>, indent: string, first: string, out: string[]): void {
  let lead = first;
  for (const key of Object.keys(map)) {
    if (!PLAIN_KEY.test(key) || RESERVED_KEYS.has(key.toLowerCase())) throw new NotPlain();
    out.push(lead, key, ':');
    lead = indent;
    value(map[key], `${indent}  `, out);
  }
}

/**
 * A value after `key:` or `- `: a scalar or empty collection on the same line, else the
 * collection on the next lines at `indent`.
 *
 * @param item The value.
 * @param indent Indent of a collection's entries.
 * @param out Receives the text.
 * @param inSequence Whether it is a sequence item (then a mapping starts on the item's line).
 */
function value(item: unknown, indent: string, out: string[], inSequence = false): void {
  const separator = inSequence ? '' : ' ';
  if (Array.isArray(item)) {
    if (inSequence) throw new NotPlain();
    if (item.length === 0) {
      out.push(separator, '[]\n');
      return;
    }
    out.push('\n');
    for (const element of item) {
      out.push(indent, '- ');
      value(element, `${indent}  `, out, true);
    }
    return;
  }
  if (item !== null && typeof item === 'object') {
    const map = item as Record<string, unknown>;
    if (Object.keys(map).length === 0) {
      out.push(separator, '{}\n');
      return;
    }
    if (inSequence) {
      mapping(map, indent, '', out);
      return;
    }
    out.push('\n');
    mapping(map, indent, indent, out);
    return;
  }
  out.push(separator, scalar(item), '\n');
}

/**
 * @param item A scalar.
 * @returns Its YAML.
 */
function scalar(item: unknown): string {
  if (typeof item === 'string') return JSON.stringify(item);
  if (item === null) return 'null';
  if (item === true) return 'true';
  if (item === false) return 'false';
  if (typeof item === 'number' && Number.isSafeInteger(item) && !Object.is(item, -0)) return String(item);
  throw new NotPlain();
}
