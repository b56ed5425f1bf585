import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { tooManyPixels, unreadableImage } from './imageRefused.ts';
import { loadSharp } from './loadSharp.ts';

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
    throw unreadableImage(err instanceof Error ? err.message : String(err));
  }
  if (!width || !height) throw unreadableImage('no size');
  if (width * height * pages > maxPixels) throw tooManyPixels(maxPixels);
}
