import type { ImageFormat } from '@dalil/shared/api/images.ts';

/**
 * Pixels a PNG, GIF or JPEG declares in its header, read without libvips (so without waiting for
 * it), or null when the header does not say (WebP, a damaged file). Only for scheduling: libvips'
 * own pixel limit is what refuses an image.
 */
export function declaredPixels(bytes: Uint8Array, format: ImageFormat): number | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (format) {
    case 'png':
      // Signature (8), IHDR length and type (8), then width and height.
      return bytes.byteLength >= 24 ? data.getUint32(16) * data.getUint32(20) : null;
    case 'gif':
      // Logical screen size; every frame counts for libvips, so an animation is not "small".
      return bytes.byteLength >= 10 ? data.getUint16(6, true) * data.getUint16(8, true) * (isSingleFrameGif(bytes) ? 1 : Infinity) : null;
    case 'jpeg':
      return jpegPixels(bytes, data);
    default:
      return null;
  }
}

/** Conservative: a GIF with a second image separator anywhere may be animated. */
const isSingleFrameGif = (bytes: Uint8Array) => bytes.indexOf(0x2c) === bytes.lastIndexOf(0x2c);

/** Height and width of the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegPixels(bytes: Uint8Array, data: DataView): number | null {
  let offset = 2;
  while (offset + 9 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return data.getUint16(offset + 5) * data.getUint16(offset + 7);
    }
    const length = data.getUint16(offset + 2);
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}
