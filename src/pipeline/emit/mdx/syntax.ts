/**
 * The two ways a plan body is written: as MDX source (the pages' source format) and as the
 * HTML that MDX source renders to.
 *
 * `body.ts` and `inline.ts` build the element structure once and ask a `Syntax` only how to
 * write a text run and an attribute, so the MDX file and the HTML page can never disagree on
 * structure; test/emit/render-html.test.ts compiles the MDX with `@mdx-js/mdx` and checks the
 * HTML is exactly what it renders to.
 */
import { attribute as mdxAttribute, textExpression } from './jsx-text.ts';

/** How text runs and attribute values are written. */
export interface Syntax {
  /** A literal text run. */
  text(value: string): string;
  /** ` name=…` without the leading space; the name is trusted (from the emitter). */
  attribute(name: string, value: string): string;
  /**
   * Between the children of a list element. MDX source has each `<li>` on its own line; the
   * rendered HTML has nothing between them (MDX drops line endings inside a JSX element, and
   * keeps one "\n" between top-level elements).
   */
  childSeparator: string;
  /** After the last top-level element: a final line ending in MDX source, nothing in HTML. */
  end: string;
}

/** MDX: every text run a JSX string expression, every attribute `name={"…"}` (text is data, never code). */
export const mdxSyntax: Syntax = { text: textExpression, attribute: mdxAttribute, childSeparator: '\n', end: '\n' };

/**
 * HTML as Astro renders MDX JSX: text children escaped like Astro's `escapeHTML`
 * (html-escaper: `& < > ' "`), attribute values like its `addAttribute` (`&` → `&#38;`,
 * `"` → `&#34;`).
 */
export const htmlSyntax: Syntax = {
  text: escapeText,
  attribute: (name, value) => `${name}="${value.replace(/&/g, '&#38;').replace(/"/g, '&#34;')}"`,
  childSeparator: '',
  end: '',
};

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * @param value Literal text.
 * @returns HTML text that shows exactly `value`.
 */
function escapeText(value: string): string {
  return value.replace(/[&<>'"]/g, (character) => TEXT_ESCAPES[character]!);
}
