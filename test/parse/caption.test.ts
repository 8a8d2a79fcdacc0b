/**
 * A document whose header the crawl lost still names itself in its appendix caption
 * ("(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của …)"); a bracket inside a sentence
 * cites another act and names nothing. Organ names are not cut at a verb-like last syllable.
 */
import { describe, expect, it } from 'vitest';
import { readCaption } from '../../src/pipeline/parse/caption.ts';
import { parseText } from './parse-source.ts';

/** A headerless Hướng dẫn (as in holdout2): title, body, appendix caption. */
const HEADERLESS = [
  'HƯỚNG DẪN',
  '',
  'XÂY DỰNG, KIỆN',
  'TOÀN ĐỘI NGŨ BÁO CÁO VIÊN CÁC CẤP',
  '',
  '- Căn cứ Quy chế hoạt động báo cáo viên của Đảng',
  '(ban hành kèm theo Quyết định số 907-QĐ/BTGDVTW, ngày 17/9/2025 của Ban Tuyên',
  'giáo và Dân vận Trung ương).',
  '',
  'Số lượng báo cáo viên (Bộ Công an: tối đa 15',
  'người; Bộ Ngoại giao: tối đa 10 người).',
  '',
  'Phụ lục',
  '(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và',
  'Dân vận Trung ương)',
  '',
].join('\n');

describe('readCaption', () => {
  it('reads type, number, date and issuer of a caption on its own lines', () => {
    expect(readCaption(HEADERLESS)).toEqual({
      type: 'Hướng dẫn',
      number: '40-HD/BTGDVTW',
      date: { iso: '2025-11-27', partial: false },
      issuer: 'Ban Tuyên giáo và Dân vận Trung ương',
    });
  });

  it('reads "Ban hành kèm theo" with a date in words and no issuer', () => {
    const caption = readCaption('PHỤ LỤC\n(Ban hành kèm theo Quyết định số 12/2025/QĐ-UBND ngày 3 tháng 4 năm 2025)\n');
    expect(caption?.number).toBe('12/2025/QĐ-UBND');
    expect(caption?.date?.iso).toBe('2025-04-03');
    expect(caption?.issuer).toBeNull();
  });

  it('reads the issuer of a caption whose number is left blank (holdout3 cv_bkhcn)', () => {
    const caption = readCaption('PHỤ LỤC\n(Kèm theo văn bản số\n/BKHCN-CĐSQG ngày /11/2025 của Bộ Khoa học và\nCông nghệ)\n');
    expect(caption).toEqual({ type: null, number: null, date: null, issuer: 'Bộ Khoa học và Công nghệ' });
  });

  it('ignores a bracket inside a sentence', () => {
    expect(readCaption('Quy chế (ban hành kèm theo Quyết định số 907-QĐ/BTGDVTW, ngày 17/9/2025) quy định')).toBeNull();
  });
});

describe('parse: a headerless document', () => {
  it('takes number, date and issuer from the caption, not from the body', () => {
    const meta = parseText(HEADERLESS).meta;
    expect(meta.type).toBe('Hướng dẫn');
    expect(meta.number).toBe('40-HD/BTGDVTW');
    expect(meta.date?.iso).toBe('2025-11-27');
    expect(meta.issuer).toBe('Ban Tuyên giáo và Dân vận Trung ương');
  });

  it('does not cut "Bộ Ngoại giao" at "giao" when guessing the issuer from the body', () => {
    const meta = parseText('Kính gửi: các đơn vị\n\nSố người dự: Bộ Ngoại giao: tối đa 10 người.\n').meta;
    expect(meta.issuer).not.toBe('Bộ Ngoại');
  });

  it('keeps "Công văn" for a letter whose caption says only "văn bản"', () => {
    const meta = parseText(
      'Kính gửi: Các cơ quan\n\nĐề nghị phản hồi.\n\nPHỤ LỤC\n(Kèm theo văn bản số /BKHCN-CĐSQG ngày /11/2025 của Bộ Khoa học và Công nghệ)\n',
    ).meta;
    expect(meta.type).toBe('Công văn');
    expect(meta.number).toBeNull();
    expect(meta.issuer).toBe('Bộ Khoa học và Công nghệ');
  });

  it('keeps the header number over a caption', () => {
    const meta = parseText(
      'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 7360/KH-UBND\n\nKẾ HOẠCH\nThi hành Luật\n\nPhụ lục\n(Kèm theo Quyết định số 12/QĐ-UBND ngày 1/2/2025 của UBND tỉnh)\n',
    ).meta;
    expect(meta.number).toBe('7360/KH-UBND');
  });
});
