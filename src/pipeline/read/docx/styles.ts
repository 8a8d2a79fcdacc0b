/**
 * What styles.xml contributes to reading text: a paragraph style's list numbering
 * (`w:numPr`), and the run properties that change characters — the font (legacy TCVN3/VNI
 * fonts need converting), all-caps and hidden text — resolved through `w:basedOn` chains
 * down to `w:docDefaults`.
 */
import { child, childrenNamed, onOff, type XmlElement } from './xml.ts';

/** The run properties the text depends on; null fields are "not said at this level". */
export interface RunTraits {
  /** Font of ASCII characters (`w:ascii`). */
  asciiFont: string | null;
  /** Font of other characters (`w:hAnsi`), which is where TCVN3 letters fall. */
  otherFont: string | null;
  caps: boolean | null;
  hidden: boolean | null;
}

export interface NumberingReference {
  numId: string;
  ilvl: number | null;
}

interface StyleDefinition {
  basedOn: string | null;
  numbering: NumberingReference | null;
  run: RunTraits;
  columnTabs: boolean;
}

const EMPTY_TRAITS: RunTraits = { asciiFont: null, otherFont: null, caps: null, hidden: null };
/** basedOn chains deeper than this are cycles or nonsense. */
const MAX_CHAIN = 32;

/** Read the traits said by one `w:rPr` (missing → all null). */
function runTraitsOf(rPr: XmlElement | undefined): RunTraits {
  if (!rPr) return EMPTY_TRAITS;
  const fonts = child(rPr, 'w:rFonts');
  // A theme font (w:asciiTheme) wins over the named one at the same level; a theme font is
  // never a legacy 8-bit font, so its name does not matter here, only that it is not one.
  const font = (themeKey: string, key: string): string | null => {
    if (!fonts) return null;
    if (fonts.attributes[themeKey] !== undefined) return `theme:${fonts.attributes[themeKey]}`;
    return fonts.attributes[key] ?? null;
  };
  return {
    asciiFont: font('w:asciiTheme', 'w:ascii'),
    otherFont: font('w:hAnsiTheme', 'w:hAnsi'),
    caps: onOff(child(rPr, 'w:caps')) ?? onOff(child(rPr, 'w:smallCaps')),
    hidden: onOff(child(rPr, 'w:vanish')),
  };
}

/** Fill what `over` leaves unsaid from `under`. */
function mergeTraits(over: RunTraits, under: RunTraits): RunTraits {
  return {
    asciiFont: over.asciiFont ?? under.asciiFont,
    otherFont: over.otherFont ?? under.otherFont,
    caps: over.caps ?? under.caps,
    hidden: over.hidden ?? under.hidden,
  };
}

/** A `w:numPr` (inside a `w:pPr`) as a reference, or null. */
export function numberingReferenceOf(pPr: XmlElement | undefined): NumberingReference | null {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return null;
  const numId = child(numPr, 'w:numId')?.attributes['w:val'];
  const ilvl = child(numPr, 'w:ilvl')?.attributes['w:val'];
  if (numId === undefined && ilvl === undefined) return null;
  return { numId: numId ?? '', ilvl: ilvl === undefined ? null : clampLevel(Number.parseInt(ilvl, 10)) };
}

function clampLevel(level: number): number {
  return Number.isFinite(level) ? Math.min(8, Math.max(0, level)) : 0;
}

export class Styles {
  private readonly byId = new Map<string, StyleDefinition>();
  private readonly defaults: RunTraits;
  private readonly defaultParagraphStyle: string | null;
  private readonly resolvedRun = new Map<string, RunTraits>();

