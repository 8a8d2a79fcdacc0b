/**
 * OpenDocument text (content.xml) → lines: paragraphs and headings, lists with the numbers
 * their list style gives ("1.", "a)", bullets as "- "), tables cell by cell, frames' text
 * boxes after their paragraph, notes as "[n]" with their text after the body, text in a
 * TCVN3/VNI font converted; tracked deletions and annotations left out.
 */
import type { SourceOrigin } from '../../../model.ts';
import type { LegacyEncoding } from '../legacy-encoding.ts';
import type { ReaderOutput } from '../reader.ts';
import { legacyFontAmong, legacyFontMessage, legacyToUnicode } from './legacy-text.ts';
import { formatNumber } from './numbering.ts';
import { paragraphLines } from './paragraph-lines.ts';
import { child, childrenNamed, parseXml, type XmlElement } from './xml.ts';
import type { ZipParts } from './zip.ts';

interface ListLevel {
  bullet: string | null;
  format: string;
  prefix: string;
  suffix: string;
  start: number;
  displayLevels: number;
}

const SKIPPED = new Set([
  'office:annotation',
  'office:annotation-end',
  'text:tracked-changes',
  'text:deletion',
  'text:note-citation',
  'text:sequence-decls',
  'text:variable-decls',
  'office:forms',
  'text:bookmark',
  'text:soft-page-break',
]);
const ODF_FORMATS: Readonly<Record<string, string>> = {
  '1': 'decimal',
  I: 'upperRoman',
  i: 'lowerRoman',
  A: 'upperLetter',
  a: 'lowerLetter',
  '': 'none',
};
const KEPT_BULLETS = new Set(['-', '+', '–', '—', '*']);

export function readOdt(zip: ZipParts, file: string, origin: SourceOrigin): ReaderOutput {
  const contentBytes = zip.read('content.xml');
  if (!contentBytes) {
    return {
      text: null,
      origin,
      messages: [
        {
          file,
          level: 'error',
          code: 'odt-no-content',
          message: `Không đọc được tệp “${file}”: tệp OpenDocument không có phần nội dung (content.xml).`,
        },
      ],
    };
  }
  const content = parseXml(contentBytes);
  const stylesBytes = zip.read('styles.xml');
  const stylesRoot = stylesBytes ? parseXml(stylesBytes) : undefined;
  const context: OdtContext = { listStyles: new Map(), textStyles: new TextStyles(), conversions: new Set() };
  for (const root of [stylesRoot, content]) {
    context.textStyles.addFaces(child(root, 'office:font-face-decls'));
    for (const container of [child(root, 'office:styles'), child(root, 'office:automatic-styles')]) {
      collectListStyles(container, context.listStyles);
      context.textStyles.addStyles(container);
    }
  }
  const text = child(child(content, 'office:body'), 'office:text');
  const writer = new OdtWriter(context);
  if (text) writer.blocks(text, null, 0);
  const lines = [...writer.lines, ...writer.notes];
  const conversions = [...context.conversions].sort();
  return {
    text: lines.join('\n').normalize('NFC'),
    origin: { ...origin, conversions },
    messages: conversions.map((encoding) => legacyFontMessage(file, encoding)),
  };
}

/** The text properties reading depends on: the font (legacy fonts are converted) and upper-casing. */
interface TextTraits {
  font: string | null;
  upper: boolean | null;
}

const NO_TRAITS: TextTraits = { font: null, upper: null };
const MAX_CHAIN = 32;

/** Paragraph and text styles (named and automatic) with their parents, and the font faces they name. */
class TextStyles {
  private readonly faces = new Map<string, string>();
  private readonly styles = new Map<string, { parent: string | null; traits: TextTraits }>();
  defaults: TextTraits = NO_TRAITS;

  addFaces(declarations: XmlElement | undefined): void {
    for (const face of childrenNamed(declarations, 'style:font-face')) {
      const name = face.attributes['style:name'];
      const family = face.attributes['svg:font-family'];
      if (name !== undefined && family !== undefined) this.faces.set(name, family);
    }
  }

