import { mkdirSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { fsyncDir, fsyncPath, writeFileSynced } from '../storage/durableFile.ts';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR, imageIdOfFile, TEMP_EXT } from '../storage/dataDirLayout.ts';
import { FileImageIndex, type ImageIndex } from './imageIndex.ts';
import { fileHolds, imageFileName, sha256Hex } from './imageFile.ts';

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

// An import asks an image's id three times (its URL in the text, its file, its index entry): one
// hash of a photo of several megabytes is enough.
const ids = new WeakMap<Uint8Array, string>();
/** An image's id: the SHA-256 of its cleaned bytes (same bytes, one file). */
export function imageIdOf(image: Pick<CleanImage, 'data'>): string {
  let id = ids.get(image.data);
  if (id === undefined) ids.set(image.data, (id = sha256Hex(image.data)));
  return id;
}

/** Records an id the image cleaning thread computed from these very bytes (saves hashing them again). */
export function knowImageId(data: Uint8Array, id: string): void {
  ids.set(data, id);
}

/** An image's file: its content-addressed name and its bytes. */
export interface ImageFile {
  name: string;
  data: Uint8Array;
}

export const imageFileOf = (image: CleanImage): ImageFile => ({ name: imageFileName(imageIdOf(image), image.format), data: image.data });

/**
 * Content-addressed image files shared by all guides, and one list per guide (ImageIndex).
 * - Same bytes, one file: the file is named by its SHA-256; a guide that adds an image already
 *   stored (by itself or another guide) only gains an index entry.
 * - Access stays guide-scoped: an image is readable in a guide only if that guide's index lists it.
 * - Durable and crash-safe: a file is durable (`writeFiles`) before an index names it, or its
 *   bytes are in a durable import journal that writes it again at start if the process died before
 *   `writeFiles` (an import's files are placed unsynced as its pictures are cleaned:
 *   `placeImageFileSync`). A crash leaves at worst an unlisted file, which nobody can read; one
 *   that is reused is first read back (an unsynced file may have lost its bytes to a power cut),
 *   and a durable file is never replaced by an unsynced one. Two nodes writing the same file write
 *   the same bytes.
 */
export class ImageStore {
  /** Where the files are (the image cleaning thread places an import's there: `placeImageFileSync`). */
  readonly filesDir: string;
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

  /** Adds several images to a guide with one write of its index: `writeFiles`, then `listMany`. */
  async addMany(guideId: string, images: CleanImage[], storedBy: string | null): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    await this.writeFiles(images.map(imageFileOf));
    return this.listMany(guideId, images, storedBy);
  }

  /**
   * Writes files durably, side by side, without listing them in any guide: unlisted, nobody can
   * read them. A file already there is kept if it holds these bytes, and synced (it may have been
   * placed unsynced); otherwise (missing, or emptied by a power cut) it is written again.
   */
  async writeFiles(files: ImageFile[]): Promise<void> {
    if (files.length === 0) return;
    const unique = new Map(files.map((file) => [file.name, file.data]));
    await Promise.all(
      [...unique].map(async ([name, data]) => {
        const path = join(this.filesDir, name);
        if (await fileHolds(path, data)) await fsyncPath(path);
        else await writeFileSynced(path, data);
      }),
    );
    // One fsync of the directory for all the renames (40 figures: 40 of them took longer than
    // their files).
    await fsyncDir(this.filesDir);
  }

  /**
   * Deletes the files no guide lists, and interrupted temp files: what imports that never
   * committed placed (an import places its pictures' files as it cleans them, used or not, before
   * it knows it will commit). Only while nothing can import or upload: the caller's to know (a
   * start of the embedded store, once the import journals are settled). A guide's list that cannot
   * be read stops it before anything is deleted. Returns how many files went.
   */
  async deleteUnlistedFiles(): Promise<number> {
    const listed = await this.index.listedIds();
    let deleted = 0;
    for (const file of await readdir(this.filesDir)) {
      const id = imageIdOfFile(file);
      if (id !== null ? listed.has(id) : !file.endsWith(TEMP_EXT)) continue;
      await unlink(join(this.filesDir, file)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      deleted++;
    }
    return deleted;
  }

  /** Lists in a guide, with one write of its index, images whose files are written (see the class). */
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
