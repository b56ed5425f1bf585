import { IMAGE_REFUSALS, type ImageRefusal } from '@dalil/shared/api/images.ts';
import { FileRefused } from '../domain/errors.ts';

const KIND = { 413: 'too_large', 415: 'unsupported_file', 422: 'unreadable_content' } as const;

/** An image that will not be stored; `reason` says which rule refused it, `message` says it in one line. */
export class ImageRefusedError extends FileRefused {
  constructor(
    readonly reason: ImageRefusal,
    message: string,
  ) {
    super(KIND[IMAGE_REFUSALS[reason]], reason, message);
    this.name = 'ImageRefusedError';
  }
}

/** More pixels than this server decodes: refused before (header check) or while (libvips limit) decoding. */
export const tooManyPixels = (maxPixels: number) =>
  new ImageRefusedError('image_too_many_pixels', `the image declares more than ${Math.round(maxPixels / 1e6)} million pixels; it is refused as a possible decompression bomb`);

/** libvips could not read the image; `why` is its first line of explanation. */
export const unreadableImage = (why: string) =>
  new ImageRefusedError('image_unreadable', `the image is damaged or truncated and cannot be read (${why.split('\n')[0]})`);
