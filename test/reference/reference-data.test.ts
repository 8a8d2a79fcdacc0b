import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { actNumberKey, loadReferenceData, referenceData, DEFAULT_LOCATIONS } from '../../src/reference/load.ts';
import { pickVersion, versionsOfTitle } from '../../src/reference/versions.ts';
import { parseTsv } from '../../src/reference/tsv.ts';
import { readFileSync } from 'node:fs';

const data = referenceData();

describe('reference data: legislative acts', () => {
  it('parses every row of the project file', () => {
    const { records } = parseTsv(readFileSync(join(DEFAULT_LOCATIONS.dataDir, 'legislative-acts.tsv'), 'utf8'));
    // loadReferenceData throws on a bad project row, so every record became an act.
    expect(loadReferenceData({ dataDir: DEFAULT_LOCATIONS.dataDir, userDir: null }).acts).toHaveLength(records.length);
    expect(records.length).toBeGreaterThan(450);
  });

  it('has no duplicate numbers (PL- optional)', () => {
    const keys = data.acts.filter((act) => act.number && act.confidence !== 'U').map((act) => actNumberKey(act.number!));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('resolves every replaces and amends link to a row', () => {
    const titles = new Set(data.acts.map((act) => act.title));
    const unresolved = data.acts.flatMap((act) =>
      [...act.replaces, ...act.amends].filter((link) => !data.byNumber.has(actNumberKey(link)) && !titles.has(link)),
    );
    expect(unresolved).toEqual([]);
  });

  it('dates are checked against the year inside the number', () => {
    const wrong = data.acts.filter((act) => {
      const year = act.number?.match(/\/((?:19|20)\d{2})\//)?.[1];
      return year && act.datePassed && act.datePassed.slice(0, 4) !== year;
    });
    expect(wrong.map((act) => act.number)).toEqual([]);
  });

  it('finds acts by number with or without PL-', () => {
    expect(data.byNumber.get(actNumberKey('04/2012/PL-UBTVQH13'))?.title).toBe(
      'Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách mạng',
    );
    expect(data.byNumber.get(actNumberKey('22/2018/QH14'))?.title).toBe('Luật Quốc phòng');
  });

  it('keeps the kind: Bộ luật Hình sự is a Bộ luật', () => {
    expect(versionsOfTitle(data, 'Bộ luật Hình sự').map((act) => act.kind)).toEqual(['Bộ luật', 'Bộ luật']);
  });
});

describe('reference data: versions by date', () => {
  const quocPhong = versionsOfTitle(data, 'Luật Quốc phòng');
  it.each([
    ['2024-03-01', null, '22/2018/QH14'],
    ['2012-05-10', null, '39/2005/QH11'],
    ['2024-03-01', 2005, '39/2005/QH11'],
    [null, 2018, '22/2018/QH14'],
  ] as const)('Luật Quốc phòng cited on %s (year %s) is %s', (date, year, number) => {
    expect(pickVersion(quocPhong, year, date)?.number).toBe(number);
  });

  it('cannot decide without a date when a title was passed twice', () => {
    expect(pickVersion(quocPhong, null, null)).toBeNull();
  });

  it('an amending law is told apart by its year', () => {
    const amending = versionsOfTitle(data, 'Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế');
    expect(pickVersion(amending, 2014, null)?.number).toBe('46/2014/QH13');
  });
});

describe('reference data: abbreviations', () => {
  it('expands the abbreviations texts use inside law titles', () => {
    const table = new Map(data.abbreviations.map((row) => [row.abbreviation, row.expansion]));
    expect(table.get('NSNN')).toBe('ngân sách nhà nước');
    expect(table.get('BHYT')).toBe('bảo hiểm y tế');
    expect(table.get('KH, CN&ĐMST')).toBe('khoa học, công nghệ và đổi mới sáng tạo');
    expect(table.get('QPPL')).toBe('quy phạm pháp luật');
  });
});

describe('reference data: a user file', () => {
  function withUserFile(contents: string) {
    const root = mkdtempSync(join(tmpdir(), 'vbg-reference-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const userDir = join(root, 'user');
    mkdirSync(dataDir);
    mkdirSync(userDir);
    for (const file of ['legislative-acts.tsv', 'abbreviations.tsv'])
      copyFileSync(join(DEFAULT_LOCATIONS.dataDir, file), join(dataDir, file));
    writeFileSync(join(userDir, 'tinh.tsv'), contents);
    return loadReferenceData({ dataDir, userDir });
  }

  it('adds the rows of a local file without touching code', () => {
    const loaded = withUserFile('kind\ttitle\tnumber\tdate_passed\nLuật\tLuật Thử nghiệm địa phương\t99/2099/QH99\t2099-01-02\n');
    const act = loaded.byNumber.get(actNumberKey('99/2099/QH99'));
    expect(act).toMatchObject({ title: 'Luật Thử nghiệm địa phương', confidence: 'U', datePassed: '2099-01-02' });
    expect(loaded.messages).toEqual([]);
  });

  it('skips a bad row with a message naming the file and line', () => {
    const loaded = withUserFile(
      'kind\ttitle\tnumber\tdate_passed\nNghị định\tNghị định X\t1/2020/NĐ-CP\t\nLuật\tLuật Y\t98/2098/QH98\t02/01/2098\n',
    );
    expect(loaded.messages).toHaveLength(2);
    expect(loaded.messages[0]).toMatch(/tinh\.tsv, dòng 2/);
    expect(loaded.messages[1]).toMatch(/dòng 3: bỏ qua vì date_passed: ngày phải viết dạng YYYY-MM-DD/);
  });
});

describe('reference data: a user row for a known number', () => {
  it('replaces the data row (adds its dates) without a second act', () => {
    const root = mkdtempSync(join(tmpdir(), 'vbg-reference-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'user'));
    writeFileSync(
      join(root, 'user', 'tinh.tsv'),
      'kind\ttitle\tnumber\tdate_passed\tdate_in_force\treplaces\nLuật\tLuật Thủ đô\t39/2024/QH15\t2024-06-28\t2025-01-01\t25/2012/QH13\n',
    );
    const loaded = loadReferenceData({ dataDir: DEFAULT_LOCATIONS.dataDir, userDir: join(root, 'user') });
    expect(loaded.byNumber.get(actNumberKey('39/2024/QH15'))).toMatchObject({ dateInForce: '2025-01-01', confidence: 'U' });
    expect(versionsOfTitle(loaded, 'Luật Thủ đô').map((act) => act.number)).toEqual(['25/2012/QH13', '39/2024/QH15']);
    expect(pickVersion(versionsOfTitle(loaded, 'Luật Thủ đô'), null, '2025-03-01')?.number).toBe('39/2024/QH15');
  });
});
