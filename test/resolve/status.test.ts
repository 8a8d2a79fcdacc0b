/**
 * Validity status rules on small graphs: changes from the corpus's edges and from the
 * reference data, chains, dates (cited after the change versus changed later), and the
 * rule that an unchanged document is in force only when a primary record says so.
 */
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/reference/load.ts';
import {
  citationTiming,
  documentStatuses,
  statusAt,
  type StatusEdge,
  type StatusNode,
} from '../../src/pipeline/resolve/status.ts';
import { compareIso, statusDate } from '../../src/pipeline/resolve/status-dates.ts';
import { fileURLToPath } from 'node:url';

function node(id: string, number: string | null, date: string | null, name: string | null = null): StatusNode {
  return { id, label: number ?? name ?? id, number, name, date: date ? { iso: date, partial: date.length < 10 } : null };
}

const reference = loadReferenceData({ dataDir: fileURLToPath(new URL('../../data/reference/', import.meta.url)), userDir: null });

describe('documentStatuses from corpus edges', () => {
  const nodes = [
    node('a', '13/2014/NĐ-CP', '2014-02-25'),
    node('b', '139/2020/NĐ-CP', '2020-11-27'),
    node('c', '50/2023/NĐ-CP', '2023-07-01'),
    node('plan', '1062/KH-UBND', '2024-04-11'),
  ];

  it.each([
    // relation, state of the target
    ['sua-doi', 'bi-sua-doi'],
    ['thay-the', 'bi-thay-the'],
    ['bai-bo', 'bi-bai-bo'],
    ['het-hieu-luc', 'het-hieu-luc'],
  ])('an edge “%s” makes its target %s, by the source, since its date', (relation, state) => {
    const status = documentStatuses(nodes, [{ source: 'b', target: 'a', relation }], { reference: null, asOf: '2024-04-11' }).get(
      'a',
    )!;
    expect(status).toMatchObject({ state, by: ['b'], since: '2020-11-27' });
    expect(status.changes).toEqual([{ state, by: 'b', label: '139/2020/NĐ-CP', since: '2020-11-27', source: 'corpus' }]);
  });

  it('citations and other relations change nothing; unknown is never in force', () => {
    const edges: StatusEdge[] = [
      { source: 'plan', target: 'a', relation: 'can-cu' },
      { source: 'plan', target: 'b', relation: 'thuc-hien' },
      { source: 'b', target: 'a', relation: 'huong-dan' },
    ];
    const statuses = documentStatuses(nodes, edges, { reference: null, asOf: '2024-04-11' });
    for (const id of ['a', 'b', 'plan']) expect(statuses.get(id)).toMatchObject({ state: 'khong-ro', by: [], since: null });
  });

  it('chain: A amended by B, B replaced by C — A stays amended, B is replaced, C is the current text', () => {
    const edges: StatusEdge[] = [
      { source: 'b', target: 'a', relation: 'sua-doi' },
      { source: 'c', target: 'b', relation: 'thay-the' },
    ];
    const statuses = documentStatuses(nodes, edges, { reference: null, asOf: '2024-04-11' });
    expect(statuses.get('a')).toMatchObject({ state: 'bi-sua-doi', by: ['b'], current: null });
    expect(statuses.get('b')).toMatchObject({ state: 'bi-thay-the', by: ['c'], since: '2023-07-01', current: 'c' });
    expect(statuses.get('c')).toMatchObject({ state: 'khong-ro' });
  });

  it('chain: A replaced by B, B replaced by C — A points to C as the text in force', () => {
    const edges: StatusEdge[] = [
      { source: 'b', target: 'a', relation: 'thay-the' },
      { source: 'c', target: 'b', relation: 'thay-the' },
    ];
    const statuses = documentStatuses(nodes, edges, { reference: null, asOf: '2024-04-11' });
    expect(statuses.get('a')).toMatchObject({ state: 'bi-thay-the', by: ['b'], current: 'c' });
  });

  it('a replacement outweighs an earlier amendment; both stay listed', () => {
    const edges: StatusEdge[] = [
      { source: 'b', target: 'a', relation: 'sua-doi' },
      { source: 'c', target: 'a', relation: 'thay-the' },
    ];
    const status = documentStatuses(nodes, edges, { reference: null, asOf: '2024-04-11' }).get('a')!;
    expect(status).toMatchObject({ state: 'bi-thay-the', by: ['c'], since: '2023-07-01' });
    expect(status.changes.map((change) => change.by)).toEqual(['b', 'c']);
  });

  it('a document replaced after the plan’s date: replaced now, only amended when the plan cited it', () => {
    const edges: StatusEdge[] = [
      { source: 'b', target: 'a', relation: 'sua-doi' },
      { source: 'c', target: 'a', relation: 'thay-the' },
    ];
    const status = documentStatuses(nodes, edges, { reference: null, asOf: '2024-04-11' }).get('a')!;
    // A plan of 2022 cited it: amended already (2020), replaced later (2023).
    expect(statusAt(status, '2022-05-01')).toEqual({ state: 'bi-sua-doi', by: ['b'], since: '2020-11-27' });
    expect(citationTiming(status, '2022-05-01')).toBe('sau');
    // A plan of 2024 cited it after it was replaced.
    expect(statusAt(status, '2024-04-11').state).toBe('bi-thay-the');
    expect(citationTiming(status, '2024-04-11')).toBe('truoc');
    // Before 2020 it was unchanged, and nothing says it was in force.
    expect(statusAt(status, '2019-01-01').state).toBe('khong-ro');
    // A plan dated only "2023": the replacement's day in 2023 cannot be placed against it.
    expect(citationTiming(status, '2023')).toBe('khong-ro');
  });

  it('the build date decides what has happened yet', () => {
    const edges: StatusEdge[] = [{ source: 'c', target: 'a', relation: 'thay-the' }];
    expect(documentStatuses(nodes, edges, { reference: null, asOf: '2022-12-31' }).get('a')!.state).toBe('khong-ro');
    expect(documentStatuses(nodes, edges, { reference: null, asOf: '2023-07-01' }).get('a')!.state).toBe('bi-thay-the');
  });

  it('an edge from an older document to a newer one is a misread sentence and is ignored', () => {
    const status = documentStatuses(nodes, [{ source: 'a', target: 'b', relation: 'sua-doi' }], {
      reference: null,
      asOf: null,
    }).get('b')!;
    expect(status.state).toBe('khong-ro');
  });

  it('a changer without a date counts at the build date but not at a citing date', () => {
    const undated = [...nodes, node('d', '99/2021/NĐ-CP', null)];
    const status = documentStatuses(undated, [{ source: 'd', target: 'a', relation: 'sua-doi' }], {
      reference: null,
      asOf: '2024-04-11',
    }).get('a')!;
    expect(status).toMatchObject({ state: 'bi-sua-doi', by: ['d'], since: null });
    expect(statusAt(status, '2024-04-11').state).toBe('khong-ro');
    expect(citationTiming(status, '2024-04-11')).toBe('khong-ro');
  });
});

