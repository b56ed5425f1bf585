import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError } from './imageRefused.ts';
import { loadSharp } from './cleanImage.ts';

/**
 * What `cleanImage` would refuse that can be told without decoding a pixel: a header libvips
 * cannot read, and more pixels than `maxPixels` (all frames of an animation count, as libvips
 * counts them). For a preview, which names the images an import would drop; the import itself
 * still decodes and re-encodes every image, and refuses one whose pixel data is damaged.
 */
export async function checkImageHeader(input: Uint8Array, format: ImageFormat, maxPixels: number): Promise<void> {
  const sharp = await loadSharp();
  let width: number | undefined;
  let height: number | undefined;
  let pages = 1;
  try {
    const meta = await sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata();
    width = meta.width;
    height = meta.height;
    pages = format === 'gif' || format === 'webp' ? (meta.pages ?? 1) : 1;
    if (meta.format !== format) throw new Error(`read as ${meta.format}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ImageRefusedError('image_unreadable', `the image is damaged or truncated and cannot be read (${message.split('\n')[0]})`);
  }
  if (!width || !height) throw new ImageRefusedError('image_unreadable', 'the image is damaged or truncated and cannot be read (no size)');
  if (width * height * pages > maxPixels) {
    throw new ImageRefusedError(
      'image_too_many_pixels',
      `the image declares more than ${Math.round(maxPixels / 1e6)} million pixels; it is refused as a possible decompression bomb`,
    );
  }
}
