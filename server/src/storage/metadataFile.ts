import { readFile, unlink } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably } from './durableFile.ts';
import type { MetadataRecord } from './metadataBackend.ts';

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

/** Reads one metadata file; null when there is none. */
export function readMetadataFile<T>(path: string): Promise<T | null> {
  return new DurableJsonFile<T>(path).read();
}

/**
 * One record's lowdb JSON file, written on its own. `persist` resolves once a write that includes
 * everything changed so far is on disk; writes in flight coalesce, so a burst of changes to one file
 * costs at most two writes of it.
 */
export class MetadataFile {
  private readonly db: Low<unknown>;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];

  constructor(
    private readonly path: string,
    private readonly record: MetadataRecord,
  ) {
    this.db = new Low<unknown>(new DurableJsonFile<unknown>(path), record.data);
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
        this.db.data = this.record.data;
        await this.db.write();
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.writing = null;
  }
}
