/**
 * The cascade of a document's implementations as a static SVG, drawn at build time: one lane
 * per issuer level, top down; x is the number of days after the implemented document (a
 * dashed line at 0); a dot per implementing document (a bar over its possible days when a
 * date is partial), labelled with its number and delay. Above `ROW_LIMIT` dated documents,
 * dots falling on the same few pixels of a lane are merged into one, sized by count, so the
 * file stays small for a document implemented a thousand times.
 *
 * Readable without JavaScript and on paper: text labels, an SVG <title> and <desc> (the
 * summary a screen reader reads; the table next to it has every row), a <title> per dot,
 * presentation attributes only (no style attribute, for the CSP), black text. Deterministic:
 * coordinates rounded to 0.1. Built as a hast tree and written by `hast-util-to-html` (SVG
 * space), which escapes the text and attribute values.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { coverageLevelLabel, formatDelay, formatIsoDate, tc } from '../../i18n/coverage.ts';
import type { ImplementedDocument, Implementation } from './coverage.ts';
import type { Delay } from './dates.ts';
import type { CoverageLevel } from './levels.ts';

/** Width of the drawing, in user units (it scales to its container). */
const WIDTH = 640;
const GUTTER = 150;
const RIGHT = 24;
const TOP = 30;
const ROW = 22;
const LANE = 30;
/** Up to this many dated documents, each gets a row of its own. */
export const ROW_LIMIT = 16;

/**
 * An SVG element. Attributes are given by their SVG names ("font-size", "viewBox") in the
 * order they are written.
 *
 * @param tagName Element name.
 * @param attributes Attribute name → value.
 * @param children Child elements, or the element's text.
 * @returns The hast element.
 */
function el(tagName: string, attributes: Record<string, string | number>, children: ElementContent[] | string = []): Element {
  const properties = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, String(value)]));
  return {
    type: 'element',
    tagName,
    properties,
    children: typeof children === 'string' ? [{ type: 'text', value: children }] : children,
  };
}

/** A coordinate: rounded to 0.1, no trailing ".0". */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A delay's least and most days. */
function bounds(delay: Delay): [number, number] | null {
  if (delay.kind === 'exact') return [delay.days, delay.days];
  if (delay.kind === 'range') return [delay.min, delay.max];
  return null;
}

/** A tick step giving at most 6 intervals over `span` days. */
function tickStep(span: number): number {
  for (const step of [1, 2, 5, 7, 14, 30, 60, 90, 180, 365, 730, 1825, 3650, 7300]) {
    if (span / step <= 6) return step;
  }
  return Math.ceil(span / 6);
}

/** The short name of an implementing document: its number, else its label. */
function shortName(item: Implementation): string {
  return item.source.number ?? item.source.label;
}

/** Options of `timelineSvg`. */
export interface TimelineOptions {
  /** Prefix of the ids of the <title> and <desc> (unique on the page). Default "trien-khai-dong-thoi-gian". */
  idPrefix?: string;
}

/**
 * The timeline of an implemented document.
 *
 * @param entry The implemented document and its implementations.
 * @param options Id prefix.
 * @returns SVG markup, or null when nothing can be placed in time (the document or every
 *   implementation undated).
 */
export function timelineSvg(entry: ImplementedDocument, options: TimelineOptions = {}): string | null {
  if (options.idPrefix !== undefined) return drawTimeline(entry, options.idPrefix);
  // Drawn once per document: the page and the benchmark ask again.
  let svg = drawn.get(entry);
  if (svg === undefined) drawn.set(entry, (svg = drawTimeline(entry, 'trien-khai-dong-thoi-gian')));
  return svg;
}

/** Timelines with the default ids, by document. */
const drawn = new WeakMap<ImplementedDocument, string | null>();

