import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocName } from '@dalil/shared';
import { PerDocumentQueue } from './perDocumentQueue.ts';
import type { DocStore, LoadedDoc } from './docStore.ts';
import { decodeRecords, encodeRecords } from './recordCodec.ts';
import { fileExists, fsyncDir, writeFileDurably, writeFileSynced } from './durableFile.ts';
import { DOC_LOG_EXT, DOC_SNAPSHOT_EXT, docNameOfFile } from './dataDirLayout.ts';

export interface DocStoreLogger {
  warn(obj: object, msg: string): void;
}

interface OpenLog {
  fh: FileHandle;
  /** End of the last well-formed record: the next append goes here, over any torn bytes. */
  size: number;
}

/**
 * Embedded DocStore: per document, a compacted state file (`<name>.ydoc`, replaced atomically) and
 * an append-only log (`<name>.ylog`) of length- and checksum-framed updates.
 *
 * Appends write at an explicit offset (not O_APPEND): after a failed write left torn bytes, the retry
 * overwrites them instead of burying them under good records.
 */
export class FileDocStore implements DocStore {
  private readonly logs = new Map<string, OpenLog>();
  /** Per-document chain, so that operations on one document never interleave. */
  private readonly queue = new PerDocumentQueue();
  private dirReady: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly logger: DocStoreLogger,
  ) {}

  load(name: string): Promise<LoadedDoc> {
    return this.serialize(name, async () => {
      await this.ensureDir();
      const snapshot = await this.readSnapshot(name);
      const { log, records: justRead } = await this.openLogReading(name);
      // Opening the log already read and checked it; read again only if it was open before.
      const records = justRead ?? (log.size > 0 ? decodeRecords((await readFile(this.logPath(name))).subarray(0, log.size)).records : []);
      return {
        updates: snapshot ? [snapshot, ...records] : records,
        logBytes: log.size,
        snapshotBytes: snapshot?.byteLength ?? 0,
      };
    });
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.serialize(name, async () => {
      await this.ensureDir();
      const log = await this.openLog(name);
      const buf = encodeRecords(updates);
      await this.writeAt(log.fh, buf, log.size);
      await this.syncLog(log.fh);
      // Only now: after a failed write or fsync the next append rewrites the same bytes at the same
      // offset, which also re-dirties pages that a failed fsync may have dropped from the cache.
      log.size += buf.byteLength;
    });
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.serialize(name, async () => {
      await this.ensureDir();
      await writeFileDurably(this.snapshotPath(name), encodeRecords([state]));
      // A crash between the rename above and this truncation leaves log records that the new
      // snapshot already contains; replaying them is harmless because Yjs updates are idempotent.
      // A new document (an import writes dozens) has no log yet: none is created just to be
      // emptied, which spared two fsyncs per document.
      const log = this.logs.get(name) ?? ((await fileExists(this.logPath(name))) ? await this.openLog(name) : null);
      if (!log) return;
      await log.fh.truncate(0);
      await log.fh.datasync();
      log.size = 0;
    });
  }

  /**
   * New documents, each file written and fsynced side by side, and the directory fsynced once for
   * all (an import's 50 sections: 50 fewer fsyncs than as many compactions). Each write starts as
   * its document arrives (an import encodes the next ones meanwhile). Refuses a name that already
   * has a document.
   */
  async createMany(documents: Iterable<[name: string, state: Uint8Array]> | AsyncIterable<[name: string, state: Uint8Array]>): Promise<void> {
    await this.ensureDir();
    const writes: Array<Promise<void>> = [];
    let failure: { reason: unknown } | null = null;
    try {
      for await (const [name, state] of documents) {
        const write = this.serialize(name, async () => {
          if (this.logs.has(name) || (await fileExists(this.snapshotPath(name))) || (await fileExists(this.logPath(name)))) {
            throw new Error(`document ${name} already exists`);
          }
          await writeFileSynced(this.snapshotPath(name), encodeRecords([state]));
        });
        // Handled at once: the documents still to come may take several turns of the event loop.
        write.catch(() => {});
        writes.push(write);
      }
    } catch (reason) {
      failure = { reason };
    }
    // Every write settles before the directory's fsync, and before a failure is reported (a
    // rollback must not race a write still under way).
    const outcomes = await Promise.allSettled(writes);
    if (failure) throw failure.reason;
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    await fsyncDir(this.dir);
  }

  logBytes(name: string): number {
    return this.logs.get(name)?.size ?? 0;
  }

  async list(): Promise<string[]> {
    await this.ensureDir();
    const names = new Set<string>();
    for (const file of await readdir(this.dir)) {
      const name = docNameOfFile(file);
      if (name !== null && isValidDocName(name)) names.add(name);
    }
    return [...names].sort();
  }

  delete(name: string): Promise<void> {
    return this.serialize(name, async () => {
      const log = this.logs.get(name);
      this.logs.delete(name);
      await log?.fh.close();
      await unlink(this.snapshotPath(name)).catch(ignoreMissing);
      await unlink(this.logPath(name)).catch(ignoreMissing);
      await fsyncDir(this.dir);
    });
  }

  /** Closes the log of a document that left memory; the next operation reopens it. */
  release(name: string): Promise<void> {
    return this.serialize(name, async () => {
      const log = this.logs.get(name);
      this.logs.delete(name);
      await log?.fh.close();
    });
  }

  async close(): Promise<void> {
    await this.queue.idle();
    const logs = [...this.logs.values()];
    this.logs.clear();
    await Promise.allSettled(logs.map((log) => log.fh.close()));
  }

  /** Writes `buf` at `position`. Protected so that fault-injection tests can tear or fail it. */
  protected writeAt(fh: FileHandle, buf: Uint8Array, position: number): Promise<void> {
    return writeFully(fh, buf, position);
  }

  /** Makes the log's written bytes durable. Protected so that fault-injection tests can fail it. */
  protected syncLog(fh: FileHandle): Promise<void> {
    return fh.datasync();
  }

  private async readSnapshot(name: string): Promise<Uint8Array | null> {
    let raw: Buffer;
    try {
      raw = await readFile(this.snapshotPath(name));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const { records, problem } = decodeRecords(raw);
    // Snapshots are replaced atomically, so a bad one is real damage, not a torn write: refuse to
    // serve the document rather than silently serve it without its history.
    if (problem || records.length !== 1) {
      throw new Error(`snapshot of ${name} is corrupt: ${problem ?? `${records.length} records`}`);
    }
    return records[0]!;
  }

  private async openLog(name: string): Promise<OpenLog> {
    return (await this.openLogReading(name)).log;
  }

  /** Opens a document's log (once), and hands back its valid records when it had to read them. */
  private async openLogReading(name: string): Promise<{ log: OpenLog; records: Uint8Array[] | null }> {
    const existing = this.logs.get(name);
    if (existing) return { log: existing, records: null };
    const path = this.logPath(name);
    let created = false;
    let fh: FileHandle;
    try {
      fh = await open(path, constants.O_RDWR);
    } catch (err) {
      if (!isMissing(err)) throw err;
      fh = await open(path, constants.O_RDWR | constants.O_CREAT, 0o600);
      created = true;
    }
    try {
      let size = 0;
      let records: Uint8Array[] = [];
      if (!created) {
        const raw = await fh.readFile();
        const decoded = decodeRecords(raw);
        size = decoded.validBytes;
        records = decoded.records;
        if (decoded.problem) {
          this.logger.warn(
            { doc: name, problem: decoded.problem, keptBytes: size, droppedBytes: raw.byteLength - size },
            'update log has a torn or corrupt tail; it is skipped and will be overwritten',
          );
        }
      } else {
        await fsyncDir(this.dir);
      }
      const log = { fh, size };
      this.logs.set(name, log);
      return { log, records };
    } catch (err) {
      await fh.close().catch(() => {});
      throw err;
    }
  }

  private ensureDir(): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined);
    return this.dirReady;
  }

  private serialize<T>(name: string, task: () => Promise<T>): Promise<T> {
    if (!isValidDocName(name)) return Promise.reject(new Error(`invalid document name ${JSON.stringify(name)}`));
    return this.queue.run(name, task);
  }


  private snapshotPath(name: string): string {
    return join(this.dir, name + DOC_SNAPSHOT_EXT);
  }

  private logPath(name: string): string {
    return join(this.dir, name + DOC_LOG_EXT);
  }
}

async function writeFully(fh: FileHandle, buf: Uint8Array, position: number): Promise<void> {
  let written = 0;
  while (written < buf.byteLength) {
    const { bytesWritten } = await fh.write(buf, written, buf.byteLength - written, position + written);
    if (bytesWritten === 0) throw new Error('write returned 0 bytes');
    written += bytesWritten;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

function ignoreMissing(err: unknown): void {
  if (!isMissing(err)) throw err;
}
