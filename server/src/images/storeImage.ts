import { isValidDocName } from '@dalil/shared';
import { imageUrl, type UploadedImage } from '@dalil/shared/api/images.ts';
import { notFound } from '../errors.ts';
import type { GuideImages } from './guideImages.ts';
import { cleanImage } from './cleanImage.ts';
import type { CleanImage, ImageRecord } from './imageStore.ts';
import { detectImageFormat } from './imageFormat.ts';
import { refuseForeignContent } from './foreignContent.ts';
import { ImageRefusedError } from './imageRefused.ts';

export interface StoredImage extends UploadedImage {
  /** False when the guide already had these exact bytes (nothing was written). */
  created: boolean;
}

/**
 * Checks, cleans and stores an image in a guide, from its bytes alone: the upload route calls it,
 * and so can an import or a script, without HTTP. The caller decides who may; this decides what
 * may be stored. Throws ImageRefusedError (with the rule that refused it) or a 404 for an unknown
 * guide; nothing is written unless the image is accepted.
 */
export async function storeImage(
  images: GuideImages,
  guideId: string,
  bytes: Uint8Array,
  options: { storedBy?: string | null } = {},
): Promise<StoredImage> {
  if (!isValidDocName(guideId) || !images.guides.findGuide(guideId)) throw notFound('guide');
  const cleaned = await acceptImage(images, bytes);
  const { record, created } = await images.store.add(guideId, cleaned, options.storedBy ?? null);
  return storedImage(guideId, record, created);
}

/**
 * Lists images already accepted by `acceptImage`, whose files are written, in a guide, with one
 * write of its index (an import: its images are checked, cleaned and placed while the file is still
 * being converted).
 */
export async function listAcceptedImages(
  images: GuideImages,
  guideId: string,
  accepted: CleanImage[],
  options: { storedBy?: string | null } = {},
): Promise<StoredImage[]> {
  if (!isValidDocName(guideId) || !images.guides.findGuide(guideId)) throw notFound('guide');
  const listed = await images.store.listMany(guideId, accepted, options.storedBy ?? null);
  return listed.map(({ record, created }) => storedImage(guideId, record, created));
}

/**
 * The checks and the cleaning every stored image goes through; throws ImageRefusedError. With
 * `placeFile`, the cleaned image's file is also placed in the store, unsynced and listed nowhere
 * (an import: see `ImageStore.writeFiles`).
 */
export async function acceptImage(images: GuideImages, bytes: Uint8Array, options: { placeFile?: boolean } = {}): Promise<CleanImage> {
  if (bytes.byteLength > images.limits.maxBytes) throw tooLarge(images.limits.maxBytes);
  const format = detectImageFormat(bytes);
  refuseForeignContent(bytes, format);
  return { ...(await cleanImage(bytes, format, images.limits.maxPixels, options.placeFile ? images.store.filesDir : undefined)), format };
}

const storedImage = (guideId: string, record: ImageRecord, created: boolean): StoredImage => ({
  id: record.id,
  url: imageUrl(guideId, record.id),
  width: record.width,
  height: record.height,
  bytes: record.bytes,
  created,
});

export const tooLarge = (maxBytes: number) =>
  new ImageRefusedError('image_too_large', `the image is larger than ${formatMegabytes(maxBytes)} MB, the most this server accepts`);

const formatMegabytes = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
