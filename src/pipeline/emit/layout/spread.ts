/**
 * Spread nodes that landed on (almost) the same spot.
 *
 * fcose's spectral 'draft' puts leaves of the same hub at one point; drawn, they would hide each
 * other. Each crowded spot becomes a small sunflower (Vogel) spiral around it.
 */
import type { Point } from './fcose-layout.ts';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Move coincident nodes apart.
 *
 * @param positions Id → position; not modified.
 * @param spacing Minimum distance wanted between nodes of one spot.
 * @returns New id → position map, same keys in the same order.
 */
export function spreadCoincident(positions: ReadonlyMap<string, Point>, spacing: number): Map<string, Point> {
  const cells = new Map<string, string[]>();
  for (const [id, { x, y }] of positions) {
    const key = `${Math.round(x / spacing)},${Math.round(y / spacing)}`;
    const cell = cells.get(key);
    if (cell) cell.push(id);
    else cells.set(key, [id]);
  }

  const result = new Map<string, Point>();
  for (const [id, point] of positions) result.set(id, { x: point.x, y: point.y });
  for (const members of cells.values()) {
    if (members.length < 2) continue;
    const first = positions.get(members[0] as string) as Point;
    members.sort();
    members.forEach((id, index) => {
      const radius = spacing * 0.9 * Math.sqrt(index);
      const angle = index * GOLDEN_ANGLE;
      result.set(id, { x: first.x + radius * Math.cos(angle), y: first.y + radius * Math.sin(angle) });
    });
  }
  return result;
}
