/** STUB — replaced by the .docx/.odt (Word, OpenDocument) reader. */
import { plainOrigin, readerError, type Reader } from './reader.ts';

export const readDocx: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('docx', 'none'), 'reader-missing', `Chưa đọc được tệp “${file}” (.docx/.odt (Word, OpenDocument)).`);