  addStyles(container: XmlElement | undefined): void {
    for (const style of childrenNamed(container, 'style:style')) {
      const name = style.attributes['style:name'];
      if (name !== undefined)
        this.styles.set(name, { parent: style.attributes['style:parent-style-name'] ?? null, traits: this.traitsIn(style) });
    }
    for (const style of childrenNamed(container, 'style:default-style')) {
      if (style.attributes['style:family'] === 'paragraph') this.defaults = merge(this.traitsIn(style), this.defaults);
    }
  }

  /** A style's traits through its parents (the defaults not included). */
  traitsOf(name: string | undefined): TextTraits {
    let traits = NO_TRAITS;
    let current: string | null = name ?? null;
    for (let depth = 0; current !== null && depth < MAX_CHAIN; depth++) {
      const style = this.styles.get(current);
      if (!style) break;
      traits = merge(traits, style.traits);
      current = style.parent;
    }
    return traits;
  }

  private traitsIn(style: XmlElement): TextTraits {
    const properties = child(style, 'style:text-properties');
    if (!properties) return NO_TRAITS;
    const faceName = properties.attributes['style:font-name'];
    const transform = properties.attributes['fo:text-transform'];
    return {
      font:
        (faceName !== undefined ? (this.faces.get(faceName) ?? faceName) : undefined) ??
        properties.attributes['fo:font-family'] ??
        null,
      upper: transform === undefined ? null : transform === 'uppercase',
    };
  }
}

function merge(over: TextTraits, under: TextTraits): TextTraits {
  return { font: over.font ?? under.font, upper: over.upper ?? under.upper };
}

interface OdtContext {
  listStyles: Map<string, Map<number, ListLevel>>;
  textStyles: TextStyles;
  conversions: Set<LegacyEncoding>;
}

function collectListStyles(container: XmlElement | undefined, into: Map<string, Map<number, ListLevel>>): void {
  for (const style of childrenNamed(container, 'text:list-style')) {
    const name = style.attributes['style:name'];
    if (name === undefined) continue;
    const levels = new Map<number, ListLevel>();
    for (const node of style.children) {
      if (typeof node === 'string') continue;
      const level = Number.parseInt(node.attributes['text:level'] ?? '1', 10);
      if (node.name === 'text:list-level-style-bullet') {
        const mark = (node.attributes['text:bullet-char'] ?? '-').trim();
        levels.set(level, {
          bullet: KEPT_BULLETS.has(mark) ? mark : '-',
          format: 'none',
          prefix: '',
          suffix: '',
          start: 1,
          displayLevels: 1,
        });
      } else if (node.name === 'text:list-level-style-number') {
        levels.set(level, {
          bullet: null,
          format: ODF_FORMATS[node.attributes['style:num-format'] ?? '1'] ?? 'decimal',
          prefix: node.attributes['style:num-prefix'] ?? '',
          suffix: node.attributes['style:num-suffix'] ?? '',
          start: Number.parseInt(node.attributes['text:start-value'] ?? '1', 10) || 1,
          displayLevels: Number.parseInt(node.attributes['text:display-levels'] ?? '1', 10) || 1,
        });
      }
    }
    into.set(name, levels);
  }
}

