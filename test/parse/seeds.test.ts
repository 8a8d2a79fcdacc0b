/**
 * Metadata and heading trees of the five seed plans (content/sources), parsed
 * through the real `normalize`. Expected values: /work/shared/corpus/seeds/README.md.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ParsedPlan } from '../../src/model.ts';
import { outline, parseSource } from './parse-source.ts';

const sources = new URL('../../content/sources/', import.meta.url).pathname;
const seed = (name: string): ParsedPlan => parseSource(`${sources}${name}`);

type Heading = Extract<Block, { kind: 'heading' }>;
const headings = (plan: ParsedPlan): Heading[] => plan.blocks.filter((block): block is Heading => block.kind === 'heading');

describe('seed metadata', () => {
  it('000: Kế hoạch 1062/KH-UBND, UBND tỉnh Tây Ninh, 11/4/2024', () => {
    const plan = seed('000_f97b9327d3f16c43.txt');
    expect(plan.meta).toMatchObject({
      id: 'ke-hoach-1062-kh-ubnd-tay-ninh-2024',
      type: 'Kế hoạch',
      number: '1062/KH-UBND',
      place: 'Tây Ninh',
      date: { iso: '2024-04-11', partial: false },
      issuer: 'UBND tỉnh Tây Ninh',
      title:
        'Phát động Phong trào thi đua thực hiện công tác quốc phòng địa phương và công tác giáo dục quốc phòng - an ninh năm 2024',
      recipients: [],
      signer: { position: 'CHỦ TỊCH – PHÓ CHỦ TỊCH', name: 'Trần Văn Chiến' },
    });
    expect(plan.meta.distribution[0]).toBe('Bộ Quốc phòng');
    expect(plan.meta.distribution.at(-1)).toBe('Lưu: VT, VP.UBND tỉnh, Lên');
    expect(plan.meta.distribution).toHaveLength(10);
    expect(plan.messages.filter((message) => message.code.startsWith('no-'))).toEqual([]);
  });

  it('001: Kế hoạch 31/KH-UBND, UBND tỉnh Bình Phước, 02/02/2023', () => {
    const plan = seed('001_a01f8457ceee4ac6.txt');
    expect(plan.meta).toMatchObject({
      id: 'ke-hoach-31-kh-ubnd-binh-phuoc-2023',
      type: 'Kế hoạch',
      number: '31/KH-UBND',
      place: 'Bình Phước',
      date: { iso: '2023-02-02', partial: false },
      issuer: 'UBND tỉnh Bình Phước',
      title: 'Phát động phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm 2023',
      recipients: [],
      signer: { position: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
    });
    expect(plan.meta.distribution).toHaveLength(11);
  });

  it('002: Kế hoạch 860/KH-UBND, no signer title line', () => {
    const plan = seed('002_869f96d070f2dfb7.txt');
    expect(plan.meta).toMatchObject({
      id: 'ke-hoach-860-kh-ubnd-tay-ninh-2024',
      type: 'Kế hoạch',
      number: '860/KH-UBND',
      place: 'Tây Ninh',
      date: { iso: '2024-03-25', partial: false },
      issuer: 'UBND tỉnh Tây Ninh',
      title: 'Phát động phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm 2024',
      signer: { position: null, name: 'Võ Đức Trọng' },
    });
  });

  it('003: a draft (blank number and day) of UBND huyện Ba Tơ', () => {
    const plan = seed('003_f8ae4b4c567c2712.txt');
    expect(plan.meta).toMatchObject({
      type: 'Kế hoạch',
      number: null,
      place: 'Ba Tơ',
      date: { iso: '2025-02', partial: true },
      // Not "tỉnh Quảng Ngãi", whose plan the draft cites first.
      issuer: 'UBND huyện Ba Tơ',
      signer: { position: 'CHỦ TỊCH', name: 'Phạm Giang Nam' },
    });
    expect(plan.meta.title).toMatch(/^Phát động phong trào thi đua thực hiện nhiệm vụ quốc phòng, .*năm 2025$/u);
    expect(plan.meta.id).toMatch(/^ke-hoach-du-thao-ba-to-2025-02-[0-9a-f]{8}$/);
  });

  it('004: Công văn 1584/UBND-NCPC with its "V/v" subject over four lines and a Kính gửi list', () => {
    const plan = seed('004_25acc8cebe27ea3e.txt');
    expect(plan.meta).toMatchObject({
      id: 'cong-van-1584-ubnd-ncpc-tay-ninh-2020',
      type: 'Công văn',
      number: '1584/UBND-NCPC',
      place: 'Tây Ninh',
      date: { iso: '2020-07-17', partial: false },
      issuer: 'UBND tỉnh Tây Ninh',
      title: 'nâng cao năng lực tham mưu và tổ chức thực hiện công tác Quốc phòng địa phương giai đoạn 2020-2025',
      recipients: ['Sở, ban, ngành tỉnh', 'Ủy ban nhân dân các huyện, thị xã, thành phố'],
      // "Hệ số 72 CVUB" and a stray "20" between the list and the signer are skipped.
      signer: { position: 'CHỦ TỊCH', name: 'Phạm Văn Tân' },
    });
    expect(plan.meta.distribution).toContain('Bộ Tư Lệnh Quân khu 7');
  });

  it('gives every seed a distinct id', () => {
    const names = [
      '000_f97b9327d3f16c43',
      '001_a01f8457ceee4ac6',
      '002_869f96d070f2dfb7',
      '003_f8ae4b4c567c2712',
      '004_25acc8cebe27ea3e',
    ];
    const ids = names.map((name) => seed(`${name}.txt`).meta.id);
    expect(new Set(ids).size).toBe(5);
  });
});

describe('seed body', () => {
  it('000: body runs from the first "Căn cứ" to the closing sentence', () => {
    const plan = seed('000_f97b9327d3f16c43.txt');
    const body = plan.text.slice(plan.body.start, plan.body.end);
    expect(body.startsWith('Căn cứ Nghị định số 168/2018/NĐ-CP')).toBe(true);
    expect(body.endsWith('triển khai thực hiện tốt nội dung Kế hoạch này.')).toBe(true);
    expect(body).not.toContain('Nơi nhận');
  });

  it('004: body starts after the Kính gửi list and ends before Nơi nhận', () => {
    const plan = seed('004_25acc8cebe27ea3e.txt');
    const body = plan.text.slice(plan.body.start, plan.body.end);
    expect(body.startsWith('Thực hiện công tác QPĐP giai đoạn 2020-2025')).toBe(true);
    expect(body).not.toContain('Kính gửi');
    expect(body).not.toContain('Nơi nhận');
  });

  it('keeps every block span inside the body and in order', () => {
    for (const name of ['000_f97b9327d3f16c43', '001_a01f8457ceee4ac6', '003_f8ae4b4c567c2712']) {
      const plan = seed(`${name}.txt`);
      let previous = plan.body.start;
      for (const block of plan.blocks) {
        expect(block.start).toBeGreaterThanOrEqual(previous);
        expect(block.end).toBeLessThanOrEqual(plan.body.end);
        previous = block.end;
      }
    }
  });
});

describe('seed heading trees', () => {
  it('001: decimal headings 1.1.1. nest under 1.1. under 1. under III.', async () => {
    const plan = seed('001_a01f8457ceee4ac6.txt');
    const byAnchor = new Map(headings(plan).map((heading) => [heading.anchor, heading]));
    expect(byAnchor.get('muc-iii')).toMatchObject({ level: 1, marker: 'III.', text: 'TIÊU CHUẨN VÀ HÌNH THỨC KHEN THƯỞNG' });
    expect(byAnchor.get('muc-iii-1')).toMatchObject({ level: 2, marker: '1.', text: 'Tiêu chuẩn khen thưởng' });
    expect(byAnchor.get('muc-iii-1-1')).toMatchObject({ level: 3, marker: '1.1.', text: 'Tiêu chuẩn đối với tập thể' });
    expect(byAnchor.get('muc-iii-1-1-1')).toMatchObject({ level: 4, marker: '1.1.1.' });
    // The source numbers the second subsection "2.1." under "1.": it stays a sibling of "1.1.".
    expect(byAnchor.get('muc-iii-1-2-1')).toMatchObject({ level: 3, marker: '2.1.', text: 'Tiêu chuẩn đối với cá nhân' });
    await expect(outline(plan)).toMatchFileSnapshot('__snapshots__/001-outline.txt');
  });

  it('002: Roman sections, then numbered headings, then decimals', async () => {
    const plan = seed('002_869f96d070f2dfb7.txt');
    const list = headings(plan);
    expect(list.filter((heading) => heading.level === 1).map((heading) => heading.marker)).toEqual(['I.', 'II.', 'III.', 'IV.']);
    expect(list.find((heading) => heading.anchor === 'muc-iii-2-3')).toMatchObject({
      level: 3,
      text: 'Phong trào ở cơ quan, doanh nghiệp, cơ sở giáo dục',
    });
    await expect(outline(plan)).toMatchFileSnapshot('__snapshots__/002-outline.txt');
  });

  it('000: long numbered sentences are paragraphs; short titles and list leads are headings', async () => {
    const plan = seed('000_f97b9327d3f16c43.txt');
    const list = headings(plan);
    // "I. MỤC ĐÍCH, YÊU CẦU:" has three numbered sentences under it, none a heading.
    expect(list[0]).toMatchObject({ level: 1, marker: 'I.', text: 'MỤC ĐÍCH, YÊU CẦU', anchor: 'muc-i' });
    expect(list[1]).toMatchObject({ level: 1, marker: 'II.' });
    const paragraph = plan.blocks.find((block) => block.kind === 'paragraph' && block.text.startsWith('1. Tiếp tục nâng cao'));
    expect(paragraph).toBeDefined();
    expect(list.find((heading) => heading.anchor === 'muc-iv-9')).toMatchObject({
      level: 2,
      text: 'UBND các huyện, thị xã, thành phố',
    });
    await expect(outline(plan)).toMatchFileSnapshot('__snapshots__/000-outline.txt');
  });

  it('003: "Một là, …" lead-ins are numbered paragraphs under II.', async () => {
    const plan = seed('003_f8ae4b4c567c2712.txt');
    const ordinals = plan.blocks.filter((block) => /^(Một|Hai|Ba|Bốn|Năm|Sáu) là,/u.test(block.text));
    expect(ordinals.map((block) => block.kind)).toEqual(Array(6).fill('paragraph'));
    expect(headings(plan).map((heading) => `${heading.level} ${heading.marker}`)).toEqual([
      '1 I.',
      '2 1.',
      '2 2.',
      '1 II.',
      '1 III.',
    ]);
    await expect(outline(plan)).toMatchFileSnapshot('__snapshots__/003-outline.txt');
  });

  it('004: a letter without Roman sections has numbered headings at level 1', async () => {
    const plan = seed('004_25acc8cebe27ea3e.txt');
    expect(headings(plan).map((heading) => heading.anchor)).toEqual(Array.from({ length: 9 }, (_, index) => `muc-${index + 1}`));
    expect(headings(plan).every((heading) => heading.level === 1)).toBe(true);
    await expect(outline(plan)).toMatchFileSnapshot('__snapshots__/004-outline.txt');
  });

  it('gives unique ASCII anchors', () => {
    for (const name of ['000_f97b9327d3f16c43', '001_a01f8457ceee4ac6', '002_869f96d070f2dfb7']) {
      const anchors = headings(seed(`${name}.txt`)).map((heading) => heading.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const anchor of anchors) expect(anchor).toMatch(/^muc-[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
