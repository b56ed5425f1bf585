import type { ImageFormat } from '@dalil/shared/api/images.ts';

/**
 * Width and height a PNG or JPEG declares in its header (what libpng and libjpeg decode to),
 * read without libvips; null for other formats or a header that does not say. Only to skip work:
 * libvips' own checks and pixel limit still judge the image.
 */
export function declaredSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    // Signature (8), then IHDR, which must come first: length and type (8), width, height.
    const ihdr = bytes.byteLength >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
    return ihdr ? { width: data.getUint32(16), height: data.getUint32(20) } : null;
  }
  return format === 'jpeg' ? jpegSize(bytes, data) : null;
}

/** The first start-of-frame segment's size (SOF0–SOF15 but DHT, JPG and DAC), as libjpeg reads it. */
function jpegSize(bytes: Uint8Array, data: DataView): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // Markers without a length (TEM, RST0–7) are stepped over; another image, the end or the
    // scan before any frame header means the header does not say.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.getUint16(offset + 5), width: data.getUint16(offset + 7) };
    }
    const length = data.getUint16(offset + 2);
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}
