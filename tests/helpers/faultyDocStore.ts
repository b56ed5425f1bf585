import type { FileHandle } from 'node:fs/promises';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import type { DocStore } from '@dalil/server/storage/docStore.ts';

/**
 * What the disk does while `fail` is set:
 * - `write-EIO`: a dying disk; half of the append reaches the file (torn bytes), then EIO.
 * - `fsync-EIO`: the write succeeds but fsync reports EIO, so the bytes may never be durable.
 * - `ENOSPC`: a full disk; a short write (some bytes fit) and then ENOSPC.
 * Compactions fail with the same errno before writing anything.
 */
export type DiskFault = 'write-EIO' | 'fsync-EIO' | 'ENOSPC';

/** The real embedded store with switchable faults in its write and fsync calls. */
export class FaultyDocStore extends FileDocStore {
  fail: DiskFault | null = null;
  failedAttempts = 0;

  protected override async writeAt(fh: FileHandle, buf: Uint8Array, position: number): Promise<void> {
    if (this.fail === 'write-EIO' || this.fail === 'ENOSPC') {
      const torn = this.fail === 'ENOSPC' ? Math.floor(buf.byteLength / 3) : Math.floor(buf.byteLength / 2);
      await super.writeAt(fh, buf.subarray(0, torn), position);
      throw this.fault(this.fail === 'ENOSPC' ? 'ENOSPC' : 'EIO');
    }
    return super.writeAt(fh, buf, position);
  }

  protected override async syncLog(fh: FileHandle): Promise<void> {
    if (this.fail === 'fsync-EIO') throw this.fault('EIO');
    return super.syncLog(fh);
  }

  override compact(name: string, state: Uint8Array): Promise<void> {
    if (this.fail) return Promise.reject(this.fault(this.fail === 'ENOSPC' ? 'ENOSPC' : 'EIO'));
    return super.compact(name, state);
  }

  private fault(code: 'EIO' | 'ENOSPC'): NodeJS.ErrnoException {
    this.failedAttempts++;
    const err = new Error(`${code}: injected ${this.fail} fault`) as NodeJS.ErrnoException;
    err.code = code;
    return err;
  }
}

export function faultyStoreFactory(holder: { store?: FaultyDocStore }) {
  return (dir: string, logger: { warn(o: object, m: string): void }): DocStore => {
    holder.store = new FaultyDocStore(dir, logger);
    return holder.store;
  };
}
