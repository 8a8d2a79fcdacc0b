/**
 * A plan's frontmatter record as YAML, written by `js-yaml`, the library Astro's own
 * frontmatter reader parses it with (through `@astrojs/markdown-remark`).
 *
 * Measured at 1,000 plans (2026-12-07, load ~25): `yaml`'s `stringify` 1.2–1.3 s of CPU, most of
 * it building a document model per record; `js-yaml`'s `dump` 0.55 s. With the options below both
 * write the same bytes for the schema's records (its keys are plain words none of which YAML
 * reads as another type); they differ only on invisible characters, which `js-yaml` writes as
 * escapes (`\_` for a no-break space, `\L`, `\uFEFF`), read back the same by both
 * (test/emit/frontmatter-yaml.test.ts).
 */
import { dump } from 'js-yaml';

/**
 * Every string double-quoted (`forceQuotes`): one line each, so no value can hold a "---" line
 * that would end the frontmatter early, and nothing is left to YAML's implicit typing
 * ("null", "123" stay strings). No line folding; no anchors for repeated objects.
 */
export const YAML_OPTIONS = { lineWidth: -1, quotingType: '"', forceQuotes: true, noRefs: true } as const;

/**
 * @param record The frontmatter record (plain data: strings, integers, booleans, null, arrays, objects).
 * @returns Its YAML, ending with a newline.
 */
export function frontmatterYaml(record: Record<string, unknown>): string {
  return dump(record, YAML_OPTIONS);
}
