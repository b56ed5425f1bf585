import type { default as Sharp } from 'sharp';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError, tooManyPixels, unreadableImage } from './imageRefused.ts';
import { declaredPixels } from './declaredPixels.ts';

/** Long side of a stored image: enough for a full-page figure printed at 300 dpi (A4 is 2480 × 3508). */
export const MAX_IMAGE_EDGE = 3000;

export interface CleanedImage {
  data: Buffer;
  width: number;
  height: number;
}

let sharpModule: Promise<typeof Sharp> | null = null;
/**
 * libvips is loaded on the first image, not at server start (most starts never see one). Its
 * operation cache is turned off (for the whole process): it keeps recent operations and their
 * results for a program that works on the same images again, while a server sees each image once;
 * keeping and trimming it doubled the CPU time of cleaning small images (an import's 40 figures:
 * 73 ms → 37 ms), for the same bytes out.
 */
export const loadSharp = () =>
  (sharpModule ??= import('sharp').then((m) => {
    m.default.cache(false);
    return m.default;
  }));

/**
 * Pixels decoded at once. An image is cleaned when its share fits: small images (an imported
 * file's dozens of figures) together, a large one or one whose header does not say alone, as all
 * were before. In arrival order: a large image is not overtaken by the small ones behind it.
 */
const PIXEL_BUDGET = 16_000_000;
let pixelsInFlight = 0;
const waiting: Array<{ weight: number; start: () => void }> = [];

const fits = (weight: number) => pixelsInFlight === 0 || pixelsInFlight + weight <= PIXEL_BUDGET;

/** Resolves when the image may be decoded; null when it may at once (no turn of the event loop lost). */
function acquire(weight: number): Promise<void> | null {
  if (waiting.length === 0 && fits(weight)) {
    pixelsInFlight += weight;
    return null;
  }
  return new Promise((resolve) => waiting.push({ weight, start: () => ((pixelsInFlight += weight), resolve()) }));
}

function release(weight: number): void {
  pixelsInFlight -= weight;
  while (waiting.length > 0 && fits(waiting[0]!.weight)) waiting.shift()!.start();
}

/**
 * Decodes and re-encodes an upload in its own format, which is what makes it safe to store:
 * - metadata is gone (a phone photo's EXIF carries GPS coordinates, the camera, the owner's name);
 *   the EXIF orientation is applied to the pixels first, so the photo stays upright;
 * - big photos are scaled down so their long side is at most MAX_IMAGE_EDGE;
 * - a decompression bomb (a small file declaring billions of pixels) is refused from its header,
 *   before any pixel is decoded, by libvips' pixel limit (all frames of an animation count);
 * - the stored bytes come from the encoder, never from the sender.
 * The same input gives the same output, so identical uploads are stored once.
 */
export async function cleanImage(input: Uint8Array, format: ImageFormat, maxPixels: number): Promise<CleanedImage> {
  // A burst of large uploads decoded together would multiply the memory held (hundreds of MB per
  // photo): large images go one at a time. Small ones go together: for them a libvips call is
  // mostly fixed cost, and an import's forty figures one after the other took longer than
  // reading the whole file, whose XML parse they can now run beside.
  const declared = declaredPixels(input, format);
  const weight = declared !== null && declared > 0 && declared < PIXEL_BUDGET ? declared : PIXEL_BUDGET;
  const turn = acquire(weight);
  if (turn) await turn;
  try {
    return await clean(input, format, maxPixels);
  } finally {
    release(weight);
  }
}

async function clean(input: Uint8Array, format: ImageFormat, maxPixels: number): Promise<CleanedImage> {
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
