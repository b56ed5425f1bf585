import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError } from './imageRefused.ts';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.byteLength >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The format of an upload, from its first bytes only: the file name and the declared type are
 * whatever the sender chose, the magic bytes are what every decoder (and a sniffing browser) goes by.
 * SVG gets its own refusal: it is a document that can carry scripts, not a picture.
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat {
  if (startsWith(bytes, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (looksLikeSvg(bytes)) {
    throw new ImageRefusedError('svg_not_accepted', 'SVG drawings are not accepted (they can carry scripts); export the drawing as PNG');
  }
  throw new ImageRefusedError('unsupported_image_type', 'this file is not a PNG, JPEG, WebP or GIF image');
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<') && head.includes('<svg');
}

export const IMAGE_EXTENSIONS: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif' };
export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};
