import { isValidDocName } from '@dalil/shared';
import { IMAGE_ID_PATTERN } from '@dalil/shared/api/images.ts';
import type { GuideImages } from './guideImages.ts';
import { IMAGE_CONTENT_TYPES } from './imageFormat.ts';

const IMAGE_ID = new RegExp(IMAGE_ID_PATTERN);

export interface ReadableImage {
  path: string;
  contentType: string;
  bytes: number;
}

/**
 * Where to read an image of a guide, or null when that guide has no such image (another guide
 * having it changes nothing). The caller has checked that the reader is a member of the guide.
 */
export async function readImage(images: GuideImages, guideId: string, imageId: string): Promise<ReadableImage | null> {
  if (!isValidDocName(guideId) || !IMAGE_ID.test(imageId)) return null;
  const record = await images.store.find(guideId, imageId);
  if (!record) return null;
  return { path: images.store.pathOf(record), contentType: IMAGE_CONTENT_TYPES[record.format], bytes: record.bytes };
}
