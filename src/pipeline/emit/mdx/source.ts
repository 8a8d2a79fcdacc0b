/**
 * A document tree as MDX source, by remark's own serializer: `mdast-util-to-markdown` with
 * `mdast-util-mdx` (which escapes whatever would be syntax, `{` and `<` included).
 *
 * Markdown has no syntax for an element's attributes, so the nodes that carry some
 * (`data.hProperties`: a heading's anchor id, a citation link's class, anchor, tooltip and
 * state, the state's words after it, an anchor of a mention no block holds) are written as
 * MDX JSX elements around their markdown content; the rest (paragraphs, lists, emphasis) is
 * plain markdown. A list's class is the page's styling only and is left out.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { plainText } from './plain-text.ts';

/**
 * @param tree The document's mdast tree (links placed by `remarkCitations`).
 * @param frontmatter YAML of the frontmatter (without the fences), or "" for none.
 * @returns MDX source ending with a newline.
 */
export function treeMdx(tree: Root, frontmatter = ''): string {
  const body = toMarkdown(toMdxTree(tree), OPTIONS);
  return frontmatter ? `---\n${frontmatter}---\n\n${body}` : body;
}

/**
 * `import` or `export` starting a line is ESM to MDX (code, run when the page is), but
 * `mdast-util-mdx` does not mark it unsafe in text: its first letter is then written as a
 * character reference, so a plan line "export const x = 1" stays text.
 */
const ESM_AT_BREAK: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/**
 * Made once: `mdast-util-to-markdown` compiles each unsafe pattern's regex on first use and
 * keeps it on the pattern object, so fresh extension objects per file would compile them all
 * again for every plan.
 */
export const OPTIONS: Options = {
  extensions: [mdxToMarkdown(), { unsafe: ESM_AT_BREAK }],
  bullet: '-',
  emphasis: '_',
  strong: '*',
  // The library's text handler, skipped for text its escaping would leave as it is.
  handlers: { text: plainText },
};

/**
 * @param tree An mdast tree.
 * @returns A copy where every node with attributes is an MDX JSX element.
 */
export function toMdxTree(tree: Root): Root {
  return { type: 'root', children: tree.children.map(flow) };
}

function flow(node: RootContent): RootContent {
  const properties = node.data?.hProperties;
  if (node.type === 'heading' && properties) {
    // One line: MDX reads the element's content as phrasing, not as a paragraph inside it.
    return jsxLine(`h${node.depth}`, properties, node.children.map(phrasing));
  }
  if (node.type === 'paragraph' && node.data?.hName) {
    return jsxLine(node.data.hName, properties ?? {}, node.children.map(phrasing));
  }
  if (node.type === 'paragraph' || node.type === 'heading') {
    return { ...node, data: undefined, children: node.children.map(phrasing) } as RootContent;
  }
  if ('children' in node) {
    const { data: _data, ...rest } = node;
    return { ...rest, children: (node.children as RootContent[]).map(flow) } as RootContent;
  }
  return node;
}

function phrasing(node: PhrasingContent): PhrasingContent {
  const data = node.data;
  const children = 'children' in node ? (node.children as PhrasingContent[]).map(phrasing) : undefined;
  if (data?.hName || data?.hProperties) {
    const name =
      data.hName ?? (node.type === 'link' ? 'a' : node.type === 'emphasis' ? 'em' : node.type === 'strong' ? 'strong' : 'span');
    const content = children ?? (node.type === 'text' ? [{ type: 'text' as const, value: node.value }] : []);
    return jsx(name, data.hProperties ?? {}, content);
  }
  return children ? ({ ...node, children } as PhrasingContent) : node;
}

function jsxLine(name: string, properties: object, children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children: [jsx(name, properties, children)] };
}

function jsx(name: string, properties: object, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(properties), children };
}

/**
 * @param properties hast properties (`className`, `dataLabel`…).
 * @returns JSX attributes with their HTML names (`class`, `data-label`).
 */
function attributes(properties: object): MdxJsxAttribute[] {
  const list: MdxJsxAttribute[] = [];
  for (const [key, value] of Object.entries(properties) as [string, unknown][]) {
    if (value === null || value === undefined || value === false) continue;
    list.push({
      type: 'mdxJsxAttribute',
      name: attributeName(key),
      value: Array.isArray(value) ? value.join(' ') : String(value),
    });
  }
  return list;
}

/** HTML names of the property names seen (a handful, on ~40 elements a plan). */
const attributeNames = new Map<string, string>();

/**
 * @param key A hast property name (`className`, `dataLabel`).
 * @returns Its HTML attribute name (`class`, `data-label`).
 */
function attributeName(key: string): string {
  let name = attributeNames.get(key);
  if (name === undefined) {
    name = key === 'className' ? 'class' : key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    attributeNames.set(key, name);
  }
  return name;
}
