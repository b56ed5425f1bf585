import { readdir, readFile, unlink } from 'node:fs/promises';
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
  /** Every image id some guide lists. */
  listedIds(): Promise<Set<string>>;
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

  /** Read from the files, not kept: at a start, most guides' lists are never asked for. */
  async listedIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const file of await readdir(this.dir)) {
      if (!file.endsWith(IMAGE_INDEX_EXT)) continue;
      const guideId = file.slice(0, -IMAGE_INDEX_EXT.length);
      for (const id of (this.indexes.get(guideId) ?? (await this.read(guideId))).keys()) ids.add(id);
    }
    return ids;
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
    const index = await this.read(guideId);
    // Another load may have finished during the await; keep the first so writes see one map.
    const raced = this.indexes.get(guideId);
    if (raced) return raced;
    this.indexes.set(guideId, index);
    return index;
  }

  /** A guide's list as its file holds it (empty when it has none); throws, naming the file, when it cannot be read. */
  private async read(guideId: string): Promise<Map<string, ImageRecord>> {
    let text: string;
    try {
      text = await readFile(this.path(guideId), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw err;
    }
    try {
      return new Map((JSON.parse(text) as GuideImageIndex).images.map((r) => [r.id, r]));
    } catch (err) {
      throw new Error(`the image index ${this.path(guideId)} cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}
