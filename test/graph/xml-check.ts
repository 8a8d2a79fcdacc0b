/**
 * A tiny XML well-formedness check for tests (no XML parser is a dependency): balanced
 * tags, quoted attributes, no raw `<` or stray `&` in text.
 */

/** Problems found; empty when the document is well-formed enough for GraphML. */
export function checkXml(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray) problems.push(`raw < at ${match.index}`);
    else if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(text)) problems.push(`stray & at ${match.index}`);
    } else if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? ''}>`);
    } else if (!selfClosing && name) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}
