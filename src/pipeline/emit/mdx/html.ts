/**
 * A document tree as HTML, by unified's own tools: `mdast-util-to-hast` then
 * `hast-util-to-html` (which does all the escaping).
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, Root } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';

/**
 * @param tree The document's mdast tree (links placed by `remarkCitations`).
 * @returns HTML of its body: one line per block, as `mdast-util-to-hast` joins them.
 */
export function treeHtml(tree: Root): string {
  return toHtml(toHast(tree, { handlers: { link } }), { characterReferences: { useNamedReferences: true } });
}

/**
 * A link whose `data.hProperties` already hold every attribute (a citation link) keeps their
 * order; others are mdast-util-to-hast's own links.
 *
 * @param state Conversion state.
 * @param node The link.
 * @returns The `<a>` element.
 */
function link(state: State, node: Link): Element {
  const properties = node.data?.hProperties;
  const result: Element =
    properties && 'href' in properties
      ? { type: 'element', tagName: 'a', properties: { ...properties }, children: state.all(node) }
      : {
          type: 'element',
          tagName: 'a',
          properties:
            node.title === null || node.title === undefined ? { href: node.url } : { href: node.url, title: node.title },
          children: state.all(node),
        };
  state.patch(node, result);
  return result;
}