  constructor(root: XmlElement | null) {
    let defaultParagraph: string | null = null;
    for (const style of childrenNamed(root ?? undefined, 'w:style')) {
      const id = style.attributes['w:styleId'];
      if (id === undefined) continue;
      const isDefault = style.attributes['w:default'];
      if (style.attributes['w:type'] === 'paragraph' && (isDefault === '1' || isDefault === 'true' || isDefault === 'on')) {
        defaultParagraph = id;
      }
      this.byId.set(id, {
        basedOn: child(style, 'w:basedOn')?.attributes['w:val'] ?? null,
        numbering: numberingReferenceOf(child(style, 'w:pPr')),
        run: runTraitsOf(child(style, 'w:rPr')),
        columnTabs: hasColumnTabStops(child(style, 'w:pPr')),
      });
    }
    this.defaultParagraphStyle = defaultParagraph;
    const docDefaults = child(root ?? undefined, 'w:docDefaults');
    this.defaults = runTraitsOf(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr'));
  }

  /** The paragraph style in effect: the named one, else the document's default paragraph style. */
  paragraphStyleId(named: string | undefined): string | null {
    return named ?? this.defaultParagraphStyle;
  }

  /** The numbering a paragraph style (or one it is based on) gives, with the style that gave it. */
  numberingOf(styleId: string | null): { reference: NumberingReference; styleId: string } | null {
    let id = styleId;
    for (let depth = 0; id !== null && depth < MAX_CHAIN; depth++) {
      const style = this.byId.get(id);
      if (!style) return null;
      if (style.numbering) return { reference: style.numbering, styleId: id };
      id = style.basedOn;
    }
    return null;
  }

  /** Whether a paragraph style (or one it is based on) sets column tab stops (see `hasColumnTabStops`). */
  columnTabsOf(styleId: string | null): boolean {
    let id = styleId;
    for (let depth = 0; id !== null && depth < MAX_CHAIN; depth++) {
      const style = this.byId.get(id);
      if (!style) return false;
      if (style.columnTabs) return true;
      id = style.basedOn;
    }
    return false;
  }

  /** Run traits of a style chain, falling back to the document defaults. */
  runTraitsOfStyle(styleId: string | null): RunTraits {
    if (styleId === null) return this.defaults;
    const cached = this.resolvedRun.get(styleId);
    if (cached) return cached;
    const traits = mergeTraits(this.chainTraits(styleId), this.defaults);
    this.resolvedRun.set(styleId, traits);
    return traits;
  }

  /**
   * Traits of one run: its own `w:rPr`, then its character style, then the paragraph style,
   * then the defaults.
   */
  runTraits(rPr: XmlElement | undefined, paragraphStyleId: string | null): RunTraits {
    const direct = runTraitsOf(rPr);
    const characterStyle = child(rPr, 'w:rStyle')?.attributes['w:val'];
    const fromCharacterStyle = characterStyle !== undefined ? this.chainTraits(characterStyle) : EMPTY_TRAITS;
    return mergeTraits(mergeTraits(direct, fromCharacterStyle), this.runTraitsOfStyle(paragraphStyleId));
  }

  /**
   * A style's own chain (itself, then what it is based on), without the defaults: a character
   * style's traits go before the paragraph style's, and the defaults come last.
   */
  private chainTraits(styleId: string): RunTraits {
    let traits = EMPTY_TRAITS;
    let id: string | null = styleId;
    for (let depth = 0; id !== null && depth < MAX_CHAIN; depth++) {
      const style = this.byId.get(id);
      if (!style) break;
      traits = mergeTraits(traits, style.run);
      id = style.basedOn;
    }
    return traits;
  }
}

/** Half of a portrait A4 text width, in twentieths of a point: a tab stop beyond it starts a column. */
const COLUMN_STOP_TWIPS = 3600;

/**
 * Whether a `w:pPr` sets tab stops that lay text out in columns: a centre or right stop (a
 * header or signature line "TM. ỦY BAN NHÂN DÂN<tab>CHỦ TỊCH"), or a left stop past the middle
 * of the line ("Số: 12/UBND<tab>Hà Nội, ngày…"). Stops near the margin only indent text after
 * a number or a label.
 */
export function hasColumnTabStops(pPr: XmlElement | undefined): boolean {
  return childrenNamed(child(pPr, 'w:tabs'), 'w:tab').some((tab) => {
    const kind = tab.attributes['w:val'];
    if (kind === 'center' || kind === 'right' || kind === 'end') return true;
    const position = Number.parseInt(tab.attributes['w:pos'] ?? '0', 10);
    return (kind === 'left' || kind === 'start') && position >= COLUMN_STOP_TWIPS;
  });
}
