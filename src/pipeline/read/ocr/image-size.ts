/**
 * Pixel size of a PNG, JPEG or TIFF from its header, before any decoder sees it: a scan
 * claiming 20,000 × 20,000 pixels would need gigabytes in Tesseract, so it is refused from
 * the header alone. Only the bytes of the header are read; nothing is decoded.
 */

export interface ImageSize {
  kind: 'png' | 'jpeg' | 'tiff';
  width: number;
  height: number;
  /** Images in the file (a TIFF may hold several pages); 1 for PNG and JPEG. */
  frames: number;
}

/** Most TIFF pages looked at (the IFD chain of a broken file could loop). */
const MAX_TIFF_FRAMES = 1000;

/**
 * Size of the image, or null when the header is not a readable PNG/JPEG/TIFF header.
 * For a multi-page TIFF, width and height are those of its largest page.
 */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { kind: 'png', width: view.getUint32(16), height: view.getUint32(20), frames: 1 };
  }
  if (bytes.byteLength >= 4 && view.getUint16(0) === 0xffd8) return jpegSize(bytes, view);
  if (bytes.byteLength >= 8 && (view.getUint32(0) === 0x49492a00 || view.getUint32(0) === 0x4d4d002a)) return tiffSize(view);
  return null;
}

/** JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC). */
function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | null {
  let offset = 2;
  while (offset + 9 < bytes.byteLength) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { kind: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), frames: 1 };
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

/** TIFF: every IFD's ImageWidth (256) and ImageLength (257) tags. */
function tiffSize(view: DataView): ImageSize | null {
  const little = view.getUint8(0) === 0x49;
  const u16 = (at: number): number => view.getUint16(at, little);
  const u32 = (at: number): number => view.getUint32(at, little);
  let width = 0;
  let height = 0;
  let frames = 0;
  let ifd = u32(4);
  const seen = new Set<number>();
  while (ifd !== 0 && frames < MAX_TIFF_FRAMES && !seen.has(ifd) && ifd + 2 <= view.byteLength) {
    seen.add(ifd);
    const entries = u16(ifd);
    if (ifd + 2 + entries * 12 + 4 > view.byteLength) return null;
    let frameWidth = 0;
    let frameHeight = 0;
    for (let index = 0; index < entries; index += 1) {
      const entry = ifd + 2 + index * 12;
      const tag = u16(entry);
      if (tag !== 256 && tag !== 257) continue;
      // SHORT (3) or LONG (4), stored in the value field.
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) frameWidth = value;
      else frameHeight = value;
    }
    if (frameWidth === 0 || frameHeight === 0) return null;
    if (frameWidth * frameHeight > width * height) {
      width = frameWidth;
      height = frameHeight;
    }
    frames += 1;
    ifd = u32(ifd + 2 + entries * 12);
  }
  return frames === 0 ? null : { kind: 'tiff', width, height, frames };
}
