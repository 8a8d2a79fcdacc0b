/**
 * The frontmatter record as YAML, written directly.
 *
 * The record has a fixed, shallow shape (strings, numbers, booleans, null, lists and small
 * objects), so it is printed here in block style with every string double-quoted as JSON: one
 * line each, so no value can hold a "---" line that would end the frontmatter early, and
 * nothing is left to YAML's implicit typing. This gives the same bytes as the `yaml` package's
 * `stringify` with `defaultStringType: 'QUOTE_DOUBLE'`, `doubleQuotedAsJSON: true`,
 * `lineWidth: 0` (checked in test/emit/frontmatter-yaml.test.ts) at a small fraction of its
 * cost, which was most of the time of emitting a thousand plans.
 */

/** A value the frontmatter may hold. */
type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };

/**
 * Print a record as a YAML block mapping.
 *
 * @param record Top-level mapping (keys are plain identifiers, in insertion order).
 * @returns YAML text ending with a newline.
 */
export function frontmatterYaml(record: { readonly [key: string]: Value }): string {
  return mapping(record, '');
}

/**
 * @param record A mapping.
 * @param indent Indentation of its keys.
 * @returns Its lines.
 */
function mapping(record: { readonly [key: string]: Value }, indent: string): string {
  let out = '';
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out += `${indent}${key}:${after(value, indent)}`;
  }
  return out;
}

/**
 * What follows "key:" — a scalar on the same line, or a nested block on the next lines.
 *
 * @param value The value.
 * @param indent Indentation of the key.
 * @returns Text from just after the colon to the end of the value.
 */
function after(value: Value, indent: string): string {
  if (isList(value)) {
    return value.length === 0 ? ' []\n' : `\n${list(value, `${indent}  `)}`;
  }
  if (isMapping(value)) {
    return Object.keys(value).length === 0 ? ' {}\n' : `\n${mapping(value, `${indent}  `)}`;
  }
  return ` ${scalar(value)}\n`;
}

/**
 * @param items A non-empty list.
 * @param indent Indentation of its dashes.
 * @returns Its lines.
 */
function list(items: readonly Value[], indent: string): string {
  let out = '';
  for (const item of items) {
    if (isMapping(item) && Object.keys(item).length > 0) {
      // "- key: value" then the other keys aligned under the first.
      const body = mapping(item, `${indent}  `);
      out += `${indent}- ${body.slice(indent.length + 2)}`;
    } else if (isList(item) && item.length > 0) {
      out += `${indent}- ${list(item, `${indent}  `).slice(indent.length + 2)}`;
    } else {
      out += `${indent}-${after(item, indent)}`;
    }
  }
  return out;
}

/**
 * @param value A scalar.
 * @returns Its YAML form.
 */
function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function isList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

function isMapping(value: Value): value is { readonly [key: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
