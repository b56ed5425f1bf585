import { readFile } from 'node:fs/promises';
import type { GuideImages } from '../images/guideImages.ts';
import { readImage } from '../images/readImage.ts';
import type { ExportImage } from './exportDocument.ts';

/**
 * An image of the guide, as a figure of the export shows it; null when the guide has no such
 * image (the figure is then exported as its alt text). Guide-scoped like the image route.
 */
export async function loadGuideImage(images: GuideImages, guideId: string, imageId: string): Promise<ExportImage | null> {
  const found = await readImage(images, guideId, imageId);
  if (!found) return null;
  const record = await images.store.find(guideId, imageId);
  if (!record) return null;
  const bytes = new Uint8Array(await readFile(found.path));
  // Word takes PNG, JPEG and GIF only: a WebP goes to every format as PNG (lossless, same pixels)
  if (found.contentType === 'image/webp') {
    const { default: sharp } = await import('sharp');
    const png = await sharp(bytes, { limitInputPixels: record.width * record.height + 1 }).png().toBuffer();
    return { bytes: new Uint8Array(png), mediaType: 'image/png', width: record.width, height: record.height };
  }
  return { bytes, mediaType: found.contentType, width: record.width, height: record.height };
}
