import { readFile, unlink } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably } from './durableFile.ts';

/** lowdb adapter that writes the way DocStore snapshots do: temp file, fsync, rename, fsync dir. */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`metadata file ${this.path} cannot be read: ${(err as Error).message}`);
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, JSON.stringify(data));
  }
}

/**
 * One lowdb JSON file of the metadata, written on its own. `persist` resolves once a write that
 * includes everything changed so far is on disk; writes in flight coalesce, so a burst of changes
 * to one file costs at most two writes of it.
 */
export class MetadataFile<T> {
  private writing: Promise<void> | null = null;
  private dirty = false;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];

  private constructor(
    private readonly db: Low<T>,
    private readonly path: string,
  ) {}

  /** Reads the file; `fresh` is used (and not written) when there is none. */
  static async open<T>(path: string, fresh: () => T, upgrade: (data: T) => T = (d) => d): Promise<MetadataFile<T>> {
    const adapter = new DurableJsonFile<T>(path);
    const stored = await adapter.read();
    return new MetadataFile(new Low<T>(adapter, upgrade(stored ?? fresh())), path);
  }

  /** A file that does not exist yet (its first `persist` creates it). */
  static create<T>(path: string, data: T): MetadataFile<T> {
    const db = new Low<T>(new DurableJsonFile<T>(path), data);
    return new MetadataFile(db, path);
  }

  get data(): T {
    return this.db.data;
  }

  persist(): Promise<void> {
    this.dirty = true;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.writing) this.writing = this.writeLoop();
    return done;
  }

  /** Resolves when everything changed so far is on disk (the write loop runs until nothing is dirty). */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  /** Deletes the file once writes in flight are done (the caller fsyncs the directory). */
  async remove(): Promise<void> {
    await this.flush().catch(() => {});
    await unlink(this.path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const waiters = this.waiters;
      this.waiters = [];
      try {
        await this.db.write();
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.writing = null;
  }
}
