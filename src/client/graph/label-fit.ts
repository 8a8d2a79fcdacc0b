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

/**
 * The box a node's label takes: centred under the node, as the stylesheet draws it
 * (`text-valign: bottom`, a 2 px margin, a 1 px background padding).
 *
 * @param candidate The node.
 * @param fontSize Rendered font size.
 * @returns Its label's box.
 */
export function labelBox(candidate: LabelCandidate, fontSize: number): Box {
  const width = (candidate.width ?? candidate.label.length * fontSize * CHAR_WIDTH) + 2;
  const top = candidate.y + candidate.size / 2 + 2;
  return { left: candidate.x - width / 2, right: candidate.x + width / 2, top, bottom: top + fontSize * 1.25 + 2 };
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
 * The labels to show, greedily: candidates in the order given (most important first); a
 * label is kept when it fits in the space and covers neither a kept label nor another
 * node (a label over a node hides which node it names). The first candidate is kept
 * whenever it fits, so the document the graph is about is always named.
 *
 * @param candidates Nodes, most important first.
 * @param space Canvas size and font.
 * @returns Ids of the nodes whose label is shown.
 */
export function labelsThatFit(candidates: readonly LabelCandidate[], space: LabelSpace): Set<string> {
  const gap = space.gap ?? 3;
  const kept: Box[] = [];
  const shown = new Set<string>();
  const discs = candidates.map((candidate) => ({ id: candidate.id, box: nodeBox(candidate) }));
  for (const candidate of candidates) {
    const box = labelBox(candidate, space.fontSize);
    if (box.left < 0 || box.top < 0 || box.right > space.width || box.bottom > space.height) continue;
    if (kept.some((other) => overlaps(box, other, gap))) continue;
    if (discs.some((disc) => disc.id !== candidate.id && overlaps(box, disc.box, 0))) continue;
    kept.push(box);
    shown.add(candidate.id);
  }
  return shown;
}
