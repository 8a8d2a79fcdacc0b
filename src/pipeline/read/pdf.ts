/** STUB — replaced by the PDF reader. */
import { plainOrigin, readerError, type Reader } from './reader.ts';

export const readPdf: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('pdf', 'none'), 'reader-missing', `Chưa đọc được tệp “${file}” (PDF).`);
