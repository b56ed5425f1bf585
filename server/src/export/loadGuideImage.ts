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
  return { bytes: new Uint8Array(await readFile(found.path)), mediaType: found.contentType, width: record.width, height: record.height };
}
