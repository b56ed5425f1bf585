import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real image files made in the test, one per case the image upload must handle: a phone-like
 * photo with GPS in its EXIF, a PNG bomb, an SVG, polyglots.
 */

/** A JPEG whose EXIF carries GPS coordinates (and a camera owner), like a phone photo. */
export function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Karim Auteur' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 48/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 10/1 5/1' },
    })
    .toBuffer();
}

/** Noise, so that encoders cannot shrink it: for size limits. */
export function noisyPng(width: number, height: number): Promise<Buffer> {
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export function smallGif(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: '#c33' } }).gif().toBuffer();
}

export function smallPng(colour = '#3c3'): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
}

export function smallWebp(): Promise<Buffer> {
  return sharp({ create: { width: 50, height: 20, channels: 3, background: '#33c' } }).webp().toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes declaring width × height pixels (its
 * data is one compressed run of zeros, which would inflate to gigabytes).
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc(64 * 1024));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n',
);

/** Does this EXIF block (as sharp's metadata returns it) point to a GPS directory? */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}
