/**
 * WordprocessingML body → lines, in document order: one line per paragraph (with its list
 * number), tables cell by cell and row by row (nested tables in place), text boxes after the
 * paragraph that anchors them (one branch of `mc:AlternateContent` only), field results
 * without their instructions, insertions kept and deletions dropped, footnote marks as
 * "[n]". Runs in a TCVN3/VNI font are converted to Unicode.
 */
import type { LegacyEncoding } from '../legacy-encoding.ts';
import { legacyFontAmong, ParagraphText } from './legacy-text.ts';
import type { Numbering } from './numbering.ts';
import { hasColumnTabStops, numberingReferenceOf, type RunTraits, type Styles } from './styles.ts';
import { child, onOff, ownText, type XmlElement, type XmlNode } from './xml.ts';
import { paragraphLines } from './paragraph-lines.ts';
import { symbolText } from './symbols.ts';

export type NoteKind = 'footnote' | 'endnote';

/** Numbers footnote/endnote references in the order the body first cites them. */
export class NoteNumbers {
  readonly order: Record<NoteKind, string[]> = { footnote: [], endnote: [] };
  private readonly numbers: Record<NoteKind, Map<string, string>> = { footnote: new Map(), endnote: new Map() };

  constructor(private readonly format: Record<NoteKind, (index: number) => string>) {}

  /** The mark of a reference (the same id cited twice keeps its number). */
  mark(kind: NoteKind, id: string): string {
    const known = this.numbers[kind].get(id);
    if (known !== undefined) return known;
    const mark = this.format[kind](this.order[kind].length);
    this.numbers[kind].set(id, mark);
    this.order[kind].push(id);
    return mark;
  }

  markOf(kind: NoteKind, id: string): string | undefined {
    return this.numbers[kind].get(id);
  }
}

export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  notes: NoteNumbers;
  /** Legacy encodings met in runs, for `origin.conversions`. */
  conversions: Set<LegacyEncoding>;
}

/** Elements whose content is not part of the visible text. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:pPr',
  'w:rPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:sectPr',
  'w:instrText',
  'w:delText',
  'w:delInstrText',
  'w:commentReference',
  'w:annotationRef',
  'mc:Fallback',
  'w:tblPrEx',
  'w:customXmlPr',
  'w:smartTagPr',
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:proofErr',
]);

/** Field nesting deeper than this is a broken file; further begins are ignored. */
const MAX_FIELD_DEPTH = 64;

export class BodyWriter {
  readonly lines: string[] = [];
  /** Open complex fields: in their instruction part, or already in their result. */
  private readonly fields: ('instruction' | 'result')[] = [];

  constructor(private readonly context: BodyContext) {}

