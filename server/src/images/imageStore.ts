import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { fileExists, writeFileDurably } from '../storage/durableFile.ts';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR, IMAGE_INDEX_EXT } from '../storage/dataDirLayout.ts';
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

/**
 * Content-addressed image files shared by all guides, and one index per guide.
 * - Same bytes, one file: the file is named by its SHA-256; a guide that adds an image already
 *   stored (by itself or another guide) only gains an index entry.
 * - Access stays guide-scoped: an image is readable in a guide only if that guide's index lists it.
 * - Durable and crash-safe: the file is written (temp, fsync, rename) before the index names it,
 *   and the index is replaced the same way, so an index never names a missing file; a crash between
 *   the two leaves at worst an unlisted file, which nobody can read and the next upload reuses.
 * Writes go through one queue: index updates are read-modify-write, and two uploads of the same
 * bytes must not race on one file. This process is the only writer (the data dir is locked).
 */
export class ImageStore {
  private readonly indexes = new Map<string, Map<string, ImageRecord>>();
  private writes: Promise<unknown> = Promise.resolve();
  private readonly filesDir: string;
  private readonly indexDir: string;

  constructor(imagesDir: string) {
    this.filesDir = join(imagesDir, IMAGE_FILES_DIR);
    this.indexDir = join(imagesDir, IMAGE_INDEX_DIR);
    mkdirSync(this.filesDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.indexDir, { recursive: true, mode: 0o700 });
  }

  /** Adds cleaned image bytes to a guide; `created` is false when the guide already had them. */
  async add(guideId: string, image: CleanImage, storedBy: string | null): Promise<{ record: ImageRecord; created: boolean }> {
    return (await this.addMany(guideId, [image], storedBy))[0]!;
  }

  /**
   * Adds several images to a guide with one write of its index (an import brings dozens: an index
   * rewritten and fsynced after each took longer than converting the file). The new files are
   * written first, side by side, each durably; then the index names them all at once.
   */
  addMany(guideId: string, images: CleanImage[], storedBy: string | null): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    const ids = images.map((image) => sha256Hex(image.data));
    const run = this.writes.then(async () => {
      const index = await this.load(guideId);
      const next = new Map(index);
      const storedAt = new Date().toISOString();
      const results: Array<{ record: ImageRecord; created: boolean }> = [];
      const newFiles = new Map<string, CleanImage>();
      images.forEach((image, i) => {
        const id = ids[i]!;
        const existing = next.get(id);
        if (existing) {
          // The second of the same bytes in one batch is not a new image either.
          results.push({ record: existing, created: false });
          return;
        }
        const record: ImageRecord = { id, format: image.format, width: image.width, height: image.height, bytes: image.data.byteLength, storedAt, storedBy };
        next.set(id, record);
        newFiles.set(id, image);
        results.push({ record, created: true });
      });
      if (newFiles.size === 0) return results;
      await Promise.all(
        [...newFiles].map(async ([id, image]) => {
          const file = join(this.filesDir, imageFileName(id, image.format));
          if (!(await fileExists(file))) await writeFileDurably(file, image.data);
        }),
      );
      const body: GuideImageIndex = { images: [...next.values()] };
      await writeFileDurably(this.indexPath(guideId), JSON.stringify(body, null, 1));
      this.indexes.set(guideId, next);
      return results;
    });
    this.writes = run.catch(() => {});
    return run;
  }

  /**
   * Drops a guide's index (an import that never committed its guide). The files stay: other guides
   * may list them, and an unlisted file is unreadable and reused by the next upload of its bytes.
   */
  forget(guideId: string): Promise<void> {
    const run = this.writes.then(async () => {
      this.indexes.delete(guideId);
      await unlink(this.indexPath(guideId)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    });
    this.writes = run.catch(() => {});
    return run;
  }

  /** The guide's record of an image, or null when the guide has no such image. */
  async find(guideId: string, imageId: string): Promise<ImageRecord | null> {
    return (await this.load(guideId)).get(imageId) ?? null;
  }

  /** Path of the stored file of a record. */
  pathOf(record: ImageRecord): string {
    return join(this.filesDir, imageFileName(record.id, record.format));
  }

  /** Every image a guide lists (the order they were added in). */
  async list(guideId: string): Promise<ImageRecord[]> {
    return [...(await this.load(guideId)).values()];
  }

  private indexPath(guideId: string): string {
    return join(this.indexDir, guideId + IMAGE_INDEX_EXT);
  }

  private async load(guideId: string): Promise<Map<string, ImageRecord>> {
    const cached = this.indexes.get(guideId);
    if (cached) return cached;
    let index: Map<string, ImageRecord>;
    try {
      const parsed = JSON.parse(await readFile(this.indexPath(guideId), 'utf8')) as GuideImageIndex;
      index = new Map(parsed.images.map((r) => [r.id, r]));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      index = new Map();
    }
    // Another load may have finished during the await; keep the first so writes see one map.
    const raced = this.indexes.get(guideId);
    if (raced) return raced;
    this.indexes.set(guideId, index);
    return index;
  }
}
