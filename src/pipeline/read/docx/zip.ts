/**
 * A zip reader that trusts nothing in the archive: the central directory is read by hand
 * (names, methods, declared sizes, offsets), each wanted part is refused when its declared
 * size is over the cap, and inflation streams in small slices while counting the bytes
 * that come out, so a "zip bomb" whose headers lie is stopped after at most one slice past
 * its declared size. Only the parts asked for are ever inflated.
 */
import { Inflate } from 'fflate';

/** Largest part we inflate (declared or actual). Real document.xml files are a few MB. */
const PART_LIMIT = 100 * 1024 * 1024;
/** Largest total of all inflated parts of one file. */
const TOTAL_LIMIT = 200 * 1024 * 1024;
/**
 * Compressed bytes pushed per inflate step: deflate expands at most ~1032×, so one step
 * yields at most ~16 MB before the count is checked again.
 */
const SLICE = 16 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why an archive or a part could not be read; `reason` is a short Vietnamese phrase. */
export class ZipError extends Error {
  constructor(
    readonly code: 'zip-corrupt' | 'zip-too-large' | 'zip-encrypted' | 'zip-unsupported',
    readonly reason: string,
  ) {
    super(reason);
  }
}

const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Entries beyond this are not a document (a .docx has a few dozen parts). */
const MAX_ENTRIES = 10_000;

/**
 * List an archive's entries from its central directory.
 *
 * @throws ZipError when the archive is truncated or its directory is inconsistent.
 */
function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipError('zip-corrupt', 'không tìm thấy mục lục của tệp nén (tệp bị cắt cụt hoặc hỏng)');
  let count = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: some writers (.NET packaging among them) use it even for small packages.
    const zip64 = zip64EndOfCentralDirectory(bytes, eocd);
    count = zip64.count;
    directorySize = zip64.directorySize;
    directoryOffset = zip64.directoryOffset;
  }
  if (count > MAX_ENTRIES) throw new ZipError('zip-too-large', `tệp nén có quá nhiều phần (${count})`);
  if (directoryOffset + directorySize > eocd) {
    throw new ZipError('zip-corrupt', 'mục lục của tệp nén trỏ ra ngoài tệp (tệp bị cắt cụt hoặc hỏng)');
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      throw new ZipError('zip-corrupt', 'mục lục của tệp nén bị hỏng');
    }
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength + extraLength > eocd) throw new ZipError('zip-corrupt', 'mục lục của tệp nén bị hỏng');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    applyZip64Extra(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const MAX_32 = 0xffffffff;

/** A little-endian 64-bit field as a number; sizes past 2^53 are no document's. */
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
}

function zip64EndOfCentralDirectory(
  bytes: Uint8Array,
  eocd: number,
): { count: number; directorySize: number; directoryOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipError('zip-corrupt', 'mục lục ZIP64 của tệp nén bị thiếu (tệp bị hỏng)');
  }
  const record = u64(bytes, locator + 8);
  if (record + 56 > locator || u32(bytes, record) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipError('zip-corrupt', 'mục lục ZIP64 của tệp nén bị hỏng');
  }
  return { count: u64(bytes, record + 32), directorySize: u64(bytes, record + 40), directoryOffset: u64(bytes, record + 48) };
}

/** The ZIP64 extra field (id 1) holds, in order, each 32-bit field that was set to 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  if (entry.declaredSize !== MAX_32 && entry.compressedSize !== MAX_32 && entry.localHeaderOffset !== MAX_32) return;
  for (let at = 0; at + 4 <= extra.byteLength;) {
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    if (id === 1) {
      let field = at + 4;
      const end = at + 4 + size;
      const next = (): number | null => {
        if (field + 8 > end || field + 8 > extra.byteLength) return null;
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.declaredSize === MAX_32) entry.declaredSize = next() ?? MAX_32;
      if (entry.compressedSize === MAX_32) entry.compressedSize = next() ?? MAX_32;
      if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = next() ?? MAX_32;
      return;
    }
    at += 4 + size;
  }
}

/** The end-of-central-directory record is in the last 64 KB + 22 bytes; search backwards. */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.byteLength - 65_557);
  for (let at = bytes.byteLength - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/**
 * Inflates wanted parts of one archive under a shared budget (`TOTAL_LIMIT`).
 */
export class ZipParts {
  private readonly byName = new Map<string, ZipEntry>();
  private spent = 0;

  constructor(private readonly bytes: Uint8Array) {
    // OPC part names are case-insensitive; a leading slash is not part of a zip name.
    for (const entry of listZipEntries(bytes)) this.byName.set(entry.name.replace(/^\//u, '').toLowerCase(), entry);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byName.values()].map((entry) => entry.name);
  }

  /**
   * The bytes of one part, or null when the archive has no such part.
   *
   * @throws ZipError for an encrypted, oversized (declared or actual) or corrupt part.
   */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.encrypted) throw new ZipError('zip-encrypted', `phần “${entry.name}” bị mã hóa (tệp có mật khẩu)`);
    if (entry.declaredSize > PART_LIMIT || this.spent + entry.declaredSize > TOTAL_LIMIT) {
      throw new ZipError(
        'zip-too-large',
        `phần “${entry.name}” khai báo kích thước giải nén ${megabytes(entry.declaredSize)} MB, vượt giới hạn ${megabytes(PART_LIMIT)} MB (nghi là “bom zip”)`,
      );
    }
    const data = this.compressedData(entry);
    // A valid archive's directory gives the exact size; more output than declared is a lie.
    const limit = Math.min(PART_LIMIT, TOTAL_LIMIT - this.spent, entry.declaredSize);
    let output: Uint8Array;
    if (entry.method === 0) {
      if (data.byteLength > limit) throw tooLarge(entry, limit);
      output = data;
    } else if (entry.method === 8) {
      output = inflateLimited(data, limit, entry);
    } else {
      throw new ZipError('zip-unsupported', `phần “${entry.name}” nén theo cách chưa hỗ trợ (phương thức ${entry.method})`);
    }
    this.spent += output.byteLength;
    return output;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.byteLength || u32(this.bytes, at) !== LOCAL_SIGNATURE) {
      throw new ZipError('zip-corrupt', `phần “${entry.name}” không có ở vị trí mục lục ghi (tệp bị hỏng)`);
    }
    const start = at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.byteLength) throw new ZipError('zip-corrupt', `phần “${entry.name}” bị cắt cụt (tệp không trọn vẹn)`);
    return this.bytes.subarray(start, end);
  }
}

/** Inflate raw deflate data slice by slice, stopping as soon as the output passes `limit`. */
function inflateLimited(data: Uint8Array, limit: number, entry: ZipEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge(entry, limit);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.byteLength; at += SLICE) {
      inflater.push(data.subarray(at, Math.min(at + SLICE, data.byteLength)), at + SLICE >= data.byteLength);
    }
    if (data.byteLength === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('zip-corrupt', `phần “${entry.name}” không giải nén được (dữ liệu nén bị hỏng)`);
  }
  if (!ended) throw new ZipError('zip-corrupt', `phần “${entry.name}” bị cắt cụt (dữ liệu nén không trọn vẹn)`);
  if (chunks.length === 1) return chunks[0]!;
  const output = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    output.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return output;
}

function tooLarge(entry: ZipEntry, limit: number): ZipError {
  return new ZipError(
    'zip-too-large',
    `phần “${entry.name}” giải nén ra hơn ${limit} byte, nhiều hơn kích thước khai báo (${entry.declaredSize} byte) hoặc giới hạn ${megabytes(PART_LIMIT)} MB (nghi là “bom zip”)`,
  );
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
