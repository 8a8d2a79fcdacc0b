/**
 * Readers of pages saved from a legal portal: `.html` (parsed by hast-util-from-html, the
 * parse5-based parser of the unified ecosystem) and `.md` (remark with GFM tables). The
 * markup goes; each block (paragraph, heading, list item, table cell) becomes one line, so
 * the two-column header table of a portal page arrives as the lines `BỘ XÂY DỰNG` /
 * `CỘNG HÒA …` / `Số: …` / `Hà Nội, ngày …`, the layout the header reader knows.
 *
 * The bytes are decoded first by the text decoder (`decodeSource`), so an .html or .md file
 * in Windows-1258, TCVN3 or with mojibake reads as a .txt would.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root as MdastRoot, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourceFormat, SourceOrigin } from '../../model.ts';
import { decodeSource } from '../read.ts';
import type { Reader, ReaderOutput } from './reader.ts';

/** Elements whose content is never document text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'canvas',
  'iframe',
  'object',
  'button',
  'select',
  'nav',
]);

/** Elements that start a new line (a block of the document). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

/**
 * Lines of text from block-level content: a line ends at each block boundary and at `<br>`;
 * white space inside a line is collapsed as a browser would.
 */
class LineWriter {
  private readonly lines: string[] = [];
  private current = '';

  text(value: string): void {
    this.current += value;
  }

  /** End the current line (if it has text). */
  break(): void {
    const line = this.current.replace(/[ \t\r\n\u00a0]+/gu, ' ').trim();
    if (line !== '') this.lines.push(line);
    this.current = '';
  }

  result(): string {
    this.break();
    return this.lines.join('\n');
  }
}

/**
 * The text of an HTML page, one block per line.
 *
 * @param html Decoded HTML.
 * @returns Text; a `<br>` is a line end, table cells are lines of their own.
 */
export function htmlToLines(html: string): string {
  const tree: HastRoot = fromHtml(html);
  const writer = new LineWriter();
  const walk = (nodes: readonly (ElementContent | HastRoot['children'][number])[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') writer.text(node.value);
      else if (node.type === 'element') visit(node);
    }
  };
  const visit = (element: Element): void => {
    const tag = element.tagName;
    if (SKIPPED.has(tag) || element.properties['hidden'] !== undefined) return;
    if (tag === 'br') {
      writer.break();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) writer.break();
    walk(element.children);
    if (block) writer.break();
  };
  walk(tree.children);
  return writer.result();
}

/**
 * The text of a Markdown file, one block per line: headings and paragraphs as lines (a
 * paragraph's own line breaks kept), list items prefixed as written ("- ", "1. "), table
 * rows flattened to one cell per line, emphasis markers and links removed.
 *
 * @param markdown Decoded Markdown.
 * @returns Text.
 */
export function markdownToLines(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const writer = new LineWriter();
  const inline = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        // A soft line break inside a paragraph is a line of the document as typed.
        const parts = node.value.split('\n');
        parts.forEach((part, index) => {
          if (index > 0) writer.break();
          writer.text(part);
        });
      } else if (node.type === 'break') writer.break();
      else if ('children' in node) inline(node.children as RootContent[]);
    }
  };
  const block = (nodes: readonly RootContent[], listPrefix = ''): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
        case 'paragraph':
          writer.break();
          writer.text(listPrefix);
          listPrefix = '';
          inline(node.children);
          writer.break();
          break;
        case 'list':
          node.children.forEach((item, index) => {
            const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
            block(item.children, marker);
          });
          break;
        case 'table':
          for (const row of node.children) {
            for (const cell of row.children) {
              writer.break();
              inline(cell.children);
              writer.break();
            }
          }
          break;
        case 'code':
        case 'html':
          writer.break();
          writer.text(node.type === 'html' ? htmlToLines(node.value) : node.value);
          writer.break();
          break;
        case 'thematicBreak':
        case 'definition':
          writer.break();
          break;
        default:
          if ('children' in node) block(node.children as RootContent[], listPrefix);
      }
    }
  };
  block(tree.children);
  return writer.result();
}

/** Decode, then turn markup into lines; errors of decoding pass through as they are. */
function markupReader(format: Extract<SourceFormat, 'html' | 'md'>, toLines: (text: string) => string): Reader {
  return async (bytes, file): Promise<ReaderOutput> => {
    const decoded = decodeSource(bytes, file);
    const conversions =
      decoded.encoding && decoded.encoding !== 'utf-8' && !decoded.encoding.startsWith('utf-16') ? [decoded.encoding] : [];
    const origin: SourceOrigin = {
      format,
      reader: format === 'html' ? 'hast-util-from-html' : 'remark (GFM)',
      pageCount: null,
      conversions,
      ocr: null,
    };
    if (decoded.text === null) return { text: null, origin, messages: decoded.messages };
    return { text: toLines(decoded.text), origin, messages: decoded.messages };
  };
}

export const readHtml: Reader = markupReader('html', htmlToLines);
export const readMarkdown: Reader = markupReader('md', markdownToLines);
