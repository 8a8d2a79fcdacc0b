/**
 * Validity from what the texts themselves say, through `buildCorpus`: a real decision of Lai
 * Châu (portal corpus, Quyết định 16/2010/QĐ-UBND) ends with "Điều 4. Quyết định này … thay thế
 * các Quyết định số 25/2005/QĐ-UB …; Quyết định số 32/2005/QĐ-UB …; Quyết định số 57/2005/QĐ-UB
 * …, Quyết định số 03/2009/QĐ-UBND …": each of the four is replaced by it, and its page and
 * theirs list the relation both ways. A passive sentence ("được sửa đổi, bổ sung bởi") amends
 * the first document, not the second.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { documentRelations } from '../../src/utils/document-view.ts';

const portal = path.resolve(import.meta.dirname, '../../../shared/corpus/portal/docs');
const PLAN_TEXT = 'qd_laichau_16_2010.txt';

describe('status from the texts’ own words', () => {
  const built = buildCorpus([decodeSource(readFileSync(path.join(portal, PLAN_TEXT)), PLAN_TEXT)]);
  const plan = built.graph.nodes.find((node) => node.inCorpus)!;
  const byNumber = (number: string) => built.graph.nodes.find((node) => node.number === number);

  it('the four decisions the text replaces are bi-thay-the, by it, since its date', () => {
    expect(plan.number).toBe('16/2010/QĐ-UBND');
    for (const number of ['25/2005/QĐ-UB', '32/2005/QĐ-UB', '57/2005/QĐ-UB', '03/2009/QĐ-UBND']) {
      const node = byNumber(number);
      expect(node, number).toBeDefined();
      expect(node!.status.state, number).toBe('bi-thay-the');
      expect(node!.status.by, number).toEqual([plan.id]);
      expect(node!.status.since, number).toBe('2010-08-09');
    }
    // What it only rests on is not changed by it.
    expect(byNumber('197/2004/NĐ-CP')?.status.by).not.toContain(plan.id);
  });

  it('both pages list the relation: “Thay thế” on the decision’s, “Được thay thế bởi” on the replaced one’s', () => {
    const replaced = byNumber('25/2005/QĐ-UB')!;
    expect(
      documentRelations(built.graph, plan.id)
        .filter((item) => item.node.id === replaced.id)
        .map((item) => item.phrase),
    ).toEqual(['Thay thế']);
    expect(documentRelations(built.graph, replaced.id).map((item) => [item.phrase, item.node.id])).toEqual([
      ['Được thay thế bởi', plan.id],
    ]);
  });

  it('a passive sentence amends the first document: Luật 22/2023/QH15 “được sửa đổi, bổ sung bởi” Luật 57/2024/QH15', () => {
    const text =
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nSố: 123/UBND-KT\nHà Nội, ngày 10 tháng 9 năm 2025\n\nV/v triển khai Luật Đấu thầu\n\n' +
      'Căn cứ Luật Đấu thầu số 22/2023/QH15 ngày 23/6/2023, được sửa đổi, bổ sung bởi Luật số 57/2024/QH15 ngày 29/11/2024;\n';
    const corpus = buildCorpus([decodeSource(new TextEncoder().encode(text), 'cv.txt')]);
    const amended = corpus.graph.nodes.find((node) => node.number === '22/2023/QH15')!;
    const amending = corpus.graph.nodes.find((node) => node.number === '57/2024/QH15')!;
    expect(
      corpus.graph.edges.some((edge) => edge.source === amending.id && edge.target === amended.id && edge.relation === 'sua-doi'),
    ).toBe(true);
    expect(amended.status.state).toBe('bi-sua-doi');
    expect(amended.status.by).toContain(amending.id);
    expect(amending.status.by).not.toContain(amended.id);
  });
});
