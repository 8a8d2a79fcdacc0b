/** STUB — replaced by the .doc (Word 97–2003) reader. */
import { plainOrigin, readerError, type Reader } from './reader.ts';

export const readDoc: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('doc', 'none'), 'reader-missing', `Chưa đọc được tệp “${file}” (.doc (Word 97–2003)).`);
