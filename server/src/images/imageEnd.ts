import type { ImageFormat } from '@dalil/shared/api/images.ts';

/**
 * Where the image inside `bytes` ends, by walking the format's own structure (chunks, blocks,
 * segments), or null when the structure is broken before its end. Whatever follows that offset is
 * not part of the picture: it is where polyglots hide a second file (HTML, a script, a ZIP).
 * Every loop advances by at least one byte, so a walk never runs longer than the file.
 */
export function imageEnd(bytes: Uint8Array, format: ImageFormat): number | null {
  switch (format) {
    case 'png':
      return pngEnd(bytes);
    case 'gif':
      return gifEnd(bytes);
    case 'webp':
      return webpEnd(bytes);
    case 'jpeg':
      return jpegEnd(bytes);
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Chunks of `length · type · data · CRC` until IEND. */
function pngEnd(bytes: Uint8Array): number | null {
  const data = view(bytes);
  let offset = 8;
  while (offset + 12 <= bytes.byteLength) {
    const length = data.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const next = offset + 12 + length;
    if (next > bytes.byteLength) return null;
    if (type === 'IEND') return next;
    offset = next;
  }
  return null;
}

/** Header, screen descriptor, colour table, then extensions and images until the 0x3B trailer. */
function gifEnd(bytes: Uint8Array): number | null {
  if (bytes.byteLength < 13) return null;
  let offset = 13 + colourTableBytes(bytes[10]!);
  const skipSubBlocks = (): boolean => {
    for (;;) {
      if (offset >= bytes.byteLength) return false;
      const size = bytes[offset]!;
      offset += 1 + size;
      if (size === 0) return true;
    }
  };
  while (offset < bytes.byteLength) {
    const block = bytes[offset]!;
    if (block === 0x3b) return offset + 1;
    if (block === 0x21) {
      offset += 2; // introducer and label
      if (!skipSubBlocks()) return null;
    } else if (block === 0x2c) {
      if (offset + 10 > bytes.byteLength) return null;
      offset += 10 + colourTableBytes(bytes[offset + 9]!) + 1; // descriptor, local table, LZW code size
      if (!skipSubBlocks()) return null;
    } else {
      return null;
    }
  }
  return null;
}

const colourTableBytes = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);

/** RIFF says its own length (chunks are padded to an even size). */
function webpEnd(bytes: Uint8Array): number | null {
  if (bytes.byteLength < 12) return null;
  const size = view(bytes).getUint32(4, true);
  const end = 8 + size + (size % 2);
  return end <= bytes.byteLength ? end : null;
}

/** Marker segments until EOI; after each start of scan, entropy-coded data up to the next marker. */
function jpegEnd(bytes: Uint8Array): number | null {
  const data = view(bytes);
  let offset = 2;
  while (offset < bytes.byteLength) {
    if (bytes[offset] !== 0xff) return null;
    while (offset < bytes.byteLength && bytes[offset] === 0xff) offset++; // fill bytes
    const marker = bytes[offset++];
    if (marker === undefined) return null;
    if (marker === 0xd9) return offset;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (offset + 2 > bytes.byteLength) return null;
    offset += data.getUint16(offset);
    if (marker !== 0xda) continue;
    // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker inside it.
    while (offset + 1 < bytes.byteLength) {
      const next = bytes[offset + 1]!;
      if (bytes[offset] === 0xff && next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
      offset++;
    }
    if (offset + 1 >= bytes.byteLength) return null;
  }
  return null;
}
