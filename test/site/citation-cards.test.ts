/**
 * The data of the citation cards of a plan's page (src/utils/citation-cards.ts), on the seed
 * corpus: plan 1062's card of Nghị định 13/2014/NĐ-CP says it was amended by Nghị định
 * 139/2020/NĐ-CP before the plan; every cited document has one card; a long trích yếu is cut.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { CARD_SUBJECT_LIMIT, cutAtWord } from '../../src/utils/citation-cards.ts';
import { documentView } from '../../src/utils/document-view.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

describe('citation cards', () => {
  const built = buildCorpus(
    readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name)),
  );
  const view = documentView(built.graph, 'ke-hoach-1062-kh-ubnd-tay-ninh-2024');

  it('one card per cited document, in the panel’s order', () => {
    const cited = view.cited.flatMap((group) => group.items.map((item) => item.node.id));
    expect(view.cards.map((card) => card.id)).toEqual([...new Set(cited)]);
  });

  it('the card of Nghị định 13/2014/NĐ-CP: số, loại, cơ quan, ngày, amended by 139/2020 before the plan', () => {
    const card = view.cards.find((item) => item.id === 'nghi-dinh-13-2014-nd-cp')!;
    expect(card).toMatchObject({
      label: 'Nghị định 13/2014/NĐ-CP',
      number: '13/2014/NĐ-CP',
      type: 'Nghị định',
      issuer: 'Chính phủ',
      date: { iso: '2014-02-25', partial: false },
      state: 'bi-sua-doi',
      timing: 'truoc',
    });
    expect(card.changedBy.map((change) => change.label)).toEqual(['Nghị định 139/2020/NĐ-CP']);
    expect(card.subject).toContain('Luật Giáo dục quốc phòng và an ninh');
  });

  it('a document that cites nothing has no cards', () => {
    expect(documentView(built.graph, 'nghi-dinh-13-2014-nd-cp').cards).toEqual([]);
  });

  it('cuts a long trích yếu at a word, with an ellipsis', () => {
    const long = 'về việc ban hành Quy chế phối hợp giữa các cơ quan, '.repeat(10);
    const cut = cutAtWord(long, CARD_SUBJECT_LIMIT);
    expect(cut.length).toBeLessThanOrEqual(CARD_SUBJECT_LIMIT + 1);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/[\s,]…$/u);
    expect(cutAtWord('ngắn', CARD_SUBJECT_LIMIT)).toBe('ngắn');
  });
});