/** The timeline of a document, its ids prefixed with `prefix` (see `timelineSvg`). */
function drawTimeline(entry: ImplementedDocument, prefix: string): string | null {
  const dated = entry.implementations.flatMap((item) => {
    const b = bounds(item.delay);
    return b ? [{ item, min: b[0], max: b[1] }] : [];
  });
  if (dated.length === 0 || !entry.doc.date) return null;
  const undated = entry.implementations.length - dated.length;
  const lanes: { level: CoverageLevel; items: typeof dated }[] = [];
  for (const point of dated) {
    const last = lanes.at(-1);
    if (last && last.level === point.item.source.level) last.items.push(point);
    else lanes.push({ level: point.item.source.level, items: [point] });
  }
  const d0 = Math.min(0, ...dated.map((point) => point.min));
  const d1 = Math.max(d0 + 1, ...dated.map((point) => point.max));
  const plot = WIDTH - GUTTER - RIGHT;
  const x = (days: number): number => GUTTER + ((days - d0) / (d1 - d0)) * plot;
  const rows = dated.length <= ROW_LIMIT;
  const parts: Element[] = [];
  let y = TOP;
  lanes.forEach((lane, index) => {
    const height = rows ? lane.items.length * ROW + 8 : LANE;
    if (index % 2 === 0) parts.push(el('rect', { x: 0, y: num(y), width: WIDTH, height: num(height), fill: '#eef2f7' }));
    parts.push(el('text', { x: 8, y: num(y + 15), 'font-size': 13, fill: '#000' }, coverageLevelLabel(lane.level)));
    if (rows) {
      lane.items.forEach((point, row) => {
        const cy = y + 4 + row * ROW + ROW / 2;
        const mid = (point.min + point.max) / 2;
        const cx = x(mid);
        const title = tc('timeline.point', {
          label: point.item.source.label,
          issuer: point.item.source.issuer ?? tc('page.noIssuer'),
          date: formatIsoDate(point.item.source.date?.iso),
          delay: formatDelay(point.item.delay),
        });
        const label = `${shortName(point.item)} · ${formatDelay(point.item.delay)}`;
        const right = cx > WIDTH - RIGHT - 200;
        const mark =
          point.min === point.max
            ? [el('circle', { cx: num(cx), cy: num(cy), r: 4.5, fill: '#1f4e79' })]
            : [
                el('line', {
                  x1: num(x(point.min)),
                  y1: num(cy),
                  x2: num(x(point.max)),
                  y2: num(cy),
                  stroke: '#1f4e79',
                  'stroke-width': 3,
                }),
                el('circle', { cx: num(cx), cy: num(cy), r: 4.5, fill: '#fff', stroke: '#1f4e79', 'stroke-width': 2 }),
              ];
        const at = { x: num(right ? cx - 9 : cx + 9), y: num(cy + 4), 'font-size': 12, fill: '#000' };
        parts.push(
          el('g', {}, [el('title', {}, title), ...mark, el('text', right ? { ...at, 'text-anchor': 'end' } : at, label)]),
        );
      });
    } else {
      const bins = new Map<number, { count: number; min: number; max: number; delays: Delay[] }>();
      for (const point of lane.items) {
        const key = Math.round(x((point.min + point.max) / 2) / 6);
        const bin = bins.get(key) ?? { count: 0, min: point.min, max: point.max, delays: [] };
        bin.count += 1;
        bin.min = Math.min(bin.min, point.min);
        bin.max = Math.max(bin.max, point.max);
        bins.set(key, bin);
      }
      const cy = y + LANE / 2;
      for (const key of [...bins.keys()].sort((a, b) => a - b)) {
        const bin = bins.get(key)!;
        const delay: Delay =
          bin.min === bin.max ? { kind: 'exact', days: bin.min } : { kind: 'range', min: bin.min, max: bin.max };
        const r = Math.min(11, 3 + Math.sqrt(bin.count));
        const text = delay.kind === 'exact' ? formatDelay(delay) : `sau ${bin.min}–${bin.max} ngày`;
        parts.push(
          el('g', {}, [
            el('title', {}, tc('timeline.bin', { count: bin.count, delay: text })),
            el('circle', { cx: num(key * 6), cy: num(cy), r: num(r), fill: '#1f4e79', 'fill-opacity': 0.75 }),
          ]),
        );
      }
    }
    y += height;
  });
  // The implemented document at day 0, and the axis.
  const origin = x(0);
  parts.push(
    el('line', { x1: num(origin), y1: TOP - 6, x2: num(origin), y2: num(y), stroke: '#000', 'stroke-dasharray': '4 3' }),
  );
  parts.push(
    el(
      'text',
      { x: num(origin), y: TOP - 10, 'font-size': 12, 'font-weight': 'bold', fill: '#000' },
      tc('timeline.origin', { label: entry.doc.label, date: formatIsoDate(entry.doc.date.iso) }),
    ),
  );
  parts.push(el('line', { x1: GUTTER, y1: num(y), x2: WIDTH - RIGHT, y2: num(y), stroke: '#000' }));
  const step = tickStep(d1 - d0);
  for (let tick = Math.ceil(d0 / step) * step; tick <= d1; tick += step) {
    const tx = x(tick);
    parts.push(el('line', { x1: num(tx), y1: num(y), x2: num(tx), y2: num(y + 5), stroke: '#000' }));
    parts.push(el('text', { x: num(tx), y: num(y + 18), 'font-size': 12, 'text-anchor': 'middle', fill: '#000' }, String(tick)));
  }
  parts.push(
    el(
      'text',
      { x: num(GUTTER + plot / 2), y: num(y + 36), 'font-size': 12, 'text-anchor': 'middle', fill: '#000' },
      tc('timeline.axis', { label: entry.doc.label }),
    ),
  );
  const height = y + 46;
  const sorted = [...dated].sort((a, b) => a.min - b.min || a.max - b.max);
  const title = tc('timeline.title', { label: entry.doc.label });
  const desc = tc('timeline.desc', {
    label: entry.doc.label,
    date: formatIsoDate(entry.doc.date.iso),
    count: dated.length,
    first: formatDelay(sorted[0]!.item.delay),
    last: formatDelay(sorted.at(-1)!.item.delay),
    undated: undated > 0 ? tc('timeline.undated', { count: undated }) : '',
  });
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'timeline',
      viewBox: `0 0 ${WIDTH} ${num(height)}`,
      width: WIDTH,
      height: num(height),
      role: 'img',
      'aria-labelledby': `${prefix}-tieu-de ${prefix}-mo-ta`,
      'font-family': 'sans-serif',
    },
    [el('title', { id: `${prefix}-tieu-de` }, title), el('desc', { id: `${prefix}-mo-ta` }, desc), ...parts],
  );
  return toHtml(svg, { space: 'svg', closeEmptyElements: true, tightSelfClosing: true });
}
