/**
 * Word's automatic list numbering, computed the way Word shows it, so that "I. MỤC ĐÍCH",
 * "1." and "a)" that exist only in numbering.xml reach the text.
 *
 * A paragraph points at a `w:num` (numId) and a level; the num points at a `w:abstractNum`
 * holding the levels (start, format, text such as "%1.%2)", restart rule, suffix). Nums that
 * share an abstractNum share its counters, as Word does, unless the num restarts a level
 * with `w:lvlOverride/w:startOverride`: such a num counts on its own.
 */
import type { NumberingReference, Styles } from './styles.ts';
import { child, childrenNamed, onOff, type XmlElement } from './xml.ts';

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: 0 = never restart; n = restart after a level ≤ n (1-based) is used; null = after any higher level. */
  restart: number | null;
  suffix: string;
  /** `w:isLgl`: show every level's number in decimal. */
  legal: boolean;
  styleId: string | null;
}

interface NumDefinition {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDefinition>;
}

/** Bullet characters kept as written; any other bullet (•, Symbol/Wingdings glyphs) becomes "-". */
const KEPT_BULLETS = new Set(['-', '+', '–', '—', '*', '=']);
const LEVELS = 9;
const MAX_LINK_DEPTH = 8;

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, LevelDefinition>>();
  private readonly abstractLinks = new Map<string, string>();
  private readonly nums = new Map<string, NumDefinition>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    root: XmlElement | null,
    private readonly styles: Styles,
  ) {
    for (const abstract of childrenNamed(root ?? undefined, 'w:abstractNum')) {
      const id = abstract.attributes['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDefinition>();
      for (const level of childrenNamed(abstract, 'w:lvl')) {
        levels.set(integer(level.attributes['w:ilvl'], 0), levelDefinition(level));
      }
      this.abstracts.set(id, levels);
      const link = child(abstract, 'w:numStyleLink')?.attributes['w:val'];
      if (link !== undefined) this.abstractLinks.set(id, link);
    }
    for (const num of childrenNamed(root ?? undefined, 'w:num')) {
      const id = num.attributes['w:numId'];
      const abstractId = child(num, 'w:abstractNumId')?.attributes['w:val'];
      if (id === undefined || abstractId === undefined) continue;
      const startOverrides = new Map<number, number>();
      const levelOverrides = new Map<number, LevelDefinition>();
      for (const override of childrenNamed(num, 'w:lvlOverride')) {
        const level = integer(override.attributes['w:ilvl'], 0);
        const start = child(override, 'w:startOverride')?.attributes['w:val'];
        if (start !== undefined) startOverrides.set(level, integer(start, 1));
        const replaced = child(override, 'w:lvl');
        if (replaced) levelOverrides.set(level, levelDefinition(replaced));
      }
      this.nums.set(id, { abstractId, startOverrides, levelOverrides });
    }
  }

  /**
   * The number text of the next paragraph of a list ("1. ", "a) ", "- "), advancing the
   * counters; null when the reference is no list (numId 0 or unknown).
   *
   * @param reference The paragraph's numId and level (level null: from the style link or 0).
   * @param styleId The paragraph's style, to find the level a style is linked to.
   */
  next(reference: NumberingReference, styleId: string | null): string | null {
    const num = this.nums.get(reference.numId);
    if (!num) return null;
    const levels = this.levelsOf(num);
    if (!levels) return null;
    const level = reference.ilvl ?? this.levelOfStyle(levels, styleId) ?? 0;
    const definition = levels.get(level);
    if (!definition) return null;

    const key = num.startOverrides.size > 0 ? `num:${reference.numId}` : `abstract:${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = new Array<number | undefined>(LEVELS).fill(undefined);
      this.counters.set(key, counters);
    }
    const startOf = (at: number): number => num.startOverrides.get(at) ?? levels.get(at)?.start ?? 1;
    counters[level] = counters[level] === undefined ? startOf(level) : counters[level]! + 1;
    for (let lower = level + 1; lower < LEVELS; lower++) {
      const restart = levels.get(lower)?.restart ?? null;
      if (restart === null || (restart > 0 && level + 1 <= restart)) counters[lower] = undefined;
    }

    if (definition.format === 'bullet') {
      const mark = definition.text.trim();
      return `${KEPT_BULLETS.has(mark) ? mark : '-'} `;
    }
    const text = definition.text.replace(/%([1-9])/gu, (_whole, digit: string) => {
      const at = Number(digit) - 1;
      if (at > level) return '';
      const value = counters[at] ?? startOf(at);
      const format = definition.legal && at < level ? 'decimal' : (levels.get(at)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    if (text.trim() === '') return null;
    return text + definition.suffix;
  }

  /** The levels of a num, its level overrides laid over them, following numStyleLink. */
  private levelsOf(num: NumDefinition): Map<number, LevelDefinition> | null {
    let abstractId = num.abstractId;
    for (let depth = 0; depth < MAX_LINK_DEPTH; depth++) {
      const link = this.abstractLinks.get(abstractId);
      if (link === undefined) break;
      const linked = this.styles.numberingOf(link)?.reference;
      const target = linked ? this.nums.get(linked.numId)?.abstractId : undefined;
      if (target === undefined || target === abstractId) break;
      abstractId = target;
    }
    const levels = this.abstracts.get(abstractId);
    if (!levels) return null;
    if (num.levelOverrides.size === 0) return levels;
    const merged = new Map(levels);
    for (const [level, definition] of num.levelOverrides) merged.set(level, definition);
    return merged;
  }

  private levelOfStyle(levels: Map<number, LevelDefinition>, styleId: string | null): number | null {
    if (styleId === null) return null;
    for (const [level, definition] of levels) if (definition.styleId === styleId) return level;
    return null;
  }
}

function levelDefinition(level: XmlElement): LevelDefinition {
  const suffix = child(level, 'w:suff')?.attributes['w:val'];
  const restart = child(level, 'w:lvlRestart')?.attributes['w:val'];
  return {
    start: integer(child(level, 'w:start')?.attributes['w:val'], 1),
    format: child(level, 'w:numFmt')?.attributes['w:val'] ?? 'decimal',
    text: child(level, 'w:lvlText')?.attributes['w:val'] ?? '',
    restart: restart === undefined ? null : integer(restart, 0),
    // Word's default suffix is a tab; in running text a tab after a number reads as a space.
    suffix: suffix === 'nothing' ? '' : ' ',
    legal: onOff(child(level, 'w:isLgl')) === true,
    styleId: child(level, 'w:pStyle')?.attributes['w:val'] ?? null,
  };
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/**
 * One counter value in a `w:numFmt`. Formats with no Latin equivalent (Chinese counting,
 * Vietnamese words) fall back to decimal, which keeps the list order readable.
 */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(value);
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperLetter':
      return toLetters(value);
    case 'lowerLetter':
      return toLetters(value).toLowerCase();
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA, BB… (the letter repeated), not spreadsheet columns. */
function toLetters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.min(Math.floor((value - 1) / 26) + 1, 20));
}
