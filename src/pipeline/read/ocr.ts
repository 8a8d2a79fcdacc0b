/** STUB — replaced by the ảnh quét reader. */
import { plainOrigin, readerError, type Reader } from './reader.ts';

export const readImage: Reader = async (_bytes, file) =>
  readerError(file, plainOrigin('image', 'none'), 'reader-missing', `Chưa đọc được tệp “${file}” (ảnh quét).`);
