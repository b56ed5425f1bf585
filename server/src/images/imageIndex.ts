import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durableFile.ts';
import { IMAGE_INDEX_EXT } from '../storage/dataDirLayout.ts';
import type { GuideImageIndex, ImageRecord } from './imageStore.ts';

/**
 * Which images each guide lists: what makes image access guide-scoped. Files beside the images
 * (embedded), or rows of PostgreSQL (production: every node sees an upload at once, and two nodes
 * adding to one guide never lose each other's entry).
 */
export interface ImageIndex {
  /**
   * Lists the records in the guide, except images it already lists (or listed earlier in the same
   * call); returns, in order, what the guide lists for each and whether it is new.
   */
  addMany(guideId: string, records: ImageRecord[]): Promise<Array<{ record: ImageRecord; created: boolean }>>;
  find(guideId: string, imageId: string): Promise<ImageRecord | null>;
  /** Every image a guide lists, in the order they were added. */
  list(guideId: string): Promise<ImageRecord[]>;
  /** Drops a guide's list (an import that never committed its guide). */
  forget(guideId: string): Promise<void>;
}

/**
 * One JSON file per guide (`images/guides/<guideId>.json`), replaced durably (temp, fsync,
 * rename) and cached once read. Writes go through one queue: they are read-modify-write, and this
 * process is the only writer (the data dir is locked).
 */
export class FileImageIndex implements ImageIndex {
  private readonly indexes = new Map<string, Map<string, ImageRecord>>();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  addMany(guideId: string, records: ImageRecord[]): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    return this.queued(async () => {
      const next = new Map(await this.load(guideId));
      const results = records.map((record) => {
        const existing = next.get(record.id);
        if (existing) return { record: existing, created: false };
        next.set(record.id, record);
        return { record, created: true };
      });
      if (!results.some((r) => r.created)) return results;
      const body: GuideImageIndex = { images: [...next.values()] };
      await writeFileDurably(this.path(guideId), JSON.stringify(body, null, 1));
      this.indexes.set(guideId, next);
      return results;
    });
  }

  forget(guideId: string): Promise<void> {
    return this.queued(async () => {
      this.indexes.delete(guideId);
      await unlink(this.path(guideId)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    });
  }

  async find(guideId: string, imageId: string): Promise<ImageRecord | null> {
    return (await this.load(guideId)).get(imageId) ?? null;
  }

  async list(guideId: string): Promise<ImageRecord[]> {
    return [...(await this.load(guideId)).values()];
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work);
    this.writes = run.catch(() => {});
    return run;
  }

  private path(guideId: string): string {
    return join(this.dir, guideId + IMAGE_INDEX_EXT);
  }

  private async load(guideId: string): Promise<Map<string, ImageRecord>> {
    const cached = this.indexes.get(guideId);
    if (cached) return cached;
    let index: Map<string, ImageRecord>;
    try {
      const parsed = JSON.parse(await readFile(this.path(guideId), 'utf8')) as GuideImageIndex;
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
