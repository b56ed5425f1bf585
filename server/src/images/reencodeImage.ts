import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError, tooManyPixels, unreadableImage } from './imageRefused.ts';
import { loadSharp } from './loadSharp.ts';

/** Long side of a stored image: enough for a full-page figure printed at 300 dpi (A4 is 2480 × 3508). */
export const MAX_IMAGE_EDGE = 3000;

export interface CleanedImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes and re-encodes an image in its own format, which is what makes it safe to store:
 * - metadata is gone (a phone photo's EXIF carries GPS coordinates, the camera, the owner's name);
 *   the EXIF orientation is applied to the pixels first, so the photo stays upright;
 * - big photos are scaled down so their long side is at most MAX_IMAGE_EDGE;
 * - a decompression bomb (a small file declaring billions of pixels) is refused from its header,
 *   before any pixel is decoded, by libvips' pixel limit (all frames of an animation count);
 * - the stored bytes come from the encoder, never from the sender.
 * The same input gives the same output, so identical uploads are stored once. Runs in the image
 * cleaning thread (`cleanImage`).
 */
export async function reencodeImage(input: Uint8Array, format: ImageFormat, maxPixels: number): Promise<CleanedImage> {
  const animated = format === 'gif' || format === 'webp';
  const sharp = await loadSharp();
  try {
    let pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'error', animated })
      .timeout({ seconds: 60 })
      .autoOrient()
      .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: 'inside', withoutEnlargement: true });
    pipeline =
      format === 'jpeg'
        ? pipeline.jpeg({ quality: 88 })
        : format === 'png'
          ? pipeline.png()
          : format === 'webp'
            ? pipeline.webp({ quality: 90 })
            : pipeline.gif();
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    if (info.format !== format) {
      throw new ImageRefusedError('image_unreadable', `the image could not be re-encoded as ${format}`);
    }
    // For animations libvips reports the height of the whole strip of frames.
    const height = info.pageHeight ?? info.height;
    return { data, width: info.width, height };
  } catch (err) {
    if (err instanceof ImageRefusedError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) throw tooManyPixels(maxPixels);
    throw unreadableImage(message);
  }
}
