import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { imageEnd } from './imageEnd.ts';
import { ImageRefusedError } from './imageRefused.ts';

/**
 * Markup a browser or a script engine would act on. Each pattern is long enough that the random
 * bytes of compressed pixels match it about once in a million large photos, not once in a thousand
 * (a bare `<svg` would).
 */
const ACTIVE_MARKUP = [
  /<(script|iframe|object|embed|applet)[\s>/]/i,
  /<(html|head|body)[\s>]/i,
  /<!doctype\s/i,
  /<svg\s[^>]{0,500}xmlns/i,
  /javascript:/i,
  /<\?php\s/i,
];

const ZIP_ENTRY = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_DIRECTORY_END = Buffer.from('PK\x05\x06', 'latin1');
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

/**
 * Refuses a polyglot: a file that is a valid image AND something else a program would open as its
 * own (an HTML page or script, a ZIP/JAR, a PDF). The server re-encodes every image, which would
 * drop such a payload anyway; refusing says plainly that the file is not what it claims.
 * Bytes after the image's end are allowed only where cameras really write them: after a JPEG
 * (maker trailers, motion-photo videos), and as zero padding.
 */
export function refuseForeignContent(bytes: Uint8Array, format: ImageFormat): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (ACTIVE_MARKUP.some((pattern) => pattern.test(text))) {
    throw polyglot('it contains HTML or script markup');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(1, 1024).includes(PDF_HEADER)) throw polyglot('it is also a PDF document');
  const end = imageEnd(bytes, format);
  if (end === null) return; // broken structure: the decoder will say the image is unreadable
  const trailer = buffer.subarray(end);
  if (trailer.includes(ZIP_ENTRY) || trailer.includes(ZIP_DIRECTORY_END)) throw polyglot('it carries a ZIP archive after the image');
  if (format !== 'jpeg' && trailer.some((b) => b !== 0)) throw polyglot(`it has ${trailer.byteLength} bytes of other data after the image`);
}

const polyglot = (why: string) => new ImageRefusedError('polyglot_image', `this file is not only an image (${why}); save the picture again as a plain PNG, JPEG, WebP or GIF`);
