/**
 * Which node labels of a drawn graph can be shown without covering one another.
 *
 * A plan citing thirty documents puts thirty labels in a ring around it, and at the size of
 * a page's graph they run into each other until none can be read. Labels are placed one by
 * one, most important first; a label is shown only where its box meets no box already
 * shown and stays inside the canvas. The others appear on hover or focus, and the edge
 * list under the graph is the readable form of all of them.
 */

/** A node as drawn, in rendered (screen) pixels. */
export interface LabelCandidate {
  id: string;
  label: string;
  /** Centre of the node. */
  x: number;
  y: number;
  /** Rendered diameter of the node; the label sits just below it. */
  size: number;
  /** Rendered width of the label when measured (in the browser); else estimated. */
  width?: number | undefined;
}

/** The drawing surface and the font, in rendered pixels. */
export interface LabelSpace {
  width: number;
  height: number;
  /** Rendered font size of a label. */
  fontSize: number;
  /** Gap kept between two labels. */
  gap?: number;
}

/** A box in rendered pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Average advance of a character of the system sans-serif as a share of the font size. A
 * little generous for Vietnamese, whose stacked marks make words no narrower.
 */
const CHAR_WIDTH = 0.56;

/** Where a label sits around its node; the stylesheet has a class per place. */
export type LabelPlacement = 'bottom' | 'right' | 'left' | 'top';

/** Places tried, in order: under the node reads best; beside it suits a ring's sides. */
export const PLACEMENTS: readonly LabelPlacement[] = ['bottom', 'right', 'left', 'top'];

/** Space between a node and its label, as the stylesheet draws it (`text-margin`). */
const MARGIN = 2;

/**
 * The box a node's label takes at a place, as the stylesheet draws it (a 2 px margin from
 * the node, a 1 px background padding).
 *
 * @param candidate The node.
 * @param fontSize Rendered font size.
 * @param placement Where the label sits.
 * @returns Its label's box.
 */
export function labelBox(candidate: LabelCandidate, fontSize: number, placement: LabelPlacement = 'bottom'): Box {
  const width = (candidate.width ?? candidate.label.length * fontSize * CHAR_WIDTH) + 2;
  const height = fontSize * 1.25 + 2;
  const half = candidate.size / 2;
  switch (placement) {
    case 'bottom': {
      const top = candidate.y + half + MARGIN;
      return { left: candidate.x - width / 2, right: candidate.x + width / 2, top, bottom: top + height };
    }
    case 'top': {
      const bottom = candidate.y - half - MARGIN;
      return { left: candidate.x - width / 2, right: candidate.x + width / 2, top: bottom - height, bottom };
    }
    case 'right': {
      const left = candidate.x + half + MARGIN;
      return { left, right: left + width, top: candidate.y - height / 2, bottom: candidate.y + height / 2 };
    }
    case 'left': {
      const right = candidate.x - half - MARGIN;
      return { left: right - width, right, top: candidate.y - height / 2, bottom: candidate.y + height / 2 };
    }
  }
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/** The box a node's disc takes. */
export function nodeBox(candidate: LabelCandidate): Box {
  const half = candidate.size / 2;
  return { left: candidate.x - half, right: candidate.x + half, top: candidate.y - half, bottom: candidate.y + half };
}

/**
 * The labels to show and where, greedily: candidates in the order given (most important
 * first); each takes the first place (`PLACEMENTS`) where its label stays inside the canvas
 * and covers neither a label already placed nor another node (a label over a node hides
 * which node it names); a candidate with no such place gets no label. The first candidate
 * is placed whenever it fits, so the document the graph is about is always named.
 *
 * @param candidates Nodes, most important first.
 * @param space Canvas size and font.
 * @returns Node id → place of its label, for the nodes labelled.
 */
export function placeLabels(candidates: readonly LabelCandidate[], space: LabelSpace): Map<string, LabelPlacement> {
  const gap = space.gap ?? 3;
  const kept: Box[] = [];
  const placed = new Map<string, LabelPlacement>();
  const discs = candidates.map((candidate) => ({ id: candidate.id, box: nodeBox(candidate) }));
  const fits = (candidate: LabelCandidate, box: Box): boolean =>
    box.left >= 0 &&
    box.top >= 0 &&
    box.right <= space.width &&
    box.bottom <= space.height &&
    !kept.some((other) => overlaps(box, other, gap)) &&
    !discs.some((disc) => disc.id !== candidate.id && overlaps(box, disc.box, 0));
  for (const candidate of candidates) {
    for (const placement of PLACEMENTS) {
      const box = labelBox(candidate, space.fontSize, placement);
      if (!fits(candidate, box)) continue;
      kept.push(box);
      placed.set(candidate.id, placement);
      break;
    }
  }
  return placed;
}
