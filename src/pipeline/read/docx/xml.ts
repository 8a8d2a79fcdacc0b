/**
 * XML parts → a small element tree in document order, through fast-xml-parser with
 * entity processing OFF and any DOCTYPE refused, so no entity is ever expanded (no billion
 * laughs, no external entities); only the five XML entities and numeric character
 * references are decoded, here, by hand.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
}
/** A text node is its decoded string. */
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  // Nested tables inside text boxes inside tables go deep, but not this deep.
  maxNestedTags: 256,
  // No jPath strings are needed (no callbacks use them): saves building one per tag.
  jPath: false,
});

const XML_ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/gu;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the XML entities; anything else (a DTD's `&name;`) stays as written. */
function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_ENTITY, (whole, named: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Parse one XML part.
 *
 * @param bytes UTF-8 (or UTF-16 with BOM) bytes of the part.
 * @returns The root element's children in order (declarations dropped).
 * @throws XmlError with the parser's reason when the XML is not well formed.
 */
export function parseXml(bytes: Uint8Array): XmlElement {
  const text = decodeXmlBytes(bytes);
  // Office never writes a DTD into its parts; one that has a DOCTYPE is crafted (entity
  // expansion, external entities), so it is refused before any parser sees it.
  if (/<!DOCTYPE/iu.test(text))
    throw new XmlError('có khai báo <!DOCTYPE> mà Word không bao giờ ghi; nghi là tệp độc hại dùng thực thể XML');
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (validation !== true) {
    throw new XmlError(`lỗi cú pháp ở dòng ${validation.err.line}: ${validation.err.msg}`);
  }
  let raw: unknown;
  try {
    raw = parser.parse(text);
  } catch (error) {
    throw new XmlError((error as Error).message);
  }
  const roots = convert(raw as RawNode[]).filter((node): node is XmlElement => typeof node !== 'string');
  if (roots.length !== 1) throw new XmlError('không có phần tử gốc duy nhất');
  return roots[0]!;
}

function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

type RawNode = Record<string, unknown>;

function convert(nodes: RawNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    let name: string | null = null;
    for (const key in node) {
      if (key !== ':@') {
        name = key;
        break;
      }
    }
    if (name === null) continue;
    if (name === '#text') {
      out.push(decodeXmlEntities(String(node[name])));
      continue;
    }
    const rawAttributes = (node[':@'] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const key in rawAttributes) attributes[key] = decodeXmlEntities(String(rawAttributes[key]));
    const children = node[name];
    out.push({ name, attributes, children: Array.isArray(children) ? convert(children as RawNode[]) : [] });
  }
  return out;
}

/** First child element with this name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

/** All child elements with this name. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const out: XmlElement[] = [];
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) out.push(node);
  return out;
}

/** Concatenated text of an element's direct text children. */
export function ownText(element: XmlElement): string {
  let text = '';
  for (const node of element.children) if (typeof node === 'string') text += node;
  return text;
}

/**
 * An OOXML on/off property (`<w:b/>`, `<w:caps w:val="0"/>`): null when absent.
 */
export function onOff(element: XmlElement | undefined): boolean | null {
  if (!element) return null;
  const value = element.attributes['w:val'];
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}