describe('documentStatuses from the reference data', () => {
  it('Luật Quốc phòng 39/2005/QH11 is replaced by 22/2018/QH14 from 2019-01-01, itself amended in 2023', () => {
    const nodes = [node('old', '39/2005/QH11', null), node('new', '22/2018/QH14', '2018-06-08')];
    const statuses = documentStatuses(nodes, [], { reference, asOf: '2024-04-11' });
    expect(statuses.get('old')).toMatchObject({ state: 'bi-thay-the', by: ['new'], since: '2019-01-01', current: 'new' });
    expect(statuses.get('old')!.changes[0]!.source).toBe('reference');
    // Luật Phòng thủ dân sự 18/2023/QH15 amends it; not cited, so named but without a node id.
    expect(statuses.get('new')).toMatchObject({ state: 'bi-sua-doi', by: [], since: '2023-06-20' });
    expect(statuses.get('new')!.changes[0]!.label).toBe('Luật Phòng thủ dân sự 18/2023/QH15');
    expect(statusAt(statuses.get('new')!, '2020-01-01')).toEqual({ state: 'con-hieu-luc', by: [], since: '2019-01-01' });
    // Cited in 2018, before the new law took effect: the old one had not yet been replaced.
    expect(statusAt(statuses.get('old')!, '2018-10-01').state).toBe('khong-ro');
    expect(statusAt(statuses.get('new')!, '2018-10-01').state).toBe('khong-ro');
  });

  it('a replacing act not cited anywhere is named by its number, with no node id', () => {
    const statuses = documentStatuses([node('old', '43/2009/QH12', null)], [], { reference, asOf: '2024-04-11' });
    expect(statuses.get('old')).toMatchObject({ state: 'bi-thay-the', by: [], since: '2020-07-01', current: null });
    expect(statuses.get('old')!.changes[0]).toMatchObject({ by: null, label: 'Luật Dân quân tự vệ 48/2019/QH14' });
  });

  it('a law cited by title alone: one version in the data is that version; several and no year is unknown', () => {
    const statuses = documentStatuses(
      [node('qp', null, null, 'Luật Quốc phòng'), node('dqtv2019', null, '2019', 'Luật Dân quân tự vệ')],
      [],
      { reference, asOf: '2024-04-11' },
    );
    expect(statuses.get('qp')!.state).toBe('khong-ro');
    expect(statuses.get('dqtv2019')).toMatchObject({ state: 'con-hieu-luc', since: '2020-07-01' });
  });

  it('a row of confidence B is not enough to say in force', () => {
    const statuses = documentStatuses([node('x', '43/2005/QH11', null)], [], { reference, asOf: '2010-01-01' });
    expect(statuses.get('x')!.state).toBe('khong-ro');
  });
});

describe('dates', () => {
  it.each([
    ['2020-11-27', '2021-01-01', -1],
    ['2021', '2020-11-27', 1],
    ['2020', '2020-11-27', null],
    ['2020-11', '2020-11', 0],
  ] as const)('compareIso(%s, %s) = %s', (a, b, expected) => {
    expect(compareIso(a, b)).toBe(expected);
  });

  it('the build date is the given one, else the newest full date of a plan, else of any document', () => {
    const plans = [
      { inCorpus: true, date: { iso: '2024-04-11', partial: false } },
      { inCorpus: true, date: { iso: '2025-02', partial: true } },
      { inCorpus: false, date: { iso: '2026-01-01', partial: false } },
    ];
    expect(statusDate(plans)).toBe('2024-04-11');
    expect(statusDate(plans, '2026-12-06')).toBe('2026-12-06');
    expect(statusDate(plans, 'hôm nay')).toBe('2024-04-11');
    expect(statusDate(plans.slice(2))).toBe('2026-01-01');
    expect(statusDate([])).toBeNull();
  });
});
