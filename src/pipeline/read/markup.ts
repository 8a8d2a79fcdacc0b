/** STUB — replaced by the HTML reader. */
import { plainOrigin, readerError, type Reader } from './reader.ts';

export const readHtml: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('html', 'none'), 'reader-missing', `Chưa đọc được tệp “${file}” (HTML).`);
