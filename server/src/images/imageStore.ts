import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { fileExists, fsyncDir, writeFileSynced } from '../storage/durableFile.ts';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR } from '../storage/dataDirLayout.ts';
import { FileImageIndex, type ImageIndex } from './imageIndex.ts';
import { IMAGE_EXTENSIONS } from './imageFormat.ts';

/** One image of a guide, as its index file lists it. */
export interface ImageRecord {
  /** SHA-256 (hex) of the stored bytes. */
  id: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  storedAt: string;
  /** Who brought it in (null for the server itself, e.g. an import run by an admin). */
  storedBy: string | null;
}

/** A guide's index file. */
export interface GuideImageIndex {
  images: ImageRecord[];
}

/** Cleaned bytes of an image, as `cleanImage` gives them, and their format. */
export interface CleanImage {
  data: Uint8Array;
  format: ImageFormat;
  width: number;
  height: number;
}

export const imageFileName = (id: string, format: ImageFormat) => `${id}.${IMAGE_EXTENSIONS[format]}`;
export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

// An import asks an image's id three times (its URL in the text, its file, its index entry): one
// hash of a photo of several megabytes is enough.
const ids = new WeakMap<Uint8Array, string>();
/** An image's id: the SHA-256 of its cleaned bytes (same bytes, one file). */
export function imageIdOf(image: Pick<CleanImage, 'data'>): string {
  let id = ids.get(image.data);
  if (id === undefined) ids.set(image.data, (id = sha256Hex(image.data)));
  return id;
}

/**
 * Content-addressed image files shared by all guides, and one list per guide (ImageIndex).
 * - Same bytes, one file: the file is named by its SHA-256; a guide that adds an image already
 *   stored (by itself or another guide) only gains an index entry.
 * - Access stays guide-scoped: an image is readable in a guide only if that guide's index lists it.
 * - Durable and crash-safe: the file is written (temp, fsync, rename) before the index names it, so
 *   an index never names a missing file; a crash between the two leaves at worst an unlisted file,
 *   which nobody can read and the next upload reuses. Two nodes writing the same file write the
 *   same bytes.
 */
export class ImageStore {
  private readonly filesDir: string;
  private readonly index: ImageIndex;

  constructor(imagesDir: string, index?: ImageIndex) {
    this.filesDir = join(imagesDir, IMAGE_FILES_DIR);
    const indexDir = join(imagesDir, IMAGE_INDEX_DIR);
    mkdirSync(this.filesDir, { recursive: true, mode: 0o700 });
    mkdirSync(indexDir, { recursive: true, mode: 0o700 });
    this.index = index ?? new FileImageIndex(indexDir);
  }

  /** Adds cleaned image bytes to a guide; `created` is false when the guide already had them. */
  async add(guideId: string, image: CleanImage, storedBy: string | null): Promise<{ record: ImageRecord; created: boolean }> {
    return (await this.addMany(guideId, [image], storedBy))[0]!;
  }

  /**
   * Adds several images to a guide with one write of its index (an import brings dozens: an index
   * rewritten and fsynced after each took longer than converting the file): `writeFiles`, then
   * `listMany`.
   */
  async addMany(guideId: string, images: CleanImage[], storedBy: string | null): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    await this.writeFiles(images);
    return this.listMany(guideId, images, storedBy);
  }

  /**
   * Writes images' files, durably, side by side, without listing them in any guide: unlisted,
   * nobody can read them, and a file left so (an import that never committed) is reused by the
   * next upload of its bytes. An import writes them as soon as its file is read, before its
   * journal names the guide whose index will list them.
   */
  async writeFiles(images: CleanImage[]): Promise<void> {
    if (images.length === 0) return;
    const unique = new Map(images.map((image) => [imageFileName(imageIdOf(image), image.format), image]));
    await Promise.all(
      [...unique].map(async ([name, image]) => {
        const file = join(this.filesDir, name);
        if (!(await fileExists(file))) await writeFileSynced(file, image.data);
      }),
    );
    // One fsync of the directory for all the renames (40 figures: 40 of them took longer than
    // their files), also when every file was there already: its writer may not have synced it yet.
    await fsyncDir(this.filesDir);
  }

  /** Lists in a guide, with one write of its index, images whose files `writeFiles` wrote. */
  listMany(guideId: string, images: CleanImage[], storedBy: string | null): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    const storedAt = new Date().toISOString();
    const records = images.map((image): ImageRecord => ({
      id: imageIdOf(image),
      format: image.format,
      width: image.width,
      height: image.height,
      bytes: image.data.byteLength,
      storedAt,
      storedBy,
    }));
    return this.index.addMany(guideId, records);
  }

  /**
   * Drops a guide's index (an import that never committed its guide). The files stay: other guides
   * may list them, and an unlisted file is unreadable and reused by the next upload of its bytes.
   */
  forget(guideId: string): Promise<void> {
    return this.index.forget(guideId);
  }

  /** The guide's record of an image, or null when the guide has no such image. */
  find(guideId: string, imageId: string): Promise<ImageRecord | null> {
    return this.index.find(guideId, imageId);
  }

  /** Path of the stored file of a record. */
  pathOf(record: ImageRecord): string {
    return join(this.filesDir, imageFileName(record.id, record.format));
  }

  /** Every image a guide lists (the order they were added in). */
  list(guideId: string): Promise<ImageRecord[]> {
    return this.index.list(guideId);
  }
}
