/**
 * Eyecite-style table of real citation strings (from the seeds and the dev corpus),
 * a comment per row, expected values built by a small factory.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline/extract.ts';
import { groupCitations } from '../../src/pipeline/group.ts';

/** Expected citation: only the fields a row cares about. */
interface Want {
  number?: string | null;
  name?: string | null;
  date?: string | null;
  issuer?: string | null;
  relation?: string;
}

/** Factory: a numbered citation. */
const numbered = (number: string, rest: Omit<Want, 'number'> = {}): Want => ({ number, ...rest });
/** Factory: a named law. */
const law = (name: string, rest: Omit<Want, 'name'> = {}): Want => ({ number: null, name, ...rest });

const rows: [string, string, Want[], { ownNumber?: string }?][] = [
  // Full state citation with date and issuer (seed 000).
  [
    'state number, date, issuer',
    'Căn cứ Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ về khu vực phòng thủ;',
    [numbered('21/2019/NĐ-CP', { date: '2019-02-22', issuer: 'Chính phủ', relation: 'can-cu' })],
  ],
  // Letter of the province, "UBND tỉnh" as issuer (seed 000 cites seed 004).
  [
    'letter with UBND issuer',
    'Tiếp tục thực hiện có hiệu quả Công văn số 1584/UBND-NCPC ngày 17/7/2020 của UBND tỉnh về việc nâng cao',
    [numbered('1584/UBND-NCPC', { date: '2020-07-17', issuer: 'UBND tỉnh' })],
  ],
  // Line breaks inside number and date (dev corpus crawl).
  [
    'hard line breaks',
    'Căn cứ Nghị định số\n78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy\nđịnh chi tiết',
    [numbered('78/2025/NĐ-CP', { date: '2025-04-01', issuer: 'Chính phủ', relation: 'can-cu' })],
  ],
  // Date split across lines, long form.
  [
    'date over a line break',
    'Kế hoạch số 14-KH/TU ngày 29\ntháng 7 năm 2025 của Ban Thường vụ Tỉnh ủy',
    [numbered('14-KH/TU', { date: '2025-07-29', issuer: 'Ban Thường vụ Tỉnh ủy' })],
  ],
  // Stray space inside the code (cv_thue_vinhlong).
  [
    'stray space in code',
    'theo Thông tư số 111/2013/TT- BTC ngày 15/8/2013 của Bộ Tài chính',
    [numbered('111/2013/TT-BTC', { date: '2013-08-15', issuer: 'Bộ Tài chính' })],
  ],
  // Comma before the date (seed 000), military issuer.
  [
    'comma before date',
    'Chỉ thị số 158/CT-BTL, ngày 05/02/2010 của Tư lệnh Quân khu 7 trong công tác',
    [numbered('158/CT-BTL', { date: '2010-02-05', issuer: 'Tư lệnh Quân khu 7' })],
  ],
  // Date glued to "ngày".
  [
    'date glued to ngày',
    'Quyết định số 12/QĐ-UBND ngày21-02-2018 của UBND huyện',
    [numbered('12/QĐ-UBND', { date: '2018-02-21' })],
  ],
  // Party numbers with two slashes and Đ (seed 000).
  [
    'party numbers',
    'Nghị quyết số 230-NQ/QU/TW ngày 02/4/2022 của Quân ủy Trung ương; Chỉ thị số 681-CT/ĐU ngày 08/10/2018',
    [numbered('230-NQ/QU/TW', { issuer: 'Quân ủy Trung ương' }), numbered('681-CT/ĐU', { date: '2018-10-08' })],
  ],
  // Compressed Party list with a stray space (hd_btctw_45).
  [
    'compressed party list',
    'các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ Chính trị,',
    [numbered('187-KL/TW', { date: '2025-08-29', issuer: 'Bộ Chính trị' }), numbered('188-KL/TW', { date: '2025-08-29' })],
  ],
  // List of letters sharing a type word and issuer (cv_bct_giaxangdau).
  [
    'list sharing type',
    'các Công văn của Bộ Tài chính số 3910/BTC-QLG ngày 04/4/2018, số 367/BTC-QLG ngày 06/4/2018',
    [numbered('3910/BTC-QLG', { date: '2018-04-04' }), numbered('367/BTC-QLG', { date: '2018-04-06' })],
  ],
  // Shared "của" after a list (ct_quangtri_06).
  [
    'shared issuer',
    'Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày\n29/12/2023 của Ban Thường vụ Tỉnh ủy;',
    [numbered('31-CT/TU', { issuer: 'Ban Thường vụ Tỉnh ủy' }), numbered('134-KH/TU', { issuer: 'Ban Thường vụ Tỉnh ủy' })],
  ],
  // Issuer before the number (dev README).
  [
    'issuer before',
    'Theo đề nghị của Giám đốc Sở\nY tế tại Tờ trình số 4499/TTr-SYT ngày 17 tháng 11 năm 2025.',
    [numbered('4499/TTr-SYT', { issuer: 'Sở Y tế', date: '2025-11-17' })],
  ],
  // Number codes with digits and mixed case.
  [
    'codes with digits',
    'Quyết định số 510/QĐ-BCA-V05; Chương trình phối hợp số 07/CTrPH-BCA-MTTW; Hướng dẫn số 19/HD-CAT-PV05',
    [numbered('510/QĐ-BCA-V05'), numbered('07/CTrPH-BCA-MTTW'), numbered('19/HD-CAT-PV05')],
  ],
  // Named laws in a list; the boundary stops at "," ";" and "và các".
  [
    'named laws',
    'theo quy định tại Điều 102 Luật Lâm nghiệp, Luật Đất đai và các văn bản hướng dẫn thi hành;',
    [law('Luật Lâm nghiệp'), law('Luật Đất đai')],
  ],
  // "và an ninh" stays inside the title.
  [
    'và inside a title',
    'biện pháp thi hành Luật Giáo dục quốc phòng và an ninh; Thực hiện',
    [law('Luật Giáo dục quốc phòng và an ninh')],
  ],
  // Law with date (qd_dongnai) and the amending law with its inner law.
  [
    'amending law',
    'Căn cứ Luật sửa đổi, bổ sung\nmột số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm\n2025;',
    [
      law('Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật', { date: '2025-06-25' }),
      law('Luật Ban hành văn bản quy phạm pháp luật'),
    ],
  ],
  // Law with a number: one citation keyed by the number, named.
  [
    'law with number',
    'Căn cứ Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 của Quốc hội',
    [{ number: '38/2019/QH14', name: 'Luật Quản lý thuế', date: '2019-06-13', issuer: 'Quốc hội' }],
  ],
  // Bare constitution.
  ['constitution', 'phù hợp với Hiến pháp, pháp luật và thực tiễn', [law('Hiến pháp')]],
  // Short reference joins the full citation (seed 001).
  [
    'short reference',
    'Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an; hướng dẫn thực hiện Thông tư số 124 của Bộ Công an',
    [numbered('124/2021/TT-BCA', { date: '2021-12-28' })],
  ],
  // Unresolved short number of a well-known project (kh_hanoi_308).
  ['bare project number', 'gắn với triển khai Đề án 06 theo quy định', [numbered('06')]],
  // Own number is not a citation.
  [
    'own number',
    'Số: 165/KH-UBND\nThực hiện Chỉ thị số 27/CT-TTg',
    [numbered('27/CT-TTg', { relation: 'thuc-hien' })],
    { ownNumber: '165/KH-UBND' },
  ],
  // "Cụ thể hóa" leads an implementation too, in either spelling of "hóa".
  [
    'cụ thể hóa',
    'Để cụ thể hóa Chỉ thị số 46-CT/TW ngày 22/6/2015 của Ban Bí thư',
    [numbered('46-CT/TW', { relation: 'thuc-hien' })],
  ],
  ['cụ thể hoá', 'Cụ thể hoá Nghị quyết số 05-NQ/TU của Tỉnh ủy', [numbered('05-NQ/TU', { relation: 'thuc-hien' })]],
  // Vague mentions and drafts are not citations.
  [
    'vague mentions',
    'theo Pháp lệnh mới; Nghị định này; Luật này; dự thảo Luật thuế TNCN (sửa đổi); Nghị quyết Trung ương 4 khoá XII; Hội Luật gia tỉnh',
    [],
  ],
  // Issuer ends before the title that follows it (qd_dongnai_2830).
  [
    'issuer before a title',
    'Quyết định số 52/2002/QĐ-UB\nngày 27 tháng 9 năm 2002 của Ủy ban nhân dân tỉnh Bình Phước Thành lập trạm y\ntế xã Đồng Tiến',
    [numbered('52/2002/QĐ-UB', { date: '2002-09-27', issuer: 'Ủy ban nhân dân tỉnh Bình Phước' })],
  ],
  // Issuer ends at a lower-case verb (cv_bct_giaxangdau).
  [
    'issuer before a verb',
    'tại Công văn số 1734/BTC-QLG ngày 03/12/2025 của Bộ Tài chính tham gia ý kiến',
    [numbered('1734/BTC-QLG', { issuer: 'Bộ Tài chính' })],
  ],
  // Issuer between the type word and a list of numbers applies to each (cv_bct_giaxangdau).
  [
    'issuer inside a list',
    'các Công văn của Bộ Tài chính số 3910/BTC-QLG ngày 04/4/2018, số 367/BTC-QLG ngày 06/4/2018;',
    [numbered('3910/BTC-QLG', { issuer: 'Bộ Tài chính' }), numbered('367/BTC-QLG', { issuer: 'Bộ Tài chính' })],
  ],
  // Form codes and technical standards are not cited documents.
  ['form codes', 'kê khai theo Mẫu số 01/TNDN và tờ khai 02/KK-TNCN; đạt QCVN 01:2021/BYT; mục 1/II', []],
  // A comma inside a title: a short first item, or a parallel second item (holdout qd_hcm).
  [
    'comma inside law titles',
    'Luật Hải quan, Luật Thuế xuất khẩu, thuế\nnhập khẩu, Luật Đầu tư, Luật Quản lý, sử dụng tài sản công;',
    [
      law('Luật Hải quan'),
      law('Luật Thuế xuất khẩu, thuế nhập khẩu'),
      law('Luật Đầu tư'),
      law('Luật Quản lý, sử dụng tài sản công'),
    ],
  ],
  // A comma that opens a clause of prose ends the title (seed 000).
  [
    'comma after a law opens prose',
    'thực hiện Luật Dân quân tự vệ, xây dựng lực lượng dân quân tự vệ đúng, đủ;',
    [law('Luật Dân quân tự vệ')],
  ],
  ['comma then a clause with a verb', 'Theo Luật Đất đai, người sử dụng đất có quyền chuyển nhượng.', [law('Luật Đất đai')]],
  // "theo phương thức" belongs to the PPP law's title (holdout cv_hanoi).
  [
    'theo inside a title',
    'quy định chi tiết một số điều của Luật Đầu tư theo phương thức đối tác công tư; Số',
    [law('Luật Đầu tư theo phương thức đối tác công tư')],
  ],
  // "và" + a short lower-case tail that ends at the number; a line break inside the title.
  [
    'và and a line break inside a title',
    'Căn cứ Luật Đo đạc và bản\nđồ số 27/2018/QH14 ngày 14 tháng 6 năm 2018;',
    [{ number: '27/2018/QH14', name: 'Luật Đo đạc và bản đồ', date: '2018-06-14' }],
  ],
  [
    'và then prose ends the title',
    'triển khai Luật Dân quân tự vệ và xây dựng lực lượng dân quân vững mạnh.',
    [law('Luật Dân quân tự vệ')],
  ],
  [
    'và then a second law',
    'Luật Ngân sách nhà nước, Luật Đầu tư công và các quy định hiện hành; Luật Nhà ở và Luật Đất đai.',
    [law('Luật Ngân sách nhà nước'), law('Luật Đầu tư công'), law('Luật Nhà ở'), law('Luật Đất đai')],
  ],
  // Amending law over a list of laws: its own entry plus one mention per inner law (holdout qd_hcm).
  [
    'amending law over a list',
    'được sửa đổi, bổ sung một số điều tại Luật sửa đổi, bổ\nsung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức\nđối tác công tư và Luật Đấu thầu ngày 29 tháng 11 năm 2024;',
    [
      law(
        'Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu',
        { date: '2024-11-29' },
      ),
      law('Luật Quy hoạch'),
      law('Luật Đầu tư'),
      law('Luật Đầu tư theo phương thức đối tác công tư'),
      law('Luật Đấu thầu'),
    ],
  ],
  [
    'amending law with capital S',
    'tại Luật Sửa đổi,\nbổ sung một số điều của Luật Đấu thầu, Luật Hải quan;',
    [law('Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Hải quan'), law('Luật Đấu thầu'), law('Luật Hải quan')],
  ],
  // Each inner law numbered: the numbers are theirs, not the amending law's.
  [
    'amending law over numbered laws',
    'tại\nLuật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở\nsố 27/2023/QH15 và Luật Các tổ chức\ntín dụng số 32/2024/QH15;',
    [
      law(
        'Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15',
      ),
      { number: '31/2024/QH15', name: 'Luật Đất đai' },
      { number: '27/2023/QH15', name: 'Luật Nhà ở' },
      { number: '32/2024/QH15', name: 'Luật Các tổ chức tín dụng' },
    ],
  ],
  // One inner law: "số …" is the amending law's own number.
  [
    'amending law with its own number',
    'tại Luật sửa đổi, bổ sung một số điều của\nLuật xây dựng số 62/2020/QH14 ngày 17 tháng 06 năm 2020;',
    [
      { number: '62/2020/QH14', name: 'Luật sửa đổi, bổ sung một số điều của Luật xây dựng', date: '2020-06-17' },
      law('Luật xây dựng'),
    ],
  ],
  // Decimal part or letter suffix in the leading number (holdout qd_hcm; series splits).
  [
    'decimal number over a line break',
    'Căn cứ Nghị quyết số\n66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ Quy định',
    [numbered('66.2/2025/NQ-CP', { date: '2025-08-28', issuer: 'Chính phủ' })],
  ],
  [
    'letter suffixes',
    'Kế hoạch số 01a/KH-UBND ngày 05/01/2025; Quyết định số 1234A/QĐ-UBND ngày 02/3/2025',
    [numbered('01a/KH-UBND', { date: '2025-01-05' }), numbered('1234A/QĐ-UBND', { date: '2025-03-02' })],
  ],
  // A lower-case noun type with a zero-padded number names a document (holdout kh_nghean_987) …
  // (Written inside a Ban Chỉ đạo's name only, it is part of the name: see specimens.test.ts.)
  [
    'lower-case đề án 06',
    'các nhiệm vụ chuyển đổi số, cải cách hành\nchính gắn với triển khai đề án 06 về Kế hoạch hành động',
    [numbered('06')],
  ],
  // … but a verb-like type takes padded counts (dev hd_btctw_45), and sections are not documents.
  [
    'padded counts and sections',
    'giới thiệu quy hoạch 02 trong 03 chức danh; theo Điều 5, khoản 2 và báo cáo 02 nội dung; kế hoạch 12 tháng',
    [],
  ],
  ['list marker after a type word', 'triển khai thực hiện Kế hoạch\n10. Tổ chức thực hiện', []],
  // "Luật quy định" is the common noun with a verb; "Luật Phòng cháy và chữa cháy" keeps "và".
  // A "và" tail of four words across a line break, ending at "." / "(" / a preposition (kh_laichau).
  [
    'four-word và tail',
    'thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và\nquy chuẩn kỹ thuật. Căn cứ Luật Tiêu chuẩn và quy chuẩn kỹ\nthuật về Sở Khoa học',
    [
      law('Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật'),
      law('Luật Tiêu chuẩn và quy chuẩn kỹ thuật'),
    ],
  ],
  [
    'và then a task verb or a paired noun',
    'Luật Đất đai và xây dựng cơ sở dữ liệu. Luật Đất đai và trách nhiệm của các sở; Luật Hôn nhân và gia đình quy định',
    [law('Luật Đất đai'), law('Luật Hôn nhân và gia đình')],
  ],
  ['và then prose without an end', 'Luật Đất đai và nhận thức chung của người dân còn hạn chế', [law('Luật Đất đai')]],
  // Bare "Luật" (the law being implemented) before a list marker or a verb is not a title.
  [
    'bare Luật before a list or a verb',
    'hướng dẫn thi hành Luật\na) Nghị định quy định chi tiết; thi hành Luật bao gồm: Luật\nII. NỘI DUNG',
    [],
  ],
  // A newline is a block boundary: a title crosses it only into a lower-case word (a wrap).
  [
    'title stops at a capital on the next line',
    'được giao trong Luật Việc làm\nSở, ban, ngành thuộc Ủy ban; Luật Đo đạc và bản\nđồ số 27/2018/QH14',
    [law('Luật Việc làm'), { number: '27/2018/QH14', name: 'Luật Đo đạc và bản đồ' }],
  ],
  // A document-type code after "Luật" is a code-table cell.
  ['type codes are not titles', 'Viết tắt của loại văn bản\nL\nLuật\nNQ Nghị quyết\nL Luật NQ Nghị quyết', []],
  // A sentence that opens with its date and issues the mention gives it that date; an event's date does not.
  [
    'date opening the issuing sentence',
    'Kính gửi: Các cơ quan\nNgày 15/10/2025, Cơ quan thường trực Ban Chỉ đạo đã có văn bản số 07-TB/CQTTBCĐ thông báo kết luận',
    [numbered('07-TB/CQTTBCĐ', { date: '2025-10-15' })],
  ],
  [
    "date of an event is not the act's",
    'Ngày 20/11/2025, UBND tỉnh tổ chức hội nghị triển khai Kế hoạch số 12/KH-UBND về chuyển đổi số',
    [numbered('12/KH-UBND', { date: null })],
  ],
  // Joint issuers keep their hyphenated codes after the slash, in Party and state forms.
  [
    'joint-issuer numbers',
    'theo Hướng dẫn số 06-HD/BTCTW-BTGTW ngày 15/3/2024; Chương trình phối hợp số 07/CTrPH-BCA-MTTW và Quyết định số 510/QĐ-BCA-V05;',
    [numbered('06-HD/BTCTW-BTGTW', { date: '2024-03-15' }), numbered('07/CTrPH-BCA-MTTW'), numbered('510/QĐ-BCA-V05')],
  ],
  ['a dash after a Party number is prose', 'Chỉ thị số 46-CT/TW - nội dung trọng tâm', [numbered('46-CT/TW')]],
  // A pure-digit serial after the code, only with a type word and "số" right before (cv_thue_tayninh).
  [
    'digit serial after a type and số',
    'Trả lời văn bản số\n01/CV-01 ngày 20/11/2025 của Công Ty TNHH Khuôn Mẫu Yong Hong',
    [numbered('01/CV-01', { date: '2025-11-20', issuer: 'Công Ty TNHH Khuôn Mẫu Yong Hong' })],
  ],
  ['digit serial without context', 'lô hàng 01/CV-01 và mã 12/AB-3 trong kho', []],
  // Joint issuers after "của" (hd_btctw_45) and before the type (cv_bnv_10988); a second organ
  // followed by a verb opens a new clause (kh_nghean_987).
  [
    'joint issuers',
    'các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ\nChính trị, Ban Bí thư và các quy định liên quan; [2] Bộ Chính trị,\nBan Bí thư đã có Kết luận số 212-KL/TW ngày 18/11/2025, trong đó',
    [
      numbered('187-KL/TW', { issuer: 'Bộ Chính trị, Ban Bí thư' }),
      numbered('188-KL/TW', { issuer: 'Bộ Chính trị, Ban Bí thư' }),
      numbered('212-KL/TW', { issuer: 'Bộ Chính trị, Ban Bí thư' }),
    ],
  ],
  [
    'an organ after a comma that opens a clause',
    'Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh\nban hành Kế hoạch',
    [numbered('02-KH/BCĐTW', { issuer: 'Ban Chỉ đạo Trung ương' })],
  ],
  [
    'law boundary with và',
    'Luật quy định rõ; Căn cứ Luật Phòng cháy và chữa cháy năm 2001;',
    [law('Luật Phòng cháy và chữa cháy')],
  ],
  // Dates, ratios and clause numbers are not numbers.
  ['not numbers', 'ngày 15/7/2024, đạt 2,1 con/phụ nữ, 109 bé trai/100 bé gái, khoản 2/Điều 3, Kế hoạch 5 năm', []],
];

