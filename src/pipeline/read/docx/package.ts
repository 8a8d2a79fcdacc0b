/**
 * The parts of a Word package that carry text, found the way Word finds them: the main
 * document from `_rels/.rels` (officeDocument), its styles, numbering, footnotes and
 * endnotes from the document's own relationships, with the usual names as a fallback.
 */
import { ZipParts } from './zip.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

const RELATIONSHIP_TYPES = {
  officeDocument: '/officeDocument',
  styles: '/styles',
  numbering: '/numbering',
  footnotes: '/footnotes',
  endnotes: '/endnotes',
} as const;

export interface WordParts {
  document: XmlElement;
  documentName: string;
  styles: XmlElement | null;
  numbering: XmlElement | null;
  footnotes: XmlElement | null;
  endnotes: XmlElement | null;
}

/**
 * Locate and parse the text-bearing parts of a .docx.
 *
 * @returns null when the package has no main document part.
 * @throws ZipError / XmlError from the archive or the XML.
 */
export function readWordParts(zip: ZipParts): WordParts | null {
  const rootRelationships = relationships(zip, '_rels/.rels', '');
  const documentName = rootRelationships.get('officeDocument') ?? 'word/document.xml';
  const documentBytes = zip.read(documentName) ?? (documentName !== 'word/document.xml' ? zip.read('word/document.xml') : null);
  if (!documentBytes) return null;
  const folder = documentName.includes('/') ? documentName.slice(0, documentName.lastIndexOf('/') + 1) : '';
  const base = documentName.slice(folder.length);
  const related = relationships(zip, `${folder}_rels/${base}.rels`, folder);
  const part = (kind: 'styles' | 'numbering' | 'footnotes' | 'endnotes'): XmlElement | null => {
    const name = related.get(kind) ?? `${folder}${kind}.xml`;
    const bytes = zip.read(name);
    return bytes ? parseXml(bytes) : null;
  };
  return {
    document: parseXml(documentBytes),
    documentName,
    styles: part('styles'),
    numbering: part('numbering'),
    footnotes: part('footnotes'),
    endnotes: part('endnotes'),
  };
}

/** Relationship kind → part name, for the kinds the reader uses. */
function relationships(zip: ZipParts, relsName: string, folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const bytes = zip.read(relsName);
  if (!bytes) return found;
  let root: XmlElement;
  try {
    root = parseXml(bytes);
  } catch {
    // A broken relationships part: fall back to the conventional names.
    return found;
  }
  for (const relationship of childrenNamed(root, 'Relationship')) {
    const type = relationship.attributes.Type ?? '';
    const target = relationship.attributes.Target;
    if (target === undefined || relationship.attributes.TargetMode === 'External') continue;
    for (const [kind, suffix] of Object.entries(RELATIONSHIP_TYPES)) {
      if (type.endsWith(suffix) && !found.has(kind)) found.set(kind, resolvePartName(folder, target));
    }
  }
  return found;
}

/** A relationship target relative to its source folder ("../x", "/word/x") → zip name. */
function resolvePartName(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}
