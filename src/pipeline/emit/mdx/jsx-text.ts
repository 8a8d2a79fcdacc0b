/**
 * Escaping of plan text for MDX.
 *
 * Text is data, never code. Every text run is emitted as a JSX string expression
 * (`{"…"}`, made with `JSON.stringify`), and every attribute value as `attr={"…"}`, rather
 * than as Markdown text with character references, because:
 * - inside a JS string literal nothing is syntax: `{`, `<`, `import`/`export` at a line
 *   start, `<!-- -->`, backticks, `*`, `_`, `#`, `[`, `|`, `~`, `\` are all plain characters,
 *   so there is no list of "dangerous" characters to keep complete;
 * - Markdown text would still go through remark-gfm (autolinks `abc@x.vn`, tables on `|`)
 *   and remark-smartypants (`"` → “”, `--` → –), which rewrite the words of a legal text;
 *   expressions skip both;
 * - a line starting "1. " or "- " is never read as a list, since each block is one JSX line.
 */

/**
 * A text run as a JSX expression child: `{"…"}`.
 *
 * U+2028/U+2029 are escaped too: valid in modern string literals, but some tools still
 * treat them as line breaks.
 *
 * @param text Literal text.
 * @returns MDX source that renders exactly `text`.
 */
export function textExpression(text: string): string {
  return `{${jsString(text)}}`;
}

/**
 * An attribute as a JSX expression: `name={"…"}`.
 *
 * @param name Attribute name (trusted, from the emitter).
 * @param value Literal value.
 * @returns MDX attribute source.
 */
export function attribute(name: string, value: string): string {
  return `${name}={${jsString(value)}}`;
}

/**
 * A JS string literal for any text.
 *
 * @param text Literal text.
 * @returns Double-quoted JS source.
 */
function jsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
