import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deflate, deflateSync, strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/pipeline/read/docx.ts';
import { formatNumber } from '../../src/pipeline/read/docx/numbering.ts';
import { unicodeToLegacy } from '../../src/pipeline/read/legacy-encoding.ts';

const corpus = join(import.meta.dirname, '../../../shared/corpus');

const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A minimal .docx: the body XML, plus other parts (numbering.xml, styles.xml…) by name. */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`,
    ),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

const run = (text: string, rPr = ''): string =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (content: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const numbered = (text: string, numId: number, ilvl: number): string =>
  para(run(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const part = (root: string, content: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:${root} ${NAMESPACES}>${content}</w:${root}>`;

async function textOf(bytes: Uint8Array): Promise<string> {
  const output = await readDocx(bytes, 'thu.docx', {});
  expect(output.messages).toEqual([]);
  return output.text!;
}

async function errorOf(bytes: Uint8Array, file = 'hong.docx'): Promise<string> {
  const output = await readDocx(bytes, file, {});
  expect(output.text).toBeNull();
  expect(output.messages).toHaveLength(1);
  expect(output.messages[0]!.level).toBe('error');
  expect(output.messages[0]!.message).toContain(`“${file}”`);
  return output.messages[0]!.message;
}

describe('readDocx on the real .docx files', () => {
  const names = [
    'lamdong-kh-cchc-2026-2030',
    'lamdong-qd-hdatvsld-2025',
    'lamdong-snv-ttr-bc-cchc-2025',
    'lamdong-tb-ketluan-cchc-2026',
    'luat-28-2018-qh14',
  ];

  for (const name of names) {
    it(`${name}: every gold citation number is in the text, header parts on lines of their own`, async () => {
      const output = await readDocx(readFileSync(join(corpus, 'files', `${name}.docx`)), `${name}.docx`, {});
      expect(output.messages).toEqual([]);
      expect(output.origin).toMatchObject({ format: 'docx', reader: 'docx (XML)', conversions: [], ocr: null });
      const text = output.text!;
      const gold = JSON.parse(readFileSync(join(corpus, 'files-gold', `${name}.json`), 'utf8')) as {
        citations: { number: string | null }[];
      };
      const folded = text.replace(/\s+/gu, '').replace(/–/gu, '-').toLowerCase();
      for (const citation of gold.citations) {
        if (citation.number) expect(folded).toContain(citation.number.replace(/\s+/gu, '').toLowerCase());
      }
      const lines = text.split('\n');
      const motto = lines.findIndex((line) => line === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const number = lines.findIndex((line) => /^(?:Luật )?[Ss]ố:/u.test(line));
      expect(motto).toBeGreaterThan(0);
      expect(number).toBeGreaterThan(0);
      // The left header cell (organ) comes before the right one (motto).
      expect(lines.slice(0, motto).some((line) => /^(?:ỦY BAN|UBND|QUỐC HỘI)/u.test(line))).toBe(true);
      expect(lines[motto + 1]).toBe('Độc lập - Tự do - Hạnh phúc');
      if (name !== 'luat-28-2018-qh14') expect(lines.some((line) => /^Lâm Đồng, ngày [\s\d]*tháng/u.test(line))).toBe(true);
    });
  }

  it('reads the footnote of lamdong-snv-ttr-bc-cchc-2025 after the body, with its mark in the text', async () => {
    const text = (await readDocx(readFileSync(join(corpus, 'files/lamdong-snv-ttr-bc-cchc-2025.docx')), 'x.docx', {})).text!;
    expect(text).toContain('tổng hợp[1] và kết quả');
    expect(text.split('\n').at(-1)).toMatch(/^\[1\] Gồm: Sở Khoa học và Công nghệ, Sở Tài chính/u);
  });

  it('keeps the list numbers and the appendix table cell by cell (lamdong-kh-cchc-2026-2030)', async () => {
    const output = await readDocx(readFileSync(join(corpus, 'files/lamdong-kh-cchc-2026-2030.docx')), 'x.docx', {});
    const lines = output.text!.split('\n');
    expect(lines).toContain('I. QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU');
    expect(lines).toContain('III. TỔ CHỨC THỰC HIỆN');
    const header = lines.indexOf('STT');
    expect(lines.slice(header, header + 3)).toEqual(['STT', 'Nhiệm vụ', 'Sản phẩm']);
    expect(output.origin.pageCount).toBe(31);
  });
});

describe('readDocx: list numbering from numbering.xml', () => {
  const level = (ilvl: number, format: string, text: string, extra = ''): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numbering = part(
    'numbering',
    [
      `<w:abstractNum w:abstractNumId="0">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%2.')}${level(2, 'lowerLetter', '%3)')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${level(0, 'bullet', '\uf0b7')}${level(1, 'bullet', '+')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="3">${level(0, 'decimal', 'Điều %1.', '<w:pStyle w:val="Dieu"/>')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>',
      '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>',
    ].join(''),
  );
  const styles = part(
    'styles',
    '<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Dieu"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
  );

  it('numbers levels, resets lower levels, shares counters through the abstractNum, honours startOverride', async () => {
    const body = [
      numbered('MỤC ĐÍCH', 1, 0),
      numbered('Mục tiêu', 1, 1),
      numbered('ý một', 1, 2),
      numbered('ý hai', 1, 2),
      numbered('Yêu cầu', 1, 1),
      numbered('ý ba', 1, 2),
      numbered('NỘI DUNG', 1, 0),
      numbered('Việc một', 1, 1),
      numbered('Việc hai', 3, 1),
      numbered('Việc năm', 2, 1),
      numbered('Việc sáu', 2, 1),
    ].join('');
    expect((await textOf(docx(body, { 'word/numbering.xml': numbering }))).split('\n')).toEqual([
      'I. MỤC ĐÍCH',
      '1. Mục tiêu',
      'a) ý một',
      'b) ý hai',
      '2. Yêu cầu',
      'a) ý ba',
      'II. NỘI DUNG',
      '1. Việc một',
      '2. Việc hai',
      '5. Việc năm',
      '6. Việc sáu',
    ]);
  });

  it('multi-level text "%1.%2.", lvlRestart 0, bullets as "- " (or the "+" written), numbering from a paragraph style', async () => {
    const body = [
      numbered('A', 5, 0),
      numbered('x', 5, 1),
      numbered('B', 5, 0),
      numbered('y', 5, 1),
      numbered('gạch đầu dòng', 6, 0),
      numbered('cộng', 6, 1),
      para(run('Phạm vi'), '<w:pStyle w:val="Dieu"/>'),
      para(run('Đối tượng'), '<w:pStyle w:val="Dieu"/>'),
      numbered('bỏ số', 0, 0),
    ].join('');
    expect((await textOf(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }))).split('\n')).toEqual([
      '1. A',
      '1.1. x',
      '2. B',
      '2.2. y',
      '- gạch đầu dòng',
      '+ cộng',
      'Điều 1. Phạm vi',
      'Điều 2. Đối tượng',
      'bỏ số',
    ]);
  });

  it('formats numbers as Word does', () => {
    expect([4, 9, 14, 40, 1999].map((value) => formatNumber(value, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect(formatNumber(3, 'lowerRoman')).toBe('iii');
    expect([1, 26, 27, 28].map((value) => formatNumber(value, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect(formatNumber(2, 'upperLetter')).toBe('B');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
  });
});

describe('readDocx: runs and paragraphs', () => {
  it('converts .VnTime and .VnTimeH runs (direct and through a style), and records the conversion', async () => {
    const styles = part(
      'styles',
      '<w:style w:type="paragraph" w:styleId="Cu"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>',
    );
    const body = [
      para(run(unicodeToLegacy('quyết định', 'tcvn3'), '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>')),
      para(
        run(unicodeToLegacy('Đảng bộ huyện Lệ Thuỷ', 'tcvn3'), '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>') +
          run(' và Unicode', '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'),
      ),
      para(run(unicodeToLegacy('Căn cứ Quy định số 76', 'tcvn3')), '<w:pStyle w:val="Cu"/>'),
      para(run('Quyết định đã là Unicode', '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')),
      // The same bytes stored in the symbol area (U+F0xx), as Word does for a symbol-charset font.
      para(
        run(
          [...unicodeToLegacy('Đảng bộ', 'tcvn3')]
            .map((char) => String.fromCharCode(0xf000 + (iconv.encode(char, 'windows-1252')[0] ?? 0x3f)))
            .join(''),
          '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>',
        ),
      ),
    ].join('');
    const output = await readDocx(docx(body, { 'word/styles.xml': styles }), 'cu.docx', {});
    expect(output.text!.split('\n')).toEqual([
      'QUYẾT ĐỊNH',
      'Đảng bộ huyện Lệ Thuỷ và Unicode',
      'Căn cứ Quy định số 76',
      'Quyết định đã là Unicode',
      'Đảng bộ',
    ]);
    expect(output.origin.conversions).toEqual(['tcvn3']);
    expect(output.messages.map((message) => [message.level, message.code])).toEqual([['warning', 'legacy-encoding-tcvn3']]);
    expect(output.messages[0]!.message).toContain('“cu.docx”');
  });

  it('converts legacy runs split by Word as one piece (a split heading reads as the whole one)', async () => {
    const font = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>';
    const heading = unicodeToLegacy('QUYẾT ĐỊNH', 'tcvn3');
    const whole = await readDocx(docx(para(run(heading, font))), 'a.docx', {});
    const split = await readDocx(
      docx(para(run(heading.slice(0, 3), font) + run(heading.slice(3, 7), `${font}<w:b/>`) + run(heading.slice(7), font))),
      'b.docx',
      {},
    );
    expect(split.text).toBe(whole.text);
  });

  it('splits columns laid out with runs of tabs or column tab stops (direct or from the style), reads other single tabs as a space', async () => {
    const body = [
      para(`${run('Số: 12/UBND-VP')}<w:r><w:tab/><w:tab/></w:r>${run('Hà Nội, ngày 2 tháng 3 năm 2025')}`),
      para(`<w:r><w:tab/></w:r>${run('1.')}<w:r><w:tab/></w:r>${run('Mục tiêu')}`),
      para(
        `${run('TM. ỦY BAN NHÂN DÂN')}<w:r><w:tab/></w:r>${run('CHỦ TỊCH')}`,
        '<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>',
      ),
      para(
        `${run('Số: 7/SNV')}<w:r><w:tab/></w:r>${run('Huế, ngày 5 tháng 6 năm 2024')}`,
        '<w:tabs><w:tab w:val="left" w:pos="5040"/></w:tabs>',
      ),
      para(`${run('Kính gửi:')}<w:r><w:tab/></w:r>${run('Sở Y tế')}`, '<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs>'),
      para(`${run('Nơi nhận:')}<w:r><w:tab/></w:r>${run('KT. CHỦ TỊCH')}`, '<w:pStyle w:val="Ky"/>'),
    ].join('');
    const styles = part(
      'styles',
      '<w:style w:type="paragraph" w:styleId="Ky"><w:pPr><w:tabs><w:tab w:val="center" w:pos="7000"/></w:tabs></w:pPr></w:style>',
    );
    expect((await textOf(docx(body, { 'word/styles.xml': styles }))).split('\n')).toEqual([
      'Số: 12/UBND-VP',
      'Hà Nội, ngày 2 tháng 3 năm 2025',
      '1. Mục tiêu',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Số: 7/SNV',
      'Huế, ngày 5 tháng 6 năm 2024',
      'Kính gửi: Sở Y tế',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
    ]);
  });

  it('keeps field results, drops instructions; drops deletions, keeps insertions; breaks, hyphens, symbols, caps, hidden text', async () => {
    const body = [
      para(
        `${run('Trang ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      ),
      para(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x.vn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('Nghị định 30/2020/NĐ-CP')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      ),
      para(`<w:fldSimple w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; ">${run('01/01/2025')}</w:fldSimple>`),
      para(
        `${run('Quyết định ')}<w:del w:id="1" w:author="A"><w:r><w:delText>cũ</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">${run('mới')}</w:ins>`,
      ),
      para(`${run('dòng một')}<w:r><w:br/></w:r>${run('dòng hai')}`),
      para(`<w:r><w:t>QĐ</w:t><w:noBreakHyphen/><w:t>UBND Uỷ</w:t><w:softHyphen/><w:t>ban</w:t></w:r>`),
      para(`<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> mục</w:t></w:r>`),
      para(run('kính gửi', '<w:caps/>') + run('ẩn', '<w:vanish/>')),
      para(`<w:hyperlink r:id="rId9">${run('liên kết')}</w:hyperlink>`),
      `<w:sdt><w:sdtPr><w:alias w:val="Tên"/></w:sdtPr><w:sdtContent>${para(run('trong ô nhập'))}</w:sdtContent></w:sdt>`,
      `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${para(run('Bấm để nhập ngày'))}</w:sdtContent></w:sdt>`,
      para(run('A &amp; B &lt;C&gt; &#7889;')),
    ].join('');
    expect((await textOf(docx(body))).split('\n')).toEqual([
      'Trang 3',
      'Nghị định 30/2020/NĐ-CP',
      '01/01/2025',
      'Quyết định mới',
      'dòng một',
      'dòng hai',
      'QĐ-UBND Uỷban',
      '• mục',
      'KÍNH GỬI',
      'liên kết',
      'trong ô nhập',
      'A & B <C> ố',
    ]);
  });

  it('reads a text box once (mc:AlternateContent: one branch), after the paragraph holding it', async () => {
    const box = (text: string): string => `<w:txbxContent>${para(run(text))}</w:txbxContent>`;
    const body =
      para(
        `${run('Trước')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('DỰ THẢO')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${box('DỰ THẢO')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) + para(run('Sau'));
    expect((await textOf(docx(body))).split('\n')).toEqual(['Trước', 'DỰ THẢO', 'Sau']);
  });

  it('reads tables cell by cell, row by row, nested tables in place', async () => {
    const cell = (content: string): string => `<w:tc><w:tcPr/>${content}</w:tc>`;
    const inner = `<w:tbl><w:tr>${cell(para(run('B')))}${cell(para(run('C')))}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tblPr/><w:tr>${cell(para(run('UBND TỈNH X')) + para(run('Số: 1/UBND')))}${cell(para(run('CỘNG HÒA')))}</w:tr><w:tr>${cell(para(run('A')) + inner + para(''))}${cell(para(run('D')))}</w:tr></w:tbl>`;
    expect((await textOf(docx(body))).split('\n')).toEqual(['UBND TỈNH X', 'Số: 1/UBND', 'CỘNG HÒA', 'A', 'B', 'C', 'D']);
  });

  it('puts footnotes and endnotes after the body, numbered in citation order, marks in the text', async () => {
    const footnotes = part(
      'footnotes',
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
        `<w:footnote w:id="7">${para(`<w:r><w:footnoteRef/></w:r>${run(' Nghị định số 30/2020/NĐ-CP.')}`)}</w:footnote>` +
        `<w:footnote w:id="3">${para(`<w:r><w:footnoteRef/></w:r>${run(' Chú thích đầu.')}`)}</w:footnote>`,
    );
    const endnotes = part('endnotes', `<w:endnote w:id="2">${para(`<w:r><w:endnoteRef/></w:r>${run(' Cuối.')}`)}</w:endnote>`);
    const body = para(
      `${run('Một')}<w:r><w:footnoteReference w:id="3"/></w:r>${run(' hai')}<w:r><w:footnoteReference w:id="7"/></w:r>${run(' ba')}<w:r><w:endnoteReference w:id="2"/></w:r>`,
    );
    expect((await textOf(docx(body, { 'word/footnotes.xml': footnotes, 'word/endnotes.xml': endnotes }))).split('\n')).toEqual([
      'Một[1] hai[2] ba[i]',
      '[1] Chú thích đầu.',
      '[2] Nghị định số 30/2020/NĐ-CP.',
      '[i] Cuối.',
    ]);
  });

  it('marks explicit page breaks with a form-feed line, never at either end or twice in a row', async () => {
    const body = [
      para(`<w:r><w:br w:type="page"/></w:r>${run('Trang một')}<w:r><w:br w:type="page"/></w:r>`),
      para(run('PHỤ LỤC'), '<w:pageBreakBefore/>'),
      para(`${run('Cuối')}<w:r><w:br w:type="page"/></w:r>`),
    ].join('');
    expect(await textOf(docx(body))).toBe('Trang một\n\f\nPHỤ LỤC\nCuối');
  });

  it('reads the page count from docProps/app.xml', async () => {
    const output = await readDocx(
      docx(para(run('x')), {
        'docProps/app.xml':
          '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>4</Pages></Properties>',
      }),
      'x.docx',
      {},
    );
    expect(output.origin.pageCount).toBe(4);
  });
});

describe('readDocx: .odt', () => {
  it('reads headings, paragraphs, numbered lists, tables, notes and TCVN3 spans of content.xml', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">
<office:font-face-decls><style:font-face style:name="VnTime" svg:font-family="'.VnTime'"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:font-name="VnTime"/></style:style><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/></text:list-style></office:automatic-styles>
<office:body><office:text><table:table><table:table-row><table:table-cell><text:p>UBND TỈNH X</text:p></table:table-cell><table:table-cell><text:p>CỘNG HÒA</text:p></table:table-cell></table:table-row></table:table>
<text:h text:outline-level="1">KẾ HOẠCH</text:h><text:p><text:span text:style-name="T1">${unicodeToLegacy('Đảng bộ', 'tcvn3')}</text:span> tỉnh</text:p><text:p>Căn cứ<text:s text:c="2"/>Luật<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Luật số 1/2020/QH14.</text:p></text:note-body></text:note>;</text:p>
<text:list text:style-name="L1"><text:list-item><text:p>MỤC ĐÍCH</text:p><text:list><text:list-item><text:p>một</text:p></text:list-item><text:list-item><text:p>hai</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>NỘI DUNG</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>`;
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    const output = await readDocx(bytes, 'x.odt', {});
    expect(output.origin).toMatchObject({ format: 'odt', reader: 'odt (XML)', conversions: ['tcvn3'] });
    expect(output.text!.split('\n')).toEqual([
      'UBND TỈNH X',
      'CỘNG HÒA',
      'KẾ HOẠCH',
      'Đảng bộ tỉnh',
      'Căn cứ  Luật[1];',
      'I. MỤC ĐÍCH',
      'a) một',
      'b) hai',
      'II. NỘI DUNG',
      '[1] Luật số 1/2020/QH14.',
    ]);
  });
});

/**
 * A one-part zip written by hand, so its headers can lie; with `zip64`, the directory gives
 * the sizes as 0xFFFFFFFF and the real ones in a ZIP64 extra field, as .NET packaging does.
 */
function rawZip(name: string, compressed: Uint8Array, declaredSize: number, zip64 = false): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(local.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(8, 8, true);
  view.setUint32(18, compressed.length, true);
  view.setUint32(22, declaredSize, true);
  view.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const extraLength = zip64 ? 20 : 0;
  const central = new Uint8Array(46 + nameBytes.length + extraLength);
  const centralView = new DataView(central.buffer);
  centralView.setUint32(0, 0x02014b50, true);
  centralView.setUint16(10, 8, true);
  centralView.setUint32(20, zip64 ? 0xffffffff : compressed.length, true);
  centralView.setUint32(24, zip64 ? 0xffffffff : declaredSize, true);
  centralView.setUint16(28, nameBytes.length, true);
  centralView.setUint16(30, extraLength, true);
  centralView.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  if (zip64) {
    const extra = 46 + nameBytes.length;
    centralView.setUint16(extra, 1, true);
    centralView.setUint16(extra + 2, 16, true);
    centralView.setUint32(extra + 4, declaredSize, true);
    centralView.setUint32(extra + 12, compressed.length, true);
  }
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, 1, true);
  endView.setUint16(10, 1, true);
  endView.setUint32(12, central.length, true);
  endView.setUint32(16, local.length + compressed.length, true);
  const out = new Uint8Array(local.length + compressed.length + central.length + end.length);
  out.set(local, 0);
  out.set(compressed, local.length);
  out.set(central, local.length + compressed.length);
  out.set(end, local.length + compressed.length + central.length);
  return out;
}

/** Deflate `megabytes` MB of zeros without holding them: a ~100 KB stream. */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => chunks.push(chunk));
  const block = new Uint8Array(1024 * 1024);
  for (let index = 0; index < megabytes; index++) deflate.push(block, index === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

describe('readDocx: zip variants', () => {
  it('reads a package whose directory gives its sizes in a ZIP64 extra field', async () => {
    const xml = strToU8(`<?xml version="1.0"?><w:document ${NAMESPACES}><w:body>${para(run('Nội dung'))}</w:body></w:document>`);
    expect(await textOf(rawZip('word/document.xml', deflateSync(xml), xml.length, true))).toBe('Nội dung');
  });
});

describe('readDocx: bad input', () => {
  it('stops a part that declares a small size but inflates past the cap', async () => {
    const started = Date.now();
    const message = await errorOf(rawZip('word/document.xml', deflatedZeros(16), 2048));
    expect(message).toContain('bom zip');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a part that declares a huge size, without inflating it', async () => {
    expect(await errorOf(rawZip('word/document.xml', deflatedZeros(1), 3_000_000_000))).toContain('bom zip');
  });

  it('reports truncated and corrupt files, a zip without word/document.xml, and malformed XML', async () => {
    const real = readFileSync(join(corpus, 'files/lamdong-snv-ttr-bc-cchc-2025.docx'));
    expect(await errorOf(real.subarray(0, Math.floor(real.length / 2)))).toMatch(/cắt cụt|hỏng/u);
    const scrambled = new Uint8Array(real);
    for (let at = 200; at < scrambled.length - 2000; at += 7) scrambled[at] = scrambled[at]! ^ 0x5a;
    expect(await errorOf(scrambled)).toMatch(/hỏng|cắt cụt|XML/u);
    expect(await errorOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(/hỏng|cắt cụt/u);
    expect(await errorOf(zipSync({ 'a.txt': strToU8('xin chào') }))).toContain('word/document.xml');
    const malformed = zipSync({
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': strToU8(`<w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body>`),
    });
    expect(await errorOf(malformed)).toContain('XML');
  });

  it('never expands DTD entities (billion laughs, external entities)', async () => {
    const dtd =
      '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const xml = `<?xml version="1.0"?>${dtd}<w:document ${NAMESPACES}><w:body>${para(run('a &lol4; b &xxe; c'))}</w:body></w:document>`;
    const message = await errorOf(zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(xml) }), 'dtd.docx');
    expect(message).toContain('DOCTYPE');
    expect(message).not.toContain('lollol');
    expect(message).not.toContain('root:');
  });
});