  /** Walk block-level content (body, table cell, text box, note, content control). */
  blocks(container: XmlElement): void {
    for (const node of container.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.paragraph(node);
          break;
        case 'mc:AlternateContent':
          this.blocks(alternateBranch(node));
          break;
        case 'w:sdt':
          if (!showsPlaceholder(node)) this.blocks(node);
          break;
        default:
          // Tables (w:tbl → w:tr → w:tc), content controls, custom XML, insertions: their
          // paragraphs in order. Skipped elements hold no visible text.
          if (!SKIPPED.has(node.name)) this.blocks(node);
      }
    }
  }

  private paragraph(paragraph: XmlElement): void {
    const pPr = child(paragraph, 'w:pPr');
    const styleId = this.context.styles.paragraphStyleId(child(pPr, 'w:pStyle')?.attributes['w:val']);
    const parts = new ParagraphText();
    const anchored: string[] = [];
    if (onOff(child(pPr, 'w:pageBreakBefore')) === true) parts.push('\f');
    // The number first: numbered paragraphs inside this one's text boxes come after it.
    const number = this.numberText(pPr, styleId);
    this.inline(paragraph, parts, anchored, styleId);

    const lines = paragraphLines(
      parts.text(this.context.conversions),
      hasColumnTabStops(pPr) || this.context.styles.columnTabsOf(styleId),
    );
    if (number !== null) {
      const first = lines.findIndex((line) => line !== '\f');
      if (first >= 0) lines[first] = number + lines[first];
    }
    this.lines.push(...lines, ...anchored);
  }

  /** The list number of a paragraph, from its own w:numPr or its style's; advances the counters. */
  private numberText(pPr: XmlElement | undefined, styleId: string | null): string | null {
    const direct = numberingReferenceOf(pPr);
    const fromStyle = this.context.styles.numberingOf(styleId);
    let reference = direct;
    if (direct && direct.numId === '' && fromStyle) reference = { numId: fromStyle.reference.numId, ilvl: direct.ilvl };
    if (!direct && fromStyle) reference = fromStyle.reference;
    if (!reference || reference.numId === '' || reference.numId === '0') return null;
    return this.context.numbering.next(reference, styleId);
  }

  /** Inline content of a paragraph (or of a hyperlink, field, insertion…) into `parts`. */
  private inline(container: XmlElement, parts: ParagraphText, anchored: string[], styleId: string | null): void {
    for (const node of container.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:r':
          this.run(node, parts, anchored, styleId);
          break;
        case 'mc:AlternateContent':
          this.inline(alternateBranch(node), parts, anchored, styleId);
          break;
        case 'w:sdt':
          if (!showsPlaceholder(node)) this.inline(node, parts, anchored, styleId);
          break;
        case 'm:t':
          if (this.visible()) parts.push(ownText(node));
          break;
        default:
          if (!SKIPPED.has(node.name)) this.inline(node, parts, anchored, styleId);
      }
    }
  }

  private run(run: XmlElement, parts: ParagraphText, anchored: string[], styleId: string | null): void {
    const traits = this.context.styles.runTraits(child(run, 'w:rPr'), styleId);
    for (const node of run.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:fldChar') {
        this.fieldChar(node.attributes['w:fldCharType']);
        continue;
      }
      if (traits.hidden === true || !this.visible()) {
        // Hidden text and field instructions are not read, but a text box inside still is.
        if (isGraphic(node.name) && this.visible()) this.textBoxes(node, anchored);
        continue;
      }
      switch (node.name) {
        case 'w:t':
          parts.pushRun(ownText(node), runFont(traits), traits.caps === true);
          break;
        case 'w:tab':
        case 'w:ptab':
          parts.push('\t');
          break;
        case 'w:br':
          parts.push(node.attributes['w:type'] === 'page' ? '\n\f\n' : '\n');
          break;
        case 'w:cr':
          parts.push('\n');
          break;
        case 'w:noBreakHyphen':
          parts.push('-');
          break;
        case 'w:sym':
          this.symbol(node, traits, parts);
          break;
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          // A custom mark is the text of the run that follows; a numbered one gets its number.
          const id = node.attributes['w:id'];
          if (id !== undefined && node.attributes['w:customMarkFollows'] !== '1') {
            parts.push(`[${this.context.notes.mark(node.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id)}]`);
          }
          break;
        }
        case 'w:ruby':
          this.inline(child(node, 'w:rubyBase') ?? node, parts, anchored, styleId);
          break;
        default:
          if (isGraphic(node.name)) this.textBoxes(node, anchored);
      }
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      if (this.fields.length < MAX_FIELD_DEPTH) this.fields.push('instruction');
    } else if (type === 'separate') {
      if (this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
    } else if (type === 'end') {
      this.fields.pop();
    }
  }

  /** Text shows only outside field instructions (every open field is in its result). */
  private visible(): boolean {
    for (const state of this.fields) if (state === 'instruction') return false;
    return true;
  }

  private symbol(sym: XmlElement, traits: RunTraits, parts: ParagraphText): void {
    const font = sym.attributes['w:font'] ?? '';
    const code = Number.parseInt(sym.attributes['w:char'] ?? '', 16);
    if (!Number.isFinite(code)) return;
    const legacy = legacyFontAmong([font]);
    if (legacy) parts.pushRun(String.fromCharCode(0xf000 | (code & 0xff)), legacy, traits.caps === true);
    else parts.push(symbolText(font, code));
  }

  /** Text boxes inside a drawing or VML shape: their paragraphs, as lines after the anchor's. */
  private textBoxes(graphic: XmlElement, anchored: string[]): void {
    for (const content of findTextBoxContents(graphic)) {
      const writer = new BodyWriter(this.context);
      writer.blocks(content);
      anchored.push(...writer.lines);
    }
  }
}

/** An empty content control shows its prompt ("Nhập ngày…"), which is not the document's text. */
function showsPlaceholder(sdt: XmlElement): boolean {
  return onOff(child(child(sdt, 'w:sdtPr'), 'w:showingPlcHdr')) === true;
}

/** The legacy font of a run: the non-ASCII slot (w:hAnsi) is where TCVN3/VNI letters fall, else the ASCII one. */
function runFont(traits: RunTraits): ReturnType<typeof legacyFontAmong> {
  return legacyFontAmong([traits.otherFont, traits.asciiFont]);
}

function isGraphic(name: string): boolean {
  return name === 'w:drawing' || name === 'w:pict' || name === 'mc:AlternateContent' || name === 'w:object';
}

/**
 * The one branch of an `mc:AlternateContent` to read: the first `mc:Choice` (Word writes the
 * modern shape there and the same text again, as VML, in `mc:Fallback`), else the fallback.
 */
function alternateBranch(alternate: XmlElement): XmlElement {
  return child(alternate, 'mc:Choice') ?? child(alternate, 'mc:Fallback') ?? { name: 'empty', attributes: {}, children: [] };
}

/** Every `w:txbxContent` under a graphic, outermost first, reading one AlternateContent branch. */
function findTextBoxContents(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlNode): void => {
    if (typeof node === 'string') return;
    if (node.name === 'w:txbxContent') {
      found.push(node);
      return;
    }
    if (node.name === 'mc:AlternateContent') {
      visit(alternateBranch(node));
      return;
    }
    for (const next of node.children) visit(next);
  };
  visit(element);
  return found;
}
