import { describe, expect, it } from 'vitest';
import { labelBox, nodeBox, placeLabels, type LabelCandidate } from '../../src/client/graph/label-fit.ts';

// The labels of Kế hoạch 1062/KH-UBND's local graph on the seed site: the plan and the
// 32 documents it cites, drawn in one ring on a 928 × 417 canvas.
const cited = [
  'Quyết định 39/QĐ-UBND',
  'Chỉ thị 46-CT/TW',
  'Luật Ngân sách nhà nước',
  'Nghị định 03/2019/NĐ-CP',
  'Nghị định 13/2014/NĐ-CP',
  'Nghị định 139/2020/NĐ-CP',
  'Chỉ thị 32/CT-UBND',
  'Luật Giáo dục quốc phòng và an ninh',
  'Luật Dân quân tự vệ',
  'Nghị định 21/2019/NĐ-CP',
  'Chỉ thị 07/CT-UBND',
  'Chỉ thị 10-CT/TU',
  'Chỉ thị 12-CT/TW',
  'Chỉ thị 158/CT-BTL',
  'Quy định 681-QĐ/ĐU',
  'Kết luận 32-KL/TW',
  'Luật Lực lượng dự bị động viên',
  'Luật Nghĩa vụ quân sự',
  'Luật Quốc phòng',
  'Nghị định 02/2020/NĐ-CP',
  'Nghị định 164/2019/NĐ-CP',
  'Nghị định 168/2018/NĐ-CP',
  'Nghị định 76/2016/NĐ-CP',
  'Nghị quyết 05-NQ/TW',
  'Nghị quyết 230-NQ/QU/TW',
  'Quy định 1114-QĐ/TU',
  'Quy định 58-QĐ/TW',
  'Quyết định 1068-QĐ/TU',
  'Quyết định 25/2009/QĐ-UBND',
  'Kế hoạch 1584/UBND-NCPC',
  'Công văn 22/KH-UBND',
  'Nghị quyết 28-NQ/TW',
];
const width = 928;
const height = 417;
const ring: LabelCandidate[] = [
  { id: 'plan', label: 'Kế hoạch 1062/KH-UBND', x: width / 2, y: height / 2, size: 14 },
  ...cited.map((label, i) => {
    const angle = (2 * Math.PI * i) / cited.length - Math.PI / 2;
    return { id: `n${i}`, label, x: width / 2 + 180 * Math.cos(angle), y: height / 2 + 180 * Math.sin(angle), size: 16 };
  }),
];

describe('placeLabels', () => {
  const placed = placeLabels(ring, { width, height, fontSize: 10 });
  const shown = new Set(placed.keys());
  const boxOf = (c: LabelCandidate) => labelBox(c, 10, placed.get(c.id));

  it('always names the document the graph is about', () => {
    expect(shown.has('plan')).toBe(true);
  });

  it('shows no two labels over each other, and leaves some for hover', () => {
    const boxes = ring.filter((c) => shown.has(c.id)).map(boxOf);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
    }
    expect(shown.size).toBeGreaterThan(10);
    expect(shown.size).toBeLessThan(ring.length);
  });

  it('puts no label over another node', () => {
    for (const c of ring.filter((c) => shown.has(c.id))) {
      const box = boxOf(c);
      for (const other of ring.filter((o) => o.id !== c.id)) {
        const disc = nodeBox(other);
        const apart = box.right <= disc.left || disc.right <= box.left || box.bottom <= disc.top || disc.bottom <= box.top;
        expect(apart, `${c.label} over ${other.label}`).toBe(true);
      }
    }
  });

  it('keeps every label inside the canvas', () => {
    for (const c of ring.filter((c) => shown.has(c.id))) {
      const box = boxOf(c);
      expect(box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height).toBe(true);
    }
  });

  it('labels everything when there is room', () => {
    const few = ring.slice(0, 5).map((c, i) => ({ ...c, x: 100 + i * 180, y: 100 }));
    expect(placeLabels(few, { width, height, fontSize: 10 }).size).toBe(5);
  });

  it('labels a ring’s sides beside their nodes', () => {
    const places = [...placed.values()];
    expect(places).toContain('right');
    expect(places).toContain('left');
  });

  it('prefers the earlier (more important) of two labels that collide, the other moved or dropped', () => {
    const a = { id: 'a', label: 'Nghị định 21/2019/NĐ-CP', x: 200, y: 100, size: 10 };
    const b = { ...a, id: 'b', x: 203 };
    const result = placeLabels([a, b], { width, height, fontSize: 10 });
    expect(result.get('a')).toBe('bottom');
    expect(result.get('b')).not.toBe('bottom');
  });
});