class OdtWriter {
  readonly lines: string[] = [];
  readonly notes: string[] = [];
  private noteCount = 0;
  /** Counters per list style, kept so that a list continuing an earlier one goes on counting. */
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly context: OdtContext) {}

  blocks(container: XmlElement, listStyle: string | null, depth: number): void {
    for (const node of container.children) {
      if (typeof node === 'string' || SKIPPED.has(node.name)) continue;
      if (node.name === 'text:p' || node.name === 'text:h') this.paragraph(node, '');
      else if (node.name === 'text:list') this.list(node, listStyle, depth + 1);
      else this.blocks(node, listStyle, depth);
    }
  }

  private list(list: XmlElement, outerStyle: string | null, level: number): void {
    const style = list.attributes['text:style-name'] ?? outerStyle;
    const key = style ?? '';
    let counters = this.counters.get(key);
    const continues =
      list.attributes['text:continue-numbering'] === 'true' || list.attributes['text:continue-list'] !== undefined;
    if (!counters || (level === 1 && !continues)) {
      counters = [];
      this.counters.set(key, counters);
    }
    for (const item of list.children) {
      if (typeof item === 'string') continue;
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const number =
        item.name === 'text:list-item' ? this.listNumber(style, level, counters, item.attributes['text:start-value']) : '';
      let first = true;
      for (const node of item.children) {
        if (typeof node === 'string') continue;
        if (node.name === 'text:list') this.list(node, style, level + 1);
        else if (node.name === 'text:p' || node.name === 'text:h') {
          this.paragraph(node, first ? number : '');
          first = false;
        } else if (!SKIPPED.has(node.name)) this.blocks(node, style, level);
      }
    }
  }

  private listNumber(style: string | null, level: number, counters: number[], startValue: string | undefined): string {
    const levels = style !== null ? this.context.listStyles.get(style) : undefined;
    const definition = levels?.get(level);
    if (!definition) return '';
    const start = startValue !== undefined ? Number.parseInt(startValue, 10) || 1 : undefined;
    counters[level] = start ?? (counters[level] === undefined ? definition.start : counters[level]! + 1);
    counters.length = level + 1;
    if (definition.bullet !== null) return `${definition.bullet} `;
    const shown: string[] = [];
    for (let at = Math.max(1, level - definition.displayLevels + 1); at <= level; at++) {
      shown.push(formatNumber(counters[at] ?? levels?.get(at)?.start ?? 1, levels?.get(at)?.format ?? 'decimal'));
    }
    const text = `${definition.prefix}${shown.join('.')}${definition.suffix}`;
    return text.trim() === '' ? '' : `${text} `;
  }

  private paragraph(paragraph: XmlElement, number: string): void {
    const parts: string[] = [];
    const anchored: string[] = [];
    const traits = merge(
      this.context.textStyles.traitsOf(paragraph.attributes['text:style-name']),
      this.context.textStyles.defaults,
    );
    this.inline(paragraph, parts, anchored, traits);
    const lines = paragraphLines(parts.join(''), false);
    if (number !== '' && lines.length > 0) lines[0] = number + lines[0];
    this.lines.push(...lines, ...anchored);
  }

  private inline(container: XmlElement, parts: string[], anchored: string[], traits: TextTraits): void {
    for (const node of container.children) {
      if (typeof node === 'string') {
        // Whitespace in ODF collapses; runs of spaces are written as text:s.
        const text = legacyToUnicode(node.replace(/[ \t\r\n]+/gu, ' '), legacyFontAmong([traits.font]), this.context.conversions);
        parts.push(traits.upper === true ? text.toUpperCase() : text);
        continue;
      }
      if (SKIPPED.has(node.name)) continue;
      switch (node.name) {
        case 'text:s':
          parts.push(' '.repeat(Math.min(Number.parseInt(node.attributes['text:c'] ?? '1', 10) || 1, 100)));
          break;
        case 'text:tab':
          parts.push('\t');
          break;
        case 'text:line-break':
          parts.push('\n');
          break;
        case 'text:note':
          parts.push(`[${this.note(node)}]`);
          break;
        case 'text:span':
          this.inline(node, parts, anchored, merge(this.context.textStyles.traitsOf(node.attributes['text:style-name']), traits));
          break;
        case 'draw:text-box': {
          const writer = new OdtWriter(this.context);
          writer.blocks(node, null, 0);
          anchored.push(...writer.lines);
          this.notes.push(...writer.notes);
          break;
        }
        default:
          this.inline(node, parts, anchored, traits);
      }
    }
  }

  private note(note: XmlElement): string {
    this.noteCount += 1;
    const mark = String(this.noteCount);
    const body = child(note, 'text:note-body');
    if (body) {
      const writer = new OdtWriter(this.context);
      writer.blocks(body, null, 0);
      if (writer.lines.length > 0) {
        writer.lines[0] = `[${mark}] ${writer.lines[0]}`;
        this.notes.push(...writer.lines, ...writer.notes);
      }
    }
    return mark;
  }
}
