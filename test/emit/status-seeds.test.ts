/**
 * Validity on the seed corpus through `buildCorpus`: Nghị định 13/2014/NĐ-CP is amended by
 * Nghị định 139/2020/NĐ-CP (plan 1062 cites both, and says so), plan 1062's links to it carry
 * the state and its words, and ra-soat.csv lists the pair.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type BuiltCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import { REVIEW_CSV_HEADER, reviewRows } from '../../src/pipeline/emit/review.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');
const PLAN = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
const AMENDED = 'nghi-dinh-13-2014-nd-cp';
const AMENDING = 'nghi-dinh-139-2020-nd-cp';

let built: BuiltCorpus;
const file = (name: string): string => built.files.find((candidate) => candidate.path === name)?.content ?? '';

beforeAll(() => {
  built = buildCorpus(
    readdirSync(seeds)
      .sort()
      .map((name) => decodeSource(readFileSync(path.join(seeds, name)), name)),
  );
});

/** Parse CSV rows (RFC 4180, as the emitter writes it). */
function csvRows(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = content.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += character;
  }
  return rows;
}

describe('validity status on the seeds', () => {
  it('Nghị định 13/2014/NĐ-CP is amended by Nghị định 139/2020/NĐ-CP, as of the newest plan’s date', () => {
    expect(built.graph.version).toBe(2);
    expect(built.graph.statusDate).toBe('2024-04-11');
    const node = built.graph.nodes.find((candidate) => candidate.id === AMENDED)!;
    expect(node.status).toMatchObject({ state: 'bi-sua-doi', by: [AMENDING], since: '2020-11-27' });
    expect(node.status.changes).toEqual([
      { state: 'bi-sua-doi', by: AMENDING, label: 'Nghị định 139/2020/NĐ-CP', since: '2020-11-27', source: 'corpus' },
    ]);
  });

  it('nothing unknown is shown as in force', () => {
    for (const node of built.graph.nodes) {
      if (node.status.state === 'con-hieu-luc') expect(node.status.inForceFrom, node.id).not.toBeNull();
    }
    expect(built.graph.nodes.find((node) => node.id === AMENDING)!.status.state).toBe('khong-ro');
  });

  it('plan 1062’s links to it carry data-status="bi-sua-doi" and the words after them, in MDX and HTML', () => {
    const html = file(`plans/${PLAN}.html`);
    const links = [...html.matchAll(/<a class="citation"[^>]*href="\.\.\/nghi-dinh-13-2014-nd-cp\/"[^>]*>/g)].map(
      (match) => match[0],
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toContain('data-status="bi-sua-doi"');
    expect(html).toContain(
      '<span class="status-flag" data-status="bi-sua-doi" data-pagefind-ignore="all">Đã bị sửa đổi, bổ sung</span>',
    );
    expect(file(`plans/${PLAN}.mdx`)).toContain('data-status="bi-sua-doi"');
    // Every resolved link carries a state; a document nothing is known about is "khong-ro".
    const all = [...html.matchAll(/<a class="citation"[^>]*>/g)].map((match) => match[0]);
    for (const link of all)
      expect(link).toMatch(/data-status="(?:con-hieu-luc|bi-sua-doi|bi-thay-the|bi-bai-bo|het-hieu-luc|khong-ro)"/);
    expect(all.some((link) => link.includes('data-status="khong-ro"'))).toBe(true);
  });

  it('ra-soat.csv has the row 1062/KH-UBND → 13/2014/NĐ-CP, amended before the plan by 139/2020/NĐ-CP', () => {
    const content = file('ra-soat.csv');
    expect(content.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(content);
    expect(header).toEqual([...REVIEW_CSV_HEADER]);
    const row = rows.find((cells) => cells[1] === '1062/KH-UBND' && cells[5] === '13/2014/NĐ-CP');
    expect(row).toEqual([
      PLAN,
      '1062/KH-UBND',
      '2024-04-11',
      'can-cu',
      AMENDED,
      '13/2014/NĐ-CP',
      'bi-sua-doi',
      'Đã bị sửa đổi, bổ sung',
      'bi-sua-doi',
      'truoc',
      '139/2020/NĐ-CP',
      AMENDING,
      '2020-11-27',
    ]);
    // One row per plan and cited document; only changed documents.
    const pairs = rows.map((cells) => `${cells[0]}→${cells[4]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(reviewRows(built.graph)).toHaveLength(rows.length);
  });
});