describe('extract: table of real strings', () => {
  for (const [title, text, want, options] of rows) {
    it(title, () => {
      const citations = groupCitations(extract(text, options ?? {}));
      expect(citations.length, JSON.stringify(citations.map((c) => c.number ?? c.name))).toBe(want.length);
      want.forEach((expected, index) => {
        const got = citations[index];
        if (expected.number !== undefined) expect(got?.number).toBe(expected.number);
        if (expected.name !== undefined) expect(got?.name).toBe(expected.name);
        if (expected.date !== undefined) expect(got?.date?.iso ?? null).toBe(expected.date);
        if (expected.issuer !== undefined) expect(got?.issuer).toBe(expected.issuer);
        if (expected.relation !== undefined) expect(got?.relation).toBe(expected.relation);
      });
    });
  }
});

describe('extract: links between mentions', () => {
  it('reads "sửa đổi, bổ sung một số điều của" as sua-doi (seed 000)', () => {
    const mentions = extract(
      'Căn cứ Nghị định số 139/2020/NĐ-CP ngày 27/11/2020 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 13/2014/NĐ-CP ngày 25/02/2014 của Chính phủ;',
    );
    expect(mentions.map((m) => m.number)).toEqual(['139/2020/NĐ-CP', '13/2014/NĐ-CP']);
    expect(mentions[0]?.links).toEqual([{ relation: 'sua-doi', target: 1 }]);
  });
  it('reads "về triển khai thực hiện" as thuc-hien (seed 002)', () => {
    const mentions = extract(
      'Căn cứ Kế hoạch số 1891/KH-UBND ngày 22 tháng 6 năm 2023 của UBND tỉnh về triển khai thực hiện Chỉ thị số 30-CT/TU, ngày 26 tháng 4 năm 2023',
    );
    expect(mentions[0]?.links).toEqual([{ relation: 'thuc-hien', target: 1 }]);
    expect(mentions[1]?.date?.iso).toBe('2023-04-26');
  });
  it('reads "hướng dẫn thực hiện" as huong-dan (seed 001)', () => {
    const mentions = extract(
      'Thông tư số 124/2021/TT-BCA; Hướng dẫn số 19/HD-CAT-PV05 ngày 21/10/2022 của Công an tỉnh về hướng dẫn thực hiện Thông tư số 124 của Bộ Công an',
    );
    expect(mentions[1]?.links).toEqual([{ relation: 'huong-dan', target: 2 }]);
    expect(mentions[2]?.kind).toBe('short-ref');
    expect(mentions[2]?.number).toBe('124/2021/TT-BCA');
  });
  it('does not link two items of a plain list', () => {
    const mentions = extract('Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 và Nghị định số 136/2025/NĐ-CP ngày 12/6/2025.');
    expect(mentions[0]?.links).toEqual([]);
  });
});

describe('extract: citation type as a name', () => {
  it('raises a type written in running text ("đã có văn bản số …") to "Văn bản"', () => {
    const citations = groupCitations(extract('Cơ quan thường trực đã có văn bản số 07-TB/CQTTBCĐ thông báo kết luận'));
    expect(citations.map((c) => c.docType)).toEqual(['Văn bản']);
  });
});
