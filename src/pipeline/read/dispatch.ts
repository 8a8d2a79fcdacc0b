/**
 * `readDocument`: bytes of any supported file → `SourceText`, by the format its content
 * shows (`sniffFormat`), through that format's reader. Plain text keeps going through
 * `decodeSource` (encodings, legacy fonts, mojibake), so a .txt reads exactly as before;
 * .md and .html are decoded the same way, then their markup is removed (markup.ts).
 */
import { createHash } from 'node:crypto';
import type { IngestMessage, SourceFormat, SourceText } from '../../model.ts';
import { decodeSource } from '../read.ts';
import { readDoc } from './doc.ts';
import { findDocumentStarts } from './document-starts.ts';
import { readDocx } from './docx.ts';
import { readHtml, readMarkdown } from './markup.ts';
import { readImage } from './ocr.ts';
import { multipleDocumentsWarning } from './ocr/messages.ts';
import { readPdf } from './pdf.ts';
import { plainOrigin, type Reader, type ReadOptions } from './reader.ts';
import { formatOfExtension, sniffFormat } from './sniff.ts';

/**
 * The reader of a format, looked up when called rather than kept in a table built at load
 * time: read.ts and this module import each other (the text decoder lives in read.ts), and a
 * table would capture readers still undefined when a reader module happens to load first.
 */
function readerFor(format: Exclude<SourceFormat, 'txt' | 'pdf-scan'>): Reader {
  switch (format) {
    case 'docx':
    case 'odt':
      return readDocx;
    case 'doc':
      return readDoc;
    case 'pdf':
      return readPdf;
    case 'image':
      return readImage;
    case 'html':
      return readHtml;
    case 'md':
      return readMarkdown;
  }
}

/** Human names of the formats, for messages. */
const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  txt: 'văn bản thuần (.txt)',
  md: 'Markdown (.md)',
  html: 'HTML',
  docx: 'Word (.docx)',
  odt: 'OpenDocument (.odt)',
  doc: 'Word 97–2003 (.doc)',
  pdf: 'PDF',
  'pdf-scan': 'PDF bản quét',
  image: 'ảnh quét',
};

/** Conversions implied by the text decoder's encoding. */
const ENCODING_CONVERSIONS: Readonly<Record<string, string>> = {
  'windows-1258': 'windows-1258',
  tcvn3: 'tcvn3',
  vni: 'vni',
};

/**
 * Read one file's bytes.
 *
 * @param bytes Raw content.
 * @param file Name for messages and `SourceText.file`.
 * @param options OCR cache and progress.
 */
export async function readDocument(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<SourceText> {
  const sniffed = sniffFormat(bytes, file);
  const claimed = formatOfExtension(file);
  const renamed: IngestMessage[] =
    claimed !== null && sniffed !== 'zip' && sniffed !== 'unknown-binary' && !sameFamily(claimed, sniffed)
      ? [
          {
            file,
            level: 'warning',
            code: 'wrong-extension',
            message: `Tệp “${file}” có đuôi của ${FORMAT_NAMES[claimed]} nhưng nội dung là ${FORMAT_NAMES[sniffed]}; đã đọc theo nội dung.`,
          },
        ]
      : [];

  if (sniffed === 'zip' || sniffed === 'unknown-binary') {
    return failed(
      bytes,
      file,
      sniffed === 'zip' ? 'unsupported-zip' : 'unsupported-binary',
      sniffed === 'zip'
        ? `Tệp “${file}” là tệp nén (zip) nhưng không phải Word (.docx) hay OpenDocument (.odt): không đọc được. Hãy giải nén và đặt từng văn bản vào thư mục nguồn.`
        : `Tệp “${file}” có định dạng chưa đọc được (không phải .txt, .docx, .doc, .pdf hay ảnh quét). Hãy lưu lại thành .docx hoặc .pdf.`,
    );
  }

  if (sniffed === 'txt') {
    const decoded = decodeSource(bytes, file);
    const conversions = [
      ...(decoded.encoding && ENCODING_CONVERSIONS[decoded.encoding] ? [ENCODING_CONVERSIONS[decoded.encoding]!] : []),
      ...(decoded.messages.some((message) => message.code === 'mojibake-repaired') ? ['mojibake'] : []),
    ];
    return {
      ...decoded,
      messages: [...renamed, ...decoded.messages],
      origin: { format: sniffed, reader: 'text', pageCount: null, conversions, ocr: null },
    };
  }

  const reader = readerFor(sniffed);
  let output;
  try {
    output = await reader(bytes, file, options);
  } catch (error) {
    // Readers return errors rather than throw; this is the last guard so one file never stops the build.
    return failed(
      bytes,
      file,
      'reader-crashed',
      `Không đọc được tệp “${file}” (${FORMAT_NAMES[sniffed]}): ${(error as Error).message}`,
    );
  }
  const text = output.text === null ? null : output.text.normalize('NFC');
  const messages = [...renamed, ...output.messages];
  // A bundle of letters scanned or exported into one file: said once, whichever reader read it.
  if (text !== null && text.includes('\f') && !messages.some((message) => message.code === 'multiple-documents')) {
    const starts = findDocumentStarts(text);
    if (starts.length > 0) messages.push(multipleDocumentsWarning(file, starts));
  }
  if (text !== null && text.trim() === '' && !messages.some((message) => message.level === 'error')) {
    messages.push({ file, level: 'error', code: 'empty-file', message: `Tệp “${file}” không có chữ nào đọc được.` });
  }
  return {
    file,
    text: text !== null && text.trim() !== '' ? text : null,
    encoding: text === null ? null : 'utf-8',
    sha256: sha256(bytes),
    byteLength: bytes.byteLength,
    messages,
    origin: output.origin,
  };
}

function failed(bytes: Uint8Array, file: string, code: string, message: string): SourceText {
  return {
    file,
    text: null,
    encoding: null,
    sha256: sha256(bytes),
    byteLength: bytes.byteLength,
    messages: [{ file, level: 'error', code, message }],
    origin: plainOrigin('txt', 'none'),
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** .txt/.md/.html are one family (text), .docx/.odt another; a scan PDF is a PDF. */
function sameFamily(a: SourceFormat, b: SourceFormat): boolean {
  const family = (format: SourceFormat): string =>
    format === 'txt' || format === 'md' || format === 'html'
      ? 'text'
      : format === 'docx' || format === 'odt'
        ? 'zip'
        : format === 'pdf-scan'
          ? 'pdf'
          : format;
  return family(a) === family(b);
}
