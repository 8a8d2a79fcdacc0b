/**
 * Pack laid-out components side by side in rows (shelf packing), biggest first.
 */
import type { Point } from './fcose-layout.ts';

/**
 * Place each component's positions so components sit in rows without overlapping.
 *
 * Rows are about as wide as the square root of the total area, so the drawing is roughly
 * square whatever the number of components.
 *
 * @param components Components in their final order, each id → position in its own frame.
 * @param gap Space left between components.
 * @returns One id → position map for all nodes.
 */
export function packComponents(components: readonly ReadonlyMap<string, Point>[], gap: number): Map<string, Point> {
  const boxes = components.map((positions) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const { x, y } of positions.values()) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    return { positions, minX, minY, width: maxX - minX + gap, height: maxY - minY + gap };
  });

  const area = boxes.reduce((sum, box) => sum + box.width * box.height, 0);
  const widest = boxes.reduce((max, box) => Math.max(max, box.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.2);

  const result = new Map<string, Point>();
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (cursorX > 0 && cursorX + box.width > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight;
      rowHeight = 0;
    }
    for (const [id, { x, y }] of box.positions) {
      result.set(id, { x: x - box.minX + cursorX, y: y - box.minY + cursorY });
    }
    cursorX += box.width;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return result;
}
